"""SHACL core constraint components as SPARQL queries, one query per (shape, component).

Each query selects the focus nodes (``?this``) and, where SHACL reports one, the offending
``?value``. Comparisons that cannot be made count as violations, as the SHACL spec says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .shapes import SH, NodeShape, PropertyShape

TYPE_OF = (
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/"
    "<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
)
#: Datatypes whose lexical forms SPARQL can check with a cast (ill-typed values fail it).
CASTABLE = {
    XSD.string,
    XSD.integer,
    XSD.decimal,
    XSD.double,
    XSD.float,
    XSD.boolean,
    XSD.date,
    XSD.dateTime,
}
NODE_KINDS = {
    SH.IRI: "isIRI(?value)",
    SH.BlankNode: "isBlank(?value)",
    SH.Literal: "isLiteral(?value)",
    SH.BlankNodeOrIRI: "(isBlank(?value) || isIRI(?value))",
    SH.BlankNodeOrLiteral: "(isBlank(?value) || isLiteral(?value))",
    SH.IRIOrLiteral: "(isIRI(?value) || isLiteral(?value))",
}


@dataclass(frozen=True)
class Check:
    """One query and how to read its rows as validation results."""

    query: str
    shape: Node
    component: URIRef
    severity: URIRef
    message: str | None
    path: URIRef | None = None
    inverse: bool = False
    value_is_focus: bool = False


def term(node: Node) -> str:
    """A term written for a SPARQL query."""
    if isinstance(node, Literal):
        return node.n3()
    return f"<{node}>"


def target(shape: NodeShape) -> str:
    parts = [f"{{ ?this {TYPE_OF} <{c}> }}" for c in shape.target_classes]
    parts += [f"{{ ?this <{p}> ?target_object }}" for p in shape.target_subjects_of]
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"


def _counting(where: str, path: str, having: str, extra: str = "") -> str:
    return (
        f"SELECT ?this WHERE {{ {where} OPTIONAL {{ ?this {path} ?value . {extra} }} }} "
        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {having})"
    )


def _values(where: str, path: str, condition: str, before: str = "") -> str:
    return (
        f"SELECT DISTINCT ?this ?value WHERE {{ {where} ?this {path} ?value . {before} "
        f"FILTER ({condition}) }}"
    )


def property_checks(node: NodeShape, shape: PropertyShape) -> Iterator[Check]:
    where, path, p = target(node), shape.path, shape.params

    def check(component: str, query: str) -> Check:
        return Check(
            query,
            shape.iri,
            SH[component + "ConstraintComponent"],
            shape.severity,
            shape.message,
            shape.path_iri,
            shape.inverse,
        )

    if "minCount" in p:
        yield check("MinCount", _counting(where, path, f"< {int(p['minCount'])}"))
    if "maxCount" in p:
        yield check("MaxCount", _counting(where, path, f"> {int(p['maxCount'])}"))
    if "datatype" in p:
        dt = p["datatype"]
        before, ill_typed = "", "false"
        if dt in CASTABLE:
            before = (
                f"BIND (IF(isLiteral(?value) && datatype(?value) = <{dt}>, "
                f"<{dt}>(STR(?value)), 0) AS ?cast)"
            )
            ill_typed = "!BOUND(?cast)"
        condition = f"!isLiteral(?value) || datatype(?value) != <{dt}> || {ill_typed}"
        yield check("Datatype", _values(where, path, condition, before))
    if "pattern" in p:
        pattern = Literal(str(p["pattern"])).n3()
        yield check(
            "Pattern", _values(where, path, f"isBlank(?value) || !REGEX(STR(?value), {pattern})")
        )
    if "class" in p:
        condition = f"NOT EXISTS {{ ?value {TYPE_OF} <{p['class']}> }}"
        yield check("Class", _values(where, path, condition))
    if "nodeKind" in p:
        yield check("NodeKind", _values(where, path, f"!{NODE_KINDS[p['nodeKind']]}"))
    if "in" in shape.values:
        allowed = " ".join(term(v) for v in shape.values["in"])
        condition = (
            f"NOT EXISTS {{ VALUES ?allowed {{ {allowed} }} FILTER (sameTerm(?value, ?allowed)) }}"
        )
        yield check("In", _values(where, path, condition))
    if "languageIn" in shape.values:
        matches = " || ".join(
            f'langMatches(lang(?value), "{v}")' for v in shape.values["languageIn"]
        )
        yield check("LanguageIn", _values(where, path, f"!isLiteral(?value) || !({matches})"))
    if "lessThanOrEquals" in p:
        other = f"?this <{p['lessThanOrEquals']}> ?other ."
        yield check(
            "LessThanOrEquals", _values(where, path, "!COALESCE(?value <= ?other, false)", other)
        )
    if "minInclusive" in p:
        bound = term(p["minInclusive"])
        yield check("MinInclusive", _values(where, path, f"!COALESCE(?value >= {bound}, false)"))
    if "minLength" in p:
        length = int(p["minLength"])
        yield check(
            "MinLength", _values(where, path, f"isBlank(?value) || STRLEN(STR(?value)) < {length}")
        )
    if "qualifiedMinCount" in p:
        extra = f"?value {TYPE_OF} <{p['qualifiedClass']}> ."
        having = f"< {int(p['qualifiedMinCount'])}"
        yield check("QualifiedMinCount", _counting(where, path, having, extra))


def node_checks(node: NodeShape) -> Iterator[Check]:
    where = target(node)
    for shape in node.properties:
        yield from property_checks(node, shape)
    if node.alternatives is not None:
        none_holds = " && ".join(
            "!(" + " && ".join(f"EXISTS {{ ?this {path} ?any{i} }}" for path, _ in option) + ")"
            for i, option in enumerate(node.alternatives)
        )
        query = f"SELECT ?this WHERE {{ {where} FILTER ({none_holds}) }}"
        yield Check(
            query,
            node.iri,
            SH.OrConstraintComponent,
            node.severity,
            node.message,
            value_is_focus=True,
        )
    for _constraint, select, message in node.sparql:
        yield Check(
            _with_target(select, where),
            node.iri,
            SH.SPARQLConstraintComponent,
            node.severity,
            message,
            value_is_focus=True,
        )


_NOT_EXISTS = re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{([^{}]*)\}", re.IGNORECASE)


def _anti_join(match: re.Match[str]) -> str:
    """``FILTER NOT EXISTS { triples }`` as ``MINUS { triples }``.

    For a group of plain triple patterns whose variables shared with the outer pattern are all
    bound there (true of the project's constraints, whose outer pattern binds them first), both
    keep the same solutions; the engine evaluates MINUS as a hash anti-join, NOT EXISTS once
    per row (measured: 12 s against 0.03 s on 100k triples). SHACL forbids MINUS in the shapes
    themselves, so the shapes keep NOT EXISTS and the rewrite happens here.
    """
    body = match.group(1)
    if re.search(r"\b(FILTER|OPTIONAL|BIND|VALUES|UNION|GRAPH|SERVICE)\b", body, re.I):
        return match.group(0)
    terms = re.findall(r"[^\s.;,]+", body)
    if all(t.startswith(("?", "$")) for t in terms):
        # Only variables (``{ ?s ?p ?o }``): on its own the group is the whole store, which
        # MINUS would hold in a hash table (5.3 GB at 10M triples), while NOT EXISTS, with
        # every variable bound by the row, is one index lookup per row (951 MB).
        return match.group(0)
    return f"MINUS {{{body}}}"


def _with_target(select: str, where: str) -> str:
    """A SPARQL-based constraint with ``$this`` bound to each focus node of its shape."""
    text = _NOT_EXISTS.sub(_anti_join, select.replace("$this", "?this"))
    head, _, body = text.partition(" WHERE {")
    return f"{head} WHERE {{ {where} {body}"
