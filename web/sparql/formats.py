"""The formats the SPARQL endpoint writes, and choosing one from ``Accept`` or ``format=``.

Imported by the query workers too, so it needs nothing but pyoxigraph and Werkzeug's
``Accept`` type. The first type of each table is the default when the client accepts anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

#: SELECT and ASK results.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
#: CONSTRUCT and DESCRIBE results, the service description and the VoID description.
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "text/n3": ox.RdfFormat.N3,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/json": ox.RdfFormat.JSON_LD,
}
#: Short names accepted by the ``format`` parameter (SPARQLWrapper sends these).
RESULT_NAMES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_NAMES = {
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "xml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "json": "application/ld+json",
    "json-ld": "application/ld+json",
    "jsonld": "application/ld+json",
    "trig": "application/trig",
    "n3": "text/n3",
}


def choose(
    accept: MIMEAccept, formats: Iterable[str], types: dict, names: dict[str, str]
) -> str | None:
    """The media type to answer with, or None when nothing acceptable can be written.

    ``format`` values win over ``Accept``: the first one naming a type of ``types`` is used;
    when some are given and none fits, the answer is None (HTTP 406).

    >>> choose(MIMEAccept([("*/*", 1)]), [], GRAPH_TYPES, GRAPH_NAMES)
    'text/turtle'
    >>> choose(MIMEAccept([("text/csv", 1)]), ["n3", "json"], RESULT_TYPES, RESULT_NAMES)
    'application/sparql-results+json'
    >>> choose(MIMEAccept([("image/png", 1)]), [], RESULT_TYPES, RESULT_NAMES) is None
    True
    """
    formats = [f.strip().lower() for f in formats if f.strip()]
    for value in formats:
        media_type = names.get(value, value)
        if media_type in types:
            return media_type
    if formats:
        return None
    if not accept:
        return next(iter(types))
    return accept.best_match(list(types))


@lru_cache(maxsize=512)
def negotiate(accept: str, formats: tuple[str, ...], graph: bool) -> str | None:
    """:func:`choose` for an ``Accept`` header as sent: remembered, since clients send the same
    few headers again and again and parsing one costs more than answering a cached query.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", (), False)
    'application/sparql-results+json'
    """
    types, names = (GRAPH_TYPES, GRAPH_NAMES) if graph else (RESULT_TYPES, RESULT_NAMES)
    return choose(parse_accept_header(accept, MIMEAccept), formats, types, names)
