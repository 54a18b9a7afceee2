"""Split a clean text into paragraphs, and paragraphs into sentences.

A paragraph that runs on after a block of footnotes or a page break (it goes on in lower case
after a line that ends mid-sentence) is one paragraph: its *pieces* map its text back to the
clean text. The ids a reader sees are given by :mod:`.paragraph_ids`.

    >>> from mandates.loader.text import normalise
    >>> text = "The General Assembly,\\nRecalling its resolution 1/2,\\n1. Requests the Council;"
    >>> [(p.pid, p.kind) for p in paragraphs(normalise(text))]
    [('para-1', 'heading'), ('pp1', 'preamble'), ('op1', 'operative')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .paragraph_ids import name_paragraphs
from .text import Text

_MARKER = re.compile(
    r"(?:[-•*]\s+)?(?:(?P<num>\d{1,3})\.\s+(?=\S)|\((?P<sub>[a-z]{1,2}|[ivx]{1,5})\)\s"
    r"|(?P<roman>[IVX]{1,5})\.\s|(?P<cap>[A-H])\.\s)"
)
_FOOTNOTE = re.compile(r"(?P<fn>\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+\S")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_OPENER = re.compile(r"(?:\*\*)?The [A-Z][\w ,'’-]{2,120},(?:\*\*)?")
_PREAMBLE_START = re.compile(
    r"(?:[A-Z][a-z]+ly |Further |Also )?(?:[A-Z][a-z]+ing\b|Having\b|Bearing in mind|Guided\b"
    r"|Mindful\b|Aware\b|Conscious\b|Convinced\b|Concerned\b|Alarmed\b|Determined\b"
    r"|Cognizant\b|Desirous\b|Deeply\b|Gravely\b|Seriously\b|Strongly\b|Encouraged\b)"
)
_ADOPTION = re.compile(r"Resolution adopted by the [A-Z][\w ]+?(?: on \d{1,2} \w+ \d{4})?\b")
_END_OF_RESOLUTION = re.compile(r"\d+(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting|Annex\b.*")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:paras?|Nos?|vols?|sect|arts?|e\.g|i\.e|a\.m|p\.m|Mrs?|Ms|Dr|St|Corr|Add|Rev|"
    r"etc|cf|op|cit|ibid|annexes?|chap)|\b[A-Z])\.$"
)
# a colon inside a title running over a line break: "the Rule of Law:\nTowards the Achievement"
_TITLE_COLON = re.compile(r"[A-Z][\w-]*(?:\s+of\s+[A-Z][\w-]*)?:\n[A-Z][a-z]+\s+(?:the\s+)?[A-Z]")
_OPEN_END = re.compile(r"[^.;:]\**$")  # a line or paragraph that stops mid-sentence


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its id, kind, label as printed ("3", "a"), clean span and text.

    ``pieces`` holds, for each piece of a paragraph broken by footnotes, the offset in ``text``
    where it begins and the clean offset it comes from (one piece for most paragraphs).
    """

    pid: str
    kind: str
    label: str | None
    start: int
    end: int
    text: str
    pieces: tuple[tuple[int, int], ...] = ()

    def clean(self, i: int) -> int:
        """The clean-text offset of ``text[i]``."""
        if not self.pieces:
            return self.start + i
        k = bisect_right([p[0] for p in self.pieces], i) - 1
        at, clean = self.pieces[max(k, 0)]
        return clean + i - at

    def span(self, lo: int, hi: int, anchor: int) -> tuple[int, int]:
        """The clean span of ``text[lo:hi]``, kept within the piece that holds ``anchor``."""
        for at, _ in self.pieces[1:]:
            if lo < at <= hi:
                if anchor < at:
                    hi = at - 1
                else:
                    lo = at
        return self.clean(lo), self.clean(max(hi - 1, lo)) + 1

    def joined(self, other: Paragraph) -> Paragraph:
        """This paragraph with ``other`` (its continuation after footnotes) appended."""
        pieces = self.pieces or ((0, self.start),)
        more = other.pieces or ((0, other.start),)
        at = len(self.text) + 1
        pieces += tuple((at + a, c) for a, c in more)
        return replace(self, end=other.end, text=f"{self.text} {other.text}", pieces=pieces)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph: ``text`` is ``paragraph.text[lo:hi]``."""

    lo: int
    hi: int
    text: str
    paragraph: Paragraph

    @property
    def start(self) -> int:
        return self.paragraph.clean(self.lo)

    @property
    def end(self) -> int:
        return self.paragraph.clean(self.hi - 1) + 1


def _is_heading(line: str, next_line: str, width: int) -> bool:
    line = re.sub(r"([.,;:])\s+\d{1,2}$", r"\1", line)  # a footnote mark after the clause
    words = line.split()
    return (
        0 < len(words) <= 14
        and len(line) < 0.7 * width
        and not re.search(r"[.,;:]\**$", line)
        and not re.search(r"\b(?:on|of|the|and|to|for|in|with|an?|by|at|its|their|or|that)$", line)
        and (not next_line or next_line[:1].isupper() or bool(_MARKER.match(next_line)))
    )


def _blocks(text: Text) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, is_heading) spans of paragraph blocks in the clean text."""
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text.clean)]
    # the width of a full line, which a heading falls well short of (at least that of a page of
    # about 80 characters, whatever width the tool that extracted the text wrapped at)
    width = max(sorted(len(line) for *_, line in lines)[int(len(lines) * 0.9)], 80) if lines else 0
    block: list[tuple[int, int, str]] = []
    gaps = set(text.gaps)
    for i, (start, end, line) in enumerate(lines):
        prev = block[-1][2] if block else ""
        blank_before = i > 0 and "\n\n" in text.clean[lines[i - 1][1] : start + 1]
        continued = line[:1].islower() and bool(_OPEN_END.search(prev))
        brk = (
            not block
            or (blank_before and not continued)
            or bool(_MARKER.match(line))
            or (_FOOTNOTE.match(line) is not None and prev.endswith((".", ";")))
            or (
                re.search(r"[.:;]\**$", prev) is not None
                and len(prev) < 0.75 * width
                and not _TITLE_COLON.search(prev + "\n" + line[:40])
            )
            or (
                re.search(r",(?:\s*\d{1,2})?$", prev) is not None
                and bool(_PREAMBLE_START.match(line))
            )
            or _is_heading(prev, line, width)
            and len(block) == 1
            or (start in gaps and bool(re.search(r"[.:;]\**$", prev)))  # a page ends a paragraph
            or set(line) == {"_"}
            or set(prev) == {"_"}
            or bool(_ADOPTION.match(line))
        )
        if brk and block:
            yield block[0][0], block[-1][1], len(block) == 1 and _is_heading(prev, line, width)
            block = []
        block.append((start, end, line))
    if block:
        yield block[0][0], block[-1][1], len(block) == 1 and _is_heading(block[0][2], "", width)


