"""Bytes of any accepted kind → the quads of the named graph they would be loaded into.

RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) is parsed from memory by
:mod:`mandates.rdfio`, after the checks no parser may skip (entities, remote contexts, and
nesting deeper than :data:`.nesting.MAX_DEPTH`). A UN document (text, Markdown, PDF, HTML)
goes through the loader, its names resolved against what is already known, and keeps its
printed words, paragraph by paragraph (:mod:`.paragraphs`). The build, the
command line and the web page all read files here, so they name graphs (:mod:`.naming`) and
word errors alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

import pyoxigraph as ox
from rdflib import Graph

from mandates.errors import InputError
from mandates.loader import extract_bytes
from mandates.loader.emit import emit, source_iri
from mandates.loader.entities import Registry
from mandates.loader.read import DOCUMENT_SUFFIXES
from mandates.rdfio import FORMATS, graph_to_quads, parse_quads, triples_to_graph

from .naming import graph_for, kind_of, stem
from .nesting import MAX_DEPTH, depth_error
from .paragraphs import paragraph_graph


@dataclass
class Submission:
    """One submitted file, read: the graph it becomes and what it came from."""

    name: str
    graph_iri: str
    quads: list[ox.Quad]
    relations: int | None = None  # documents only: relations the loader extracted

    @property
    def triples(self) -> int:
        return len(self.quads)

    def graph(self) -> Graph:
        return triples_to_graph(self.quads)


def read_rdf(name: str, data: bytes, fmt: ox.RdfFormat) -> Submission:
    """Parse RDF bytes; every graph name in them is replaced by the submission's own."""
    position = depth_error(data, fmt)
    if position is not None:
        message = f"nested more than {MAX_DEPTH} levels deep: refused"
        raise InputError(name, message, *position)
    try:
        quads = parse_quads(name, data, fmt)
    except RecursionError:
        raise InputError(name, f"nested more than {MAX_DEPTH} levels deep: refused") from None
    target = ox.NamedNode(graph_for(name))
    return Submission(
        name, target.value, [ox.Quad(q.subject, q.predicate, q.object, target) for q in quads]
    )


def read_document(name: str, data: bytes, registry: Registry) -> Submission:
    """Run the loader over a document's bytes; names resolve against ``registry``."""
    read = extract_bytes(data, name)
    extraction = read.to_json()
    graph = emit(extraction, stem(name), registry)
    graph += paragraph_graph(source_iri(extraction["document"], stem(name)), read.source)
    target = graph_for(name)
    quads = list(graph_to_quads(graph, ox.NamedNode(target)))
    return Submission(name, target, quads, len(extraction["relations"]))


def read_submission(
    name: str, data: bytes, registry: Registry, fmt: ox.RdfFormat | None = None
) -> Submission:
    """Read one submission by the kind its name (or ``fmt``, for RDF) says."""
    kind = "rdf" if fmt is not None else kind_of(name)
    if kind == "rdf":
        return read_rdf(name, data, fmt or FORMATS[PurePosixPath(name).suffix.lower()])
    if kind == "document":
        return read_document(name, data, registry)
    known = ", ".join(sorted(FORMATS) + list(DOCUMENT_SUFFIXES))
    raise InputError(name, f"not an RDF file or a UN document: expected one of {known}")


def read_all(items: list[tuple[str, bytes]], naming: Graph) -> list[Submission]:
    """Read several submissions in order; each one's names help resolve the next ones."""
    registry = Registry(naming)
    read = []
    for name, data in items:
        submission = read_submission(name, data, registry)
        registry.add_graph(submission.graph())
        read.append(submission)
    return read
