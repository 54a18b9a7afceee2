"""Refusing deeply nested RDF before any parser sees it.

Real mandate data nests a few levels (a blank node, a list, a JSON-LD object, a quoted
triple); thousands of levels only make parsers and every later step (serialisers, pages) work
hard for nothing, and a parser that recurses overflows its stack on them (a crash that takes
its process down). The text is scanned once, skipping strings, IRIs and comments, and the
first bracket, RDF 1.2 triple term (``<<( … )>>``), reified triple (``<< … >>``), annotation
(``{| … |}``) or element beyond :data:`MAX_DEPTH` is reported.

The scan is linear in the input whatever it holds: every pattern below either consumes what
it starts (an unterminated string or comment runs to the end of its line or of the input
instead of failing, which would make the scanner try again from the next character) or fails
at its first character. Thousands of ``<`` or ``"`` or ``<!--`` take milliseconds.

>>> depth_error(b"<a> <b> [ <c> [ <d> 1 ] ] .", ox.RdfFormat.TURTLE, limit=2) is None
True
>>> depth_error(b'<a> <b> "[[[" ; <c> [ <d> [ <e> 1 ] ] .', ox.RdfFormat.TURTLE, limit=1)
(1, 27)
>>> depth_error(b"<s> <p> <<( <a> <b> <<( <c> <d> <e> )>> )>> .", ox.RdfFormat.TURTLE, limit=1)
(1, 21)
>>> depth_error(b'{"a": {"b": [1]}}', ox.RdfFormat.JSON_LD, limit=2)
(1, 13)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyoxigraph as ox

MAX_DEPTH = 64

_TURTLE = re.compile(
    rb'"""(?:[^"\\]|\\.?|"(?!""))*(?:"""|\Z)'  # long strings, to their end or the input's
    rb"|'''(?:[^'\\]|\\.?|'(?!''))*(?:'''|\Z)"
    rb'|"(?:[^"\\\n]|\\.?)*(?:"|(?=\n)|\Z)'  # short strings, to their end or the line's
    rb"|'(?:[^'\\\n]|\\.?)*(?:'|(?=\n)|\Z)"
    rb"|(?P<open><<\(?|\{\|)"  # a triple term or reified triple, an annotation
    rb"|(?P<close>\)?>>|\|\})"
    rb"|<[^<>\s\"{}|^`\\]*>"  # an IRI (never holds < > or spaces: a stray < fails at once)
    rb"|\\."
    rb"|\#[^\n]*"
    rb"|(?P<bracket>[\[\](){}])",
    re.S,
)
_JSON = re.compile(rb'"(?:[^"\\]|\\.?)*(?:"|\Z)|(?P<bracket>[\[\]{}])', re.S)
_XML = re.compile(
    rb"<!--.*?(?:-->|\Z)"
    rb"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    rb"|<[?!][^<>]*>?"  # processing instructions, declarations
    rb"|(?P<close></[^<>]*>?)"
    rb"|(?P<element><[^<>]*>)",
    re.S,
)
_OPEN = frozenset(b"[({")


def _scan(data: bytes, fmt: ox.RdfFormat) -> Iterator[tuple[int, int]]:
    """(offset, +1 | -1) for every opening and closing bracket or element, in order."""
    if fmt is ox.RdfFormat.RDF_XML:
        for m in _XML.finditer(data):
            if m.group("close"):
                yield m.start(), -1
            elif m.group("element") and not m.group().endswith(b"/>"):
                yield m.start(), 1
        return
    pattern = _JSON if fmt is ox.RdfFormat.JSON_LD else _TURTLE
    for m in pattern.finditer(data):
        groups = m.groupdict()
        if groups.get("open"):
            yield m.start(), 1
        elif groups.get("close"):
            yield m.start(), -1
        elif groups["bracket"]:
            yield m.start(), 1 if groups["bracket"][0] in _OPEN else -1


def depth_error(data: bytes, fmt: ox.RdfFormat, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """The (line, column) of the first bracket or element nested deeper than ``limit``."""
    depth = 0
    for offset, step in _scan(data, fmt):
        depth += step
        if depth > limit:
            line = data.count(b"\n", 0, offset) + 1
            return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return None
