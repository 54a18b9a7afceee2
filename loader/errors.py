"""Errors raised by the loader's extraction stages.

Every error carries a message and a reference: the file it concerns and, where known, the line
or paragraph.  ``str(error)`` prints both, reference first, so that a message always says where
the problem is::

    >>> print(EmptyInputError("file is empty; nothing extracted", "seeds/x.txt"))
    seeds/x.txt: file is empty; nothing extracted
    >>> print(NothingFoundError("no paragraph, symbol or relation found", "a.txt", line=3))
    a.txt, line 3: no paragraph, symbol or relation found
"""

from __future__ import annotations

from mandates.errors import InputError


class LoaderError(InputError):
    """Base class: a message plus a reference (file, and optionally line or paragraph).

    An input that the loader cannot read is bad input like any other file: the command line
    and the web page report it the same way (exit status 2, a 400 page).
    """

    def __init__(
        self,
        message: str,
        source: str = "<text>",
        *,
        line: int | None = None,
        paragraph: str | None = None,
    ) -> None:
        super().__init__(source, message, line)
        self.source = source
        self.paragraph = paragraph
        # Where the problem is: ``file``, ``file, line N`` or ``file, paragraph ID``.
        self.reference = source + (f", line {line}" if line is not None else "")
        if paragraph is not None:
            self.reference += f", paragraph {paragraph}"


class EmptyInputError(LoaderError):
    """The input holds no bytes, or only whitespace."""


class BinaryInputError(LoaderError):
    """The input is neither text, PDF nor HTML (NUL bytes, control characters)."""


class EncodingError(LoaderError):
    """The bytes are not UTF-8, UTF-16 with BOM, nor clean cp1252."""


class NoTextLayerError(LoaderError):
    """A PDF whose pages yield no text (a scanned image, usually)."""


class NothingFoundError(LoaderError):
    """A readable document in which no paragraph, symbol or relation was found."""


class QuoteError(LoaderError):
    """An extracted quote is not an exact substring of the source (a loader bug)."""
