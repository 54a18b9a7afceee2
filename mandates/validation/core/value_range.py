"""Value range constraint components (spec 4.3): sh:minExclusive, sh:minInclusive,
sh:maxExclusive, sh:maxInclusive.

SHACL compares as SPARQL's ``<`` does, and a value that does not compare with the bound (an
IRI, a string against a number) is a violation: hence ``COALESCE(test, false)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal
from rdflib.term import Node

from ..reader import Reader, show
from ..terms import sparql
from ..vocabulary import IllFormedShape
from .base import Component, Query, Registry, Scope, Shape

OPERATORS = {
    "minExclusive": ("MinExclusive", ">"),
    "minInclusive": ("MinInclusive", ">="),
    "maxExclusive": ("MaxExclusive", "<"),
    "maxInclusive": ("MaxInclusive", "<="),
}


@dataclass(repr=False)
class Range(Component):
    """Each value node compares with ``bound`` by ``operator``."""

    kind: str
    operator: str
    bound: Node

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def query(self, scope: Scope) -> Query:
        test = f"{scope.numeric('?value')} {self.operator} {sparql(self.bound)}"
        return scope.query(self, scope.select_values(f"!COALESCE({test}, false)"))


def read(reader: Reader, shapes: Registry, shape: Shape) -> list[Component]:
    found: list[Component] = []
    for parameter, (name, operator) in OPERATORS.items():
        for bound in reader.objects(shape.node, parameter):
            if not isinstance(bound, Literal):
                raise IllFormedShape(f"{show(shape.node)}: sh:{parameter} must be a literal")
            found.append(Range(name, operator, bound))
    return found
