"""The kind of a document and its metadata: own symbol, title, date, body, own meeting.

Read from the top matter (masthead, distribution line, headings before the first paragraph of
running text) with generic UN-document grammar.

    >>> from mandates.loader.text import normalise
    >>> from mandates.loader.segment import paragraphs
    >>> t = normalise("United Nations A/RES/1/2\\n\\nGeneral Assembly Distr.: General\\n\\n"
    ...               "3 May 2024\\n\\nResolution adopted by the General Assembly\\n\\n"
    ...               "1/2. On crime\\n\\nThe General Assembly,\\n\\n1. Requests the Council;")
    >>> info = describe(t, paragraphs(t))
    >>> info.kind, info.symbol, info.own_id, info.title, info.date, info.status
    ('resolution', 'A/RES/1/2', 'A/RES/1/2', 'On crime', '2024-05-03', 'adopted')

A resolution's date is its adoption date ("Resolution adopted by the General Assembly on …",
else the plenary meeting line at its foot); the "Distr." date is kept as the issue date.

    >>> t = normalise("United Nations\\nA/RES/1/2\\nGeneral Assembly\\nDistr.: General\\n"
    ...               "9 May 2024\\n\\nResolution adopted by the General Assembly\\n"
    ...               "on 3 May 2024\\n[on the report of the Third Committee (A/1/400)]\\n\\n"
    ...               "1/2. On crime\\n\\nThe General Assembly,\\n\\n1. Requests the Council;")
    >>> info = describe(t, paragraphs(t))
    >>> info.symbol, info.date, info.issued, info.adopted_by
    ('A/RES/1/2', '2024-05-03', '2024-05-09', 'General Assembly')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .mentions import (
    MONTHS,
    SHORT,
    actors,
    find_dates,
    find_place,
    find_symbols,
    ordinal,
    resolution_id,
    resolve_body,
)
from .segment import Paragraph
from .text import Text

_KINDS = [
    (r"Resolution adopted by", "resolution"),
    (r"^Resolution \d{1,4}/\d{1,4}$", "resolution"),  # as printed in a body's report
    (r"Draft resolution", "draft resolution"),
    (r"Annotated provisional agenda", "annotated provisional agenda"),
    (r"Addendum", "report addendum"),
    (r"(?:Draft )?[Rr]eport\b", "report"),
    (r"Note by the Secretar", "note by the Secretariat"),
]
# a meeting's report (draft or addendum) is the text the meeting adopts, as in the curated data
_STATUS = {
    "resolution": "adopted",
    "draft resolution": "proposed",
    "report": "adopted",
    "report addendum": "adopted",
}
_DATE = rf"\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}"
_ADOPTION = re.compile(
    r"Resolution adopted by the (?P<body>[A-Z][\w-]*(?:\s+(?:(?:and|on|of|for)\s+)?[A-Z][\w-]*)*)"
    rf"(?:\s+on\s+(?P<date>{_DATE}))?"
)
_PLENARY = re.compile(rf"\d+(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting\s+(?P<date>{_DATE})")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"


@dataclass
class DocumentInfo:
    """What a document says about itself."""

    kind: str
    symbol: str | None
    title: str | None
    date: str | None
    body: str | None
    own_id: str | None
    status: str
    meeting: dict | None
    top: int = 0  # number of top-matter paragraphs (masthead, headings before the text)
    issued: str | None = None  # the "Distr." date printed under the symbol
    adopted_by: str | None = None  # the body of the adoption line
    adoption: tuple[int, int] | None = None  # the adoption line's span in the clean text


def _top(paras: list[Paragraph]) -> list[Paragraph]:
    out = []
    for p in paras:
        sentence = len(p.text.split()) >= 8 and re.search(r"[.,;:]\**$", p.text)
        if p.kind in ("numbered", "preamble", "operative") or sentence or len(p.text) > 300:
            break
        out.append(p)
    return out


def describe(text: Text, paras: list[Paragraph]) -> DocumentInfo:
    """Kind, symbol, title, dates, body and own meeting of a document."""
    top = _top(paras)
    head = "\n".join(p.text for p in top)
    kind = next((k for pattern, k in _KINDS if re.search(pattern, head, re.M)), None)
    symbol = _own_symbol(head)
    if kind is None:
        kind = "web summary" if not symbol and "Distr." not in head else "document"
    issued = _issued(head)
    adoption = _ADOPTION.search(text.clean[: top[-1].end]) if top else None
    adopted_by = resolve_body(adoption.group("body")) if adoption else None
    date = _adoption_date(text, adoption) if kind == "resolution" else None
    opener = _opener(paras)
    found = actors(head) or actors(text.clean)
    counts = Counter(name for *_, name in actors(text.clean))
    body = found[0][2] if actors(head) else (counts.most_common(1)[0][0] if counts else None)
    body = adopted_by or body
    own_id = resolution_id(symbol) if symbol and "/RES/" in symbol else symbol
    numbered = re.search(r"^Resolution (\d{1,4}/\d{1,4})$", head, re.M)
    if own_id is None and numbered and opener:  # "Resolution 40/2" … "The Commission …,"
        own_id = resolution_id(numbered.group(1), opener)
        body = opener
    return DocumentInfo(
        kind,
        symbol,
        _title(top, kind),
        date or issued,
        body,
        own_id,
        _STATUS.get(kind, "reported"),
        _own_meeting(text, head, body),
        len(top),
        issued,
        adopted_by,
        adoption.span() if adoption else None,
    )


def _opener(paras: list[Paragraph]) -> str | None:
    """The body a resolution's text opens with: "The Commission on …," → the Commission."""
    for p in paras[:15]:
        m = re.fullmatch(r"\**The (?P<b>[A-Z][\w ,'’-]{2,120}),\**", p.text.strip())
        if m and resolve_body(m.group("b")):
            return resolve_body(m.group("b"))
    return None


