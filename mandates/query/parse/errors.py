"""The one error of the parser: a plain message and the line and column where the query went
wrong, so that the endpoint and the explorer can both point at it."""

from __future__ import annotations

from mandates.errors import QueryError


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of ``offset`` in ``text``.

    Only errors need it, so the lexer keeps offsets and this counts lines once, at the end.

    >>> position("SELECT *\\nWHERE {", 15)
    (2, 7)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class SparqlSyntaxError(QueryError):
    """A query that is not SPARQL 1.1, or that the endpoint cannot accept as written.

    ``str()`` gives the message and the place: "expected `}` at line 2, column 14".

    >>> err = SparqlSyntaxError.at("ASK {\\n  ?s", 9, "expected a verb")
    >>> (str(err), err.line, err.column)
    ('expected a verb at line 2, column 4', 2, 4)
    """

    def __init__(self, message: str, line: int, column: int, offset: int) -> None:
        super().__init__(message, f"line {line}, column {column}")
        self.line, self.column, self.offset = line, column, offset

    @classmethod
    def at(cls, text: str, offset: int, message: str) -> SparqlSyntaxError:
        """The error for ``message`` at character ``offset`` of ``text``."""
        return cls(message, *position(text, offset), offset)

    def __str__(self) -> str:
        return f"{self.message} at {self.reference}"
