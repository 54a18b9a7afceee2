"""The query forms ([1]–[28]): the prologue, SELECT (and sub-SELECT), CONSTRUCT, DESCRIBE,
ASK, dataset clauses, solution modifiers and the trailing VALUES.

Besides the grammar, the rules of §18.2 that make a query invalid as the engine reads it are
checked here, so that a query is refused with a position instead of failing later: in a query
with GROUP BY or an aggregate, ``SELECT *`` is refused and a projected variable must be grouped
on; ``(expression AS ?v)`` must name a variable not yet in scope; an aggregate stands only in
a projection, HAVING or ORDER BY (:mod:`.expressions`); BIND names a new variable and a blank
node label stays in one basic graph pattern (:mod:`.patterns`).
"""

from __future__ import annotations

from .expressions import CALL_START
from .forms import Dataset, Query
from .patterns import Patterns
from .scope import in_scope
from .terms import IRI_START
from .tree import Call, Condition, Expression, Group, Operation, Projection, Select, Triples, Var
from .words import AGGREGATES

_GROUP_START = CALL_START | IRI_START | {"VAR", "("}
_ORDER_START = _GROUP_START | {"ASC", "DESC"}
_HAVING_START = CALL_START | IRI_START | {"("}


class Queries(Patterns):
    """The rules for queries."""

    def prologue(self) -> None:
        """[4] Prologue: BASE and PREFIX declarations, which override prefixes given by the
        caller. ``PREFIX:<…>`` (the empty prefix with no space, one PNAME_NS token) is read as
        the engine reads it."""
        kinds = self.kinds
        while True:
            kind = kinds[self.i]
            if kind == "BASE":
                self.advance()
                self.base = self.expect("IRIREF", "an IRI in `<…>`")[1:-1]
            elif (
                kind == "PREFIX" or kind == "PNAME_NS" and self.values[self.i].upper() == "PREFIX:"
            ):
                self.advance()
                name = (
                    self.expect("PNAME_NS", "a prefix such as `ex:`")[:-1]
                    if kind == "PREFIX"
                    else ""
                )
                iri = self.expect("IRIREF", "an IRI in `<…>`")[1:-1]
                self.prefixes[name] = self.declared[name] = iri
            else:
                return

    def query(self) -> Query:
        """[2] Query, after the prologue: the form, then VALUES."""
        form = self.kinds[self.i]
        query = Query(form, Select([], Group()), self.base, self.declared, self.used)
        if form == "SELECT":
            query.select = self.select(query)
        else:
            self.advance()
            if form == "CONSTRUCT":
                self.construct(query)
            elif form == "DESCRIBE":
                self.describe(query)
            else:
                self.clauses(query.select, query)  # ASK
        if self.accept("VALUES"):
            query.select.values = self.data_block()
        return query

    def sub_select(self) -> Select:
        """[8] SubSelect."""
        select = self.select(None)
        if self.accept("VALUES"):
            select.values = self.data_block()
        return select

    def select(self, query: Query | None) -> Select:
        """[7] SelectQuery (with dataset clauses, for ``query``) or a sub-SELECT's body."""
        outer = self.aggregates_allowed, self.saw_aggregate
        self.advance()
        select = Select([], Group())
        if self.kinds[self.i] in ("DISTINCT", "REDUCED"):
            select.modifier = self.take().upper()
        star = self.i
        self.aggregates_allowed, self.saw_aggregate = True, False
        places: list[int] = []
        if not self.accept("*"):
            while True:
                places.append(self.i)
                kind = self.kinds[self.i]
                if kind == "VAR":
                    select.projection.append(Projection(self.var()))
                elif kind == "(":
                    self.advance()
                    self.enter()
                    expression = self.expression()
                    self.expect("AS")
                    places[-1] = self.i
                    select.projection.append(Projection(self.var(), expression))
                    self.expect(")")
                    self.leave()
                elif len(places) == 1:
                    self.fail("a variable, `(` or `*`")
                else:
                    places.pop()
                    break
        projected = self.saw_aggregate
        self.clauses(select, query)
        self.saw_aggregate |= projected
        self._check_projection(select, star, places)
        self.aggregates_allowed, self.saw_aggregate = outer
        return select

    def clauses(self, select: Select, query: Query | None) -> None:
        """[13] DatasetClause* (for a query), [17] WhereClause, [18] SolutionModifier."""
        self.aggregates_allowed = False
        if query is not None:
            self.dataset(query.dataset)
        self.accept("WHERE")
        select.where = self.group_graph_pattern()
        self.modifiers(select)

    def dataset(self, found: list[Dataset]) -> None:
        """[13] DatasetClause: ``FROM <g>`` and ``FROM NAMED <g>`` (USING in updates)."""
        while self.kinds[self.i] in ("FROM", "USING"):
            self.advance()
            named = self.accept("NAMED")
            found.append(Dataset(self.iri(), named))

    def construct(self, query: Query) -> None:
        """[10] ConstructQuery: a template then a WHERE clause, or ``CONSTRUCT WHERE``."""
        if self.accept("{"):
            self.enter()
            self.bgp = None  # a template's labels are its own
            query.template = list(self.template())
            self.expect("}")
            self.leave()
            self.clauses(query.select, query)
            return
        self.dataset(query.dataset)
        self.expect("WHERE", "`{` or `WHERE`")
        self.expect("{")
        self.enter()
        self.bgps += 1
        self.bgp = self.bgps
        query.select.where = Group(list(self.triples_template()))
        self.expect("}", "`.` or `}`")
        self.leave()
        self.modifiers(query.select)

    def template(self) -> list[Triples]:
        """[73] ConstructTemplate's triples."""
        return self.triples_template()

    def describe(self, query: Query) -> None:
        """[11] DescribeQuery: variables and IRIs (or ``*``), and an optional WHERE clause."""
        if not self.accept("*"):
            query.describe.append(self.var_or_iri())
            while self.kinds[self.i] == "VAR" or self.kinds[self.i] in IRI_START:
                query.describe.append(self.var_or_iri())
        self.dataset(query.dataset)
        if self.kinds[self.i] in ("WHERE", "{"):
            self.accept("WHERE")
            query.select.where = self.group_graph_pattern()
        self.modifiers(query.select)

    def modifiers(self, select: Select) -> None:
        """[18] SolutionModifier: GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET."""
        kinds = self.kinds
        if self.accept("GROUP"):
            self.expect("BY")
            self.aggregates_allowed = False
            while kinds[self.i] in _GROUP_START or not select.group_by:
                select.group_by.append(self._group_condition())
        self.aggregates_allowed = True
        if self.accept("HAVING"):
            while kinds[self.i] in _HAVING_START or not select.having:
                select.having.append(self.constraint())
        if self.accept("ORDER"):
            self.expect("BY")
            while kinds[self.i] in _ORDER_START or not select.order_by:
                kind = kinds[self.i]
                if kind == "ASC" or kind == "DESC":
                    self.advance()
                    select.order_by.append(Condition(self.bracketted(), None, kind == "DESC"))
                elif kind == "VAR":
                    select.order_by.append(Condition(self.var()))
                else:
                    select.order_by.append(Condition(self.constraint()))
        self.aggregates_allowed = False
        for _ in range(2):
            kind = kinds[self.i]
            if kind == "LIMIT" and select.limit is None:
                self.advance()
                select.limit = self._integer()
            elif kind == "OFFSET" and select.offset is None:
                self.advance()
                select.offset = self._integer()

    def _group_condition(self) -> Condition:
        """[20] GroupCondition."""
        kind = self.kinds[self.i]
        if kind == "VAR":
            return Condition(self.var())
        if kind == "(":
            self.advance()
            self.enter()
            expression = self.expression()
            var = self.var() if self.accept("AS") else None
            self.expect(")", "`AS` or `)`" if var is None else "`)`")
            self.leave()
            return Condition(expression, var)
        if kind in CALL_START:
            return Condition(self.builtin_call())
        if kind in IRI_START:
            return Condition(self.iri_or_function(required=True))
        self.fail("a GROUP BY condition: a variable, `(`, or a call")

    def _integer(self) -> int:
        value = self.values[self.i]
        if self.kinds[self.i] != "NUMBER" or not value.isdigit():
            self.fail("an integer")
        self.advance()
        return int(value)

    def _check_projection(self, select: Select, star: int, places: list[int]) -> None:
        """The §18.2 rules on a SELECT's projection, after its WHERE clause and modifiers."""
        grouped = bool(select.group_by) or self.saw_aggregate
        if grouped and not select.projection:
            self.error("SELECT * cannot be used with GROUP BY or aggregates", star)
        keys = {c.var.name for c in select.group_by if c.var is not None}
        keys |= {c.expression.name for c in select.group_by if isinstance(c.expression, Var)}
        bound: set[str] | None = None
        named: set[str] = set()
        for item, place in zip(select.projection, places, strict=True):
            name = item.var.name
            if item.expression is not None:
                if bound is None:
                    bound = in_scope(select.where)
                if name in bound or name in named:
                    self.error(f"?{name} is already bound: `AS` needs a new variable", place)
            if grouped:
                free = _free_vars(item.expression or item.var) - keys - named
                if free:
                    shown = ", ".join(f"?{n}" for n in sorted(free))
                    self.error(f"{shown} is neither grouped on nor in an aggregate", place)
            named.add(name)


def _free_vars(expression: Expression) -> set[str]:
    """The variables of ``expression`` outside aggregates."""
    found: set[str] = set()
    stack: list[object] = [expression]
    while stack:
        node = stack.pop()
        if isinstance(node, Var):
            found.add(node.name)
        elif isinstance(node, Operation):
            stack.extend(node.operands)
        elif isinstance(node, Call) and not node.distinct and node.name not in AGGREGATES:
            stack.extend(node.args)
    return found
