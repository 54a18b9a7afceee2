"""The parser: a query or an update, from its text to its syntax tree.

Recursive descent over the W3C grammar (SPARQL 1.1 Query, §19.8), LL(1) as the grammar is,
reading each token once. The rules are split by topic into a chain of classes, each adding its
rules to the one before: :mod:`.cursor` → :mod:`.terms` → :mod:`.expressions` →
:mod:`.paths` → :mod:`.triples` → :mod:`.patterns` → :mod:`.query` → :mod:`.update`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .forms import Query, Update
from .update import Updates
from .words import QUERY_FORMS, UPDATE_KEYWORDS


class Parser(Updates):
    """One text's parse: the rules of every topic, and where it stands."""

    def unit(self) -> Query | Update:
        """[1] QueryUnit or [3] UpdateUnit: a prologue, then a query or an update, then the
        end of the text."""
        self.prologue()
        kind = self.kinds[self.i]
        if kind in QUERY_FORMS:
            tree: Query | Update = self.query()
        elif kind in UPDATE_KEYWORDS:
            tree = self.update()
        else:
            self.fail("`SELECT`, `CONSTRUCT`, `DESCRIBE` or `ASK`")
        if self.kinds[self.i] != "EOF":
            self.fail("the end of the query")
        return tree


def parse(text: str, prefixes: Mapping[str, str] | None = None) -> Query | Update:
    """The syntax tree of a SPARQL 1.1 query or update.

    ``prefixes`` are declared before the text (the endpoint's own); the text's PREFIX lines
    override them. Raises :class:`~.errors.SparqlSyntaxError` with the line and column.

    >>> parse("PREFIX ex: <http://e.org/> ASK { ex:a ex:b 1 }").form
    'ASK'
    >>> parse("ASK { ex:a ?p ?o }")
    Traceback (most recent call last):
    ...
    mandates.query.parse.errors.SparqlSyntaxError: unknown prefix `ex:` at line 1, column 7
    """
    return Parser(text, prefixes).unit()
