"""Read a document's bytes into text: decode, detect the kind, extract PDF and HTML text.

The string returned by :func:`read_bytes` is the *source*: every quote the loader extracts is an
exact substring of it once runs of whitespace are collapsed (see :mod:`mandates.loader.text`).

    >>> read_bytes("Recalling its resolution 65/230,".encode("utf-16"), "a.txt").kind
    'text'
    >>> read_bytes(b"<html><body><p>Hi</p><script>x()</script></body></html>", "a.html").source
    'Hi'
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .errors import BinaryInputError, EmptyInputError, EncodingError, LoaderError, NoTextLayerError

#: The kinds of file the loader reads: text and markdown-ish text, PDF, HTML.
DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML = re.compile(r"<\s*(!doctype\s+html|html|body|head|p|div|br|h[1-6]|table)\b", re.I)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "title", "blockquote", "dd", "dt",
}  # fmt: skip


@dataclass(frozen=True)
class Source:
    """Decoded text of one input and the kind it was read as (``text``, ``html`` or ``pdf``)."""

    source: str
    kind: str


def decode(data: bytes, name: str) -> str:
    """Decode bytes: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252 if it decodes cleanly."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError("UTF-16 byte-order mark but invalid UTF-16 data", name) from exc
    if b"\x00" in data[:4096]:
        raise BinaryInputError("binary data (NUL bytes), not a text, HTML or PDF file", name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as first:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            line = data[: first.start].count(b"\n") + 1
            raise EncodingError(
                f"unknown encoding (neither UTF-8, UTF-16 with BOM nor cp1252): byte "
                f"0x{data[first.start]:02x} is not UTF-8",
                name,
                line=line,
            ) from exc
    if len(_CONTROL.findall(text[:4096])) > max(2, len(text[:4096]) // 100):
        raise BinaryInputError("binary data (control characters), not a text file", name)
    return text


class _HTMLText(HTMLParser):
    """Collect the visible text of an HTML page, one block element per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """Visible text of an HTML document, script and style dropped, blocks on their own lines."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t\n]*\n[ \t]*", "\n\n", text)
    return text.strip()


#: Limits on a PDF, against bombs: pages read, bytes one stream may decompress to (pypdf's
#: own limit, lowered), characters of text extracted in all.
PDF_MAX_PAGES = 2_000
PDF_MAX_STREAM = 20_000_000
PDF_MAX_TEXT = 5_000_000


def pdf_text(data: bytes, name: str) -> str:
    """Text layer of a PDF, page by page (pages separated by a form feed), within the limits."""
    try:
        from pypdf import PdfReader, apply_configuration
        from pypdf.errors import LimitReachedError, PyPdfError
    except ImportError as exc:  # pragma: no cover - pypdf is a declared dependency
        raise LoaderError("reading PDF needs the 'pypdf' package", name) from exc
    limits = {
        "zlib_maximum_output_length": PDF_MAX_STREAM,
        "lzw_maximum_output_length": PDF_MAX_STREAM,
        "run_length_maximum_output_length": PDF_MAX_STREAM,
        "brotli_maximum_output_length": PDF_MAX_STREAM,
        "jbig2_maximum_output_length": PDF_MAX_STREAM,
        "array_based_stream_maximum_output_length": PDF_MAX_STREAM,
        "image_maximum_buffer_size": PDF_MAX_STREAM,
        "stream_decoding_work_maximum_length": 4 * PDF_MAX_STREAM,
        "page_tree_maximum_entries": PDF_MAX_PAGES + 1,
    }
    pages: list[str] = []
    try:
        with apply_configuration(None, **limits):
            reader = PdfReader(io.BytesIO(data))
            if len(reader.pages) > PDF_MAX_PAGES:
                raise _TooBig(f"more than {PDF_MAX_PAGES} pages")
            size = 0
            for page in reader.pages:
                pages.append(page.extract_text() or "")
                size += len(pages[-1])
                if size > PDF_MAX_TEXT:
                    raise _TooBig(f"more than {PDF_MAX_TEXT} characters of text")
    except (_TooBig, LimitReachedError) as exc:
        raise BinaryInputError(f"PDF refused: {_over(exc)}; nothing extracted", name) from exc
    except (PyPdfError, ValueError, KeyError, OSError, RecursionError) as exc:
        raise BinaryInputError(
            "unreadable PDF (damaged or encrypted); nothing extracted", name
        ) from exc
    if not "".join(pages).strip():
        raise NoTextLayerError("PDF has no text layer (scanned image?); nothing extracted", name)
    return "\n\f\n".join(pages)


class _TooBig(Exception):
    """A PDF over one of the limits (the message says which)."""


def _over(exc: Exception) -> str:
    """Which limit a PDF went over, in words (pypdf's own limits named from its message)."""
    text = str(exc).lower()
    if isinstance(exc, _TooBig):
        return str(exc)
    if "page tree" in text:
        return f"more than {PDF_MAX_PAGES} pages"
    if "decompress" in text or "output length" in text or "decoding" in text:
        return f"a stream decompresses to more than {PDF_MAX_STREAM} bytes"
    return "a structure over the reader's limits"


def read_bytes(data: bytes, name: str = "<bytes>") -> Source:
    """Turn the bytes of a text, Markdown, HTML or PDF document into its source text."""
    if not data.strip():
        raise EmptyInputError("file is empty; nothing extracted", name)
    if data.lstrip()[:5] == b"%PDF-":
        return Source(pdf_text(data, name), "pdf")
    text = decode(data, name)
    if not text.strip():
        raise EmptyInputError("file is empty; nothing extracted", name)
    if _HTML.search(text[:2000]):
        return Source(html_text(text), "html")
    return Source(text, "text")
