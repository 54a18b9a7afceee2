"""The evidence behind mandate edges: qualified statements and their attestations.

Every direct edge ``s mnd:<verb> o`` has one ``mnd:Statement`` (subject, verb, object), which
is attested by one ``mnd:Attestation`` per source passage: quote, paragraph, source document,
assertion status and evidence kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from mandates.namespaces import MND, PREFIXES
from mandates.rdfio import value_of
from mandates.store.contract import ReadableStore

Term = ox.NamedNode | ox.Literal | ox.BlankNode

_M = str(MND)
_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_STATEMENT = ox.NamedNode(_M + "Statement")
_FACTS = {"paragraph": "paragraph", "source": "source", "assertionStatus": "status"}
_FACTS |= {"evidenceKind": "kind"}


@dataclass
class Attestation:
    """One source passage that states an act."""

    iri: str
    quotes: list[str] = field(default_factory=list)
    paragraph: str | None = None
    source: str | None = None
    status: str | None = None
    kind: str | None = None


@dataclass
class Statement:
    """One mandate act: subject, verb (concept), direct property, object, and its evidence."""

    iri: str
    subject: str
    verb: str
    prop: str | None
    object: Term
    attestations: list[Attestation] = field(default_factory=list)

    def iris(self) -> set[str]:
        """Every IRI a page about this statement names, for looking up labels."""
        found = {self.iri, self.subject, self.verb} | ({self.prop} if self.prop else set())
        if isinstance(self.object, ox.NamedNode):
            found.add(self.object.value)
        for a in self.attestations:
            found.update(x for x in (a.iri, a.source, a.status, a.kind) if x)
        return found


def statements_about(store: ReadableStore, iri: str) -> list[Statement]:
    """The statements with ``iri`` as subject or object, or ``iri`` itself if a statement.

    Direct index lookups, not SPARQL: a page needs them fast.
    """
    node = ox.NamedNode(iri)
    found = dict.fromkeys(
        q.subject
        for p in ("subject", "object")
        for q in store.quads_for_pattern(None, ox.NamedNode(_M + p), node, None)
    )
    if _STATEMENT in _objects(store, node, _TYPE):
        found[node] = None
    statements, verbs = [], {}
    for st in found:
        facts = {
            p: _objects(store, st, ox.NamedNode(_M + p)) for p in ("subject", "verb", "object")
        }
        if not all(facts.values()) or _STATEMENT not in _objects(store, st, _TYPE):
            continue
        verb = facts["verb"][0]
        if verb not in verbs:
            props = _objects(store, verb, ox.NamedNode(_M + "verbProperty"))
            verbs[verb] = value_of(props[0]) if props else None
        subject = facts["subject"][0]
        if isinstance(subject, ox.Triple):
            continue  # a statement about a quoted triple is none of the project's
        obj = facts["object"][0]
        if isinstance(obj, ox.Triple):
            continue
        statement = Statement(value_of(st), subject.value, value_of(verb), verbs[verb], obj)
        for a in _objects(store, st, ox.NamedNode(_M + "attestedBy")):
            statement.attestations.append(_attestation(store, a))
        statement.attestations.sort(key=lambda a: (a.source or "", a.paragraph or "", a.iri))
        statements.append(statement)
    return statements


def _attestation(store: ReadableStore, node: ox.NamedNode) -> Attestation:
    a = Attestation(node.value)
    a.quotes = [q.value for q in _objects(store, node, ox.NamedNode(_M + "quote"))]
    for prop, name in _FACTS.items():
        values = _objects(store, node, ox.NamedNode(_M + prop))
        setattr(a, name, values[0].value if values else None)
    return a


def _objects(store: ReadableStore, subject: object, predicate: ox.NamedNode) -> list:
    """The distinct objects of ``subject predicate ?o`` over all graphs."""
    if not isinstance(subject, ox.NamedNode | ox.BlankNode):
        return []
    return list(dict.fromkeys(q.object for q in store.quads_for_pattern(subject, predicate, None)))


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    return None if term is None else term.value


def by_edge(statements: list[Statement]) -> dict[tuple[str, str, Term], Statement]:
    """Statements keyed by the direct edge (subject, property, object) they qualify."""
    return {(s.subject, s.prop, s.object): s for s in statements if s.prop}
