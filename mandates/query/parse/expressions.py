"""Expressions ([110]–[128]): operators by precedence climbing, built-in calls, aggregates
and functions by IRI.

One loop climbs the five binary levels (``||``, ``&&``, relational, additive,
multiplicative) instead of a function per level, so a bracket costs a few stack frames, not
nine. The grammar's quirks are kept: a relational operator at most once per operand
(``1 < 2 < 3`` is refused), and a signed number after an operand (``?x -1``, one token) is a
subtraction of the unsigned number, which may be followed by ``*`` and ``/`` ([116]).
"""

from __future__ import annotations

from typing import NoReturn

from .terms import IRI_START, LITERAL_START, Terms, number
from .tree import Call, Exists, Expression, Group, Operation, Var
from .words import AGGREGATES, BUILTINS

_LEVEL = {"||": 1, "&&": 2, "+": 4, "-": 4, "SIGNED": 4, "*": 5, "/": 5}
_RELATIONAL = frozenset(("=", "!=", "<", ">", "<=", ">=", "IN", "NOT"))
_LEVEL.update(dict.fromkeys(_RELATIONAL, 3))

#: Tokens that open a built-in call: a built-in's name, an aggregate's, EXISTS, NOT EXISTS.
CALL_START = frozenset(BUILTINS) | AGGREGATES | {"EXISTS", "NOT"}


