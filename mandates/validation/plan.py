"""Which shapes run, on which focus nodes, and in what order.

A shape is validated on every node it is ever applied to: its targets, and the value nodes of
every shape that refers to it (through sh:property, sh:node, sh:not, sh:and, sh:or, sh:xone or
a qualified value shape). That set is a SPARQL pattern built from the referring shapes'
patterns and paths, so each shape runs once, as a query, whatever refers to it.

Shapes that refer to each other (a cycle) share one pattern: the union of the patterns that
lead into the cycle, followed by any number of the paths inside it. That may hold more nodes
than needed, which costs time but never changes a result, since whether a node conforms to a
shape does not depend on who asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib.term import Node

from .core import Shape
from .paths import Path
from .shapes import Shapes
from .targets import focus_pattern
from .terms import sparql


@dataclass
class Plan:
    #: Groups of shapes in the order they are validated: a shape after those it refers to;
    #: shapes that refer to each other in one group.
    order: list[list[Shape]] = field(default_factory=list)
    focus: dict[Shape, str] = field(default_factory=dict)
    #: Shapes that something refers to (their focus nodes are more than their targets).
    referred: set[Shape] = field(default_factory=set)
    cyclic: set[Shape] = field(default_factory=set)


def _edges(shape: Shape) -> list[Shape]:
    return [r for r in dict.fromkeys(shape.references) if not r.deactivated]


def _components(roots: list[Shape]) -> list[list[Shape]]:
    """Strongly connected components reachable from ``roots`` (Tarjan's algorithm, without
    recursion), each after the components it reaches."""
    index: dict[Shape, int] = {}
    low: dict[Shape, int] = {}
    stack: list[Shape] = []
    on_stack: set[Shape] = set()
    found: list[list[Shape]] = []
    for root in roots:
        if root in index:
            continue
        work = [(root, iter(_edges(root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(_edges(child))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member is node:
                        break
                found.append(group)
    return found


def derive(focus: str, path: Path | None) -> str:
    """The nodes reached from the nodes of ``focus`` by ``path`` (the same nodes for None)."""
    if path is None:
        return focus
    step = f"{{ SELECT (?this AS ?up) WHERE {{ {focus} }} }} ?up {path.sparql} ?this"
    if path.nullable:
        step = f"{{ {focus} }} UNION {{ {step} }}"
    return f"{{ SELECT DISTINCT ?this WHERE {{ {step} }} }}"


def union(patterns: list[str]) -> str:
    patterns = list(dict.fromkeys(patterns))
    if len(patterns) == 1:
        return patterns[0]
    joined = " UNION ".join(f"{{ {p} }}" for p in patterns)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {joined} }} }}"


def make_plan(shapes: Shapes, constant: Callable[[Node], str] = sparql) -> Plan:
    roots = shapes.targeted
    plan = Plan(order=_components(roots))
    for group in reversed(plan.order):  # referring shapes first
        members = set(group)
        entries = [focus_pattern(s.targets, constant) for s in group if s.targets]
        inside: list[Path] = []
        for shape in [*plan.focus, *group]:
            for child in _edges(shape):
                if child not in members:
                    continue
                plan.referred.add(child)
                if shape in members:  # an edge inside the group: the group is a cycle
                    plan.cyclic.update(members)
                    if shape.path is not None:
                        inside.append(shape.path)
                else:
                    entries.append(derive(plan.focus[shape], shape.path))
        base = union(entries)
        if inside:
            parts = tuple(dict.fromkeys(inside))
            step = parts[0] if len(parts) == 1 else Path("alternative", parts=parts)
            base = union([base, derive(base, Path("oneOrMorePath", parts=(step,)))])
        for shape in group:
            plan.focus[shape] = base
    return plan
