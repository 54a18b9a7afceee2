"""Other constraint components (spec 4.8): sh:closed (with sh:ignoredProperties), sh:hasValue,
sh:in."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, URIRef
from rdflib.term import Node

from ..reader import Reader, show
from ..terms import iri
from ..vocabulary import IllFormedShape
from .base import Component, Query, Registry, Scope, Shape


@dataclass(repr=False)
class Closed(Component):
    """Every triple from a value node has a predicate that is the path of one of the shape's
    property shapes or an ignored property: one result per other triple, its predicate as the
    path and its object as the value."""

    name = "Closed"
    ignored: tuple[URIRef, ...]

    def query(self, scope: Scope) -> Query:
        allowed = {*self.ignored}
        for component in scope.shape.components:
            for shape in getattr(component, "properties", ()):
                if shape.path is not None and shape.path.kind == "predicate":
                    allowed.add(shape.path.iri)
        names = ", ".join(iri(str(p)) for p in sorted(allowed))
        if scope.path is None:
            where = f"{scope.focus} ?this ?path ?value . BIND (?this AS ?node)"
        else:
            where = (
                f"{{ SELECT DISTINCT ?this (?value AS ?node) WHERE {{ {scope.pairs()} }} }} "
                "?node ?path ?value ."
            )
        test = f"?path NOT IN ({names})" if names else "true"  # Oxigraph: NOT IN () is false
        # One result per triple (spec 4.8.1): two value nodes with the same triple to the
        # same object give two results, so ?node is kept apart in the DISTINCT.
        text = f"SELECT DISTINCT ?this ?node ?path ?value WHERE {{ {where} FILTER ({test}) }}"
        return scope.query(self, text)


@dataclass(repr=False)
class HasValue(Component):
    """``term`` is one of the value nodes: one result per focus node that lacks it."""

    name = "HasValue"
    term: Node

    def query(self, scope: Scope) -> Query:
        if isinstance(self.term, BNode):
            text = (
                f"SELECT ?this WHERE {{ {scope.focus} MINUS {{ {scope.pairs()} "
                f"FILTER {scope.member('?value', [self.term])} }} }}"
            )
        else:
            test = scope.has_value("?this", scope.constant(self.term))
            text = f"SELECT ?this WHERE {{ {scope.focus} FILTER (!{test}) }}"
        return scope.query(self, text)


@dataclass(repr=False)
class In(Component):
    """Each value node is one of ``members`` (the same RDF term)."""

    name = "In"
    members: tuple[Node, ...]

    def query(self, scope: Scope) -> Query:
        return scope.query(self, scope.select_values(f"!{scope.member('?value', self.members)}"))


def read(reader: Reader, shapes: Registry, shape: Shape) -> list[Component]:
    node = shape.node
    found: list[Component] = []
    closed = reader.boolean(node, "closed")
    ignored: list[Node] = []
    for head in reader.objects(node, "ignoredProperties"):
        ignored += reader.items(head, node, "ignoredProperties")
    if not all(isinstance(p, URIRef) for p in ignored):
        raise IllFormedShape(f"{show(node)}: sh:ignoredProperties lists IRIs")
    if ignored and not closed:
        reader.note(f"{show(node)}: sh:ignoredProperties without sh:closed true has no effect")
    if closed:
        found.append(Closed(tuple(ignored)))  # type: ignore[arg-type]
    found += [HasValue(v) for v in reader.objects(node, "hasValue")]
    for head in reader.objects(node, "in"):
        found.append(In(tuple(reader.items(head, node, "in"))))
    return found
