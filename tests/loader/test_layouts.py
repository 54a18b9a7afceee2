"""The same document under any text layout gives the same extraction: each unseen text re-laid
out the way other PDF-to-text tools lay it out (tests/loader/layouts.py) yields the same document
fields and the same acts, in the same paragraphs, as the original."""

from __future__ import annotations

from pathlib import Path

import pytest
from layouts import LAYOUTS, furniture, rewrap, split_masthead  # tests/loader/layouts.py

from mandates.loader import extract_text

UNSEEN = Path(__file__).resolve().parents[3] / "shared" / "unseen"
TEXTS = sorted(UNSEEN.glob("*.txt")) if UNSEEN.is_dir() else []


def facts(text: str) -> tuple[dict, list[tuple[str, str, str, str]]]:
    x = extract_text(text, "t.txt").to_json()
    acts = [(r["subject"], r["relation"], r["object"], r["paragraph"]) for r in x["relations"]]
    return x["document"], acts


def test_the_generator_changes_the_layout() -> None:
    text = "United Nations A/RES/1/2\nGeneral Assembly Distr.: General\n" + "x " * 40 + "\n"
    laid = furniture(rewrap(split_masthead(text * 30)))
    assert laid.splitlines()[:4] == ["United Nations", "A/RES/1/2", "General Assembly",
                                     "Distr.: General"]  # fmt: skip
    assert "24-24620 (E)" in laid and "*2424620*" in laid


@pytest.mark.skipif(not TEXTS, reason=f"the unseen texts are absent: {UNSEEN} does not exist")
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_same_extraction_under_every_layout(path: Path, layout: str) -> None:
    original = path.read_text(encoding="utf-8")
    assert facts(LAYOUTS[layout](original)) == facts(original)
