"""SHACL property paths (spec 2.3.1): read from the shapes graph, written as SPARQL paths.

Every SHACL path has a SPARQL 1.1 property path with the same value nodes, so a path is one
string in a query. One difference is handled outside the string: a path that can be empty
(``sh:zeroOrMorePath``, ``sh:zeroOrOnePath``) has the focus node itself among its values even
when that node is in no triple, which Oxigraph's zero-length paths do not give
(:attr:`Path.nullable` tells the queries to add it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .reader import Reader, show
from .terms import iri
from .vocabulary import SH, IllFormedShape, local

UNARY = {
    "inversePath": "^",
    "zeroOrMorePath": "*",
    "oneOrMorePath": "+",
    "zeroOrOnePath": "?",
}


@dataclass(frozen=True)
class Path:
    """One SHACL path: ``kind`` is ``predicate``, ``sequence``, ``alternative`` or a key of
    :data:`UNARY`; ``iri`` is set for predicates, ``parts`` for the others."""

    kind: str
    iri: URIRef | None = None
    parts: tuple[Path, ...] = ()

    @property
    def sparql(self) -> str:
        if self.kind == "predicate":
            return iri(str(self.iri))
        if self.kind == "sequence":
            return "(" + "/".join(p.sparql for p in self.parts) + ")"
        if self.kind == "alternative":
            return "(" + "|".join(p.sparql for p in self.parts) + ")"
        inner = self.parts[0].sparql
        if self.kind == "inversePath":
            return f"(^{inner})"
        return f"({inner}){UNARY[self.kind]}"

    @property
    def nullable(self) -> bool:
        """Whether the focus node is always one of its own values (a path of length zero)."""
        if self.kind in ("zeroOrMorePath", "zeroOrOnePath"):
            return True
        if self.kind == "sequence":
            return all(p.nullable for p in self.parts)
        if self.kind == "alternative":
            return any(p.nullable for p in self.parts)
        if self.kind in ("inversePath", "oneOrMorePath"):
            return self.parts[0].nullable
        return False

    def text(self, name: Callable[[URIRef], str]) -> str:
        """The path in SPARQL notation with short names (``^mnd:attestedBy``, ``(a/b)``)."""
        if self.kind == "predicate":
            assert self.iri is not None
            return name(self.iri)
        if self.kind in ("sequence", "alternative"):
            joiner = "/" if self.kind == "sequence" else "|"
            return "(" + joiner.join(p.text(name) for p in self.parts) + ")"
        inner = self.parts[0]
        written = inner.text(name)
        if self.kind == "inversePath":
            return "^" + written
        return f"{written}{UNARY[self.kind]}"

    def node(self, graph: Graph) -> Node:
        """The path as SHACL writes it, added to ``graph`` (a report's ``sh:resultPath``)."""
        if self.kind == "predicate":
            assert self.iri is not None
            return self.iri
        head = BNode()
        if self.kind == "sequence":
            Collection(graph, head, [p.node(graph) for p in self.parts])
            return head
        if self.kind == "alternative":
            members = BNode()
            Collection(graph, members, [p.node(graph) for p in self.parts])
            graph.add((head, SH.alternativePath, members))
            return head
        graph.add((head, SH[self.kind], self.parts[0].node(graph)))
        return head


def predicate(term: URIRef) -> Path:
    return Path("predicate", iri=term)


def read_path(reader: Reader, node: Node, owner: Node, seen: frozenset[Node] = frozenset()) -> Path:
    """The path at ``node`` (the value of ``sh:path`` of ``owner``), by the spec's rules."""
    if isinstance(node, URIRef):
        return predicate(node)
    if not isinstance(node, BNode):
        raise IllFormedShape(f"{show(owner)}: a path is an IRI or a blank node, not {show(node)}")
    if node in seen:
        raise IllFormedShape(f"{show(owner)}: the path refers to itself")
    seen = seen | {node}
    kinds = [
        name
        for p in reader.graph.predicates(node)
        if (name := local(p)) in UNARY or name == "alternativePath"
    ]
    if reader.is_list(node):
        # A list is a sequence path (2.3.1.2); a blank node that is also the subject of
        # sh:inversePath & co. is then not that other kind of path (2.3.1.4 asks for exactly
        # one triple), so those triples belong to no path.
        for kind in sorted(set(kinds)):
            reader.mark((node, SH[kind], o) for o in reader.graph.objects(node, SH[kind]))
            reader.note(
                f"{show(owner)}: the path {show(node)} is a list, so a sequence path; its "
                f"sh:{kind} is not part of it"
            )
        members = reader.items(node, owner, "path")
        if len(members) < 2:
            raise IllFormedShape(f"{show(owner)}: a sequence path needs at least two members")
        return Path("sequence", parts=tuple(read_path(reader, m, owner, seen) for m in members))
    if len(kinds) != 1:
        raise IllFormedShape(f"{show(owner)}: {show(node)} is not a SHACL path")
    kind = kinds[0]
    value = reader.value(node, kind)
    if value is None:
        raise IllFormedShape(f"{show(owner)}: {show(node)} has no value of sh:{kind}")
    if kind == "alternativePath":
        members = reader.items(value, owner, "alternativePath")
        if len(members) < 2:
            raise IllFormedShape(f"{show(owner)}: an alternative path needs at least two members")
        parts = tuple(read_path(reader, m, owner, seen) for m in members)
        return Path("alternative", parts=parts)
    if (node, RDF.first, None) in reader.graph:
        raise IllFormedShape(f"{show(owner)}: {show(node)} is not a SHACL path")
    return Path(kind, parts=(read_path(reader, value, owner, seen),))
