"""Graph patterns ([53]–[69]): groups, sub-SELECTs, OPTIONAL, MINUS, UNION, GRAPH, SERVICE,
FILTER, BIND and VALUES.

A group's triples and patterns are kept in the order written. Two triples need a ``.``
between them; a pattern may be followed by one ``.`` ([54], [55]).

A blank node label names one node in one basic graph pattern (§19.6): the triples of a group
up to the next group-like pattern (FILTER, BIND and VALUES do not end one, as the engine reads
them) form one; a label met again in another is refused.
"""

from __future__ import annotations

from .scope import in_scope
from .tree import (
    Bind,
    Filter,
    GraphPattern,
    Group,
    Minus,
    Optional,
    Pattern,
    Select,
    Service,
    Term,
    Union,
    Values,
    Var,
)
from .triples import TRIPLE_START, TriplesRules

_PATTERN_START = frozenset(
    ("{", "OPTIONAL", "MINUS", "GRAPH", "SERVICE", "FILTER", "BIND", "VALUES")
)


class Patterns(TriplesRules):
    """The rules for graph patterns."""

    def sub_select(self) -> Select:  # pragma: no cover - defined by the query rules
        raise NotImplementedError

    def group_graph_pattern(self) -> Group:
        """[53] GroupGraphPattern: ``{`` a sub-SELECT or [54] GroupGraphPatternSub ``}``."""
        self.expect("{")
        self.enter()
        if self.kinds[self.i] == "SELECT":
            group = Group([self.sub_select()])
        else:
            group = self._group_body()
        self.expect("}", "`}`" if group.elements else "a triple, a pattern or `}`")
        self.leave()
        return group

    def _group_body(self) -> Group:
        kinds = self.kinds
        elements: list[Pattern] = []
        bound: set[str] | None = None  # variables in scope so far, computed at the first BIND
        counted = 0
        run: int | None = None  # this group's current BGP: FILTER, BIND, VALUES do not end it
        while True:
            kind = kinds[self.i]
            if kind in TRIPLE_START:
                if run is None:
                    self.bgps += 1
                    run = self.bgps
                self.bgp = run
                elements.append(self.triples(paths=True))
                if not self.accept(".") and kinds[self.i] in TRIPLE_START:
                    self.fail("`.` between two triples")
            elif kind in _PATTERN_START:
                if kind == "BIND":
                    if bound is None:
                        bound = set()
                    for element in elements[counted:]:
                        bound |= in_scope(element)
                    counted = len(elements)
                    elements.append(self.bind(bound))
                else:
                    elements.append(self.pattern_not_triples(kind))
                    if kind not in ("FILTER", "VALUES"):
                        run = None
                self.accept(".")
            else:
                return Group(elements)

    def pattern_not_triples(self, kind: str) -> Pattern:
        """[56] GraphPatternNotTriples, BIND apart."""
        if kind == "{":
            group = self.group_graph_pattern()
            if self.kinds[self.i] != "UNION":
                return group
            groups = [group]
            while self.accept("UNION"):
                groups.append(self.group_graph_pattern())
            return Union(groups)
        self.advance()
        if kind == "OPTIONAL":
            return Optional(self.group_graph_pattern())
        if kind == "MINUS":
            return Minus(self.group_graph_pattern())
        if kind == "GRAPH":
            name = self.var_or_iri()
            return GraphPattern(name, self.group_graph_pattern())
        if kind == "SERVICE":
            silent = self.accept("SILENT")
            target = self.var_or_iri()
            return Service(target, self.group_graph_pattern(), silent)
        if kind == "FILTER":
            return Filter(self.constraint())
        return self.data_block()

    def bind(self, bound: set[str]) -> Bind:
        """[60] Bind; its variable must not be in scope already (§18.2.1)."""
        self.advance()
        self.expect("(", "`(`")
        self.enter()
        expression = self.expression()
        self.expect("AS")
        at = self.i
        var = self.var()
        if var.name in bound:
            self.error(f"BIND assigns ?{var.name}, which is already in scope", at)
        bound.add(var.name)
        self.expect(")")
        self.leave()
        return Bind(expression, var)

    def data_block(self) -> Values:
        """[62] DataBlock after VALUES: one variable and its values, or a bracketed list of
        variables and rows of as many values each."""
        kinds = self.kinds
        if kinds[self.i] == "VAR":
            var = self.var()
            self.expect("{")
            rows = []
            while kinds[self.i] != "}":
                rows.append([self.data_block_value()])
            self.advance()
            return Values([var], rows)
        names: list[Var] = []
        if not self.accept("NIL"):
            self.expect("(", "a variable or `(`")
            while kinds[self.i] == "VAR":
                if any(name.name == self.values[self.i][1:] for name in names):
                    self.error(f"{self.values[self.i]} is named twice in VALUES")
                names.append(self.var())
            self.expect(")", "a variable or `)`")
        self.expect("{")
        table: list[list[Term | None]] = []
        while not self.accept("}"):
            at = self.i
            row: list[Term | None] = []
            if not self.accept("NIL"):
                self.expect("(", "`(` or `}`")
                while not self.accept(")"):
                    row.append(self.data_block_value())
            if len(row) != len(names):
                have = f"{len(row)} value" + ("" if len(row) == 1 else "s")
                self.error(f"this row has {have} for {len(names)} variables", at)
            table.append(row)
        return Values(names, table)
