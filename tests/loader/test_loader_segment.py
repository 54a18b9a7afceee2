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
        ("para-1", "heading"),
        ("para-2", "heading"),
        ("pp1", "preamble"),
        ("pp2", "preamble"),
        ("pp3", "preamble"),
        ("fn1", "footnote"),
        ("op1", "operative"),
        ("op1 (a)", "item"),
        ("op1 (b)", "item"),
        ("op2", "operative"),
        ("annex para-10", "heading"),
        ("annex para-11", "heading"),
    ]


def test_report_ids_and_roman_sub_items() -> None:
    got = [pid for pid, _ in ids(REPORT)]
    assert got == ["para-1", "1", "2", "para-4", "3", "3 (h)", "3 (i)", "3 (j)", "3 (j) (i)",
                   "3 (j) (ii)"]  # fmt: skip


def test_a_repeated_number_keeps_the_printed_id() -> None:
    text = "1. Organizational matters.\n\n1. Organizational matters again here.\n"
    assert [pid for pid, _ in ids(text)] == ["1", "1"]


def test_annotated_agenda_ids_name_the_item() -> None:
    text = (
        "Provisional agenda\n\n1. Organizational matters:\n(a) Opening;\n(b) Adoption.\n\n"
        "Annotations\n\n1. Organizational matters\n\n(b) Adoption of the agenda\n\n"
        "In its resolution 1/2, the Assembly requested the Commission to act.\n\n"
        "The Group held its first meeting in Rome.\n"
    )
    assert [pid for pid, _ in ids(text)][-4:] == [
        "item 1",
        "item 1 (b)",
        "item 1 (b)",
        "item 1 (b)",
    ]


def test_paragraph_runs_on_after_footnotes() -> None:
    text = (
        "The General Assembly,\n"
        "Recognizing that the Office, in accordance with its mandate, is entrusted with the\n"
        "__________________\n"
        "1 See A/1/2.\n\n"
        "task of assisting Member States, and in this regard noting the work of the Office,\n"
        "Recalling its resolution 1/2,\n"
    )
    paras = paragraphs(normalise(text))
    assert [(p.pid, p.kind) for p in paras] == [
        ("para-1", "heading"),
        ("pp1", "preamble"),
        ("fn1", "footnote"),
        ("pp2", "preamble"),
    ]
    pp1 = paras[1]
    assert pp1.text.endswith("entrusted with the task of assisting Member States, and in this "
                             "regard noting the work of the Office,")  # fmt: skip
    clean = normalise(text).clean
    at = pp1.text.index("task")
    assert clean[pp1.clean(at) : pp1.clean(at) + 4] == "task"
    lo, hi = pp1.span(0, len(pp1.text), anchor=at)  # a span is kept on one side of the notes
    assert clean[lo:hi].startswith("task of assisting")


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
            assert p.text[s.lo : s.hi] == s.text
