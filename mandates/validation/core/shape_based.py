"""Shape-based constraint components (spec 4.7): sh:node, sh:property, and the qualified value
shapes (sh:qualifiedValueShape with sh:qualifiedMinCount, sh:qualifiedMaxCount and
sh:qualifiedValueShapesDisjoint).

sh:property has no query of its own: its results are those of the property shape on the value
nodes, which :mod:`..evaluate` adds to each focus node's results. The others test value nodes
against the nodes found not to conform to the shapes they name (:meth:`.Scope.conforms`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..reader import Reader, show
from ..vocabulary import SH, IllFormedShape
from .base import Component, Query, Registry, Scope, Shape


@dataclass(repr=False)
class Node(Component):
    """Each value node conforms to ``shape``."""

    name = "Node"
    shape: Shape

    @property
    def references(self) -> list[Shape]:
        return [self.shape]

    def query(self, scope: Scope) -> Query:
        test = f"!{scope.conforms(self.shape, '?value')}"
        return scope.query(self, scope.select_values(test), dependent=True)


@dataclass(repr=False)
class Property(Component):
    """Each value node is validated against the property shape; its results are reported."""

    name = "Property"
    shape: Shape

    @property
    def references(self) -> list[Shape]:
        return [self.shape]

    @property
    def properties(self) -> list[Shape]:
        return [self.shape]

    def query(self, scope: Scope) -> None:
        return None


@dataclass(repr=False)
class Qualified(Component):
    """At least (QualifiedMinCount) or at most (QualifiedMaxCount) ``count`` value nodes
    conform to ``shape`` (and, when disjoint, to none of its sibling shapes)."""

    kind: str
    shape: Shape
    count: int
    disjoint: bool
    owner: Shape
    registry: Registry = field(repr=False)

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    @property
    def siblings(self) -> list[Shape]:
        """Spec 4.7.3: the qualified value shapes of the other property shapes of the
        shapes that have this one as sh:property."""
        if not self.disjoint:
            return []
        found: list[Shape] = []
        for parent in self.registry.parents(self.owner):
            for component in parent.components:
                for prop in getattr(component, "properties", ()):
                    for c in prop.components:
                        if isinstance(c, Qualified) and c.shape is not self.shape:
                            found.append(c.shape)
        return list(dict.fromkeys(found))

    @property
    def references(self) -> list[Shape]:
        return [self.shape, *self.siblings]

    def query(self, scope: Scope) -> Query | None:
        tests = [scope.conforms(self.shape, "?value")]
        tests += [f"!{scope.conforms(s, '?value')}" for s in self.siblings]
        condition = " && ".join(tests)
        if self.kind == "QualifiedMinCount":
            if self.count == 0:
                return None
            where, having = scope.optional_pairs(condition), f"< {self.count}"
        else:
            where, having = f"{scope.pairs()} FILTER ({condition})", f"> {self.count}"
        text = (
            f"SELECT ?this WHERE {{ {where} }} GROUP BY ?this "
            f"HAVING (COUNT(DISTINCT ?value) {having})"
        )
        return scope.query(self, text, dependent=True)


def read(reader: Reader, shapes: Registry, shape: Shape) -> list[Component]:
    node = shape.node
    found: list[Component] = []
    for kind, value_is_property in ((Node, False), (Property, True)):
        for value in reader.objects(node, kind.name.lower()):
            if ((value, SH.path, None) in reader.graph) != value_is_property:
                expected = "a property shape" if value_is_property else "a node shape"
                raise IllFormedShape(
                    f"{show(node)}: the value of sh:{kind.name.lower()} is not {expected}"
                )
            found.append(kind(shapes.get(value)))
    qualified = reader.value(node, "qualifiedValueShape")
    counts = {
        name: reader.integer(node, name) for name in ("qualifiedMinCount", "qualifiedMaxCount")
    }
    disjoint = reader.boolean(node, "qualifiedValueShapesDisjoint")
    if qualified is None:
        if any(v is not None for v in counts.values()) or disjoint is not None:
            reader.note(
                f"{show(node)}: qualified counts without sh:qualifiedValueShape have no effect"
            )
        return found
    if shape.path is None:
        raise IllFormedShape(f"{show(node)}: sh:qualifiedValueShape is for property shapes")
    if all(v is None for v in counts.values()):
        reader.note(f"{show(node)}: sh:qualifiedValueShape without a count has no effect")
    for name, count in counts.items():
        if count is not None:
            if count < 0:
                raise IllFormedShape(f"{show(node)}: sh:{name} must not be negative")
            found.append(
                Qualified(
                    "Q" + name[1:], shapes.get(qualified), count, bool(disjoint), shape, shapes
                )
            )
    return found
