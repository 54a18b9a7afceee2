"""What a resource page leads with, before the data view of every property.

- a body: what it is (kind, parent body, acronym), who established it and when, its meetings
  (dates, place, status, postponements) and the mandates it received and issued, grouped by
  verb; what it issued includes what it did through its meetings and the documents it adopted;
- a document: who adopted it and when, the mandates it states and those it received;
- a meeting: its body, dates, place, status, and its acts;
- a statement: one entry per passage that attests it (see the page).

Acts are :class:`Act` rows: the statement, the other party, the date of the acting document or
meeting, and the passages behind it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from mandates.namespaces import MND
from mandates.query.run import bind, select
from mandates.store.contract import ReadableStore

from .evidence import Attestation, Statement, statements_about
from .terms import Facts, Terms

_M = str(MND)
ESTABLISHED = _M + "established"
_MEETINGS = """SELECT ?m ?ordinal ?start ?end ?place ?status ?ostart ?oend ?format WHERE {
  ?m mnd:meetingOf $body .
  OPTIONAL { ?m mnd:ordinal ?ordinal } OPTIONAL { ?m mnd:startDate ?start }
  OPTIONAL { ?m mnd:endDate ?end } OPTIONAL { ?m mnd:place ?place }
  OPTIONAL { ?m mnd:meetingStatus ?status } OPTIONAL { ?m mnd:originalStartDate ?ostart }
  OPTIONAL { ?m mnd:originalEndDate ?oend } OPTIONAL { ?m mnd:meetingFormat ?format }
}"""
_ADOPTED = "SELECT DISTINCT ?d WHERE { ?d mnd:adoptedBy $body }"
PAGE_SIZE = 10


@dataclass
class Act:
    """One mandate act seen from a page: the statement and the party on the other side."""

    statement: Statement
    other: ox.NamedNode | ox.Literal | ox.BlankNode  #: the object (issued) or subject (received)
    via: str | None = None  #: the meeting or document through which this resource acted
    date: str | None = None  #: the date of the acting document or meeting

    @property
    def passages(self) -> list[Attestation]:
        return self.statement.attestations


@dataclass
class ActGroup:
    """The acts of one verb on one side (issued or received), one page of them."""

    side: str
    prop: str
    acts: list[Act]
    total: int = 0
    page: int = 1

    @property
    def key(self) -> str:
        return f"{self.side}:{self.prop.rsplit('#', 1)[-1]}"

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


@dataclass
class MeetingRow:
    iri: str
    ordinal: int | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    statuses: set[str] = field(default_factory=set)
    original_start: str | None = None
    original_end: str | None = None
    format: str | None = None

    @property
    def postponed(self) -> bool:
        return _M + "Postponed" in self.statuses


@dataclass
class Profile:
    category: str
    kind: str | None = None  #: the most specific type
    established: list[Act] = field(default_factory=list)
    meetings: list[MeetingRow] = field(default_factory=list)
    issued: list[ActGroup] = field(default_factory=list)
    received: list[ActGroup] = field(default_factory=list)

    def iris(self) -> set[str]:
        found = {self.kind} if self.kind else set()
        for g in self.issued + self.received:
            found.add(g.prop)
            for a in g.acts:
                found |= a.statement.iris() | ({a.via} if a.via else set())
        for a in self.established:
            found |= a.statement.iris()
        for m in self.meetings:
            found |= {m.iri, *m.statuses} | ({m.format} if m.format else set())
        return found


def profile(
    store: ReadableStore, iri: str, terms: Terms, group: str | None = None, page: int = 1
) -> Profile:
    """The lead of the page of ``iri``; ``group`` (an :attr:`ActGroup.key`) and ``page`` choose
    the page of one group of acts."""
    facts = Facts(store, terms)
    found = Profile(facts.category(iri), facts.type(iri))
    node = ox.NamedNode(iri)
    own = [s for s in statements_about(store, iri) if s.iri != iri]
    issued = [Act(s, s.object) for s in own if s.subject == iri and s.prop]
    received = [Act(s, ox.NamedNode(s.subject)) for s in own if s.subject != iri and s.prop]
    if found.category == "body":
        found.meetings = _meetings(store, node)
        found.established = [a for a in received if a.statement.prop == ESTABLISHED]
        through = [m.iri for m in found.meetings]
        through += [r["d"].value for r in select(store, bind(_ADOPTED, body=node))]
        for other in through:
            issued += [
                Act(s, s.object, other)
                for s in statements_about(store, other)
                if s.subject == other and s.prop
            ]
    for act in issued + received:
        act.date = facts.date(act.via or act.statement.subject)
        if act.date is None and isinstance(act.other, ox.NamedNode) and act.other.value != iri:
            act.date = facts.date(act.other.value)  # held, postponed: the meeting's own date
    names = {i: facts.label(i) for a in issued + received for i in _parties(a)}
    found.issued = _groups("issued", issued, names, group, page)
    found.received = _groups("received", received, names, group, page)
    return found


def _parties(act: Act) -> list[str]:
    return [act.other.value] if isinstance(act.other, ox.NamedNode) else []


def _groups(
    side: str, acts: list[Act], names: dict[str, str], group: str | None, page: int
) -> list[ActGroup]:
    by_prop: dict[str, list[Act]] = defaultdict(list)
    for act in acts:
        by_prop[act.statement.prop or ""].append(act)
    groups = []
    for prop, items in by_prop.items():
        items.sort(key=lambda a: (a.date or "9999", names.get(a.other.value, a.other.value)))
        g = ActGroup(side, prop, [], len(items))
        g.page = min(max(1, page if g.key == group else 1), g.pages)
        g.acts = items[(g.page - 1) * PAGE_SIZE : g.page * PAGE_SIZE]
        groups.append(g)
    groups.sort(key=lambda g: (-g.total, g.prop))
    return groups


def _meetings(store: ReadableStore, body: ox.NamedNode) -> list[MeetingRow]:
    rows: dict[str, MeetingRow] = {}
    for r in select(store, bind(_MEETINGS, body=body)):
        m = rows.setdefault(r["m"].value, MeetingRow(r["m"].value))
        if r["ordinal"] is not None and r["ordinal"].value.isdigit():
            m.ordinal = int(r["ordinal"].value)
        for key, name in (("start", "start"), ("end", "end"), ("place", "place")):
            if r[name] is not None and getattr(m, key) is None:
                setattr(m, key, r[name].value[:10] if key != "place" else r[name].value)
        if r["ostart"] is not None:
            m.original_start = r["ostart"].value[:10]
        if r["oend"] is not None:
            m.original_end = r["oend"].value[:10]
        if r["status"] is not None:
            m.statuses.add(r["status"].value)
        if r["format"] is not None:
            m.format = r["format"].value
    return sorted(rows.values(), key=lambda m: (m.start or "9999", m.ordinal or 0, m.iri))
