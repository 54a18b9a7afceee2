"""The printed words of a document, block by block, for its named graph.

Every document the loader reads keeps its text in the store, in the same named graph as what
was extracted from it: one ``mnd:SourceParagraph`` per block of the text (a paragraph, a
heading, a list item, a footnote), in reading order, with

- ``mnd:paragraph``: the id a reader sees (``op3``, ``12 (a)``, ``item 1 (b)``, ``para-4``:
  the scheme of ``ontology/README.md``), the id attestations give, so a passage's quote is
  found in the paragraphs of its source that share its id;
- ``mnd:text``: the words as printed, whitespace collapsed and page furniture (page numbers,
  job numbers, running headers) left out, so every quote the loader takes from the block is a
  substring of it;
- ``mnd:position``, ``mnd:blockKind``, and ``mnd:startOffset`` / ``mnd:endOffset``: where the
  block lies in the whitespace-collapsed text of the document (the base of ``mnd:quoteStart``).

Kept in the store rather than in files beside it, the text goes wherever the graph goes: a
document loaded later (``mandates load``) brings its paragraphs, an undo removes them, a SPARQL
server as the store holds them, and queries (and the search) can read them.

    >>> blocks = paragraph_blocks("The General Assembly,\\nRecalling its resolution 1/2,\\n"
    ...                           "1. Requests the   Council;")
    >>> [(b.pid, b.kind, b.text, b.start, b.end) for b in blocks]  # doctest: +NORMALIZE_WHITESPACE
    [('para-1', 'heading', 'The General Assembly,', 0, 21),
     ('pp1', 'preamble', 'Recalling its resolution 1/2,', 22, 51),
     ('op1', 'operative', '1. Requests the Council;', 52, 76)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDF, XSD, Graph, Literal, URIRef

from mandates import iris
from mandates.loader.segment import Paragraph, paragraphs
from mandates.loader.text import Text, normalise
from mandates.namespaces import MND


@dataclass(frozen=True)
class Block:
    """One block of a document's text: its id, kind, words and offsets in the collapsed text."""

    position: int
    pid: str
    kind: str
    text: str
    start: int
    end: int


class _Collapsed:
    """Maps offsets of a source to offsets in its whitespace-collapsed form
    (``" ".join(source.split())``)."""

    def __init__(self, source: str) -> None:
        self.runs: list[int] = []  # source offset at which each whitespace run ends
        self.removed: list[int] = []  # characters dropped up to the end of that run
        dropped = 0
        for m in re.finditer(r"\s+", source):
            keep = 0 if m.start() == 0 or m.end() == len(source) else 1
            dropped += len(m.group()) - keep
            self.runs.append(m.end())
            self.removed.append(dropped)

    def __call__(self, offset: int) -> int:
        k = bisect_right(self.runs, offset)
        return offset - (self.removed[k - 1] if k else 0)


def _spans(p: Paragraph) -> Iterator[tuple[int, int]]:
    """The clean spans a paragraph is made of (several when it runs on after footnotes)."""
    if not p.pieces:
        yield p.start, p.end
        return
    for k, (at, clean) in enumerate(p.pieces):
        nxt = p.pieces[k + 1][0] - 1 if k + 1 < len(p.pieces) else len(p.text)
        yield clean, p.clean(max(nxt - 1, at)) + 1


def _words(text: Text, lo: int, hi: int) -> list[str]:
    """The printed words behind ``clean[lo:hi]``, cut at page furniture."""
    cuts = [lo] + [g for g in text.gaps if lo < g < hi] + [hi]
    found = (text.quote(a, b) for a, b in zip(cuts, cuts[1:], strict=False))
    return [w for w in found if w]


def paragraph_blocks(source: str) -> list[Block]:
    """The blocks of a document's text (its source as read, before cleaning), in reading order."""
    text = normalise(source)
    collapsed = _Collapsed(source)
    blocks: list[Block] = []
    for p in paragraphs(text):
        spans = list(_spans(p))
        words = [w for lo, hi in spans for w in _words(text, lo, hi)]
        if not words:
            continue
        first, last = spans[0][0], spans[-1][1] - 1
        while first < last and text.clean[first].isspace():
            first += 1
        start, end = collapsed(text.offsets[first]), collapsed(text.offsets[last]) + 1
        blocks.append(Block(len(blocks) + 1, p.pid, p.kind, " ".join(words), start, end))
    return blocks


def paragraph_graph(document: str, source: str) -> Graph:
    """The triples of the blocks of ``source``, the text of the document ``document`` (IRI)."""
    graph = Graph()
    doc = URIRef(document)
    for b in paragraph_blocks(source):
        node = URIRef(iris.paragraph(document, b.position))
        graph.add((node, RDF.type, MND.SourceParagraph))
        graph.add((node, MND.paragraphOf, doc))
        graph.add((node, MND.paragraph, Literal(b.pid)))
        graph.add((node, MND.text, Literal(b.text)))
        graph.add((node, MND.position, Literal(b.position, datatype=XSD.integer)))
        graph.add((node, MND.blockKind, Literal(b.kind)))
        graph.add((node, MND.startOffset, Literal(b.start, datatype=XSD.integer)))
        graph.add((node, MND.endOffset, Literal(b.end, datatype=XSD.integer)))
    return graph