def _kinds(text: Text) -> Iterator[tuple[str, str | None, int, int, str]]:
    """(kind, label, start, end, text) of each block, by the zone of the document it is in."""
    zone = "body"  # body | preamble | operative | footnotes
    resume = "body"
    for start, end, heading in _blocks(text):
        body = text.clean[start:end].replace("\n", " ")
        m = _MARKER.match(body)
        fn = _FOOTNOTE.match(body)
        if set(body) == {"_"}:
            resume, zone = (zone if zone != "footnotes" else resume), "footnotes"
            continue
        if _OPENER.fullmatch(body):
            heading, zone = True, "preamble"
        if (zone == "footnotes" and fn and not (m and m.group("num"))) or (
            body[:1] in "¹²³⁴⁵⁶⁷⁸⁹" and fn
        ):
            yield "footnote", fn.group("fn").translate(_SUPERSCRIPT), start, end, body
            continue
        if zone == "footnotes":
            zone = resume
        if _ADOPTION.match(body) and zone == "body":
            yield "header", None, start, end, body
        elif m and m.group("num") and not heading:
            kind = "operative" if zone in ("preamble", "operative") else "numbered"
            zone = "operative" if kind == "operative" else "body"
            yield kind, m.group("num"), start, end, body
        elif m and m.group("sub") and not heading:
            yield "item", m.group("sub"), start, end, body
        elif heading or (m and (m.group("roman") or m.group("cap"))):
            label = m.group("num") or m.group("sub") if m else None
            yield "heading", label, start, end, body
        elif zone == "preamble" or (
            zone == "body" and _PREAMBLE_START.match(body) and re.search(r",\s*\d{0,2}$", body)
        ):
            zone = "preamble"
            yield "preamble", None, start, end, body
        else:
            yield "text", None, start, end, body
        if _END_OF_RESOLUTION.fullmatch(body) and zone == "operative":
            zone = "body"


def paragraphs(text: Text) -> list[Paragraph]:
    """Paragraphs of a clean text, a paragraph broken by footnotes joined, with their ids."""
    out: list[Paragraph] = []
    last = -1  # index of the last paragraph of running text (not a footnote or heading)
    for kind, label, start, end, body in _kinds(text):
        p = Paragraph("", kind, label, start, end, body)
        running = kind in ("text", "preamble", "operative", "numbered", "item")
        if (
            running
            and last >= 0
            and body[:1].islower()
            and _OPEN_END.search(out[last].text)
            and any(q.kind in ("footnote", "heading") for q in out[last + 1 :])
        ):
            out[last] = out[last].joined(replace(p, kind=out[last].kind))
            continue
        out.append(p)
        if running:
            last = len(out) - 1
    return name_paragraphs(out)


def sentences(paragraph: Paragraph) -> list[Sentence]:
    """Split a paragraph into sentences at a full stop followed by a capital or a quote."""
    out: list[Sentence] = []
    text = paragraph.text
    marker = _MARKER.match(text) if paragraph.kind != "footnote" else None
    begin = marker.end() if marker and paragraph.kind != "heading" else 0
    for m in re.finditer(r"(?<=[.?!])\d{0,2}[”\"’)¹²³⁴⁵⁶⁷⁸⁹⁰]*\s+(?=[“\"(\[]?[A-Z0-9])", text):
        head = text[begin : m.start()]
        if _ABBREVIATIONS.search(head.rstrip('”"’)')) or not head.strip():
            continue
        hi = m.start() + len(m.group().rstrip())
        out.append(Sentence(begin, hi, text[begin:hi], paragraph))
        begin = m.end()
    if begin < len(text):
        out.append(Sentence(begin, len(text), text[begin:], paragraph))
    return out
