"""Ordinals, dates, date ranges and places of meetings and sessions.

>>> ordinal("fourth"), ordinal("twenty-sixth"), ordinal("1st"), ordinal("Seventy-ninth")
(4, 26, 1, 79)
>>> [d.span for d in find_dates("held in Vienna from 17 to 21 January 2011")]
[('2011-01-17', '2011-01-21')]
>>> [d.span for d in find_dates("Vienna, 27–29 March 2019; 3 to 5 April 2018")]
[('2019-03-27', '2019-03-29'), ('2018-04-03', '2018-04-05')]
>>> [d.span for d in find_dates("from 30 March to 2 April 2021, on 2 November 2018")]
[('2021-03-30', '2021-04-02'), ('2018-11-02', '2018-11-02')]
>>> [d.span for d in find_dates("Distr.: Limited 3 April 2018")]
[('2018-04-03', '2018-04-03')]
>>> [d.span for d in find_dates("Friday, 29 March", year=2019)]
[('2019-03-29', '2019-03-29')]
>>> find_place("The first meeting was held in Vienna from 17 to 21 January 2011.")
'Vienna'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]
ORDINALS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
ORDINALS |= {w: i + 10 for i, w in enumerate(_TEENS)}
for _i, _stem in enumerate(_TENS):
    ORDINALS[_stem + "ieth"] = (_i + 2) * 10
    for _j, _unit in enumerate(_UNITS):
        ORDINALS[f"{_stem}y-{_unit}"] = (_i + 2) * 10 + _j + 1
ORDINAL = (
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + "|".join(sorted((w for w in ORDINALS if "-" not in w), key=len, reverse=True))
    + r")\b"
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "|".join(MONTHS)
_DATE_RANGE = re.compile(
    rf"(?:\b(?:from|on)\s+)?\b(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}))?)?"
    rf"(?:\s*(?:–|-|to|and)\s*(?P<d2>\d{{1,2}}))?\s+(?P<m2>{_MONTH})\b(?:,?\s+(?P<y2>\d{{4}}))?"
)


def ordinal(word: str) -> int | None:
    """The number of an ordinal written in words or figures, or None."""
    w = word.lower().strip()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w)
    return int(m.group(1)) if m else ORDINALS.get(w)


@dataclass(frozen=True)
class DateMention:
    """A date or date range in a text, as ISO dates (``end`` equals ``start`` for one day)."""

    start: int
    end: int
    first: str
    last: str

    @property
    def span(self) -> tuple[str, str]:
        return self.first, self.last

    @property
    def printed(self) -> str:
        """The date in the usual UN form: "6–8 April 2020", "30 March–2 April 2021".

        >>> find_dates("from 6 to 8 April 2020")[0].printed
        '6–8 April 2020'
        """
        y1, m1, d1 = (int(x) for x in self.first.split("-"))
        y2, m2, d2 = (int(x) for x in self.last.split("-"))
        if self.first == self.last:
            return f"{d2} {MONTHS[m2 - 1]} {y2}"
        if (y1, m1) == (y2, m2):
            return f"{d1}–{d2} {MONTHS[m2 - 1]} {y2}"
        head = f"{d1} {MONTHS[m1 - 1]}" + (f" {y1}" if y1 != y2 else "")
        return f"{head}–{d2} {MONTHS[m2 - 1]} {y2}"


def find_dates(text: str, year: int | None = None) -> list[DateMention]:
    """Dates and date ranges; a missing year comes from ``year`` (else the mention is skipped)."""
    out: list[DateMention] = []
    for m in _DATE_RANGE.finditer(text):
        y2 = int(m.group("y2")) if m.group("y2") else year
        if y2 is None:
            continue
        y1 = int(m.group("y1")) if m.group("y1") else y2
        m2 = MONTHS.index(m.group("m2")) + 1
        m1 = MONTHS.index(m.group("m1")) + 1 if m.group("m1") else m2
        d1 = int(m.group("d1"))
        d2 = int(m.group("d2")) if m.group("d2") else None
        if m.group("m1") and d2 is None:  # "30 December 2020" alone matched as d1 m1 y1 … m2?
            continue
        first = f"{y1:04d}-{m1:02d}-{d1:02d}"
        last = f"{y2:04d}-{m2:02d}-{(d2 or d1):02d}"
        if not (1 <= d1 <= 31 and 1 <= (d2 or d1) <= 31):
            continue
        out.append(DateMention(m.start(), m.end(), first, last))
    return out


def find_place(text: str) -> str | None:
    """The place a meeting was or will be held, when the text says "in <Place>"."""
    m = re.search(
        r"\b(?:held|take place|took place|convened|opened)\s+(?:\w+\s+)?in\s+"
        r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b(?! (?:format|manner))",
        text,
    )
    if m and m.group("place") not in MONTHS:
        return m.group("place")
    m = re.match(
        rf"\s*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+\d{{1,2}}\s*(?:–|-|{_MONTH})", text
    )
    return m.group("place") if m else None


MEETING_MENTION = re.compile(
    rf"\b(?:(?P<det>[Tt]he|[Ii]ts|[Tt]hat|[Tt]his)\s+)?(?:(?P<ord>{ORDINAL})|(?P<same>same)|"
    rf"(?P<ref>that|this))?\s*(?:-\s*\w+\s*-\s*)?(?P<kind>meeting|session)\b"
)


def is_hybrid(text: str) -> bool:
    """True when a text says a meeting was held in a hybrid format."""
    return bool(re.search(r"\bhybrid (?:meeting )?format\b", text))
