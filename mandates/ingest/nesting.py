"""Refusing deeply nested RDF before any parser sees it.

Real mandate data nests a few levels (a blank node, a list, a JSON-LD object); thousands of
levels only make parsers and every later step (serialisers, pages) work hard for nothing, and
nested RDF/XML takes quadratic time. The text is scanned once, skipping strings, IRIs and
comments, and the first bracket or element beyond :data:`MAX_DEPTH` is reported.

>>> depth_error(b"<a> <b> [ <c> [ <d> 1 ] ] .", ox.RdfFormat.TURTLE, limit=2) is None
True
>>> depth_error(b'<a> <b> "[[[" ; <c> [ <d> [ <e> 1 ] ] .', ox.RdfFormat.TURTLE, limit=1)
(1, 27)
>>> depth_error(b'{"a": {"b": [1]}}', ox.RdfFormat.JSON_LD, limit=2)
(1, 13)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyoxigraph as ox

MAX_DEPTH = 64

_TURTLE = re.compile(
    rb'"""(?:[^"\\]|\\.|"(?!""))*"""'
    rb"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    rb'|"(?:[^"\\\n]|\\.)*"'
    rb"|'(?:[^'\\\n]|\\.)*'"
    rb"|<[^>\s]*>"
    rb"|\\."
    rb"|#[^\n]*"
    rb"|[\[\](){}]",
    re.S,
)
_JSON = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
_XML = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|</[^>]*>|<[^>]*?/>|<[^!?/][^>]*>", re.S
)
_OPEN = frozenset(b"[({")


def _scan(data: bytes, fmt: ox.RdfFormat) -> Iterator[tuple[int, int]]:
    """(offset, +1 | -1) for every opening and closing bracket or element, in order."""
    if fmt is ox.RdfFormat.RDF_XML:
        for m in _XML.finditer(data):
            token = m.group()
            if token.startswith(b"</"):
                yield m.start(), -1
            elif not token.startswith((b"<!", b"<?")) and not token.endswith(b"/>"):
                yield m.start(), 1
        return
    pattern = _JSON if fmt is ox.RdfFormat.JSON_LD else _TURTLE
    for m in pattern.finditer(data):
        if len(m.group()) == 1:
            yield m.start(), 1 if m.group()[0] in _OPEN else -1


def depth_error(data: bytes, fmt: ox.RdfFormat, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """The (line, column) of the first bracket or element nested deeper than ``limit``."""
    depth = 0
    for offset, step in _scan(data, fmt):
        depth += step
        if depth > limit:
            line = data.count(b"\n", 0, offset) + 1
            return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return None
