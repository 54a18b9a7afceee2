"""Adding data to the store in service: read → load into a copy → validate → swap; and undo.

The copy is a checkpoint of the store in service (cheap); the new graphs replace any graph of
the same name in it (so loading a file again does not duplicate it); the copy is checked
against the shapes (see :mod:`mandates.ingest.staging`: a Violation the store did not have refuses
the load); only a conforming copy is swapped in, with the log entry of the change (see
:mod:`mandates.ingest.log`). Any failure leaves the store in service as it was. One writer at a
time: :meth:`StoreRoot.new_version` serialises builds and loads from the web and the command line.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, Graph

from mandates import iris
from mandates.errors import InputError
from mandates.loader.entities import PASSAGE_PREDICATES, Registry
from mandates.namespaces import MND
from mandates.rdfio import rdf_files, triples_to_graph
from mandates.store.contract import ReadableStore, Root
from mandates.store.embedded import merge_default_graph
from mandates.validation import NotConforming, Report, validate_store

from .log import LOG, Entry, keep_apart, new_entry, record, undoable
from .staging import describe_report, new_results, stage
from .submissions import Submission, graph_for, kind_of, read_all, read_submission

#: What the loader's registry needs to know of the resources already in the store.
NAMING = (
    RDF.type, RDFS.label, SKOS.altLabel, MND.acronym, MND.symbol, MND.agendaOf, MND.title,
    *PASSAGE_PREDICATES,
)  # fmt: skip
#: Graphs whose labels name no mandate resource: the vocabulary (its classes are labelled
#: "expert group", "ad hoc committee": a name resolved to them would make a class the object of
#: an act), the saved queries, and the load log.
NOT_NAMES = frozenset(
    {iris.graph("ontology", ""), iris.graph("alignments", ""), iris.graph("queries", ""), LOG}
)


def naming_graph(store: ReadableStore, without: Collection[str] = frozenset()) -> Graph:
    """The types, labels, aliases and symbols of the store, except in the graphs ``without``.

    Read as stored, not through SPARQL, which would give literals their canonical datatypes.
    """
    graph, skip = Graph(), {*without, *NOT_NAMES}
    for predicate in NAMING:
        quads = store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None)
        kept = (
            q
            for q in quads
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in skip
        )
        triples_to_graph(kept, graph)
    return graph


def read_files(root: Root | None, paths: list[Path]) -> list[Submission]:
    """Read RDF files and documents named on the command line (folders: their RDF files).

    Documents' names resolve against the store in service when ``root`` has one.
    """
    files = rdf_files(paths)
    for path in files:
        if not path.is_file():
            raise InputError(str(path), "no such file")
        if kind_of(path.name) is None:
            read_submission(str(path), b"", Registry())  # raises: not an accepted kind
    replaced = {graph_for(p.name) for p in files}
    if root is not None and root.exists():
        naming = naming_graph(root.open_read_only(), without=replaced)
    else:
        naming = Graph()
    return read_all([(str(p), p.read_bytes()) for p in files], naming)


def _check_distinct(submissions: list[Submission]) -> None:
    seen: dict[str, str] = {}
    for s in submissions:
        if s.graph_iri in seen:
            message = f"loads into the same graph <{s.graph_iri}> as {seen[s.graph_iri]}"
            raise InputError(s.name, message)
        seen[s.graph_iri] = s.name


def load(
    root: Root, submissions: list[Submission], by: str, address: str | None = None
) -> tuple[list[Entry], Report]:
    """Load submissions all or nothing, logged; raises NotConforming (nothing changed) on any new
    Violation. Returns the log entries and the report (warnings may remain)."""
    _check_distinct(submissions)
    with root.new_version(copy_current=True) as store:  # waits for any other writer
        before = validate_store(root.open_local())
        log = [
            new_entry("load", s.graph_iri, Path(s.name).name, s.triples, by, address)
            for s in submissions
        ]
        record(store, log)
        stage(store, submissions)
        keep_apart(store)
        report = describe_report(new_results(validate_store(store), before), submissions)
        if not report.conforms:
            raise NotConforming(report)
    return log, report


def graph_named(root: Root, name: str) -> str:
    """The loaded graph that ``name`` means: its IRI, or a file name that was loaded."""
    loaded = undoable(root.open_read_only())
    if name in loaded:
        return name
    by_file = [g for g, e in loaded.items() if e.source == Path(name).name]
    if by_file:
        return by_file[0]
    graph = graph_for(name)
    if graph in loaded:
        return graph
    raise InputError(name, "not a loaded graph: `mandates loads` lists the graphs one can remove")


def unload(root: Root, name: str, by: str, address: str | None = None) -> Entry:
    """Remove a loaded graph all or nothing, logged; raises NotConforming (nothing changed) when
    what remains would have a Violation the store does not have (something used the graph)."""
    with root.new_version(copy_current=True) as store:  # waits for any other writer
        graph = graph_named(root, name)
        before = validate_store(root.open_local())
        node = ox.NamedNode(graph)
        triples = len(list(store.quads_for_pattern(None, None, None, node)))
        store.remove_graph(node)
        entry = new_entry("undo", graph, graph, triples, by, address)
        record(store, [entry])
        merge_default_graph(store)
        keep_apart(store)
        report = new_results(validate_store(store), before)
        if not report.conforms:
            raise NotConforming(report)
    return entry


__all__ = [
    "graph_named",
    "load",
    "naming_graph",
    "read_files",
    "unload",
]
