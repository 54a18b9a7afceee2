"""From the engine's result rows to the standard SHACL report graph and its :class:`Result`
records (read back from that graph, so that both always agree)."""

from __future__ import annotations

import re
from dataclasses import replace

from rdflib import RDF, BNode, Graph, Literal, URIRef

from .evaluate import Row
from .paths import Path
from .report import SH, Report, result_of
from .terms import OxTerm, to_rdflib

#: Said when a shape has no sh:message of its own.
DEFAULT_MESSAGES = {
    "Class": "The value is not an instance of the class the shape asks for.",
    "Datatype": "The value is not a well-formed literal of the datatype the shape asks for.",
    "NodeKind": "The value is not of the node kind the shape asks for.",
    "MinCount": "Fewer values than the shape's sh:minCount.",
    "MaxCount": "More values than the shape's sh:maxCount.",
    "MinExclusive": "The value is not greater than the shape's sh:minExclusive.",
    "MinInclusive": "The value is less than the shape's sh:minInclusive.",
    "MaxExclusive": "The value is not less than the shape's sh:maxExclusive.",
    "MaxInclusive": "The value is greater than the shape's sh:maxInclusive.",
    "MinLength": "The value is shorter than the shape's sh:minLength.",
    "MaxLength": "The value is longer than the shape's sh:maxLength.",
    "Pattern": "The value does not match the shape's sh:pattern.",
    "LanguageIn": "The value's language is not one the shape's sh:languageIn allows.",
    "UniqueLang": "Two values share a language tag.",
    "Equals": "The values differ from those of the shape's sh:equals property.",
    "Disjoint": "The value is also a value of the shape's sh:disjoint property.",
    "LessThan": "The value is not less than a value of the shape's sh:lessThan property.",
    "LessThanOrEquals": "The value is greater than a value of the sh:lessThanOrEquals property.",
    "Not": "The value conforms to the shape it must not conform to (sh:not).",
    "And": "The value does not conform to every shape of the shape's sh:and.",
    "Or": "The value conforms to none of the shapes of the shape's sh:or.",
    "Xone": "The value does not conform to exactly one shape of the shape's sh:xone.",
    "Node": "The value does not conform to the shape's sh:node.",
    "QualifiedMinCount": "Too few values conform to the shape's sh:qualifiedValueShape.",
    "QualifiedMaxCount": "Too many values conform to the shape's sh:qualifiedValueShape.",
    "Closed": "A property the closed shape does not allow.",
    "HasValue": "The value the shape's sh:hasValue asks for is missing.",
    "In": "The value is not one of the shape's sh:in list.",
    "SPARQL": "The shape's SPARQL constraint found this.",
}
_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")
ROOT = URIRef("urn:x-mandates:validation-report")


def _messages(row: Row) -> list[Literal]:
    messages = list(row.query.messages or row.query.shape.messages)
    if not messages:
        local = str(row.query.component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
        return [Literal(DEFAULT_MESSAGES.get(local, "A constraint is not met."))]
    bindings = {name: to_rdflib(term) for name, term in row.bindings}
    if not bindings:
        return messages
    filled = []
    for message in messages:
        text = _TEMPLATE.sub(lambda m: str(bindings.get(m.group(1), m.group(0))), str(message))
        filled.append(Literal(text, lang=message.language))
    return filled


def _path(path: Path | OxTerm | None, graph: Graph):
    if path is None:
        return None
    if isinstance(path, Path):
        return path.node(graph)
    return to_rdflib(path)


def add_row(graph: Graph, row: Row) -> BNode:
    """One result node in the report graph."""
    node = BNode()
    shape = row.query.shape
    graph.add((ROOT, SH.result, node))
    graph.add((node, RDF.type, SH.ValidationResult))
    graph.add((node, SH.focusNode, to_rdflib(row.focus)))
    graph.add((node, SH.resultSeverity, shape.severity))
    graph.add((node, SH.sourceConstraintComponent, row.query.component))
    graph.add((node, SH.sourceShape, shape.node))
    for message in _messages(row):
        graph.add((node, SH.resultMessage, message))
    if row.value is not None:
        graph.add((node, SH.value, to_rdflib(row.value)))
    path = _path(row.path, graph)
    if path is not None:
        graph.add((node, SH.resultPath, path))
    return node


def build_report(rows: list[Row], labels: dict[str, str] | None = None) -> Report:
    """The report of ``rows``: its graph, and a :class:`Result` for each row."""
    graph = Graph()
    graph.add((ROOT, RDF.type, SH.ValidationReport))
    graph.add((ROOT, SH.conforms, Literal(not rows)))  # SHACL: no result of any severity
    results = []
    for row in rows:
        result = result_of(graph, add_row(graph, row))
        label = (labels or {}).get(result.focus) if result.focus_kind == "IRI" else None
        if label is not None:
            result = replace(result, focus_label=label)
        results.append(result)
    return Report(results=results, graph=graph)