def _own_symbol(head: str) -> str | None:
    """The masthead's symbol: the first symbol of the top matter that stands on a line of its
    own or after "United Nations", never one cited in brackets below it ("(A/79/460)")."""
    for line in head.splitlines()[:6]:
        m = re.fullmatch(r"(?:United Nations\s+)?(?P<s>\S+/\S+)(?:\s+.*)?", line.strip())
        if m:
            found = find_symbols(m.group("s"))
            if found:
                return found[0]
    return None


def _issued(head: str) -> str | None:
    dated = re.search(
        rf"(?:^|Distr\.:\s*\w+\s+)(\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}})$", head, re.M
    )
    return find_dates(dated.group(1))[0].first if dated else None


def _adoption_date(text: Text, adoption: re.Match | None) -> str | None:
    """The date of the adoption line, else of the plenary meeting line at the foot."""
    if adoption and adoption.group("date"):
        return find_dates(adoption.group("date"))[0].first
    plenary = list(_PLENARY.finditer(text.clean))
    return find_dates(plenary[-1].group("date"))[0].first if plenary else None


def _title(top: list[Paragraph], kind: str) -> str | None:
    texts = [p.text.strip("* ") for p in top]
    for i, t in enumerate(texts):
        m = re.match(r"\d{1,4}/\d{1,4}(?: [A-Z])?\.\s+(?P<t>.+)", t)
        if m:  # the title may run on over the next heading lines
            rest = [x for x in texts[i + 1 :] if not re.fullmatch(r"The [\w ]+,", x)]
            return (
                " ".join([m.group("t"), *rest[:3]])
                if m.group("t").endswith(";")
                else (m.group("t"))
            )
        if re.fullmatch(r"Resolution \d{1,4}/\d{1,4}", t) and i + 1 < len(texts):
            return texts[i + 1]
        if kind == "draft resolution" and t.startswith("Draft resolution") and i + 1 < len(texts):
            return texts[i + 1]
        if re.match(r"Note by the Secretar", t) and i:
            return texts[i - 1]
        if re.fullmatch(r"(?:Draft )?[Rr]eport|Annotated provisional agenda", t):
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            return f"{t}: {nxt}" if nxt == "Addendum" else t
    if kind == "web summary" and texts:
        return texts[0]
    return None


def _own_meeting(text: Text, head: str, body: str | None) -> dict | None:
    """The meeting a document is for: place and dates from the venue line, ordinal from text."""
    venue = re.search(
        r"(?P<place>(?:(?:New|San|Addis|Buenos|Abu|Kuala|Santo|Rio de) )?[A-Z][a-z]+),"
        r"\s+(?=\d{1,2}\s*(?:–|-|to)?)",
        head,
    )
    dates = find_dates(head[venue.end() :]) if venue else []
    opened = re.search(
        r"The (?P<ord>[\w-]+) meeting of .{0,120}?will be opened on (?P<d>[^.]+)", text.clean, re.S
    )
    if not (venue and dates) and not opened:
        return None
    n = ordinal(opened.group("ord")) if opened else None
    if n is None:
        words = re.findall(r"\b([\w-]+) meeting\b", text.clean)
        nums = [k for w in words if not w[0].isdigit() and (k := ordinal(w))]
        n = max(nums) if nums else None
    start = end = None
    if dates:
        start, end = dates[0].span
    elif opened:
        got = find_dates(opened.group("d"))
        start = got[0].first if got else None
        year = int(start[:4]) if start else None
        days = [
            d
            for m in re.finditer(rf"{_DAY}(\d{{1,2}} \w+(?: \d{{4}})?)", text.clean)
            for d in find_dates(m.group(1), year=year)
        ]
        end = days[-1].last if days else start
    place = venue.group("place") if venue else find_place(opened.group(0) if opened else "")
    return {
        "body": SHORT.get(body or "", body),
        "ordinal": n,
        "start": start,
        "end": end,
        "place": place,
        "note": None,
    }
