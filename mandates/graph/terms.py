"""What the graph views know of the vocabulary and of each resource they draw.

:class:`Terms` is read once from a store's ontology: the mandate properties (sub-properties of
``mnd:mandateRelation``) with their verb names, the structural links drawn as edges, the class
tree (to give each node its most specific type) and the assertion statuses. :class:`Facts`
looks up a resource's label, type and date by direct index lookups on the default graph (the
merge of all named graphs), which is what keeps a neighbourhood expansion fast.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pyoxigraph as ox

from mandates.errors import MandatesError
from mandates.namespaces import MND, PREFIXES
from mandates.query.run import select
from mandates.store.contract import ReadableStore

from .labels import fallback

M = str(MND)
DEFAULT = ox.DefaultGraph()
TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
LABELS = (ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.NamedNode(PREFIXES["skos"] + "prefLabel"))
ACTING = (ox.NamedNode(M + "adoptedBy"), ox.NamedNode(M + "meetingOf"))
DATES = (ox.NamedNode(M + "date"), ox.NamedNode(M + "startDate"))
#: Links between resources drawn as edges besides the mandate edges (literals never are).
STRUCTURAL = [M + name for name in (
    "meetingOf adoptedBy subsidiaryOf bureauOf establishedBy cites reportOf addendumTo issuedFor"
    " agendaOf subItemOf containedIn annexedTo chairedBy holds"
).split()] + [PREFIXES["rdfs"] + "seeAlso"]  # fmt: skip
#: Assertion statuses by the short names the API uses.
STATUSES = {
    "adopted": M + "AdoptedText",
    "proposed": M + "ProposedText",
    "suggested": M + "SuggestedNotEndorsed",
    "reported": M + "ReportedBySecretariat",
}
STATUS_NAMES = {iri: name for name, iri in STATUSES.items()}
CATEGORIES = {M + "Body": "body", M + "Document": "document", M + "Meeting": "meeting"}
CATEGORIES |= {M + "Agent": "agent", M + "Matter": "matter", M + "AgendaItem": "agenda item"}

_MANDATE = """SELECT ?p ?label ?v ?name WHERE {
  ?p rdfs:subPropertyOf+ mnd:mandateRelation . OPTIONAL { ?p rdfs:label ?label }
  OPTIONAL { ?v mnd:verbProperty ?p . OPTIONAL { ?v skos:notation ?name } }
}"""
_CLASSES = """SELECT ?c ?sup ?label WHERE {
  ?c a owl:Class . OPTIONAL { ?c rdfs:subClassOf ?sup } OPTIONAL { ?c rdfs:label ?label }
}"""
_LABELLED = "SELECT ?x ?label WHERE { VALUES ?x { %s } ?x rdfs:label|skos:prefLabel ?label }"


def knows(store: ReadableStore, iri: str) -> bool:
    """Whether the graph mentions ``iri`` at all: as subject, predicate or object of a triple of
    the default graph (index lookups, the first match ends each)."""
    node = ox.NamedNode(iri)
    found = (
        store.quads_for_pattern(node, None, None, DEFAULT),
        store.quads_for_pattern(None, node, None, DEFAULT),
        store.quads_for_pattern(None, None, node, DEFAULT),
    )
    return any(next(quads, None) is not None for quads in found)


class GraphRequestError(MandatesError):
    """A request the graph views cannot answer: a bad parameter (HTTP 400, exit status 2)."""


def edge_id(source: str, predicate: str, target: str) -> str:
    """A stable id for the edge ``source predicate target``, the same in every answer."""
    digest = hashlib.sha256(f"{source}\x1f{predicate}\x1f{target}".encode()).hexdigest()
    return "e" + digest[:16]


@dataclass
class Terms:
    """The vocabulary of one store (see the module docstring)."""

    verbs: dict[str, str] = field(default_factory=dict)  #: mandate property → verb name
    concepts: dict[str, str] = field(default_factory=dict)  #: verb concept → mandate property
    names: dict[str, str] = field(default_factory=dict)  #: labels of properties, classes …
    parents: dict[str, set[str]] = field(default_factory=dict)  #: class → direct superclasses

    @property
    def properties(self) -> dict[str, str]:
        """Verb name → mandate property."""
        return {name: prop for prop, name in self.verbs.items()}

    def is_edge(self, predicate: str) -> bool:
        return predicate in self.verbs or predicate in STRUCTURAL

    def name(self, iri: str) -> str:
        return self.names.get(iri) or fallback(iri)

    def ancestors(self, cls: str) -> set[str]:
        seen, todo = set(), [cls]
        while todo:
            for sup in self.parents.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        return seen

    def most_specific(self, types: list[str]) -> str | None:
        """The type of ``types`` that no other of them specialises (deepest, then by IRI)."""
        known = sorted(t for t in types if t.startswith(M)) or sorted(types)
        if not known:
            return None
        return max(known, key=lambda t: (len(self.ancestors(t)), t))

    def category(self, cls: str | None) -> str:
        """body, document, meeting, agent, matter, agenda item or other."""
        if cls is None:
            return "other"
        for c in (cls, *sorted(self.ancestors(cls), key=lambda a: -len(self.ancestors(a)))):
            if c in CATEGORIES:
                return CATEGORIES[c]
        return "other"


def read_terms(store: ReadableStore) -> Terms:
    """The vocabulary of ``store``, read from its ontology graph (through the default graph)."""
    terms = Terms()
    for row in select(store, _MANDATE):
        prop = row["p"].value
        terms.verbs[prop] = row["name"].value if row["name"] else prop.rsplit("#", 1)[-1]
        if row["v"]:
            terms.concepts[row["v"].value] = prop
        if row["label"]:
            terms.names[prop] = row["label"].value
    for row in select(store, _CLASSES):
        cls = row["c"].value
        terms.parents.setdefault(cls, set())
        if row["sup"]:
            terms.parents[cls].add(row["sup"].value)
        if row["label"]:
            terms.names[cls] = row["label"].value
    wanted = [*STRUCTURAL, *STATUSES.values(), M + "PrimaryEvidence", M + "SecondaryEvidence"]
    wanted += [M + "Held", M + "Postponed", M + "Scheduled"]
    values = " ".join(f"<{iri}>" for iri in wanted)
    for row in select(store, _LABELLED % values):
        terms.names.setdefault(row["x"].value, row["label"].value)
    return terms


class Facts:
    """Labels, types and dates of resources, each looked up once (direct index lookups, which
    are several times faster than reading a resource's every triple)."""

    def __init__(self, store: ReadableStore, terms: Terms) -> None:
        self.store, self.terms = store, terms
        self._labels: dict[str, str] = {}
        self._dates: dict[str, str | None] = {}
        self._types: dict[str, str | None] = {}

    def objects(self, subject: str, predicate: ox.NamedNode) -> list:
        quads = self.store.quads_for_pattern(ox.NamedNode(subject), predicate, None, DEFAULT)
        return [q.object for q in quads]

    def label(self, iri: str) -> str:
        if iri not in self._labels:
            found = None
            for predicate in LABELS:
                values = [
                    o.value
                    for o in self.objects(iri, predicate)
                    if isinstance(o, ox.Literal) and (o.language or "en").startswith("en")
                ]
                if values:
                    found = min(values)
                    break
            self._labels[iri] = found or fallback(iri)
        return self._labels[iri]

    def date(self, iri: str) -> str | None:
        """``YYYY-MM-DD`` from ``mnd:date`` or ``mnd:startDate``, else None."""
        if iri not in self._dates:
            found = None
            for predicate in DATES:
                values = sorted(o.value[:10] for o in self.objects(iri, predicate))
                if values:
                    found = values[0]
                    break
            self._dates[iri] = found
        return self._dates[iri]

    def year(self, iri: str) -> int | None:
        date = self.date(iri)
        return int(date[:4]) if date and date[:4].isdigit() else None

    def type(self, iri: str) -> str | None:
        if iri not in self._types:
            types = [o.value for o in self.objects(iri, TYPE) if isinstance(o, ox.NamedNode)]
            self._types[iri] = self.terms.most_specific(types)
        return self._types[iri]

    def category(self, iri: str) -> str:
        return self.terms.category(self.type(iri))

    def acting_bodies(self, iri: str) -> set[str]:
        """The bodies that act through ``iri``: its adopter, the body of a meeting, or itself."""
        found = {o.value for p in ACTING for o in self.objects(iri, p)}
        return found | ({iri} if self.category(iri) == "body" else set())

    def node(self, iri: str, url=None) -> dict:
        """The node of the JSON contract: id, label, type, typeLabel, url, date."""
        cls = self.type(iri)
        return {
            "id": iri,
            "label": self.label(iri),
            "type": cls,
            "typeLabel": self.terms.name(cls) if cls else "resource",
            "url": url(iri) if url else None,
            "date": self.date(iri),
        }
