"""What the source reader shows: a document's text, paragraph by paragraph, with every passage
behind a mandate statement located in it.

The text is the document's ``mnd:SourceParagraph`` blocks (:mod:`mandates.ingest.paragraphs`).
Each attestation whose source is the document is looked for in it: its quote, in the blocks
joined by one space, at the occurrence that starts in a block with the attestation's paragraph
id (the first occurrence anywhere when none does). A passage that runs from a list's lead into
its item spans two blocks. Consecutive blocks with one id form one paragraph, the unit the
reader anchors (``#para-<id>``, :func:`mandates.graph.passages.anchor`), headings and footnotes
between them included; a later paragraph with an id already used gets ``-2``, ``-3`` …
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import pyoxigraph as ox

from mandates.query.run import bind, select, sparql_values
from mandates.store.contract import ReadableStore

from .labels import fallback, labels
from .passages import anchor

_BLOCKS = """SELECT ?position ?id ?kind ?text WHERE {
  ?p mnd:paragraphOf $doc ; mnd:position ?position ; mnd:paragraph ?id ; mnd:blockKind ?kind ;
     mnd:text ?text
} ORDER BY ?position"""
_PASSAGES = """SELECT ?a ?st ?s ?v ?p ?o ?quote ?id ?status ?evidence WHERE {
  ?a mnd:source $doc ; mnd:quote ?quote .
  ?st mnd:attestedBy ?a ; mnd:subject ?s ; mnd:verb ?v ; mnd:object ?o .
  OPTIONAL { ?v mnd:verbProperty ?p }
  OPTIONAL { ?a mnd:paragraph ?id }
  OPTIONAL { ?a mnd:assertionStatus ?status }
  OPTIONAL { ?a mnd:evidenceKind ?evidence }
} ORDER BY ?a"""
_ASIDE = ("heading", "footnote")  #: blocks that may sit inside another paragraph
_DOCUMENTS = """SELECT ?doc (COUNT(?p) AS ?n) WHERE { ?p mnd:paragraphOf ?doc } GROUP BY ?doc"""
_FACTS = """SELECT ?doc ?symbol ?date ?type WHERE {
  VALUES ?doc { $docs }
  OPTIONAL { ?doc mnd:symbol ?symbol } OPTIONAL { ?doc mnd:date ?date } OPTIONAL { ?doc a ?type }
}"""


@dataclass
class Passage:
    """One attestation with this document as its source, and where its quote lies."""

    attestation: str
    statement: str
    subject: str
    verb: str
    prop: str | None
    object: ox.NamedNode | ox.Literal | ox.BlankNode
    quote: str
    paragraph: str | None
    status: str | None
    evidence: str | None
    start: int | None = None  #: offset of the quote in the blocks joined by one space
    block: int | None = None  #: position of the block it starts in

    @property
    def located(self) -> bool:
        return self.start is not None


@dataclass
class Segment:
    """A run of a block's words covered by the same passages (indexes into ``passages``)."""

    text: str
    passages: tuple[int, ...] = ()
    opens: tuple[int, ...] = ()  #: passages that begin where this segment begins


@dataclass
class Block:
    position: int
    pid: str
    kind: str
    text: str
    segments: list[Segment] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  #: passages that start in this block
    anchor: str | None = None  #: its own anchor, when it sits inside another id's paragraph


@dataclass
class Paragraph:
    """Consecutive blocks sharing one id: the unit a quote links to."""

    pid: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def passages(self) -> list[int]:
        return [i for b in self.blocks for i in b.starts]


@dataclass
class Reading:
    iri: str
    paragraphs: list[Paragraph]
    passages: list[Passage]
    names: dict[str, str]

    def name(self, iri: str) -> str:
        return self.names.get(iri) or fallback(iri)

    @property
    def unlocated(self) -> list[int]:
        return [i for i, p in enumerate(self.passages) if not p.located]

    @property
    def statements(self) -> set[str]:
        return {p.statement for p in self.passages}


def documents(store: ReadableStore) -> dict[str, int]:
    """Every document whose text the store holds, with its number of blocks."""
    return {row["doc"].value: int(row["n"].value) for row in select(store, _DOCUMENTS)}


