"""The mandate chain at a glance, from a lineage (:mod:`.lineage`): the bodies as lanes, the
acts that carry the mandate as arrows, the dated resolutions, declarations and meetings as
points on their lanes.

Kept: dated documents that are acts (resolutions, decisions, declarations, conventions) and
dated meetings; arrows for the mandate edges between what is kept and the bodies (a body's own
adoption of a document in its lane, and its holding of its meetings, are what the lane already
says, so they are not drawn). A body that only receives a mandate is a lane without points.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTS = {"Resolution", "DraftResolution", "Decision", "Declaration", "Convention"}
#: Acts of a body on what its own lane already shows.
IMPLIED = {"adopted", "held"}


@dataclass
class Point:
    iri: str
    lane: str
    date: str
    kind: str  #: "act" (a document) or "meeting"
    statuses: list[str] = field(default_factory=list)


@dataclass
class Arrow:
    source: str
    target: str  #: a point, or a lane (a body)
    verb: str  #: the verb's label
    statement: str | None
    date: str | None  #: the date of its source, when it has one


@dataclass
class Chain:
    root: str
    lanes: list[str]
    points: list[Point]
    arrows: list[Arrow]

    def iris(self) -> set[str]:
        found = {self.root, *self.lanes, *(p.iri for p in self.points)}
        return found | {a.statement for a in self.arrows if a.statement}


def _kind(node: dict) -> str | None:
    local = str(node.get("type") or "").rsplit("#", 1)[-1]
    if node.get("date") and local in ACTS:
        return "act"
    if node.get("date") and node.get("category") == "meeting":
        return "meeting"
    return None


def chain(lineage: dict) -> Chain:
    """The chain of a lineage's JSON (``/graph/api/lineage``)."""
    points = {
        n["id"]: Point(n["id"], n["lane"], n["date"], kind, n.get("statuses") or [])
        for n in lineage["nodes"]
        if (kind := _kind(n)) and n.get("lane")
    }
    bodies = {n["id"] for n in lineage["nodes"] if n.get("category") == "body"}
    arrows = []
    for e in lineage["edges"]:
        if not e.get("verb"):
            continue
        source, target = e["source"], e["target"]
        if source not in points and source not in bodies:
            continue
        if target not in points and target not in bodies:
            continue
        if source in bodies and target in points and points[target].lane == source:
            continue
        if e["label"] in IMPLIED and source in bodies:
            continue
        date = points[source].date if source in points else None
        arrows.append(Arrow(source, target, e["label"], e.get("statement"), date))
    kept = sorted(points.values(), key=lambda p: (p.date, p.iri))
    return Chain(lineage["root"], _lanes(lineage, points, arrows, bodies), kept, arrows)


def _lanes(
    lineage: dict, points: dict[str, Point], arrows: list[Arrow], bodies: set[str]
) -> list[str]:
    """The lanes drawn, in the order the mandate reaches them from the root's lane."""

    def lane(iri: str) -> str | None:
        return points[iri].lane if iri in points else iri if iri in bodies else None

    used = {p.lane for p in points.values()}
    used |= {x for a in arrows for x in (a.source, a.target) if x in bodies}
    first = {n["id"]: n.get("lane") for n in lineage["nodes"]}.get(lineage["root"])
    order: list[str] = []
    todo = [first] if first in used else []
    while todo:
        here = todo.pop(0)
        if here in order or here is None:
            continue
        order.append(here)
        todo += [lane(a.target) for a in arrows if lane(a.source) == here]
    for other in [x["id"] for x in lineage["lanes"] if x["id"] in used and x["id"] not in order]:
        # a lane the root does not reach (a congress whose declaration acts on a body): beside
        # the first lane it acts on, so that its arrows stay short
        targets = [lane(a.target) for a in arrows if lane(a.source) == other]
        at = min((order.index(t) for t in targets if t in order), default=len(order) - 1)
        order.insert(at + 1, other)
    return order
