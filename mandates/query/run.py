"""Running SPARQL queries on a store with the project's prefixes declared.

The project's prefixes (``mnd:``, ``verb:``, ``skos:`` …) are declared for every query, so
analysts may use them without PREFIX lines; error positions refer to the query as written.
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from mandates.errors import QueryError
from mandates.namespaces import PREFIXES, sparql_prologue
from mandates.store.contract import QueryResult, ReadableStore

PROLOGUE = sparql_prologue()
_PROLOGUE_LINES = PROLOGUE.count("\n")
_POSITION = re.compile(r"^error at (\d+):(\d+): ")


def syntax_error(message: str, source: str = "query", skipped_lines: int = 0) -> QueryError:
    """The engine's syntax error as a :class:`QueryError` at ``source:line:column``.

    ``skipped_lines`` are lines the engine saw before the text as written (a prologue).

    >>> str(syntax_error("error at 12:3: expected OPTIONAL", skipped_lines=10))
    'query:2:3: SPARQL syntax error: expected OPTIONAL'
    """
    match = _POSITION.match(message)
    if not match:
        return QueryError(f"SPARQL syntax error: {message}", source)
    position = f"{source}:{int(match.group(1)) - skipped_lines}:{match.group(2)}"
    return QueryError(f"SPARQL syntax error: {message[match.end() :]}", position)


def run(store: ReadableStore, text: str, source: str = "query") -> QueryResult:
    """Evaluate a query over the default graph: the merge of all named graphs."""
    try:
        return store.query(PROLOGUE + text)
    except SyntaxError as err:
        raise syntax_error(str(err), source, _PROLOGUE_LINES) from None
    except OSError as err:
        raise QueryError(f"the query failed: {err}", source) from None


# Typed forms of ``store.query``: the engine answers one of three result types, and each caller
# knows which its query form gives. These say so once, and fail loudly if it is not so, instead
# of a cast at every call. Queries are given the project's prefixes.


def select(store: ReadableStore, text: str, **options: Any) -> ox.QuerySolutions:
    """The solutions of a SELECT query."""
    result = store.query(text, prefixes=options.pop("prefixes", PREFIXES), **options)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"not a SELECT query: {text[:60]!r}")
    return result


def ask(store: ReadableStore, text: str, **options: Any) -> bool:
    """The answer of an ASK query."""
    result = store.query(text, prefixes=options.pop("prefixes", PREFIXES), **options)
    if not isinstance(result, ox.QueryBoolean):
        raise TypeError(f"not an ASK query: {text[:60]!r}")
    return bool(result)


def construct(store: ReadableStore, text: str, **options: Any) -> ox.QueryTriples:
    """The triples of a CONSTRUCT or DESCRIBE query."""
    result = store.query(text, prefixes=options.pop("prefixes", PREFIXES), **options)
    if not isinstance(result, ox.QueryTriples):
        raise TypeError(f"not a CONSTRUCT or DESCRIBE query: {text[:60]!r}")
    return result
