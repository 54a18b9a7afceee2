"""One paragraph-id scheme: the loader attests a seed passage under the id the curated data uses.

Guards the finding that the loader and ``data/curated/mandates.ttl`` attested the same passages
under different ids ("u2" and "item 1 (b)", "para1" and "1", "para6" and "6").
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rdflib import Graph

from bench.score_extraction import overlap
from mandates.loader import extract_file
from mandates.namespaces import MND

DATA = Path(__file__).resolve().parents[2] / "data"


def curated_rows() -> dict[str, list[dict]]:
    """The curated attestations of each source text: verb, paragraph and quote."""
    g = Graph()
    g.parse(DATA / "curated" / "mandates.ttl")
    rows: dict[str, list[dict]] = defaultdict(list)
    for statement, attestation in g.subject_objects(MND.attestedBy):
        source = str(g.value(attestation, MND.source)).rsplit("/", 1)[-1]
        rows[source].append(
            {
                "relation": str(g.value(statement, MND.verb)).rsplit("#", 1)[-1],
                "paragraph": str(g.value(attestation, MND.paragraph)),
                "quote": str(g.value(attestation, MND.quote)),
            }
        )
    return rows


def test_loader_and_curated_data_use_the_same_paragraph_ids() -> None:
    rows = curated_rows()
    assert len(rows) == 5
    compared = 0
    for source, curated in sorted(rows.items()):
        got = extract_file(DATA / "sources" / f"{source}.txt").to_json()["relations"]
        for row in curated:
            same = [r for r in got if r["relation"] == row["relation"]]
            ids = {r["paragraph"] for r in same if overlap(r["quote"], row["quote"]) >= 0.5}
            if ids:  # the loader attests this passage: under the curated id among others
                compared += 1
                assert row["paragraph"] in ids, (source, row, ids)
    assert compared >= 100
