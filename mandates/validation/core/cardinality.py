"""Cardinality constraint components (spec 4.2): sh:minCount, sh:maxCount.

A count over each focus node's value nodes: a GROUP BY with HAVING, so only the focus nodes
with too few or too many values come back.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..reader import Reader, show
from ..vocabulary import IllFormedShape
from .base import Component, Query, Registry, Scope, Shape


@dataclass(repr=False)
class MinCount(Component):
    """At least ``count`` value nodes. One result per focus node, without a value."""

    name = "MinCount"
    count: int

    def query(self, scope: Scope) -> Query | None:
        if self.count == 0 or (self.count == 1 and scope.path and scope.path.nullable):
            return None  # every node has zero values, and a path that may be empty has one
        if self.count == 1 and scope.path is not None:
            # The common case as an anti-join: no grouping of every focus node's values.
            text = (
                f"SELECT ?this WHERE {{ {scope.focus} MINUS {{ ?this {scope.path.sparql} ?v }} }}"
            )
            return scope.query(self, text)
        text = (
            f"SELECT ?this WHERE {{ {scope.optional_pairs()} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {self.count})"
        )
        return scope.query(self, text)


@dataclass(repr=False)
class MaxCount(Component):
    """At most ``count`` value nodes. One result per focus node, without a value."""

    name = "MaxCount"
    count: int

    def query(self, scope: Scope) -> Query:
        text = (
            f"SELECT ?this WHERE {{ {scope.pairs()} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {self.count})"
        )
        return scope.query(self, text)


def read(reader: Reader, shapes: Registry, shape: Shape) -> list[Component]:
    found: list[Component] = []
    for name, kind in (("minCount", MinCount), ("maxCount", MaxCount)):
        for _ in reader.objects(shape.node, name):
            count = reader.integer(shape.node, name)
            if shape.path is None:
                raise IllFormedShape(f"{show(shape.node)}: sh:{name} is for property shapes")
            if count is None or count < 0:
                raise IllFormedShape(f"{show(shape.node)}: sh:{name} must not be negative")
            found.append(kind(count))
            break
    return found
