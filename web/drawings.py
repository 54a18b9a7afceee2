"""The geometry of the small drawings pages make without script (inline SVG, which the
Content-Security-Policy allows): a body's meetings on a time axis, and the mandate chain on the
home page. Templates draw what these return; every shape they place links to a page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

WIDTH = 1000  #: the drawings' user units across (the SVG scales to its box)


def year_of(date: str | None) -> float | None:
    """A date (``2020-07-27``, ``2020-07`` or ``2020``) as a fractional year.

    >>> year_of("2020-07-01"), year_of("2013-04"), year_of(None)
    (2020.497, 2013.246, None)
    """
    if not date or not date[:4].isdigit():
        return None
    parts = [int(p) for p in date[:10].split("-") if p.isdigit()]
    year, month, day = (parts + [1, 1])[:3]
    try:
        start = dt.date(year, month, day).timetuple().tm_yday - 1
    except ValueError:
        return float(year)
    return round(year + start / 366, 3)


@dataclass
class Axis:
    """Years from ``first`` to ``last`` (inclusive) mapped onto ``left``…``right``."""

    first: int
    last: int
    left: float = 40
    right: float = WIDTH - 20

    def x(self, year: float) -> float:
        span = max(self.last + 1 - self.first, 1)
        return round(self.left + (year - self.first) * (self.right - self.left) / span, 1)

    def ticks(self) -> list[tuple[int, float]]:
        span = self.last + 1 - self.first
        step = 1 if span <= 14 else 2 if span <= 28 else 5
        return [(y, self.x(y)) for y in range(self.first, self.last + 2) if y % step == 0]


def axis_for(dates: list[str | None], left: float = 40, right: float = WIDTH - 20) -> Axis | None:
    years = [y for y in (year_of(d) for d in dates) if y is not None]
    if not years:
        return None
    return Axis(int(min(years)), int(max(years)), left, right)


@dataclass
class Mark:
    """One meeting on the timeline: where it is drawn, and where its label goes."""

    iri: str
    x: float
    label: str
    title: str
    postponed_from: float | None = None
    label_y: float = 0
    classes: list[str] = field(default_factory=list)


def meeting_timeline(meetings: list, names: dict[str, str]) -> dict | None:
    """The meetings of a body (:class:`mandates.graph.profile.MeetingRow`) on a time axis,
    labels staggered where two meetings are close; None when none is dated."""
    axis = axis_for([d for m in meetings for d in (m.start, m.original_start)])
    if axis is None:
        return None
    marks: list[Mark] = []
    last_x = -1e9
    row = 0
    for m in meetings:
        year = year_of(m.start)
        if year is None:
            continue
        x = axis.x(year)
        row = row + 1 if x - last_x < 60 else 0
        last_x = x
        label = str(m.ordinal) if m.ordinal else m.start[:7]
        title = f"{names.get(m.iri, m.iri)}: {m.start}" + (f" – {m.end}" if m.end else "")
        mark = Mark(m.iri, x, label, title, label_y=52 - 16 * (row % 2))
        if m.postponed and m.original_start:
            first = year_of(m.original_start)
            mark.postponed_from = axis.x(first) if first is not None else None
            mark.title += f" (postponed from {m.original_start})"
            mark.classes.append("postponed")
        marks.append(mark)
    return {"axis": axis, "ticks": axis.ticks(), "marks": marks, "width": WIDTH, "height": 110}
