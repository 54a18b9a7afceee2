"""The printed words of every document, paragraph by paragraph, kept in its named graph: what
the source reader shows and the full-text search reads (``mandates/ingest/paragraphs.py``)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from mandates.ingest.paragraphs import paragraph_blocks
from mandates.loader.read import read_bytes
from mandates.loader.text import collapse
from mandates.namespaces import sparql_prologue
from mandates.store.embedded import StoreRoot

from support import DATA, Cli

PARAGRAPHS = """SELECT ?doc ?g ?position ?id ?kind ?text ?start ?end WHERE {
  GRAPH ?g { ?p a mnd:SourceParagraph ; mnd:paragraphOf ?doc ; mnd:position ?position ;
    mnd:paragraph ?id ; mnd:blockKind ?kind ; mnd:text ?text ;
    mnd:startOffset ?start ; mnd:endOffset ?end }
} ORDER BY ?doc ?position"""
ATTESTED = """SELECT ?source ?id ?quote WHERE {
  ?a a mnd:Attestation ; mnd:source ?source ; mnd:paragraph ?id ; mnd:quote ?quote }"""


def _rows(store: ox.Store, text: str) -> list[dict[str, str]]:
    solutions = store.query(sparql_prologue() + text)
    names = [v.value for v in solutions.variables]
    return [{n: row[n].value for n in names} for row in solutions]


def test_every_source_keeps_its_text_in_its_own_graph(built_store: StoreRoot) -> None:
    rows = _rows(built_store.open_read_only(), PARAGRAPHS)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    stems = sorted(p.stem for p in (DATA / "sources").glob("*.txt"))
    assert sorted(d.rsplit("/", 1)[1] for d in by_doc) == stems
    for doc, paragraphs in by_doc.items():
        stem = doc.rsplit("/", 1)[1]
        assert {r["g"] for r in paragraphs} == {f"https://w3id.org/un-mandates/graph/source/{stem}"}
        assert [int(r["position"]) for r in paragraphs] == list(range(1, len(paragraphs) + 1))
        whole = collapse(read_bytes((DATA / "sources" / f"{stem}.txt").read_bytes(), stem).source)
        for r in paragraphs:
            start, end = int(r["start"]), int(r["end"])
            assert 0 <= start < end <= len(whole)
            span = whole[start:end]
            # the words as printed; a span that runs on after footnotes holds more than its words
            assert span == r["text"] or (len(span) > len(r["text"]) and span[:40] == r["text"][:40])
    texts = [r["text"] for r in by_doc[f"https://w3id.org/un-mandates/id/source/{stems[1]}"]]
    assert texts[6].startswith("1. In its resolution [65/230](#), the General Assembly requested")


def test_every_quote_is_in_the_paragraphs_of_its_source(built_store: StoreRoot) -> None:
    """A passage's quote lies in its source's paragraphs with its id, or starts there and runs
    into the next (a list's lead and its item): the reader can highlight every one."""
    store = built_store.open_read_only()
    texts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows(store, PARAGRAPHS):
        texts[row["doc"]].append((row["id"], row["text"]))
    attested = _rows(store, ATTESTED)
    assert len(attested) >= 118
    for row in attested:
        blocks = texts[row["source"]]
        assert blocks, f"{row['source']} has no text in the store"
        found = any(
            pid == row["id"] and row["quote"] in " ".join(t for _, t in blocks[i : i + 2])
            for i, (pid, _) in enumerate(blocks)
        )
        assert found, row


def test_a_paragraph_broken_by_page_furniture_keeps_its_words_only() -> None:
    source = (
        "1. The Expert Group considered the\nV.21-00123\n2/8\ndraft study and requested a report.\n"
    )
    (block,) = paragraph_blocks(source)
    assert (block.pid, block.kind) == ("1", "numbered")
    assert block.text == "1. The Expert Group considered the draft study and requested a report."
    assert (block.start, block.end) == (0, len(collapse(source)))


def test_a_document_loaded_later_brings_its_text_and_an_undo_takes_it(
    cli: Cli, tmp_path: Path
) -> None:
    from test_load_documents import RESOLUTION

    assert cli("build").code == 0
    doc = tmp_path / "a-res-99-1.txt"
    doc.write_text(RESOLUTION)
    assert cli("load", str(doc)).code == 0
    ask = (
        "SELECT ?id ?text WHERE { ?p mnd:paragraphOf <https://w3id.org/un-mandates/id/doc/A/RES/99/1>"
        " ; mnd:paragraph ?id ; mnd:text ?text ; mnd:position ?n } ORDER BY ?n"
    )
    found = json.loads(cli("query", ask, "--format", "json").out)["results"]["bindings"]
    ids = [r["id"]["value"] for r in found]
    assert ids[-5:] == ["pp1", "pp2", "op1", "op2", "op3"]
    assert found[ids.index("op2")]["text"]["value"] == (
        "2. Invites Member States to consider ratifying the Convention;"
    )
    assert cli("unload", "a-res-99-1.txt").code == 0
    assert json.loads(cli("query", ask, "--format", "json").out)["results"]["bindings"] == []
