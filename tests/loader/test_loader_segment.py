"""Paragraph ids and sentence splitting."""

from __future__ import annotations

from mandates.loader.segment import paragraphs, sentences
from mandates.loader.text import normalise

RESOLUTION = """United Nations A/RES/1/2

The General Assembly,
Recalling its resolution 65/230 of 21 December 2010,
Noting with appreciation the work of the Commission, 1
Welcoming the report of the Secretary-General,
__________________
1 See E/CN.15/2011/19.

1. Requests the Secretary-General to report, inter alia, on:
(a) Crime;
(b) Justice;
2. Also decides to remain seized of the matter.

Annex
Draft programme of work
"""

REPORT = """I. Introduction

1. In its resolution 65/230, the General Assembly requested the Commission to act.
2. The first meeting was held in Vienna. At that meeting, the group adopted its report.

II. Recommendations

3. The recommendations were the following:
(h) Eighth;
(i) Ninth;
(j) Tenth, with sub-items:
(i) first;
(ii) second.
"""


def ids(text: str) -> list[tuple[str, str]]:
    return [(p.pid, p.kind) for p in paragraphs(normalise(text))]


def test_resolution_ids() -> None:
    assert ids(RESOLUTION) == [
        ("h1", "heading"),
        ("h2", "heading"),
        ("pp1", "preamble"),
        ("pp2", "preamble"),
        ("pp3", "preamble"),
        ("fn1", "footnote"),
        ("op1", "operative"),
        ("op1(a)", "item"),
        ("op1(b)", "item"),
        ("op2", "operative"),
        ("annex-h3", "heading"),
        ("annex-h4", "heading"),
    ]


def test_report_ids_and_roman_sub_items() -> None:
    got = [pid for pid, _ in ids(REPORT)]
    assert got == [
        "h1",
        "para1",
        "para2",
        "h2",
        "para3",
        "para3(h)",
        "para3(i)",
        "para3(j)",
        "para3(j)(i)",
        "para3(j)(ii)",
    ]


def test_ids_unique() -> None:
    text = "1. Organizational matters.\n\n1. Organizational matters again here.\n"
    assert [pid for pid, _ in ids(text)] == ["para1", "para1'"]


def test_sentences_skip_marker_and_abbreviations() -> None:
    para = paragraphs(
        normalise(
            "2. The first meeting (see A/1, para. 4) was held at 10 a.m. "
            "on Monday. At that meeting, it adopted No. 5."
        )
    )[0]
    assert [s.text for s in sentences(para)] == [
        "The first meeting (see A/1, para. 4) was held at 10 a.m. on Monday.",
        "At that meeting, it adopted No. 5.",
    ]


def test_sentence_spans_point_into_clean_text() -> None:
    text = normalise(REPORT)
    for p in paragraphs(text):
        for s in sentences(p):
            assert text.clean[s.start : s.end].replace("\n", " ") == s.text