class Expressions(Terms):
    """The rules for expressions."""

    #: Whether an aggregate may stand here: in a projection, HAVING or ORDER BY (§11.1), not
    #: inside another aggregate nor in a pattern's FILTER or BIND.
    aggregates_allowed = False
    #: Whether an aggregate was seen in the clauses of the current SELECT.
    saw_aggregate = False

    def group_graph_pattern(self) -> Group:  # pragma: no cover - defined by the patterns
        raise NotImplementedError

    def expression(self) -> Expression:
        """[110] Expression."""
        return self._climb(self.unary(), 1)

    def _climb(self, left: Expression, level: int) -> Expression:
        """Operators of ``level`` or tighter after ``left``, grouped by precedence."""
        kinds, ceiling = self.kinds, 5
        while True:
            kind = kinds[self.i]
            rank = _LEVEL.get(kind, 0)
            if rank < level or rank > ceiling:
                return left
            if rank == 3:
                if kind == "NOT":
                    if kinds[self.i + 1] != "IN":
                        return left
                    self.advance()
                    kind = "NOT IN"
                self.advance()
                if kind == "IN" or kind == "NOT IN":
                    left = Operation(kind, [left, *self.expression_list()])
                else:
                    left = Operation(kind, [left, self._climb(self.unary(), 4)])
                ceiling = 2  # one relational operator per operand
            elif kind == "SIGNED":
                token = self.take()
                right = self._climb(number(token[1:]), 5)
                left = Operation(token[0], [left, right])
                ceiling = 4
            else:
                self.advance()
                left = Operation(kind, [left, self._climb(self.unary(), rank + 1)])
                ceiling = rank

    def unary(self) -> Expression:
        """[118] UnaryExpression: ``!``, ``+`` or ``-`` before a primary expression."""
        kind = self.kinds[self.i]
        if kind == "!" or kind == "+" or kind == "-":
            self.advance()
            return Operation(kind, [self.primary()])
        return self.primary()

    def primary(self) -> Expression:
        """[119] PrimaryExpression."""
        kind = self.kinds[self.i]
        if kind == "VAR":
            return Var(self.take()[1:])
        if kind == "(":
            return self.bracketted()
        if kind in IRI_START:
            return self.iri_or_function(required=False)
        if kind in LITERAL_START:
            return self.literal()
        if kind in CALL_START:
            return self.builtin_call()
        self.fail("an expression")

    def bracketted(self) -> Expression:
        """[120] BrackettedExpression."""
        self.expect("(")
        self.enter()
        inner = self.expression()
        self.expect(")")
        self.leave()
        return inner

    def expression_list(self) -> list[Expression]:
        """[72] ExpressionList: ``()`` or bracketed expressions separated by commas."""
        if self.accept("NIL"):
            return []
        self.expect("(", "`(`")
        self.enter()
        items = [self.expression()]
        while self.accept(","):
            items.append(self.expression())
        self.expect(")", "`,` or `)`")
        self.leave()
        return items

    def constraint(self) -> Expression:
        """[69] Constraint: a bracketed expression, a built-in call or a function call."""
        kind = self.kinds[self.i]
        if kind == "(":
            return self.bracketted()
        if kind in CALL_START:
            return self.builtin_call()
        if kind in IRI_START:
            return self.iri_or_function(required=True)
        self.fail("`(`, a function call or a built-in call")

    def iri_or_function(self, required: bool) -> Expression:
        """[128] iriOrFunction, or [70] FunctionCall when ``required``: an IRI and its
        ArgList [71]; DISTINCT there only for a custom aggregate."""
        iri = self.iri()
        kind = self.kinds[self.i]
        if kind == "NIL":
            self.advance()
            return Call(iri.value, [], function=True)
        if kind != "(":
            if required:
                self.fail("`(` (the arguments of the function)")
            return iri
        self.advance()
        self.enter()
        distinct = self.accept("DISTINCT")
        if distinct and not self.aggregates_allowed:
            self.error("DISTINCT in a function call is only for an aggregate", self.i - 1)
        self.saw_aggregate |= distinct
        args = [self.expression()]
        while self.accept(","):
            args.append(self.expression())
        self.expect(")", "`,` or `)`")
        self.leave()
        return Call(iri.value, args, distinct=distinct, function=True)

    def builtin_call(self) -> Expression:
        """[121] BuiltInCall, with [122]–[127]."""
        name, at = self.kinds[self.i], self.i
        self.advance()
        if name == "NOT" or name == "EXISTS":
            if name == "NOT":
                self.expect("EXISTS")
            allowed, self.aggregates_allowed = self.aggregates_allowed, False
            pattern = self.group_graph_pattern()
            self.aggregates_allowed = allowed
            return Exists(pattern, negated=name == "NOT")
        if name in AGGREGATES:
            return self.aggregate(name, at)
        fewest, most = BUILTINS[name]
        if self.kinds[self.i] == "NIL":
            if fewest > 0:
                self._arity(name, fewest, most)
            self.advance()
            return Call(name, [])
        if most == 0:
            self.fail("`()`")
        self.expect("(", "`(`")
        self.enter()
        args: list[Expression] = [self.var() if name == "BOUND" else self.expression()]
        while self.kinds[self.i] == "," and len(args) != most:
            self.advance()
            args.append(self.expression())
        if len(args) < fewest or self.kinds[self.i] != ")":
            self._arity(name, fewest, most)
        self.advance()
        self.leave()
        return Call(name, args)

    def _arity(self, name: str, fewest: int, most: int) -> NoReturn:
        if self.kinds[self.i] not in (",", ")", "NIL"):
            self.fail("`,` or `)`")
        count = "any number of" if most < 0 else f"{fewest}" if fewest == most else None
        count = count or f"{fewest} to {most}"
        plural = "" if count == "1" else "s"
        self.error(f"`{name}` takes {count} argument{plural}")

    def aggregate(self, name: str, at: int) -> Call:
        """[127] Aggregate."""
        if not self.aggregates_allowed:
            self.error(f"`{name}` (an aggregate) is only allowed in SELECT, HAVING, ORDER BY", at)
        self.saw_aggregate = True
        self.expect("(", "`(`")
        self.enter()
        distinct = self.accept("DISTINCT")
        self.aggregates_allowed = False
        call = Call(name, [], distinct=distinct)
        if name == "COUNT" and self.accept("*"):
            call.star = True
        else:
            call.args.append(self.expression())
        if name == "GROUP_CONCAT" and self.accept(";"):
            self.expect("SEPARATOR")
            self.expect("=")
            call.separator = self.string()
        self.aggregates_allowed = True
        self.expect(")")
        self.leave()
        return call
