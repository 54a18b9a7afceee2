"""Reading RDF files safely, with errors that give file, line and column.

Input is parsed from memory by pyoxigraph (strict, fast, exact positions), never handed to a
library as a location; RDF/XML with a DOCTYPE or entity declarations and JSON-LD with a remote
``@context`` are refused before any parser sees them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from mandates.errors import InputError

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
FORMAT_NAMES = {
    ox.RdfFormat.TURTLE: "Turtle",
    ox.RdfFormat.TRIG: "TriG",
    ox.RdfFormat.N_TRIPLES: "N-Triples",
    ox.RdfFormat.N_QUADS: "N-Quads",
    ox.RdfFormat.JSON_LD: "JSON-LD",
    ox.RdfFormat.RDF_XML: "RDF/XML",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XML_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF syntax of a file, from its extension."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise InputError(
            str(path), f"not an RDF file: expected one of the extensions {known}"
        ) from None


def rdf_files(paths: Iterable[Path]) -> list[Path]:
    """The RDF files named, or found (recursively) in the folders named, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in FORMATS))
        elif path.exists():
            found.append(path)
        else:
            raise InputError(str(path), "no such file or folder")
    return found


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def check_bytes(path: str, data: bytes, fmt: ox.RdfFormat) -> None:
    """Refuse what no parser may see: broken UTF-8, XML entity declarations."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _position(data, err.start)
        message = "not valid UTF-8 text (binary or wrongly encoded file)"
        raise InputError(path, message, line, column) from None
    if fmt is ox.RdfFormat.RDF_XML and (match := _XML_DECLARATIONS.search(data)):
        line, column = _position(data, match.start())
        raise InputError(
            path,
            "RDF/XML with a DOCTYPE or entity declaration is refused (entity expansion)",
            line,
            column,
        )


def parse_quads(path: str, data: bytes, fmt: ox.RdfFormat) -> list[ox.Quad]:
    """Parse bytes of a known format into quads, or raise :class:`InputError` with the position."""
    check_bytes(path, data, fmt)
    try:
        return list(ox.parse(data, format=fmt))
    except SyntaxError as err:
        message = str(err.msg) if hasattr(err, "msg") else str(err)
        if "LoadDocumentCallback" in message:
            raise InputError(
                path, "JSON-LD with a remote @context is refused: put the context inline"
            ) from None
        message = re.sub(r"^Parser error (at|between) line .*?: ", "", message)
        raise InputError(
            path, f"{FORMAT_NAMES[fmt]} syntax error: {message}", err.lineno, err.offset
        ) from None


def read_quads(path: Path) -> list[ox.Quad]:
    """Read one RDF file."""
    fmt = rdf_format(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot be read: {err.strerror}") from None
    return parse_quads(str(path), data, fmt)


def to_rdflib(
    term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple,
) -> URIRef | BNode | Literal:
    """One pyoxigraph term as the equal rdflib term (rdflib has no quoted triples: refused)."""
    if isinstance(term, ox.Triple):
        raise TypeError("RDF 1.2 triple terms cannot go into an rdflib graph")
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:  # RDF 1.1: a simple literal is an xsd:string
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def value_of(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """A term's value (an IRI, a label, a lexical form); a quoted triple as N-Triples."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def rdf_bytes(
    data: Iterable[ox.Triple] | Iterable[ox.Quad],
    fmt: ox.RdfFormat,
    prefixes: dict[str, str] | None = None,
) -> bytes:
    """``pyoxigraph.serialize`` into memory: the bytes it always gives when no output is named."""
    out = ox.serialize(data, format=fmt, prefixes=prefixes)
    assert out is not None  # no output given: bytes
    return out


def results_bytes(
    results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    fmt: ox.QueryResultsFormat | ox.RdfFormat,
) -> bytes:
    """A query's results serialised into memory: solutions and booleans in a results format,
    triples in an RDF format (a mismatch is a TypeError)."""
    if isinstance(results, ox.QueryTriples):
        if not isinstance(fmt, ox.RdfFormat):
            raise TypeError("triples are written in an RDF format")
        out = results.serialize(format=fmt)
    else:
        if not isinstance(fmt, ox.QueryResultsFormat):
            raise TypeError("solutions are written in a query results format")
        out = results.serialize(format=fmt)
    assert out is not None  # no output given: bytes
    return out


def triples_to_graph(quads: Iterable[ox.Quad], graph: Graph | None = None) -> Graph:
    """Merge quads into an rdflib graph, ignoring graph names."""
    graph = Graph() if graph is None else graph
    for q in quads:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


def graph_to_quads(graph: Graph, graph_name: ox.NamedNode) -> Iterator[ox.Quad]:
    """An rdflib graph as pyoxigraph quads in one named graph."""
    for s, p, o in graph:
        subject, predicate = from_rdflib(s), from_rdflib(p)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise TypeError(f"not an RDF triple: {s} {p} {o}")
        yield ox.Quad(subject, predicate, from_rdflib(o), graph_name)


def from_rdflib(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if not isinstance(term, Literal):
        raise TypeError(f"not an RDF term: {term!r}")
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))
