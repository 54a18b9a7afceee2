"""The edges of one resource, read by direct index lookups on the default graph.

Edges are the mandate edges (the direct ``s mnd:<verb> o`` of each statement) and the
structural links of :data:`mandates.graph.terms.STRUCTURAL`; literals are never edges, and
statements and attestations are edge details, not nodes.

A mandate edge carries its statement, the assertion statuses of its attestations, and a year:
the subject's date, else the object's, else the earliest date of its source documents. The
statement and the evidence are read when first asked for, so that an expansion only pays for
the edges it shows (or for all of them when a status or year filter needs them).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from mandates import iris
from mandates.rdfio import value_of
from mandates.store.contract import ReadableStore

from .terms import DEFAULT, STATUS_NAMES, STATUSES, Facts, M, edge_id

_SUBJECT, _VERB, _OBJECT = (ox.NamedNode(M + p) for p in ("subject", "verb", "object"))
_ATTESTED, _STATUS, _SOURCE = (
    ox.NamedNode(M + p) for p in ("attestedBy", "assertionStatus", "source")
)
_ORDER = list(STATUSES)


@dataclass
class Edge:
    """One edge; a mandate edge's statement and evidence are read when first needed."""

    source: str
    predicate: str
    target: str
    finder: _Finder | None = None  #: finds the statement behind a mandate edge
    _node: ox.NamedNode | None | bool = False
    _attestations: list | None = None

    @property
    def node(self) -> ox.NamedNode | None:
        if self._node is False:
            self._node = self.finder.find(self) if self.finder else None
        return self._node  # type: ignore[return-value]

    @property
    def statement(self) -> str | None:
        return self.node.value if self.node is not None else None

    def attestations(self, store: ReadableStore) -> list:
        if self._attestations is None:
            node = self.node
            self._attestations = [q.object for q in _quads(store, node, _ATTESTED)] if node else []
        return self._attestations

    def statuses(self, store: ReadableStore) -> list[str]:
        """The assertion statuses of its attestations, in :data:`STATUSES` order."""
        found = {
            STATUS_NAMES.get(value_of(q.object))
            for a in self.attestations(store)
            for q in _quads(store, a, _STATUS)
        }
        return [s for s in _ORDER if s in found]

    def sources(self, store: ReadableStore) -> list[str]:
        """The source documents of its attestations."""
        found = {
            value_of(q.object) for a in self.attestations(store) for q in _quads(store, a, _SOURCE)
        }
        return sorted(found)


class _Finder:
    """The statement behind a mandate edge: the IRI the IRI scheme gives it (a digest of
    subject, verb and object), checked against the store in one lookup; else, once, every
    statement about the centre."""

    def __init__(self, store: ReadableStore, iri: str, terms) -> None:
        self.store, self.iri, self.terms = store, iri, terms
        self.scanned: dict | None = None

    def find(self, edge: Edge) -> ox.NamedNode | None:
        verb = self.terms.verbs[edge.predicate]
        guess = ox.NamedNode(iris.statement(edge.source, verb, edge.target))
        if _quads(self.store, guess, _OBJECT, ox.NamedNode(edge.target)):
            return guess
        if self.scanned is None:
            self.scanned = statements_of(self.store, self.iri, self.terms.concepts)
        return self.scanned.get((edge.source, edge.predicate, edge.target))


def statements_of(store: ReadableStore, iri: str, concepts: dict[str, str]) -> dict:
    """The statements with ``iri`` as subject or object, keyed by (subject, property, object)."""
    node, found = ox.NamedNode(iri), {}
    for role, other in ((_SUBJECT, _OBJECT), (_OBJECT, _SUBJECT)):
        for q in store.quads_for_pattern(None, role, node, DEFAULT):
            st = q.subject
            verbs = [concepts.get(value_of(v.object)) for v in _quads(store, st, _VERB)]
            ends = [e.object for e in _quads(store, st, other)]
            if not verbs or not ends or not verbs[0]:
                continue
            s, o = (node, ends[0]) if role == _SUBJECT else (ends[0], node)
            if not isinstance(s, ox.NamedNode) or not isinstance(o, ox.NamedNode):
                continue
            found[(s.value, verbs[0], o.value)] = st
    return found


def _quads(store: ReadableStore, subject, predicate: ox.NamedNode, obj=None) -> list[ox.Quad]:
    return list(store.quads_for_pattern(subject, predicate, obj, DEFAULT))


def edges_of(store: ReadableStore, iri: str, facts: Facts) -> list[tuple[str, Edge]]:
    """Every edge of ``iri`` with its direction, mandate edges with their evidence."""
    terms, node = facts.terms, ox.NamedNode(iri)
    found: list[tuple[str, Edge]] = []
    for q in store.quads_for_pattern(node, None, None, DEFAULT):
        if isinstance(q.object, ox.NamedNode) and terms.is_edge(q.predicate.value):
            found.append(("out", Edge(iri, q.predicate.value, q.object.value)))
    for q in store.quads_for_pattern(None, None, node, DEFAULT):
        if isinstance(q.subject, ox.NamedNode) and terms.is_edge(q.predicate.value):
            found.append(("in", Edge(q.subject.value, q.predicate.value, iri)))
    finder = _Finder(store, iri, terms)
    for _, e in found:
        if e.predicate in terms.verbs:
            e.finder = finder
    return found


def edge_year(edge: Edge, facts: Facts) -> int | None:
    """The year of a mandate act: the subject's date, else the object's, else its sources'."""
    for iri in (edge.source, edge.target):
        if (year := facts.year(iri)) is not None:
            return year
    years = [y for y in (facts.year(s) for s in edge.sources(facts.store)) if y is not None]
    return min(years) if years else None


def edge_json(edge: Edge, facts: Facts) -> dict:
    verb = facts.terms.verbs.get(edge.predicate)
    return {
        "id": edge_id(edge.source, edge.predicate, edge.target),
        "source": edge.source,
        "target": edge.target,
        "predicate": edge.predicate,
        "label": facts.terms.name(edge.predicate),
        "verb": verb,
        "statement": edge.statement,
        "year": edge_year(edge, facts) if verb else None,
        "status": edge.statuses(facts.store) if verb else [],
    }
