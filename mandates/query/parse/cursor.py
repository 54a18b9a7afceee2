"""The parser's footing: the token it stands on, moving on, failing with a position, and the
bound on nesting.

Recursive descent uses a stack frame or a few per level of nesting, so a query nested deeper
than Python's stack allows would crash the reader instead of being refused. Every rule that
nests (a group, a bracketed expression, a collection, a blank-node list, a path in brackets, a
function's arguments) calls :meth:`Cursor.enter`, which refuses beyond :data:`MAX_DEPTH`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import NoReturn

from .errors import SparqlSyntaxError
from .lexer import Lexer
from .words import LATER_WORDS

#: How deep groups, brackets and lists may nest. Hand-written queries stay far below; each
#: level costs at most a handful of stack frames, so this stays clear of Python's limit.
MAX_DEPTH = 64

#: How the parser names what it expected, for kinds that are not written as themselves.
NAMES = {
    "EOF": "the end of the query",
    "VAR": "a variable",
    "IRIREF": "an IRI",
    "NUMBER": "a number",
    "STRING": "a string",
    "NIL": "`()`",
}


def describe(kind: str) -> str:
    """How an error names a token kind: ``}`` as `` `}` ``, ``VAR`` as "a variable".

    >>> describe("}"), describe("VAR"), describe("WHERE")
    ('`}`', 'a variable', '`WHERE`')
    """
    return NAMES.get(kind) or f"`{kind}`"


class Cursor:
    """Where the parser stands in the token lists, with the prefixes in force."""

    def __init__(self, text: str, prefixes: Mapping[str, str] | None = None) -> None:
        self.text = text
        self.lexer = Lexer(text)
        self.lexer.more()
        self.kinds, self.values, self.starts = self.lexer.tokens
        self.i = 0
        self.refill = sys.maxsize if self.lexer.done else len(self.kinds) - 2
        self.depth = 0
        self.base: str | None = None
        self.prefixes: dict[str, str] = dict(prefixes or {})
        self.declared: dict[str, str] = {}
        self.used: set[str] = set()
        #: The basic graph pattern being read (None in templates and update data), and the
        #: one where each blank node label was first used: a label names one node in one BGP.
        self.bgp: int | None = None
        self.bgps = 0
        self.labels: dict[str, int] = {}

    # Moving ---------------------------------------------------------------------------------

    def advance(self) -> None:
        """Step past the current token, reading another chunk of tokens when near the end."""
        self.i += 1
        if self.i >= self.refill:
            self.lexer.more()
            self.refill = sys.maxsize if self.lexer.done else len(self.kinds) - 2

    def take(self) -> str:
        """The current token's text; step past it."""
        value = self.values[self.i]
        self.advance()
        return value

    def accept(self, kind: str) -> bool:
        """Step past the current token if it is of ``kind``; say whether it was."""
        if self.kinds[self.i] == kind:
            self.advance()
            return True
        return False

    def expect(self, kind: str, what: str | None = None) -> str:
        """The text of the current token, which must be of ``kind``; step past it."""
        if self.kinds[self.i] != kind:
            self.fail(what or describe(kind))
        return self.take()

    # Nesting ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """One level deeper, after the bracket that opens it; refused past :data:`MAX_DEPTH`."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            message = f"the query nests deeper than {MAX_DEPTH} levels (brackets or groups)"
            self.error(message, self.i - 1)

    def leave(self) -> None:
        """One level back up."""
        self.depth -= 1

    # Failing ---------------------------------------------------------------------------------

    def error(self, message: str, index: int | None = None) -> NoReturn:
        """Raise ``message`` at the token ``index`` (the current one by default)."""
        start = self.starts[self.i if index is None else index]
        raise SparqlSyntaxError.at(self.text, start, message)

    def fail(self, expected: str) -> NoReturn:
        """Raise "expected …" at the current token, or the reason the text cannot be read
        there (a lexical error, or SPARQL 1.2 syntax), which says more."""
        kind, i = self.kinds[self.i], self.i
        if kind == "ERROR":
            self.error(self.values[i])
        if kind == "<" and self.kinds[i + 1] == "<" and self.starts[i + 1] == self.starts[i] + 1:
            opening = "<<(" if self.kinds[i + 2] == "(" else "<<"
            self.error(f"`{opening}` (a SPARQL 1.2 triple term) is not SPARQL 1.1")
        if kind == "WORD":
            later = LATER_WORDS.get(self.values[i].upper())
            if later:
                self.error(f"`{self.values[i]}` ({later}) is not SPARQL 1.1")
        self.error(f"expected {expected}")
