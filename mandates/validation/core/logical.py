"""Logical constraint components (spec 4.6): sh:not, sh:and, sh:or, sh:xone.

Each asks whether a value node conforms to other shapes. Those shapes are validated first, on
every node they are applied to (:mod:`..plan`); the query then tests each value node against
the nodes found not to conform (:meth:`.Scope.conforms`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..reader import Reader
from .base import Component, Query, Registry, Scope, Shape


@dataclass(repr=False)
class Not(Component):
    """Each value node does not conform to ``shape``."""

    name = "Not"
    shape: Shape

    @property
    def references(self) -> list[Shape]:
        return [self.shape]

    def query(self, scope: Scope) -> Query:
        return scope.query(
            self, scope.select_values(scope.conforms(self.shape, "?value")), dependent=True
        )


@dataclass(repr=False)
class Combination(Component):
    """Each value node conforms to all (And), at least one (Or) or exactly one (Xone) of
    ``shapes``."""

    kind: str
    shapes: tuple[Shape, ...]

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    @property
    def references(self) -> list[Shape]:
        return list(self.shapes)

    def query(self, scope: Scope) -> Query:
        tests = [scope.conforms(s, "?value") for s in self.shapes]
        if self.kind == "And":
            holds = " && ".join(tests) or "true"
        elif self.kind == "Or":
            holds = " || ".join(tests) or "false"
        else:
            holds = (
                "(" + " + ".join(f"IF({t}, 1, 0)" for t in tests) + ") = 1" if tests else "false"
            )
        return scope.query(self, scope.select_values(f"!({holds})"), dependent=True)


def read(reader: Reader, shapes: Registry, shape: Shape) -> list[Component]:
    found: list[Component] = [Not(shapes.get(n)) for n in reader.objects(shape.node, "not")]
    for parameter, name in (("and", "And"), ("or", "Or"), ("xone", "Xone")):
        for head in reader.objects(shape.node, parameter):
            members = reader.items(head, shape.node, parameter)
            found.append(Combination(name, tuple(shapes.get(m) for m in members)))
    return found
