"""Split a clean text into paragraphs with stable ids, and paragraphs into sentences.

Ids: ``pp1``… preambular and ``op3`` operative paragraphs of a resolution, ``para3`` other
numbered paragraphs, ``para1(a)`` / ``para1(k)(i)`` lettered sub-items, ``fn1`` footnotes,
``h1``… headings, ``u1``… other text; anything after an "Annex" heading is prefixed ``annex-``.

    >>> from mandates.loader.text import normalise
    >>> text = "The General Assembly,\\nRecalling its resolution 1/2,\\n1. Requests the Council;"
    >>> [(p.pid, p.kind) for p in paragraphs(normalise(text))]
    [('h1', 'heading'), ('pp1', 'preamble'), ('op1', 'operative')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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
_END_OF_RESOLUTION = re.compile(r"\d+(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting|Annex\b.*")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:paras?|Nos?|vols?|sect|arts?|e\.g|i\.e|a\.m|p\.m|Mrs?|Ms|Dr|St|Corr|Add|Rev|"
    r"etc|cf|op|cit|ibid|annexes?)|\b[A-Z])\.$"
)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its id, kind, label as printed ("3", "a") and span in the clean text."""

    pid: str
    kind: str
    label: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph, as a span of the clean text."""

    start: int
    end: int
    text: str
    paragraph: Paragraph


def _is_heading(line: str, next_line: str, width: int) -> bool:
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
    width = sorted(len(line) for *_, line in lines)[int(len(lines) * 0.9)] if lines else 0
    block: list[tuple[int, int, str]] = []
    gaps = set(text.gaps)
    for i, (start, end, line) in enumerate(lines):
        prev = block[-1][2] if block else ""
        blank_before = i > 0 and "\n\n" in text.clean[lines[i - 1][1] : start + 1]
        continued = line[:1].islower() and not re.search(r"[.;:]\**$", prev)
        brk = (
            not block
            or (blank_before and not continued)
            or bool(_MARKER.match(line))
            or (_FOOTNOTE.match(line) is not None and prev.endswith((".", ";")))
            or (re.search(r"[.:;]\**$", prev) is not None and len(prev) < 0.75 * width)
            or (
                re.search(r",(?:\s*\d{1,2})?$", prev) is not None
                and bool(_PREAMBLE_START.match(line))
            )
            or _is_heading(prev, line, width)
            and len(block) == 1
            or start in gaps
            or set(line) == {"_"}
            or set(prev) == {"_"}
        )
        if brk and block:
            yield block[0][0], block[-1][1], len(block) == 1 and _is_heading(prev, line, width)
            block = []
        block.append((start, end, line))
    if block:
        yield block[0][0], block[-1][1], len(block) == 1 and _is_heading(block[0][2], "", width)


def paragraphs(text: Text) -> list[Paragraph]:
    """Paragraphs of a clean text, with ids (see the module docstring)."""
    out: list[Paragraph] = []
    seen: set[str] = set()
    counters = {"pp": 0, "h": 0, "u": 0}
    zone = "body"  # body | preamble | operative | footnotes
    prefix = parent = letter = ""
    resume = "body"
    for start, end, heading in _blocks(text):
        body = text.clean[start:end].replace("\n", " ")
        m = _MARKER.match(body)
        fn = _FOOTNOTE.match(body)
        label = None
        if set(body) == {"_"}:
            resume, zone = (zone if zone != "footnotes" else resume), "footnotes"
            continue
        if _OPENER.fullmatch(body):
            heading, zone = True, "preamble"
        if zone == "footnotes" and fn and not (m and m.group("num")):
            kind, label = "footnote", fn.group("fn").translate(_SUPERSCRIPT)
            pid = f"fn{label}"
        elif body[:1] in "¹²³⁴⁵⁶⁷⁸⁹" and fn:
            kind, label = "footnote", fn.group("fn").translate(_SUPERSCRIPT)
            pid = f"fn{label}"
        elif m and m.group("num") and not heading:
            zone = resume if zone == "footnotes" else zone
            label = m.group("num")
            kind = "operative" if zone in ("preamble", "operative") else "numbered"
            zone = "operative" if kind == "operative" else "body"
            parent = pid = f"op{label}" if kind == "operative" else f"para{label}"
            letter = ""
        elif m and m.group("sub") and not heading:
            label = m.group("sub")
            is_roman = (
                re.fullmatch(r"[ivx]+", label) and letter and not (label == "i" and letter == "h")
            )
            kind = "item"
            if is_roman:
                pid = f"{parent}({letter})({label})"
            else:
                letter = label
                pid = f"{parent or 'item'}({label})"
        elif heading or (m and (m.group("roman") or m.group("cap"))):
            counters["h"] += 1
            kind, pid = "heading", f"h{counters['h']}"
            if zone == "footnotes":
                zone = resume
            if re.fullmatch(r"\**Annex(?: [IVX]+)?\**", body):
                prefix, zone = "annex-", "body"
        elif (
            zone == "preamble"
            or (zone == "footnotes" and resume == "preamble")
            or (zone == "body" and _PREAMBLE_START.match(body) and re.search(r",\s*\d{0,2}$", body))
        ):
            zone = "preamble"
            counters["pp"] += 1
            kind, pid = "preamble", f"pp{counters['pp']}"
        else:
            if zone == "footnotes":
                zone = resume
            counters["u"] += 1
            kind, pid = "text", f"u{counters['u']}"
        if _END_OF_RESOLUTION.fullmatch(body) and zone == "operative":
            zone = "body"
        pid = prefix + pid
        while pid in seen:
            pid += "'"
        seen.add(pid)
        out.append(Paragraph(pid, kind, label, start, end, body))
    return out


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
        out.append(_sentence(paragraph, begin, m.start() + len(m.group().rstrip())))
        begin = m.end()
    if begin < len(text):
        out.append(_sentence(paragraph, begin, len(text)))
    return out


def _sentence(paragraph: Paragraph, lo: int, hi: int) -> Sentence:
    return Sentence(paragraph.start + lo, paragraph.start + hi, paragraph.text[lo:hi], paragraph)
