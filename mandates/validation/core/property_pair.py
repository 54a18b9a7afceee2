"""Property pair constraint components (spec 4.5): sh:equals, sh:disjoint, sh:lessThan,
sh:lessThanOrEquals. Each compares the value nodes with the values of another property of the
same focus node.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from ..reader import Reader, show
from ..terms import iri
from ..vocabulary import IllFormedShape
from .base import Component, Query, Registry, Scope, Shape


@dataclass(repr=False)
class Equals(Component):
    """The value nodes and the values of ``prop`` are the same set: one result for each
    member of either that is missing from the other."""

    name = "Equals"
    prop: URIRef

    def query(self, scope: Scope) -> Query:
        prop = iri(str(self.prop))
        missing = f"!{scope.has_value('?this', '?value')}"
        text = (
            "SELECT DISTINCT ?this ?value WHERE { "
            f"{{ {scope.pairs()} FILTER NOT EXISTS {{ ?this {prop} ?value }} }} UNION "
            f"{{ {scope.focus} ?this {prop} ?value FILTER ({missing}) }} }}"
        )
        return scope.query(self, text)


@dataclass(repr=False)
class Disjoint(Component):
    """No value node is also a value of ``prop``."""

    name = "Disjoint"
    prop: URIRef

    def query(self, scope: Scope) -> Query:
        prop = iri(str(self.prop))
        text = f"SELECT DISTINCT ?this ?value WHERE {{ {scope.pairs()} ?this {prop} ?value }}"
        return scope.query(self, text)


@dataclass(repr=False)
class Order(Component):
    """Each value node is less than (or equal to) every value of ``prop``; values that do not
    compare are violations. One result per failing pair (spec 4.5.3; the W3C suite's
    lessThan-002 expects a value twice when it fails against two values)."""

    kind: str
    operator: str
    prop: URIRef

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def query(self, scope: Scope) -> Query:
        test = f"{scope.numeric('?value')} {self.operator} {scope.numeric('?other')}"
        text = (
            f"SELECT DISTINCT ?this ?value ?other WHERE {{ {scope.pairs()} "
            f"?this {iri(str(self.prop))} ?other . FILTER (!COALESCE({test}, false)) }}"
        )
        return scope.query(self, text)


def read(reader: Reader, shapes: Registry, shape: Shape) -> list[Component]:
    node = shape.node
    found: list[Component] = []
    kinds = {
        "equals": lambda p: Equals(p),
        "disjoint": lambda p: Disjoint(p),
        "lessThan": lambda p: Order("LessThan", "<", p),
        "lessThanOrEquals": lambda p: Order("LessThanOrEquals", "<=", p),
    }
    for name, make in kinds.items():
        for prop in reader.objects(node, name):
            if not isinstance(prop, URIRef):
                raise IllFormedShape(f"{show(node)}: sh:{name} must be an IRI")
            if name.startswith("less") and shape.path is None:
                raise IllFormedShape(f"{show(node)}: sh:{name} is for property shapes")
            found.append(make(prop))
    return found
