"""Normalise a source text for parsing, keeping a map back to the source for exact quotes.

The *clean* text drops page furniture (page numbers, running headers, job numbers, barcodes,
undocs.org URL lines, "Please recycle"), collapses whitespace inside lines, drops the blank lines
a PDF extraction puts between every line, and rejoins words hyphenated across a line break.
``offsets[i]`` is the index in the source of ``clean[i]``, so any span of the clean text maps
back to the source: :meth:`Text.quote` returns it as printed, whitespace collapsed.

    >>> t = normalise("A capacity-\\n\\nbuilding plan.\\nV.21-00123\\n3/8\\nIt ends.")
    >>> t.clean
    'A capacity-building plan.\\nIt ends.'
    >>> t.quote(2, 24)
    'capacity- building plan'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

_SYMBOL = r"[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9.\-]*[A-Za-z0-9]){2,}"
_FURNITURE = [
    re.compile(r"(?:https?://|www\.)\S+", re.I),  # undocs.org and other URL lines
    re.compile(r"(?:page\s+)?\d{1,3}(?:\s*/\s*\d{1,3}|\s+of\s+\d{1,3})?", re.I),  # page nos
    re.compile(r"(?:[A-Z]\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+[\d ]{6,})?\s*\S{0,3}"),  # job no
    re.compile(r"\*\d{7,}\*"),  # barcode
    re.compile(r"please\s+recycle.*", re.I),
    re.compile(rf"\d{{1,3}}/\d{{1,3}}\s+{_SYMBOL}|{_SYMBOL}\s+\d{{1,3}}/\d{{1,3}}"),  # header
]
_BARE_SYMBOL = re.compile(_SYMBOL)
# one pattern for every kind of furniture, each with its own flags
_ANY_FURNITURE = re.compile(
    "|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" for p in _FURNITURE)
)


_WORD = re.compile(r"\S+")


def collapse(text: str) -> str:
    """Collapse every run of whitespace (no-break spaces included) to one space, and strip.

    >>> collapse("a\\u00a0 b\\n\\nc ")
    'a b c'
    """
    return " ".join(text.split())


def is_furniture(line: str, repeated: frozenset[str] = frozenset()) -> bool:
    """True for a line that is page furniture rather than document text.

    ``repeated`` holds the lines seen more than once: a bare symbol line that repeats is a
    running header.

    >>> is_furniture("V.18-08858 (E)"), is_furniture("*1808858*"), is_furniture("Please recycle")
    (True, True, True)
    >>> is_furniture("A/RES/79/136 3/8"), is_furniture("UNODC/CCPCJ/EG.4/2013/3.")
    (True, False)
    """
    stripped = line.strip()
    if not stripped:
        return False
    if stripped in repeated and _BARE_SYMBOL.fullmatch(stripped):
        return True
    return _ANY_FURNITURE.fullmatch(stripped) is not None


@dataclass(frozen=True)
class Text:
    """A source text, its clean form and the map from clean offsets to source offsets."""

    source: str
    clean: str
    offsets: tuple[int, ...]
    gaps: tuple[int, ...]  # clean indices i where furniture lies between clean[i-1] and clean[i]

    def quote(self, start: int, end: int, anchor: int | None = None) -> str:
        """The source text behind ``clean[start:end]``, whitespace collapsed.

        A span that crosses dropped furniture is cut at the furniture, keeping the side that
        holds ``anchor`` (default: the start), so the result is always an exact substring of
        ``collapse(source)``.
        """
        anchor = start if anchor is None else anchor
        lo = bisect_right(self.gaps, start)
        for gap in self.gaps[lo:]:
            if gap >= end:
                break
            if gap <= anchor:
                start = gap
            else:
                end = gap
                break
        while start < end and self.clean[start].isspace():
            start += 1
        while end > start and self.clean[end - 1].isspace():
            end -= 1
        if start >= end:
            return ""
        return collapse(self.source[self.offsets[start] : self.offsets[end - 1] + 1])


def _double_spaced(lines: list[tuple[int, str]]) -> bool:
    """True when nearly every text line is followed by a blank line and sentences run on over
    them (PDF extraction): a line that stops mid-sentence, a blank, then a lower-case line.
    One paragraph a line, blank lines between, is not that."""
    kinds = [bool(text.strip()) for _, text in lines]
    full = [i for i, k in enumerate(kinds) if k]
    if len(full) < 10:
        return False
    spaced = sum(1 for i in full if i + 1 < len(kinds) and not kinds[i + 1])
    runs_on = sum(
        1
        for a, b in zip(full, full[1:], strict=False)
        if b > a + 1
        and re.search(r"[\w,]$", lines[a][1].strip())
        and lines[b][1].strip()[:1].islower()
    )
    return spaced >= 0.6 * len(full) and runs_on >= 0.25 * len(full)


def normalise(source: str) -> Text:
    """Build the clean text and offset map of a source (see the module docstring)."""
    lines = _split_lines(source)
    spaced = _double_spaced(lines)
    counts = Counter(line.strip() for _, line in lines)
    repeated = frozenset(line for line, n in counts.items() if n > 1)
    chars: list[str] = []
    offsets: list[int] = []
    gaps: list[int] = []
    pending_gap = False
    blanks = 0  # blank lines since the last text line, furniture aside
    for start, line in lines:
        if is_furniture(line, repeated):
            pending_gap = True
            blanks = 0  # the blank lines around page furniture are the page break's
            continue
        if not line.strip():
            blanks += not pending_gap
            continue
        if chars:
            joined = chars[-1] == "-" and len(chars) > 1 and chars[-2].isalpha()
            if joined and line.lstrip()[:1].islower():
                pass
            else:
                # a blank line parts paragraphs; in a double-spaced extraction, two do
                sep = "\n\n" if blanks > (1 if spaced else 0) else "\n"
                for ch in sep:
                    chars.append(ch)
                    offsets.append(max(start - 1, 0))
        if pending_gap and chars:
            gaps.append(len(chars))
        pending_gap = False
        blanks = 0
        _append_line(line, start, chars, offsets)
    return Text(source, "".join(chars), tuple(offsets), tuple(gaps))


def _split_lines(source: str) -> list[tuple[int, str]]:
    """Lines of the source with their start offsets (form feeds count as line breaks)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in re.finditer(r"\r\n|[\n\r\f]", source):
        out.append((pos, source[pos : m.start()]))
        pos = m.end()
    out.append((pos, source[pos:]))
    return out


def _append_line(line: str, start: int, chars: list[str], offsets: list[int]) -> None:
    """Append one line, stripped, with inner whitespace runs collapsed to one space."""
    stripped = line.strip()
    if " ".join(stripped.split()) == stripped:  # fast path: nothing to collapse inside
        lead = start + len(line) - len(line.lstrip())
        chars.extend(stripped)
        offsets.extend(range(lead, lead + len(stripped)))
        return
    first = True
    for m in _WORD.finditer(line):
        if not first:
            chars.append(" ")
            offsets.append(start + m.start() - 1)
        chars.extend(m.group())
        offsets.extend(range(start + m.start(), start + m.end()))
        first = False
