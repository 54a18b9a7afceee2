"""Validating submissions in the context of the store: what would loading them change?

The submissions are staged in a copy of the store (their named graphs replace any graph of the
same name, the default graph is merged again), the copy is validated with the server's own
shapes, and the report keeps the results that the store in service does not already have. So
a reference to a body the store knows resolves, and the report speaks only of the submission.
Checking (:func:`check`, an in-memory copy) and loading (:mod:`mandates.ingest.load`, an on-disk
copy swapped in) stage and compare the same way, so they give the same report.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal
from rdflib.term import Node

from mandates.store.contract import Root
from mandates.store.embedded import merge_default_graph
from mandates.validation import Report, Result, validate_store
from mandates.validation.report import SH, short

from .submissions import Submission

Key = tuple[str, str, str | None, str | None, str, str]


def stage(store: ox.Store, submissions: Iterable[Submission]) -> None:
    """Put each submission in its named graph (replacing it) and merge the default graph."""
    for submission in submissions:
        name = ox.NamedNode(submission.graph_iri)
        if store.contains_named_graph(name):
            store.remove_graph(name)
        store.extend(submission.quads)
    merge_default_graph(store)


def scratch_copy(store: ox.Store) -> ox.Store:
    """An in-memory copy of the named graphs of ``store``."""
    copy = ox.Store()
    copy.bulk_extend(q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    return copy


def _key(r: Result) -> Key:
    return (r.severity, r.focus, r.path, r.value, r.shape, r.component)


def _node_key(report: Graph, node: Node) -> Key:
    def term(p):
        return short(report.value(node, p), report)

    severity = str(report.value(node, SH.resultSeverity)).rsplit("#", 1)[-1]
    focus = str(report.value(node, SH.focusNode))
    shape, component = term(SH.sourceShape) or "", term(SH.sourceConstraintComponent) or ""
    return (severity, focus, term(SH.resultPath), term(SH.value), shape, component)


def new_results(after: Report, before: Report) -> Report:
    """The results of ``after`` that ``before`` does not have, with their standard report."""
    old = {_key(r) for r in before.results}
    kept = [r for r in after.results if _key(r) not in old]
    graph = Graph()
    source = after.graph if after.graph is not None else Graph()
    root = source.value(None, RDF.type, SH.ValidationReport, any=True) or BNode()
    for node in source.subjects(RDF.type, SH.ValidationResult):
        if _node_key(source, node) in old:
            continue
        graph.add((root, SH.result, node))
        for p, o in source.predicate_objects(node):
            graph.add((node, p, o))
            graph += source.triples((o, SH.inversePath, None))
    graph.add((root, RDF.type, SH.ValidationReport))
    graph.add((root, SH.conforms, Literal(not kept)))  # SHACL: no result of any severity
    return Report(results=kept, graph=graph)


def describe_report(report: Report, submissions: list[Submission]) -> Report:
    report.files = [s.name for s in submissions]
    report.triples = sum(s.triples for s in submissions)
    return report


def check(root: Root, submissions: list[Submission]) -> Report:
    """The report of loading ``submissions`` into the store in service, without loading them."""
    return check_against(root.open_local(), submissions)


def check_against(
    current: ox.Store, submissions: list[Submission], before: Report | None = None
) -> Report:
    """The same over an open store; ``before`` is its own report, when the caller has it."""
    if before is None:
        before = validate_store(current)
    copy = scratch_copy(current)
    stage(copy, submissions)
    return describe_report(new_results(validate_store(copy), before), submissions)
