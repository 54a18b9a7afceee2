"""Targets (spec 2.1.3): which nodes of the data graph a shape is validated against.

Each target is a SPARQL group pattern that binds ``?this``; a shape's focus nodes are the
union of its targets' patterns. A shape with no target is validated only where another shape
refers to it (:mod:`.plan`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rdflib import RDF, RDFS, BNode, URIRef
from rdflib.term import Node

from .reader import Reader, show
from .terms import iri, sparql
from .vocabulary import IllFormedShape

#: SHACL instances (spec 1.5): ``rdf:type`` then any number of ``rdfs:subClassOf``.
TYPE_OF = f"{iri(str(RDF.type))}/{iri(str(RDFS.subClassOf))}*"


@dataclass(frozen=True)
class Target:
    kind: str  # targetNode, targetClass, targetSubjectsOf, targetObjectsOf
    term: Node

    def pattern(self, constant: Callable[[Node], str] = sparql) -> str:
        """``constant`` writes a literal as the store holds it (see :mod:`.terms`)."""
        if self.kind == "targetNode":
            return f"{{ VALUES ?this {{ {constant(self.term)} }} }}"
        if self.kind == "targetClass":
            return f"{{ ?this {TYPE_OF} {sparql(self.term)} }}"
        if self.kind == "targetSubjectsOf":
            return f"{{ ?this {sparql(self.term)} ?target_object }}"
        return f"{{ ?target_subject {sparql(self.term)} ?this }}"


def is_class(reader: Reader, node: Node) -> bool:
    """Whether the shapes graph makes ``node`` a SHACL instance of ``rdfs:Class``."""
    graph = reader.graph
    seen: set[Node] = set()
    todo = list(graph.objects(node, RDF.type))
    while todo:
        kind = todo.pop()
        if kind == RDFS.Class:
            return True
        if kind not in seen:
            seen.add(kind)
            todo.extend(graph.objects(kind, RDFS.subClassOf))
    return False


def read_targets(reader: Reader, shape: Node) -> tuple[Target, ...]:
    """The targets of a shape, with its implicit class target (2.1.3.3) when it is a class."""
    targets: list[Target] = []
    for kind in ("targetNode", "targetClass", "targetSubjectsOf", "targetObjectsOf"):
        for term in reader.objects(shape, kind):
            if isinstance(term, BNode):
                raise IllFormedShape(f"{show(shape)}: sh:{kind} {show(term)} is a blank node")
            if kind != "targetNode" and not isinstance(term, URIRef):
                raise IllFormedShape(f"{show(shape)}: sh:{kind} must be an IRI, not {show(term)}")
            targets.append(Target(kind, term))
    if isinstance(shape, URIRef) and is_class(reader, shape):
        targets.append(Target("targetClass", shape))
    return tuple(dict.fromkeys(targets))


def focus_pattern(targets: tuple[Target, ...], constant: Callable[[Node], str] = sparql) -> str:
    """A group pattern whose solutions are the focus nodes of ``targets``, each once."""
    union = " UNION ".join(t.pattern(constant) for t in targets)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"
