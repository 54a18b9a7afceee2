"""The loader over files: each source document extracted and emitted into its own graph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from mandates import iris

from .emit import emit
from .entities import Registry
from .extract import extract_file

#: The kinds of file the loader reads: text and markdown-ish text, PDF, HTML.
SOURCE_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")


@dataclass
class SourceGraph:
    """The RDF extracted from one source file, for the named graph of that source."""

    path: Path
    graph_iri: str
    graph: Graph
    relations: int


def source_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)


def load_source(path: Path, registry: Registry, name: str | None = None) -> SourceGraph:
    """Extract and emit one file; raises the loader's errors, naming the file."""
    extraction = extract_file(path, name or str(path)).to_json()
    graph = emit(extraction, path.stem, registry)
    return SourceGraph(path, iris.graph("source", path.stem), graph, len(extraction["relations"]))


def load_sources(folder: Path, registry: Registry) -> Iterator[SourceGraph]:
    """Every source file of a folder, in name order; each adds what it minted to the registry."""
    for path in source_files(folder):
        source = load_source(path, registry)
        registry.add_graph(source.graph)
        yield source
