"""What a resource page shows: label, types, description, properties by kind, inverse links.

Mandate edges, outgoing and incoming, carry the statement that qualifies them, with its
attestations (see :mod:`mandates.graph.evidence`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from mandates.graph import evidence
from mandates.namespaces import PREFIXES
from mandates.query.run import bind, select
from mandates.store.contract import ReadableStore

from .labels import fallback, labels
from .property_kinds import KINDS, kind, order
from .terms import knows

RDF_TYPE = PREFIXES["rdf"] + "type"
DESCRIPTIONS = (PREFIXES["skos"] + "definition", PREFIXES["rdfs"] + "comment")
PAGE_SIZE = 20

_MANDATE = "SELECT DISTINCT ?p WHERE { ?p rdfs:subPropertyOf+ mnd:mandateRelation }"
_INVERSE = "SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p $r } GROUP BY ?p"
_PAGE = """SELECT ?s (MIN(LCASE(STR(?l))) AS ?key) WHERE {
  ?s $p $r . OPTIONAL { ?s rdfs:label|skos:prefLabel ?l }
} GROUP BY ?s ORDER BY ?key ?s LIMIT $limit OFFSET $offset"""


@dataclass
class Values:
    """The values of one property (outgoing), or the subjects pointing here (inverse)."""

    prop: str
    terms: list[ox.NamedNode | ox.Literal | ox.BlankNode]
    total: int = 0
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


@dataclass
class Description:
    iri: str
    label: str
    types: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    groups: dict[str, list[Values]] = field(default_factory=dict)
    inverse: list[Values] = field(default_factory=list)
    statements: list[evidence.Statement] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    symbol: str | None = None

    def name(self, iri: str) -> str:
        return self.names.get(iri) or fallback(iri)

    def outgoing(self, p: str, o: object) -> evidence.Statement | None:
        """The statement behind the edge ``this p o``, if it is a mandate edge."""
        return self._edges.get((self.iri, p, o))

    def incoming(self, s: object, p: str) -> evidence.Statement | None:
        """The statement behind the edge ``s p this``, if it is a mandate edge."""
        return self._edges.get((getattr(s, "value", s), p, ox.NamedNode(self.iri)))

    def values(self, prop: str) -> list[ox.NamedNode | ox.Literal | ox.BlankNode]:
        """The values of one of its own properties (empty when it has none)."""
        for groups in self.groups.values():
            for v in groups:
                if v.prop == prop:
                    return v.terms
        return []

    def first(self, prop: str) -> ox.NamedNode | ox.Literal | ox.BlankNode | None:
        found = self.values(prop)
        return found[0] if found else None

    def linked(self, prop: str) -> list[ox.NamedNode | ox.Literal | ox.BlankNode]:
        """The resources that link here by ``prop`` (the first page of them)."""
        return next((v.terms for v in self.inverse if v.prop == prop), [])

    def itself(self) -> evidence.Statement | None:
        """The statement this page is about, if it is one."""
        return next((s for s in self.statements if s.iri == self.iri), None)

    def __post_init__(self) -> None:
        self._edges: dict = {}


def _select(store: ReadableStore, text: str, **values: ox.NamedNode | int) -> ox.QuerySolutions:
    """Solutions of ``text`` with its ``$names`` bound to ``values`` (see :func:`bind`)."""
    return select(store, bind(text, **values))


def describe(
    store: ReadableStore, iri: str, group: str | None = None, page: int = 1
) -> Description | None:
    """The page of ``iri``, or None when the graph does not mention it.

    ``group`` and ``page`` choose the page of one inverse group; the others show page one.
    """
    node = ox.NamedNode(iri)
    if not knows(store, iri):
        return None
    own: dict[str, list] = {}
    for q in store.quads_for_pattern(node, None, None, None):
        values = own.setdefault(q.predicate.value, [])
        if q.object not in values:
            values.append(q.object)
    mandate = {row["p"].value for row in _select(store, _MANDATE)}
    d = Description(iri, "")
    d.types = [t.value for t in own.pop(RDF_TYPE, []) if isinstance(t, ox.NamedNode)]
    d.notes = [t.value for p in DESCRIPTIONS for t in own.pop(p, [])]
    d.groups = {k: [] for k in KINDS}
    for prop in sorted(own, key=order):
        d.groups[kind(prop, mandate)].append(Values(prop, own[prop], len(own[prop])))
    d.groups = {k: v for k, v in d.groups.items() if v}
    symbols = own.get(PREFIXES["mnd"] + "symbol")
    d.symbol = symbols[0].value if symbols else None
    d.inverse = _inverse(store, node, group, page)
    d.statements = evidence.statements_about(store, iri)
    d._edges = evidence.by_edge(d.statements)
    d.names = labels(store, _iris(d))
    d.label = d.names.get(iri) or fallback(iri)
    return d


def _inverse(
    store: ReadableStore, node: ox.NamedNode, group: str | None, page: int
) -> list[Values]:
    rows = _select(store, _INVERSE, r=node)
    counts = {row["p"]: int(row["n"].value) for row in rows if isinstance(row["p"], ox.NamedNode)}
    found = []
    for prop in sorted(counts, key=lambda p: order(p.value)):
        at = page if prop.value == group else 1
        at = min(max(1, at), max(1, -(-counts[prop] // PAGE_SIZE)))
        values: dict[str, ox.NamedNode | int] = {"p": prop, "r": node, "limit": PAGE_SIZE}
        values["offset"] = (at - 1) * PAGE_SIZE
        terms = [row["s"] for row in _select(store, _PAGE, **values)]
        found.append(Values(prop.value, terms, counts[prop], at))
    return found


def _iris(d: Description) -> set[str]:
    found = {d.iri, *d.types}
    for values in [*(v for vs in d.groups.values() for v in vs), *d.inverse]:
        found.add(values.prop)
        found.update(t.value for t in values.terms if isinstance(t, ox.NamedNode))
    for statement in d.statements:
        found |= statement.iris()
    return found
