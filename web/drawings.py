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


LANE = 56  #: height of a lane of the chain drawing
TOP = 34  #: room for the years above the lanes


def chain_drawing(chain, names: dict[str, str], shorts: dict[str, str]) -> dict | None:
    """Coordinates for the chain (:class:`mandates.graph.chain.Chain`): lanes across the
    drawing, points at their dates, arrows from each act to the lane or point it reaches."""
    axis = axis_for([p.date for p in chain.points], left=205, right=WIDTH - 15)
    if axis is None or not chain.lanes:
        return None
    lane_y = {lane: TOP + LANE * i + LANE / 2 for i, lane in enumerate(chain.lanes)}
    placed: dict[str, tuple[float, float]] = {}
    points: list[dict] = []
    last: dict[str, tuple[float, bool]] = {}
    for p in chain.points:
        if p.lane not in lane_y:
            continue
        x, y = axis.x(year_of(p.date) or axis.first), lane_y[p.lane]
        close = p.lane in last and x - last[p.lane][0] < 40
        flip = close and not last[p.lane][1]
        if close:
            x = max(x, last[p.lane][0] + 18)  # days apart: side by side, in their order
        last[p.lane] = (x, flip)
        placed[p.iri] = (x, y)
        short = shorts.get(p.iri, names.get(p.iri, p.iri))
        label = short.split(" ", 1)[0].rstrip("stndrh") if p.kind == "meeting" else short
        points.append(
            {
                "iri": p.iri,
                "x": x,
                "y": y,
                "kind": p.kind,
                "label": label,
                "label_y": y + (18 if flip else -12) if p.kind == "act" else y + 4,
                "title": f"{names.get(p.iri, p.iri)}, {p.date}",
                "postponed": any(s.endswith("#Postponed") for s in p.statuses),
            }
        )
    first_x: dict[str, float] = {}
    for p in points:
        lane = next(lane for lane, y in lane_y.items() if y == p["y"])
        first_x.setdefault(lane, p["x"])
    arrows = []
    for a in chain.arrows:
        if a.source in placed:
            x1, y1 = placed[a.source]
        elif a.source in lane_y:
            beside = first_x.get(a.target, axis.left + 30) - 16  # before the body's first point
            x1 = placed[a.target][0] if a.target in placed else beside
            y1 = lane_y[a.source]
        else:
            continue
        if a.target in placed:
            x2, y2 = placed[a.target]
        elif a.target in lane_y:
            x2, y2 = x1, lane_y[a.target]
        else:
            continue
        if abs(y2 - y1) < 1 and abs(x2 - x1) < 1:
            continue
        dx, dy = x2 - x1, y2 - y1
        length = max((dx * dx + dy * dy) ** 0.5, 1)
        end = 9 if a.target in placed else 3  # stop short of a point, reach a lane's line
        x2, y2 = x2 - dx / length * end, y2 - dy / length * end
        x1, y1 = x1 + dx / length * 7, y1 + dy / length * 7
        arrows.append(
            {
                "statement": a.statement,
                "d": f"M {x1:.1f} {y1:.1f} L {x2:.1f} {y2:.1f}",
                "label": a.verb,
                "lx": round((x1 + x2) / 2 + 4, 1),
                "ly": round((y1 + y2) / 2 + 4, 1),
                "title": " ".join((names.get(a.source, a.source), a.verb, names.get(a.target, ""))),
            }
        )
    lanes = [
        {"iri": lane, "y": y, "label": shorts.get(lane, lane), "title": names.get(lane, lane)}
        for lane, y in lane_y.items()
    ]
    height = TOP + LANE * len(chain.lanes) + 6
    return {
        "axis": axis,
        "ticks": axis.ticks(),
        "lanes": lanes,
        "points": points,
        "arrows": arrows,
        "width": WIDTH,
        "height": height,
        "bottom": height - 4,
    }
