"""Reading a shapes graph while keeping count of every triple read.

The compiler reads the shapes graph only through :class:`Reader`, which records each triple it
hands out. After compiling, :mod:`.unread` compares that record with the graph: a SHACL term
that no part of the compiler read is a rule the engine would otherwise skip in silence.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .vocabulary import SH, IllFormedShape

Triple = tuple[Node, Node, Node]


class Reader:
    """A shapes graph, read through strict accessors that record what they return."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.read: set[Triple] = set()
        self.notes: list[str] = []

    def objects(self, node: Node, name: str) -> list[Node]:
        """Every value of ``sh:name`` on ``node``, in a stable order, marked as read."""
        predicate = SH[name]
        found = sorted(self.graph.objects(node, predicate), key=_order)
        self.read.update((node, predicate, o) for o in found)
        return found

    def value(self, node: Node, name: str) -> Node | None:
        """The one value of ``sh:name``, None without one; two values are a broken shape."""
        found = self.objects(node, name)
        if len(found) > 1:
            raise IllFormedShape(f"{show(node)}: sh:{name} has {len(found)} values, expected one")
        return found[0] if found else None

    def integer(self, node: Node, name: str) -> int | None:
        value = self.value(node, name)
        if value is None:
            return None
        if not isinstance(value, Literal) or not isinstance(value.toPython(), int):
            raise IllFormedShape(f"{show(node)}: sh:{name} must be an integer, not {show(value)}")
        return int(value.toPython())

    def boolean(self, node: Node, name: str) -> bool | None:
        """True only for ``true``, as the spec writes it: ``"1"^^xsd:boolean`` is a boolean
        but not ``true`` (the W3C suite's uniqueLang-002), so it is false, with a note."""
        value = self.value(node, name)
        if value is None:
            return None
        if not isinstance(value, Literal) or value.datatype != XSD.boolean:
            raise IllFormedShape(f"{show(node)}: sh:{name} must be true or false, not {value!r}")
        if str(value) not in ("true", "false"):
            self.note(f"{show(node)}: sh:{name} {show(value)} is not true, so it is taken as false")
        return str(value) == "true"

    def iri(self, node: Node, name: str) -> URIRef | None:
        value = self.value(node, name)
        if value is not None and not isinstance(value, URIRef):
            raise IllFormedShape(f"{show(node)}: sh:{name} must be an IRI, not {show(value)}")
        return value

    def items(self, head: Node, owner: Node, name: str) -> list[Node]:
        """The members of a well-formed RDF list (the value of ``sh:name`` on ``owner``)."""
        members: list[Node] = []
        seen: set[Node] = set()
        node = head
        while node != RDF.nil:
            if node in seen or not isinstance(node, BNode):
                raise IllFormedShape(f"{show(owner)}: sh:{name} is not a well-formed list")
            seen.add(node)
            first = list(self.graph.objects(node, RDF.first))
            rest = list(self.graph.objects(node, RDF.rest))
            if len(first) != 1 or len(rest) != 1:
                raise IllFormedShape(f"{show(owner)}: sh:{name} is not a well-formed list")
            members.append(first[0])
            node = rest[0]
        return members

    def is_list(self, node: Node) -> bool:
        return node == RDF.nil or (node, RDF.first, None) in self.graph

    def types(self, node: Node) -> set[Node]:
        return set(self.graph.objects(node, RDF.type))

    def mark(self, triples: Iterator[Triple] | list[Triple]) -> None:
        self.read.update(triples)

    def note(self, message: str) -> None:
        """A term that SHACL says takes no part in validation: kept to be shown, never fatal."""
        if message not in self.notes:
            self.notes.append(message)


def _order(node: Node) -> tuple[int, str]:
    return (0 if isinstance(node, URIRef) else 1 if isinstance(node, Literal) else 2, str(node))


def show(node: Node) -> str:
    """A term as a person would write it in Turtle (blank nodes as ``[]`` with their label)."""
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, URIRef):
        return f"<{node}>"
    return node.n3() if isinstance(node, Literal) else str(node)
