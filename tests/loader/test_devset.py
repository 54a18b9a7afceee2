"""Checks of the hand-made development set (tests/loader/devset/) against the texts it annotates.

The eight texts live in /work/shared/unseen and are never copied into the project: the checks
that need them skip when that folder is absent. The checks on the files alone (shape, vocabulary,
the README's table of canonical names) always run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parent / "devset"
UNSEEN = Path(__file__).resolve().parents[3] / "shared" / "unseen"
FILES = sorted(DEVSET.glob("*.json"))
VERBS = {
    "requested", "endorsed", "noted", "established", "decided", "adopted", "invited", "welcomed",
    "recognized", "acknowledged", "reaffirmed", "recalled", "considered", "approved", "prepared",
    "held", "chaired", "postponed",
}  # fmt: skip
STATUS = {"resolution": "adopted", "draft resolution": "proposed", "note": "reported"}
EVIDENCE = {"primary", "secondary"}
KEYS = ["document", "symbols_cited", "resolutions_cited", "meetings", "agenda", "relations",
        "other_facts"]  # fmt: skip
RELATION_KEYS = {"subject", "relation", "object", "quote", "paragraph", "status", "evidence"}
PARAGRAPH = re.compile(r"^(header|pp\d+|op\d+( \([a-z]\))?|fn\d+|\d+)$")
HEAD_LINES = 5  # the masthead symbol stands in the first lines of every text


def collapse(text: str) -> str:
    """Runs of whitespace (line breaks and U+00A0 included) as one space."""
    return " ".join(text.split())


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def text_of(path: Path) -> str:
    if not UNSEEN.is_dir():
        pytest.skip(f"the annotated texts are absent: {UNSEEN} does not exist")
    source = UNSEEN / f"{path.stem}.txt"
    assert source.is_file(), f"{path.name} annotates {source}, which is missing"
    return source.read_text(encoding="utf-8")


def readme_names() -> set[str]:
    """First cells of the table under '## Canonical names' in devset/README.md."""
    lines = (DEVSET / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("## Canonical names")
    names: set[str] = set()
    in_table = False
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        if not line.startswith("|"):
            if in_table:
                break
            continue
        in_table = True
        first = line.strip("|").split("|")[0].strip()
        if first in {"canonical name", ""} or set(first) <= {"-", ":", " "}:
            continue
        assert first not in names, f"{first!r} is listed twice in the README table"
        names.add(first)
    return names


def test_the_devset_is_there() -> None:
    assert len(FILES) == 8, [p.name for p in FILES]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_shape_and_vocabulary(path: Path) -> None:
    data = load(path)
    assert list(data) == KEYS
    kind = data["document"]["kind"]
    assert kind in STATUS, kind
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["document"]["date"])
    assert data["relations"], "no relations"
    for row in data["relations"]:
        assert set(row) == RELATION_KEYS, row
        assert row["relation"] in VERBS, row
        assert row["status"] == STATUS[kind], row
        assert row["evidence"] in EVIDENCE, row
        assert PARAGRAPH.match(row["paragraph"]), row
        assert row["subject"] and row["object"], row
    assert len(set(data["symbols_cited"])) == len(data["symbols_cited"])
    assert len(set(data["resolutions_cited"])) == len(data["resolutions_cited"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_quotes_are_exact_and_short(path: Path) -> None:
    whole = collapse(text_of(path))
    for row in load(path)["relations"]:
        assert row["quote"] in whole, row
        assert 5 <= len(row["quote"].split()) <= 25, row
    for fact in load(path)["other_facts"]:
        assert fact["quote"] in whole, fact


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_symbols_occur_in_the_text(path: Path) -> None:
    text = text_of(path)
    data = load(path)
    for symbol in data["symbols_cited"]:
        assert symbol in text, symbol
    assert data["document"]["symbol"] not in data["symbols_cited"]
    head = "\n".join(text.splitlines()[:HEAD_LINES])
    assert data["document"]["symbol"] in head, data["document"]["symbol"]


def test_canonical_names_match_the_readme() -> None:
    used: set[str] = set()
    for path in FILES:
        for row in load(path)["relations"]:
            used |= {row["subject"], row["object"]}
    listed = readme_names()
    assert not used - listed, f"used but not in the README table: {sorted(used - listed)}"
    assert not listed - used, f"in the README table but unused: {sorted(listed - used)}"
