"""SPARQL on the store: :mod:`.run` (running a query with the project's prefixes, typed
helpers), :mod:`.results` (results as a table, CSV or JSON), :mod:`.text` (what a query's
text asks for: updates, SERVICE, volatile functions) and :mod:`.saved` (the saved analyst
queries of ``queries/``)."""
