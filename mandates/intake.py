"""Submitted bytes of any accepted kind → the named graph they would be loaded into.

RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) is parsed from memory by
:mod:`mandates.rdfio`, after the checks no parser may skip (entities, remote contexts, and
nesting deeper than :data:`mandates.nesting.MAX_DEPTH`). A UN document (text, Markdown, PDF,
HTML) goes through the loader, its names resolved against the store. The command line and the
web page both read submissions here, so they name graphs and word errors alike.

>>> graph_for("A-RES-99-1.txt")
'https://w3id.org/un-mandates/graph/source/A-RES-99-1'
>>> graph_for("../../my mandates.ttl")
'https://w3id.org/un-mandates/graph/loaded/my-mandates'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import pyoxigraph as ox
from rdflib import Graph

from . import iris
from .errors import InputError
from .loader import LoaderError, extract_bytes
from .loader.emit import emit
from .loader.entities import Registry
from .loader.sources import SOURCE_SUFFIXES
from .nesting import MAX_DEPTH, depth_error
from .rdfio import FORMATS, graph_to_quads, parse_quads, triples_to_graph

_PLAIN_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


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


def kind_of(name: str) -> str | None:
    """``rdf``, ``document`` or None (not accepted), from the file name's extension."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in FORMATS:
        return "rdf"
    if suffix in SOURCE_SUFFIXES:
        return "document"
    return None


def stem(name: str) -> str:
    """The file name's stem, made safe for an IRI; never a path (folders are dropped)."""
    base = PurePosixPath(name.replace("\\", "/")).name
    plain = PurePosixPath(base).stem
    return plain if _PLAIN_STEM.fullmatch(plain) else (iris.slug(plain) or "submission")


def graph_for(name: str) -> str:
    """The named graph a submission loads into: ``source/<stem>`` for a document (as the
    build names its sources), ``loaded/<stem>`` for RDF. Loading again replaces it."""
    return iris.graph("source" if kind_of(name) == "document" else "loaded", stem(name))


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
    try:
        extraction = extract_bytes(data, name).to_json()
    except LoaderError as err:
        raise InputError(err.reference, err.message) from None
    graph = emit(extraction, stem(name), registry)
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
    known = ", ".join(sorted(FORMATS) + list(SOURCE_SUFFIXES))
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
