"""The project's SHACL shapes read into plain objects, for the SPARQL validation engine.

Only the constraint components the project's shapes use are read; a shape using any other
raises :class:`UnsupportedShape`, so the fast engine never silently skips a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")
SUPPORTED = {
    "minCount",
    "maxCount",
    "datatype",
    "pattern",
    "class",
    "nodeKind",
    "in",
    "languageIn",
    "lessThanOrEquals",
    "minInclusive",
    "minLength",
    "qualifiedValueShape",
    "qualifiedMinCount",
}
DESCRIPTIVE = {"path", "name", "description", "message", "severity", "order", "group"}


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature the SPARQL engine does not translate."""


@dataclass
class PropertyShape:
    iri: Node
    path: str  # a SPARQL property path: <p> or ^<p>
    path_iri: URIRef
    inverse: bool
    severity: URIRef
    message: str | None
    params: dict[str, Node] = field(default_factory=dict)
    values: dict[str, list[Node]] = field(default_factory=dict)  # sh:in, sh:languageIn


@dataclass
class NodeShape:
    iri: Node
    target_classes: list[URIRef]
    target_subjects_of: list[URIRef]
    severity: URIRef
    message: str | None
    properties: list[PropertyShape]
    alternatives: list[list[tuple[str, int]]] | None  # sh:or of (path, minCount) shapes
    sparql: list[tuple[Node, str, str | None]]  # (constraint, select text, message)


def _path(graph: Graph, node: Node) -> tuple[str, URIRef, bool]:
    if isinstance(node, URIRef):
        return f"<{node}>", node, False
    inverse = graph.value(node, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"^<{inverse}>", inverse, True
    raise UnsupportedShape(f"path {node!r}: only IRIs and inverse paths are supported")


def _message(graph: Graph, node: Node) -> str | None:
    value = graph.value(node, SH.message)
    return str(value) if value is not None else None


def read_property_shape(graph: Graph, node: Node, parent_severity: URIRef) -> PropertyShape:
    path, path_iri, inverse = _path(graph, graph.value(node, SH.path))
    shape = PropertyShape(
        node,
        path,
        path_iri,
        inverse,
        graph.value(node, SH.severity) or SH.Violation,
        _message(graph, node),
    )
    for predicate, value in graph.predicate_objects(node):
        name = str(predicate).removeprefix(str(SH))
        if predicate == RDF.type or name in DESCRIPTIVE:
            continue
        if name not in SUPPORTED:
            raise UnsupportedShape(f"{node}: sh:{name} is not supported")
        if name in ("in", "languageIn"):
            shape.values[name] = list(Collection(graph, value))
        else:
            shape.params[name] = value
    qualified = shape.params.get("qualifiedValueShape")
    if qualified is not None:
        keys = {str(p).removeprefix(str(SH)) for p in graph.predicates(qualified)} - {"type"}
        if keys != {"class"}:
            raise UnsupportedShape(f"{node}: qualified value shapes other than sh:class")
        shape.params["qualifiedClass"] = graph.value(qualified, SH["class"])
    return shape


def _alternatives(graph: Graph, node: Node) -> list[list[tuple[str, int]]] | None:
    members = graph.value(node, SH["or"])
    if members is None:
        return None
    options = []
    for member in Collection(graph, members):
        keys = {str(p).removeprefix(str(SH)) for p in graph.predicates(member)} - {"type"}
        if keys != {"path", "minCount"}:
            raise UnsupportedShape(f"{node}: sh:or members other than [sh:path; sh:minCount]")
        path, _, _ = _path(graph, graph.value(member, SH.path))
        if int(graph.value(member, SH.minCount)) != 1:
            raise UnsupportedShape(f"{node}: sh:or members with sh:minCount other than 1")
        options.append([(path, 1)])
    return options


def _prologue(graph: Graph, constraint: Node) -> str:
    """PREFIX lines for the sh:declare of the constraint's sh:prefixes."""
    lines = []
    for ontology in graph.objects(constraint, SH.prefixes):
        for declaration in graph.objects(ontology, SH.declare):
            prefix = graph.value(declaration, SH.prefix)
            namespace = graph.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>\n")
    return "".join(sorted(lines))


def read_shapes(graph: Graph) -> list[NodeShape]:
    """Every node shape with a target, in a stable order."""
    shapes = []
    for node in sorted(set(graph.subjects(RDF.type, SH.NodeShape)), key=str):
        severity = graph.value(node, SH.severity) or SH.Violation
        properties = [
            read_property_shape(graph, p, severity)
            for p in sorted(graph.objects(node, SH.property), key=str)
        ]
        sparql = []
        for constraint in sorted(graph.objects(node, SH.sparql), key=str):
            select = _prologue(graph, constraint) + str(graph.value(constraint, SH.select))
            sparql.append((constraint, select, _message(graph, constraint)))
        shapes.append(
            NodeShape(
                node,
                sorted(graph.objects(node, SH.targetClass), key=str),
                sorted(graph.objects(node, SH.targetSubjectsOf), key=str),
                severity,
                _message(graph, node),
                properties,
                _alternatives(graph, node),
                sparql,
            )
        )
    return shapes