def document_facts(store: ReadableStore, docs: list[str]) -> dict[str, dict[str, str | None]]:
    """Symbol, date and one type of each document (for lists of documents)."""
    found: dict[str, dict[str, str | None]] = {d: {"symbol": None, "date": None} for d in docs}
    if not docs:
        return found
    rows = select(store, _FACTS.replace("$docs", sparql_values(docs)))
    for row in rows:
        facts = found[row["doc"].value]
        for key in ("symbol", "date"):
            if row[key] is not None and not facts[key]:
                facts[key] = row[key].value
    return found


def read(store: ReadableStore, iri: str) -> Reading | None:
    """The reading of document ``iri``, or None when the store holds no text of it."""
    doc = ox.NamedNode(iri)
    blocks = [
        Block(int(r["position"].value), r["id"].value, r["kind"].value, r["text"].value)
        for r in select(store, bind(_BLOCKS, doc=doc))
    ]
    if not blocks:
        return None
    passages = _passages(store, doc)
    _locate(blocks, passages)
    reading = Reading(iri, _paragraphs(blocks), passages, {})
    reading.names = labels(store, _iris(reading))
    return reading


def _passages(store: ReadableStore, doc: ox.NamedNode) -> list[Passage]:
    found: dict[str, Passage] = {}
    for r in select(store, bind(_PASSAGES, doc=doc)):
        a = r["a"].value
        if a in found or not isinstance(r["s"], ox.NamedNode):
            continue
        found[a] = Passage(
            a,
            r["st"].value,
            r["s"].value,
            r["v"].value,
            r["p"].value if r["p"] is not None else None,
            r["o"],
            r["quote"].value,
            r["id"].value if r["id"] is not None else None,
            r["status"].value if r["status"] is not None else None,
            r["evidence"].value if r["evidence"] is not None else None,
        )
    return list(found.values())


def _locate(blocks: list[Block], passages: list[Passage]) -> None:
    """Find each passage in the text and cut the blocks into segments by the passages over
    them (passages may overlap: one passage can attest several statements' words)."""
    starts: list[int] = []
    text = ""
    for b in blocks:
        starts.append(len(text) + (1 if text else 0))
        text = f"{text} {b.text}" if text else b.text

    def block_at(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    spans: list[tuple[int, int, int]] = []
    for i, p in enumerate(passages):
        hits, at = [], text.find(p.quote)
        while at >= 0 and p.quote:
            hits.append(at)
            at = text.find(p.quote, at + 1)
        if not hits:
            continue
        own = [h for h in hits if blocks[block_at(h)].pid == p.paragraph]
        p.start = (own or hits)[0]
        k = block_at(p.start)
        p.block = blocks[k].position
        blocks[k].starts.append(i)
        spans.append((p.start, p.start + len(p.quote), i))
    for k, b in enumerate(blocks):
        lo, hi = starts[k], starts[k] + len(b.text)
        cuts = {lo, hi}
        for s, e, _ in spans:
            cuts.update(x for x in (s, e) if lo < x < hi)
        edges = sorted(cuts)
        for a, z in zip(edges, edges[1:], strict=False):
            over = tuple(i for s, e, i in spans if s < z and e > a)
            opens = tuple(i for s, _, i in spans if s == a)
            b.segments.append(Segment(text[a:z], over, opens))


def _paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """Consecutive blocks with one id as one paragraph. A heading or footnote between two blocks
    of one paragraph (a footnote, a "Documentation" heading inside an agenda item's annotation)
    stays inside it, with its own anchor."""
    found: list[Paragraph] = []
    used: dict[str, int] = {}

    def unique(pid: str) -> str:
        base = anchor(pid)
        used[base] = used.get(base, 0) + 1
        return base if used[base] == 1 else f"{base}-{used[base]}"

    for k, b in enumerate(blocks):
        if found and found[-1].pid == b.pid:
            found[-1].blocks.append(b)
            continue
        if found and b.kind in _ASIDE:
            after = next((c for c in blocks[k + 1 :] if c.kind not in _ASIDE), None)
            if after is not None and after.pid == found[-1].pid:
                b.anchor = unique(b.pid)
                found[-1].blocks.append(b)
                continue
        found.append(Paragraph(b.pid, unique(b.pid), [b]))
    return found


def _iris(reading: Reading) -> set[str]:
    found = {reading.iri}
    for p in reading.passages:
        found |= {p.statement, p.subject, p.verb}
        found |= {x for x in (p.prop, p.status, p.evidence) if x}
        if isinstance(p.object, ox.NamedNode):
            found.add(p.object.value)
    return found
