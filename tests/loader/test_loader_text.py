"""The clean text and its offset map: furniture stripped, hyphens repaired, quotes exact."""

from __future__ import annotations

import pytest

from mandates.loader.text import collapse, is_furniture, normalise

PDF_LIKE = (
    "In its resolution 74/173, entitled “Promoting technical assistance and capacity-\n\n"
    "building to strengthen national measures”, the General Assembly acknowledged the \n\n"
    "importance of the work of the Expert Group.\n\n"
    "http://undocs.org/A/RES/74/173\n"
    "V.21-00123 (E)\n"
    "*2100123*\n"
    "2/8\n"
    "Please recycle\n"
    " The sixth meeting was held\u00a0from 27 to 29 July 2020 in a hybrid format, with the \n\n"
    "Chair present in the room and all other participants attending online, with remote \n\n"
    "simultaneous interpretation, as approved by the extended Bureau of the group.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "V.21-00123",
        "V.18-08858 (E)",
        "*1808858*",
        "2/8",
        "Please recycle",
        "Page 3",
        "http://undocs.org/A/RES/65/230",
        "https://undocs.org/UNODC/CCPCJ/EG.4/2019/2",
        "A/RES/79/136 3/8",
        "12",
    ],
)
def test_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "UNODC/CCPCJ/EG.4/2013/3.",
        "1. Organizational matters",
        "(a) Opening of the meeting",
        "Vienna, 27–29 March 2019",
        "2. Invites all Member States",
    ],
)
def test_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_furniture_dropped_and_hyphen_repaired() -> None:
    t = normalise(PDF_LIKE)
    assert "undocs" not in t.clean and "V.21" not in t.clean and "recycle" not in t.clean
    assert "capacity-building to strengthen" in t.clean
    assert "\u00a0" not in t.clean


def test_offset_map_points_at_source() -> None:
    t = normalise(PDF_LIKE)
    assert len(t.offsets) == len(t.clean)
    for i, ch in enumerate(t.clean):
        if not ch.isspace():
            assert t.source[t.offsets[i]] == ch


def test_quote_keeps_print_form() -> None:
    t = normalise(PDF_LIKE)
    start = t.clean.index("capacity-building")
    quote = t.quote(start, start + len("capacity-building to strengthen"))
    assert quote == "capacity- building to strengthen"
    assert quote in collapse(PDF_LIKE)


def test_quote_never_crosses_furniture() -> None:
    t = normalise(PDF_LIKE)
    start = t.clean.index("Expert Group.")
    end = t.clean.index("was held") + len("was held")
    assert t.quote(start, end) == "Expert Group."
    anchor = t.clean.index("sixth")
    assert t.quote(start, end, anchor) == "The sixth meeting was held"


def test_every_span_is_exact() -> None:
    t = normalise(PDF_LIKE)
    whole = collapse(PDF_LIKE)
    for start in range(0, len(t.clean), 7):
        for end in range(start + 1, min(len(t.clean), start + 120), 13):
            assert t.quote(start, end) in whole
