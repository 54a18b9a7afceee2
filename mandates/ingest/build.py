"""Building the graph: ontology + curated data + what the loader extracts from the sources.

The new store is written into a fresh folder, validated there, and swapped in only when
complete and conforming (see :mod:`mandates.store`): a bad file or data that does not conform
leaves the previous store serving. The package's files and the sources are read before the
store is touched; curated files in N-Triples, N-Quads, Turtle or TriG are streamed into it by
pyoxigraph (:mod:`.bulk`), so they may be of any size, and their syntax errors surface while the
new store is written (the store in service is not changed either way).

The default graph is the merge (a set) of the named graphs. It is written with them, part by
part, rather than computed by a query at the end: each triple goes into its named graph and
into the default graph, where the store keeps it once whatever the number of graphs stating it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS

from mandates import iris
from mandates.errors import MandatesError
from mandates.ingest import bulk
from mandates.loader.entities import PASSAGE_PREDICATES, Registry
from mandates.namespaces import MND
from mandates.package_data import alignment_files, ontology_files
from mandates.query import saved as saved_queries
from mandates.rdfio import (
    graph_to_quads,
    parse_quads,
    rdf_files,
    rdf_format,
    read_quads,
    triples_to_graph,
)
from mandates.store.contract import Root
from mandates.store.stats import Stats, store_stats
from mandates.validation import NotConforming, validate_store

from .naming import kind_of
from .submissions import read_document

#: What :meth:`Registry.add_graph` reads of the curated data (the rest is skipped when streaming).
REGISTRY_PREDICATES = frozenset(
    str(p) for p in (RDF.type, MND.acronym, SKOS.altLabel, RDFS.label, MND.symbol)
) | {str(MND.agendaOf), str(MND.title)}
# … and the attested passages, so that the loader attests a passage as the act already stated
REGISTRY_PREDICATES |= {str(p) for p in PASSAGE_PREDICATES}


@dataclass
class Part:
    """One named graph of the build: its quads, or an RDF file (``path``) that pyoxigraph
    streams into the graph (:func:`mandates.ingest.bulk.load_file`), for data of any size."""

    graph: str
    quads: list[ox.Quad] = field(default_factory=list)
    path: Path | None = None


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
    curated = data / "curated"
    files = rdf_files([curated]) if curated.is_dir() else []
    registry = Registry()
    sources = data / "sources"
    for path in files:
        part = _curated_part(path)
        if sources.is_dir():
            registry.add_graph(triples_to_graph(_registry_quads(part)))
        yield part
    for path in document_files(sources):
        submission = read_document(str(path), path.read_bytes(), registry)
        registry.add_graph(submission.graph())
        yield Part(submission.graph_iri, submission.quads)


def document_files(folder: Path) -> list[Path]:
    """The UN documents of a folder, in name order (none when there is no such folder)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if kind_of(p.name) == "document")


def _curated_part(path: Path) -> Part:
    """A curated file's part: streamed when its format allows, else read (and checked) now."""
    graph = iris.graph("curated", path.stem)
    if bulk.streamed(path):
        return Part(graph, path=path)
    return Part(graph, _in_graph(read_quads(path), graph))


def _registry_quads(part: Part) -> Iterator[ox.Quad]:
    """What the loader's registry needs of a curated part, in the file's order; a streamed
    file is parsed here, in a pass that keeps only those statements."""
    if part.path is None:
        yield from part.quads
        return
    fmt = rdf_format(part.path)
    try:
        for quad in ox.parse(path=str(part.path), format=fmt):
            if quad.predicate.value in REGISTRY_PREDICATES:
                yield quad
    except (SyntaxError, OSError) as err:
        raise bulk.input_error(part.path, fmt, err) from None


def prepare(data: Path) -> list[Part]:
    """Read every part (package files, sources; curated files that are not streamed); the
    store is not touched."""
    if not data.is_dir():
        raise MandatesError("no such data folder", str(data))
    return list(collect_parts(data))


def load_part(store: ox.Store, part: Part) -> None:
    """Write a part into its named graph(s) and its triples into the default graph."""
    if part.path is not None:
        bulk.load_file(store, part.path, part.graph)
        return
    store.bulk_extend(part.quads)
    store.bulk_extend([ox.Quad(q.subject, q.predicate, q.object) for q in part.quads])


def write(root: Root, parts: Iterable[Part], validate: bool = True) -> Stats:
    """Write the parts into a new store, check it against the shapes, and swap it in.

    A store that does not conform is discarded before it is swapped in (NotConforming), as
    is one whose files do not parse (InputError), so the previous store keeps serving.
    """
    with root.new_version() as store:
        for part in parts:
            load_part(store, part)
        if validate:
            report = validate_store(store)
            if not report.conforms:
                raise NotConforming(report)
        store.flush()
        stats = store_stats(store)
    return stats


def build(root: Root, data: Path, validate: bool = True) -> Stats:
    """Build a new store from ``data`` and swap it in."""
    return write(root, prepare(data), validate)


__all__ = ["Part", "build", "collect_parts", "load_part", "prepare", "write"]
