"""Running the shapes on a store: queries for the constraints, Python for what they depend on.

Shapes run in the order of the :class:`.plan.Plan`: a shape after the shapes it refers to,
so that when sh:node, sh:not, sh:and, sh:or, sh:xone or a qualified value shape asks whether
a node conforms to another shape, the answer is known: the nodes found not to conform are a
Python set that the query reads through a SPARQL function (or ``true`` when the set is empty).
A shape's results on a focus node are its own constraints' results there plus, through
sh:property, its property shapes' results on its value nodes (spec 4.7.2).

Shapes that refer to each other are validated together, again and again, starting from "every
node conforms" until the sets of nodes that do not conform stop changing: the largest
consistent answer (SHACL leaves recursion undefined; this is the usual choice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.term import Node

from .core import Query, Scope, Shape
from .paths import Path
from .plan import Plan, make_plan
from .reader import show
from .shapes import Shapes
from .targets import focus_pattern
from .terms import Encoding, OxTerm, sparql
from .vocabulary import IllFormedShape, ShapesError

#: Rounds of a recursive group before giving up (a cycle through sh:not may never settle).
ROUNDS = 100


@dataclass(frozen=True)
class Row:
    """One validation result, in store terms."""

    focus: OxTerm
    value: OxTerm | None
    path: Path | OxTerm | None
    query: Query
    bindings: tuple[tuple[str, OxTerm], ...] = ()


@dataclass
class Run:
    """One validation of a store against compiled shapes (it is the scopes' context)."""

    store: ox.Store
    shapes: Shapes
    plan: Plan
    encoding: Encoding | None = None
    functions: dict[
        ox.NamedNode, Callable[..., ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None]
    ] = field(default_factory=dict)
    bad: dict[Shape, set[OxTerm]] = field(default_factory=dict)
    final: set[Shape] = field(default_factory=set)
    own: dict[Shape, dict[OxTerm, list[Row]]] = field(default_factory=dict)
    links: dict[tuple[Shape, Shape], dict[OxTerm, list[OxTerm]]] = field(default_factory=dict)
    _tests: dict[Shape, str] = field(default_factory=dict)

    def conforms(self, shape: Shape, var: str) -> str:
        if shape.deactivated or (shape in self.final and not self.bad.get(shape)):
            return "true"
        if shape not in self._tests:
            self._tests[shape] = self.function(lambda term: term not in self.bad.get(shape, ()))
        return f"{self._tests[shape]}({var})"

    def constant(self, term: Node) -> str:
        return self.encoding.constant(term) if self.encoding else sparql(term)

    def numeric(self, var: str) -> str:
        return self.encoding.numeric(var) if self.encoding else var

    def function(self, test: Callable[[OxTerm], bool]) -> str:
        name = f"urn:x-mandates:validation:test{len(self.functions)}"

        def call(term: OxTerm) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None:
            return ox.Literal(bool(test(term)))

        self.functions[ox.NamedNode(name)] = call
        return f"<{name}>"

    def select(self, text: str, source: Shape) -> ox.QuerySolutions:
        try:
            found = self.store.query(text, custom_functions=self.functions or None)
        except SyntaxError as err:
            message = f"{show(source.node)}: a query that does not parse: {err}"
            raise IllFormedShape(message) from None
        if not isinstance(found, ox.QuerySolutions):
            raise IllFormedShape(f"{show(source.node)}: a constraint must be a SELECT query")
        return found

    def execute(self) -> None:
        for group in self.plan.order:
            if group[0] in self.plan.cyclic:
                self._settle(group)
            else:
                self.own[group[0]] = self._rows(group[0], None)
                self.bad[group[0]] = self._bad(group[0])
            self.final.update(group)

    def _settle(self, group: list[Shape]) -> None:
        static = {s: self._rows(s, False) for s in group}
        for shape in group:
            self.bad[shape] = set()
        for _ in range(ROUNDS):
            before = {s: set(self.bad[s]) for s in group}
            for shape in group:
                rows = {k: list(v) for k, v in static[shape].items()}
                for focus, more in self._rows(shape, True).items():
                    rows.setdefault(focus, []).extend(more)
                self.own[shape] = rows
            for shape in group:
                self.bad[shape] = self._bad(shape)
            if all(self.bad[s] == before[s] for s in group):
                return
        names = ", ".join(show(s.node) for s in group)
        raise ShapesError(f"the recursive shapes {names} do not settle on this data")

    def _rows(self, shape: Shape, dependent: bool | None) -> dict[OxTerm, list[Row]]:
        """The results of the shape's own constraints, by focus node (``dependent``: only the
        constraints that depend on other shapes, or only the others; None: all)."""
        scope = Scope(shape, self.plan.focus[shape], self)
        found: dict[OxTerm, list[Row]] = {}
        for component in shape.components:
            query = component.query(scope)
            if query is None or (dependent is not None and query.dependent != dependent):
                continue
            for row in self._read(query, shape):
                found.setdefault(row.focus, []).append(row)
        return found

    def _read(self, query: Query, shape: Shape) -> Iterator[Row]:
        solutions = self.select(query.text, shape)
        names = {v.value for v in solutions.variables}
        templated = any("{" in str(m) for m in (query.messages or ()))
        for solution in solutions:
            focus = solution["this"]
            value = solution["value"] if "value" in names else None
            path = solution["path"] if "path" in names else None
            if value is None and query.value_is_focus:
                value = focus
            bindings: tuple[tuple[str, OxTerm], ...] = ()
            if templated:
                bindings = tuple((n, solution[n]) for n in sorted(names) if solution[n] is not None)
            yield Row(focus, value, path if path is not None else shape.path, query, bindings)

    def _bad(self, shape: Shape) -> set[OxTerm]:
        """The focus nodes of ``shape`` with at least one result: its own constraints', or
        through sh:property, a property shape's on one of its value nodes."""
        found = set(self.own.get(shape, {}))
        for prop in _properties(shape):
            if prop.deactivated or not self.bad.get(prop):
                self.links[(shape, prop)] = {}
                continue
            links: dict[OxTerm, list[OxTerm]] = {}
            if shape.path is None and self.plan.focus[prop] == self.plan.focus[shape]:
                links = {node: [node] for node in self.bad[prop]}
            else:
                scope = Scope(shape, self.plan.focus[shape], self)
                test = self.conforms(prop, "?value")
                text = f"SELECT DISTINCT ?this ?value WHERE {{ {scope.pairs()} FILTER (!{test}) }}"
                for row in self.select(text, shape):
                    links.setdefault(row["this"], []).append(row["value"])
            self.links[(shape, prop)] = links
            found.update(links)
        return found

    def results(self, shape: Shape, focus: OxTerm, busy: frozenset = frozenset()) -> list[Row]:
        """Every result of validating ``focus`` against ``shape`` (a list: a property shape
        reached twice reports twice, as the W3C suite's validation-reports/shared expects)."""
        key = (shape, focus)
        if key in busy:
            return []
        rows = list(self.own.get(shape, {}).get(focus, []))
        for prop in _properties(shape):
            for value in self.links.get((shape, prop), {}).get(focus, []):
                rows += self.results(prop, value, busy | {key})
        return rows

    def report(self) -> list[Row]:
        """The results of every targeted shape on each of its targets."""
        rows: list[Row] = []
        for shape in self.shapes.targeted:
            failing = self.bad.get(shape, set())
            if failing and shape in self.plan.referred:
                test = self.conforms(shape, "?this")
                targets = focus_pattern(shape.targets, self.constant)
                text = f"SELECT DISTINCT ?this WHERE {{ {targets} FILTER (!{test}) }}"
                failing = {row["this"] for row in self.select(text, shape)}
            for focus in sorted(failing, key=str):
                rows += self.results(shape, focus)
        return rows


def _properties(shape: Shape) -> list[Shape]:
    return [p for c in shape.components for p in getattr(c, "properties", ())]


def validate(store: ox.Store, shapes: Shapes, encoding: Encoding | None = None) -> list[Row]:
    """The results of validating the default graph of ``store`` against ``shapes``.

    ``encoding``: how the store holds literals, when this engine filled it (:mod:`.terms`).
    """
    run = Run(store, shapes, Plan(), encoding)
    run.plan = make_plan(shapes, run.constant)
    run.execute()
    return run.report()
