"""SPARQL on the store: :mod:`.run` (running a query with the project's prefixes, typed
helpers, terms put into queries built in code), :mod:`.results` (results as a table, CSV or
JSON), :mod:`.parse` (a SPARQL 1.1 parser: what a query asks for, read from its syntax tree:
updates, SERVICE, volatile functions) and :mod:`.saved` (the saved analyst queries of
``queries/``)."""
