"""SPARQL-based constraints (spec 5): ``sh:sparql`` with an ``sh:select`` query.

Each solution of the query is a result. ``$this`` is pre-bound by joining the focus pattern
at the head of the query's WHERE clause, ``$PATH`` is replaced by the shape's path and
``$currentShape`` by the shape. The query's own prefixes come from ``sh:prefixes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from ..reader import Reader, show
from ..terms import iri
from ..vocabulary import SH, IllFormedShape, UnsupportedShape
from .base import Component, Query, Registry, Scope, Shape

#: Strings, IRIs and comments: what a search for keywords or variables must skip.
_NOT_CODE = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n]*"
)
_VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
_NOT_EXISTS = re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{([^{}]*)\}", re.IGNORECASE)
_GROUPING = re.compile(
    r"\b(FILTER|OPTIONAL|BIND|VALUES|UNION|GRAPH|SERVICE|SELECT|MINUS|EXISTS)\b", re.I
)


def code_only(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked (same length, so offsets hold)."""
    return _NOT_CODE.sub(lambda m: " " * len(m.group(0)), text)


@dataclass(repr=False)
class Sparql(Component):
    name = "SPARQL"
    constraint: Node
    select: str
    messages: tuple[Literal, ...]

    def query(self, scope: Scope) -> Query:
        text = _substitute(self.select, scope)
        code = code_only(text)
        where = re.search(r"\{", code)
        if where is None:
            raise IllFormedShape(f"{show(self.constraint)}: sh:select has no WHERE clause")
        start = where.end()
        text = text[:start] + f" {scope.focus} " + _anti_joins(text[start:], code[start:])
        return scope.query(self, text, messages=self.messages or None, value_is_focus=True)


def _substitute(select: str, scope: Scope) -> str:
    """The query with the pre-bound variables of spec 5.3.1 written in."""
    code = code_only(select)
    out, last = [], 0
    for match in _VARIABLE.finditer(code):
        name = match.group(1)
        if name == "this":
            replacement = "?this"
        elif name == "PATH" and match.group(0).startswith("$"):
            if scope.path is None:
                raise IllFormedShape(f"{show(scope.shape.node)}: $PATH in a node shape")
            replacement = scope.path.sparql
        elif name == "currentShape":
            if not isinstance(scope.shape.node, URIRef):
                raise UnsupportedShape("$currentShape of a blank node shape cannot be written")
            replacement = iri(str(scope.shape.node))
        elif name == "shapesGraph":
            raise UnsupportedShape("$shapesGraph: the shapes graph is not queryable here")
        else:
            continue
        out.append(select[last : match.start()] + replacement)
        last = match.end()
    return "".join(out) + select[last:]


def _anti_joins(body: str, code: str) -> str:
    """Each ``FILTER NOT EXISTS { triples }`` as ``MINUS { triples }``, where both keep the
    same solutions.

    The engine evaluates MINUS as a hash anti-join and NOT EXISTS once per row (measured on
    the project's edge constraint: 12 s against 0.03 s on 100k triples). They agree when the
    rest of the WHERE clause is plain triple patterns (so every variable it has is bound in
    every solution) sharing a variable with the group, and the group is plain triples that are
    not all variables (on its own such a group is the whole store, which MINUS would hold in
    memory). SHACL forbids MINUS in the shapes themselves, so they keep NOT EXISTS.
    """
    groups = list(_NOT_EXISTS.finditer(code))
    if not groups:
        return body
    outer = _NOT_EXISTS.sub(" ", code)
    if _GROUPING.search(outer) or outer.count("{") or outer.count("}") != 1:
        return body
    bound = set(_VARIABLE.findall(outer)) | {"this"}
    out, last = [], 0
    for group in groups:
        inner = group.group(1)
        names = set(_VARIABLE.findall(inner))
        terms = re.findall(r"[^\s.;,]+", inner)
        if _GROUPING.search(inner) or not names & bound or all(t[0] in "?$" for t in terms):
            continue
        out.append(
            body[last : group.start()] + "MINUS {" + body[group.start(1) : group.end(1)] + "}"
        )
        last = group.end()
    return "".join(out) + body[last:]


def _prologue(reader: Reader, constraint: Node) -> str:
    """PREFIX lines for the sh:declare of the constraint's sh:prefixes."""
    lines = []
    for ontology in reader.objects(constraint, "prefixes"):
        for declaration in reader.objects(ontology, "declare"):
            prefix = reader.value(declaration, "prefix")
            namespace = reader.value(declaration, "namespace")
            if prefix is None or namespace is None:
                raise IllFormedShape(
                    f"{show(ontology)}: sh:declare needs sh:prefix and sh:namespace"
                )
            lines.append(f"PREFIX {prefix}: {iri(str(namespace))}\n")
    return "".join(sorted(set(lines)))


def read(reader: Reader, shapes: Registry, shape: Shape) -> list[Component]:
    found: list[Component] = []
    for constraint in reader.objects(shape.node, "sparql"):
        reader.mark([(constraint, RDF.type, SH.SPARQLConstraint)])
        select = reader.value(constraint, "select")
        messages = tuple(m for m in reader.objects(constraint, "message") if isinstance(m, Literal))
        deactivated = reader.boolean(constraint, "deactivated")
        prologue = _prologue(reader, constraint)
        if select is None:
            raise UnsupportedShape(
                f"{show(constraint)}: a SPARQL constraint without sh:select is not supported"
            )
        if not deactivated:
            found.append(Sparql(constraint, prologue + str(select), messages))
    return found
