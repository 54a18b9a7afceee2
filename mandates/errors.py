"""Errors that name the problem and point at where it is (file, line, column, or rule)."""

from __future__ import annotations


class MandatesError(Exception):
    """Base error: a plain-language message plus a reference (a file position or a rule)."""

    exit_code = 2

    def __init__(self, message: str, reference: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.reference = reference

    def __str__(self) -> str:
        return f"{self.reference}: {self.message}" if self.reference else self.message


class InputError(MandatesError):
    """An input file that cannot be read: missing, of an unknown kind, or not well-formed."""

    def __init__(
        self, path: str, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        position = path
        if line is not None:
            position += f":{line}"
            if column is not None:
                position += f":{column}"
        super().__init__(message, position)
        self.path, self.line, self.column = path, line, column


class StoreError(MandatesError):
    """The store is missing, locked by another process, or not a store of this project."""


class QueryError(MandatesError):
    """A SPARQL query that cannot be parsed or run."""
