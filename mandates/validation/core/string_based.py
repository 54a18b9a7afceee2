"""String-based constraint components (spec 4.4): sh:minLength, sh:maxLength, sh:pattern
(with sh:flags), sh:languageIn, sh:uniqueLang.

Lengths and patterns read the string of IRIs and literals; a blank node has none, so it always
fails them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from ..reader import Reader, show
from ..terms import sparql
from ..vocabulary import IllFormedShape
from .base import Component, Query, Registry, Scope, Shape


@dataclass(repr=False)
class Length(Component):
    """The string of each value node is at least (MinLength) or at most (MaxLength) long."""

    kind: str
    operator: str
    length: int

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def query(self, scope: Scope) -> Query:
        test = f"isBlank(?value) || !(STRLEN(STR(?value)) {self.operator} {self.length})"
        return scope.query(self, scope.select_values(test))


@dataclass(repr=False)
class Pattern(Component):
    """The string of each value node matches the regular expression (XPath syntax)."""

    name = "Pattern"
    pattern: str
    flags: str | None

    def query(self, scope: Scope) -> Query:
        arguments = sparql(Literal(self.pattern))
        if self.flags:
            arguments += ", " + sparql(Literal(self.flags))
        test = f"isBlank(?value) || !REGEX(STR(?value), {arguments})"
        return scope.query(self, scope.select_values(test))


@dataclass(repr=False)
class LanguageIn(Component):
    """Each value node is a literal whose language tag matches one of the ranges."""

    name = "LanguageIn"
    languages: tuple[str, ...]

    def query(self, scope: Scope) -> Query:
        matches = " || ".join(
            f"langMatches(lang(?value), {sparql(Literal(tag))})" for tag in self.languages
        )
        test = f"!isLiteral(?value) || !({matches or 'false'})"
        return scope.query(self, scope.select_values(test))


@dataclass(repr=False)
class UniqueLang(Component):
    """No two value nodes share a language tag: one result per focus node and shared tag."""

    name = "UniqueLang"

    def query(self, scope: Scope) -> Query:
        text = (
            f"SELECT ?this WHERE {{ {scope.pairs()} "
            'FILTER (isLiteral(?value) && lang(?value) != "") BIND (LCASE(lang(?value)) AS ?tag) }'
            " GROUP BY ?this ?tag HAVING (COUNT(DISTINCT ?value) > 1)"
        )
        return scope.query(self, text)


def _string(reader: Reader, shape: Shape, name: str) -> list[str]:
    values = reader.objects(shape.node, name)
    for value in values:
        if not isinstance(value, Literal):
            raise IllFormedShape(f"{show(shape.node)}: sh:{name} must be a literal")
    return [str(v) for v in values]


def read(reader: Reader, shapes: Registry, shape: Shape) -> list[Component]:
    node = shape.node
    found: list[Component] = []
    for name, operator in (("minLength", ">="), ("maxLength", "<=")):
        if reader.objects(node, name):
            length = reader.integer(node, name)
            if length is None or length < 0:
                raise IllFormedShape(f"{show(node)}: sh:{name} must not be negative")
            found.append(Length(name[0].upper() + name[1:], operator, length))
    flags = _string(reader, shape, "flags")
    patterns = _string(reader, shape, "pattern")
    if len(flags) > 1 or (flags and len(patterns) != 1):
        raise IllFormedShape(f"{show(node)}: sh:flags goes with exactly one sh:pattern")
    found += [Pattern(p, flags[0] if flags else None) for p in patterns]
    for head in reader.objects(node, "languageIn"):
        tags = reader.items(head, node, "languageIn")
        if not all(isinstance(t, Literal) for t in tags):
            raise IllFormedShape(f"{show(node)}: sh:languageIn lists literals")
        found.append(LanguageIn(tuple(str(t) for t in tags)))
    if reader.objects(node, "uniqueLang"):
        if shape.path is None:
            raise IllFormedShape(f"{show(node)}: sh:uniqueLang is for property shapes")
        if reader.boolean(node, "uniqueLang"):
            found.append(UniqueLang())
    return found
