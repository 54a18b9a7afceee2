"""Building the graph: ontology + curated data + what the loader extracts from the sources.

Everything is read first (a bad file stops the build before the store is touched); the new
store is written into a fresh folder, validated there, and swapped in only when complete and
conforming (see :mod:`mandates.store`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

import pyoxigraph as ox

from . import iris, saved_queries
from .errors import MandatesError
from .loader.entities import Registry
from .loader.sources import load_sources
from .rdfio import graph_to_quads, parse_quads, rdf_files, read_quads, triples_to_graph
from .resources import alignment_files, ontology_files
from .stats import Stats, store_stats
from .store import StoreRoot, merge_default_graph
from .validation import Report, validate_store


@dataclass
class Part:
    """One named graph of the build and its quads."""

    graph: str
    quads: list[ox.Quad]


class BuildError(MandatesError):
    """The data does not pass the shapes: nothing was written."""

    exit_code = 1

    def __init__(self, report: Report) -> None:
        super().__init__(
            f"the data does not conform to the shapes ({report.count('Violation')} violations);"
            " the store was not changed"
        )
        self.report = report


def _package_part(graph: str, files: list[Traversable]) -> Part:
    quads: list[ox.Quad] = []
    for f in files:
        quads.extend(parse_quads(f.name, f.read_bytes(), ox.RdfFormat.TURTLE))
    return Part(graph, _in_graph(quads, graph))


def _in_graph(quads: list[ox.Quad], graph: str) -> list[ox.Quad]:
    name = ox.NamedNode(graph)
    return [ox.Quad(q.subject, q.predicate, q.object, name) for q in quads]


def collect_parts(data: Path) -> Iterator[Part]:
    """Every named graph of the build, in a stable order: ontology, saved queries (as
    sh:SPARQLExecutable, so that they can be queried too), curated data, sources.

    The loader resolves the names it finds in the sources against the curated data, so that
    an act reported by several documents becomes one statement with several attestations.
    """
    yield _package_part(iris.graph("ontology", ""), ontology_files())
    yield _package_part(iris.graph("alignments", ""), alignment_files())
    queries = iris.graph("queries", "")
    yield Part(queries, list(graph_to_quads(saved_queries.as_graph(), ox.NamedNode(queries))))
    registry = Registry()
    curated = data / "curated"
    if curated.is_dir():
        for path in rdf_files([curated]):
            graph = iris.graph("curated", path.stem)
            quads = read_quads(path)
            registry.add_graph(triples_to_graph(quads))
            yield Part(graph, _in_graph(quads, graph))
    sources = data / "sources"
    if sources.is_dir():
        for source in load_sources(sources, registry):
            name = ox.NamedNode(source.graph_iri)
            yield Part(source.graph_iri, list(graph_to_quads(source.graph, name)))


def prepare(data: Path) -> list[Part]:
    """Read every part (curated files, loader output); the store is not touched."""
    if not data.is_dir():
        raise MandatesError("no such data folder", str(data))
    return list(collect_parts(data))


def write(root: StoreRoot, parts: Iterable[Part], validate: bool = True) -> Stats:
    """Write the parts into a new store, check it against the shapes, and swap it in.

    A store that does not conform is discarded before it is swapped in (BuildError), so the
    previous store keeps serving.
    """
    with root.new_version() as store:
        for part in parts:
            store.bulk_extend(part.quads)
        merge_default_graph(store)
        if validate:
            report = validate_store(store)
            if not report.conforms:
                raise BuildError(report)
        store.flush()
        stats = store_stats(store)
    return stats


def build(root: StoreRoot, data: Path, validate: bool = True) -> Stats:
    """Build a new store from ``data`` and swap it in."""
    return write(root, prepare(data), validate)


__all__ = ["BuildError", "Part", "build", "collect_parts", "prepare", "write"]
