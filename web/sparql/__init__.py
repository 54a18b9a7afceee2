"""The SPARQL 1.1 endpoint at ``/sparql``.

- :mod:`.endpoint`: the query operations, a plain WSGI application in front of Flask;
- :mod:`.protocol`: reading a query operation from a request;
- :mod:`.formats`: the result and graph formats, chosen by ``Accept`` or ``format=``;
- :mod:`.result_cache`: small answers kept for the same query on the same store version;
- :mod:`.description` and :mod:`.views`: the Service Description and VoID (a GET without a
  query).

Queries run in worker processes (:mod:`mandates.web.workers`), never in the server.
"""
