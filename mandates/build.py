"""Building the graph: ontology + curated data + what the loader extracts from the sources.

Everything is read and validated before the store is touched; the new store is written into
a fresh folder and swapped in only when complete (see :mod:`mandates.store`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from . import iris
from .errors import MandatesError
from .rdfio import parse_quads, rdf_files, read_quads, triples_to_graph
from .resources import alignment_files, ontology_files
from .stats import Stats, store_stats
from .store import StoreRoot
from .validation import Report, validate_graph


@dataclass
class Part:
    """One named graph of the build and where it comes from."""

    graph: str
    origin: str
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
    return Part(graph, "ontology/", _in_graph(quads, graph))


def _in_graph(quads: list[ox.Quad], graph: str) -> list[ox.Quad]:
    name = ox.NamedNode(graph)
    return [ox.Quad(q.subject, q.predicate, q.object, name) for q in quads]


#: Extra producers of parts (the loader registers one for the source texts).
Contributor = Callable[[Path], Iterator[Part]]
CONTRIBUTORS: list[Contributor] = []


def collect_parts(data: Path) -> Iterator[Part]:
    """Every named graph of the build, in a stable order."""
    yield _package_part(iris.graph("ontology", ""), ontology_files())
    yield _package_part(iris.graph("alignments", ""), alignment_files())
    curated = data / "curated"
    if curated.is_dir():
        for path in rdf_files([curated]):
            graph = iris.graph("curated", path.stem)
            yield Part(graph, str(path), _in_graph(read_quads(path), graph))
    for contributor in CONTRIBUTORS:
        yield from contributor(data)


def data_graph(parts: list[Part]) -> Graph:
    """The data parts (not the ontology) merged, for validation."""
    graph = Graph()
    for part in parts:
        if not part.graph.startswith((iris.graph("ontology", ""), iris.graph("alignments", ""))):
            triples_to_graph(part.quads, graph)
    return graph


def prepare(data: Path, validate: bool = True) -> list[Part]:
    """Read every part and check the data against the shapes; the store is not touched."""
    if not data.is_dir():
        raise MandatesError("no such data folder", str(data))
    parts = list(collect_parts(data))
    if validate:
        report = validate_graph(data_graph(parts))
        if not report.conforms:
            raise BuildError(report)
    return parts


def write(root: StoreRoot, parts: Iterable[Part]) -> Stats:
    """Write the parts into a new store and swap it in; returns its counts."""
    with root.new_version() as store:
        for part in parts:
            store.bulk_extend(part.quads)
        store.flush()
        stats = store_stats(store)
    return stats


def build(root: StoreRoot, data: Path, validate: bool = True) -> Stats:
    """Build a new store from ``data`` and swap it in."""
    return write(root, prepare(data, validate))


__all__ = ["BuildError", "Part", "build", "collect_parts", "prepare", "write"]
