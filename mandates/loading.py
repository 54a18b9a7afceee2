"""Adding documents to the store in service: extract → load into a copy → validate → swap.

The copy is a checkpoint of the store in service (cheap); the new graphs replace any graph of
the same name in it (so loading a document again does not duplicate it); the whole copy is
checked against the shapes; only a conforming copy is swapped in. Any failure leaves the
store in service as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, Graph

from . import iris
from .build import BuildError
from .errors import InputError
from .loader import LoaderError
from .loader.entities import Registry
from .loader.sources import SOURCE_SUFFIXES, SourceGraph, load_source
from .namespaces import MND
from .rdfio import graph_to_quads, triples_to_graph
from .store import StoreRoot, merge_default_graph
from .validation import validate_store

#: What the loader's registry needs to know of the resources already in the store.
NAMING = (RDF.type, RDFS.label, SKOS.altLabel, MND.acronym, MND.symbol, MND.agendaOf, MND.title)


@dataclass
class Loaded:
    path: Path
    graph_iri: str
    triples: int
    relations: int


def naming_graph(store: ox.Store, without: set[str] = frozenset()) -> Graph:
    """The types, labels, aliases and symbols of the store, except in the graphs ``without``.

    Read as stored, not through SPARQL, which would give literals their canonical datatypes.
    """
    graph = Graph()
    for predicate in NAMING:
        quads = store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None)
        kept = (
            q
            for q in quads
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in without
        )
        triples_to_graph(kept, graph)
    return graph


def extract_sources(paths: list[Path], registry: Registry) -> list[SourceGraph]:
    """Run the loader over each file; the first unreadable one stops everything."""
    sources = []
    for path in paths:
        if path.suffix.lower() not in SOURCE_SUFFIXES:
            known = ", ".join(SOURCE_SUFFIXES)
            raise InputError(str(path), f"not a document the loader reads: expected {known}")
        if not path.is_file():
            raise InputError(str(path), "no such file")
        try:
            source = load_source(path, registry)
        except LoaderError as err:
            raise InputError(err.reference, err.message) from None
        registry.add_graph(source.graph)
        sources.append(source)
    return sources


def load_documents(root: StoreRoot, paths: list[Path]) -> list[Loaded]:
    """Load documents into the store in service; raises and changes nothing on any problem."""
    replaced = {iris.graph("source", p.stem) for p in paths}
    registry = Registry(naming_graph(root.open_read_only(), without=replaced))
    sources = extract_sources(paths, registry)
    with root.new_version(copy_current=True) as store:
        for source in sources:
            name = ox.NamedNode(source.graph_iri)
            if store.contains_named_graph(name):
                store.remove_graph(name)
            store.extend(list(graph_to_quads(source.graph, name)))
        merge_default_graph(store)
        report = validate_store(store)
        if not report.conforms:
            raise BuildError(report)
    return [Loaded(s.path, s.graph_iri, len(s.graph), s.relations) for s in sources]


__all__ = ["Loaded", "load_documents", "naming_graph"]
