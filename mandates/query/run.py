"""Running SPARQL queries on a store with the project's prefixes declared.

The project's prefixes (``mnd:``, ``verb:``, ``skos:`` …) are declared for every query, so
analysts may use them without PREFIX lines; error positions refer to the query as written.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from mandates.errors import QueryError
from mandates.namespaces import sparql_prologue

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


def run(store: ox.Store, text: str, source: str = "query") -> object:
    """Evaluate a query over the default graph: the merge of all named graphs."""
    try:
        return store.query(PROLOGUE + text)
    except SyntaxError as err:
        raise syntax_error(str(err), source, _PROLOGUE_LINES) from None
    except OSError as err:
        raise QueryError(f"the query failed: {err}", source) from None
