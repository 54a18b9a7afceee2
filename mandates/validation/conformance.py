"""The W3C SHACL Core test suite, run and judged as the W3C's implementation reports do.

The suite (``data-shapes-test-suite/tests/core/`` of GitHub ``w3c/data-shapes``) is read from
``../shared/conformance/shacl-core/`` beside the project; it is not copied into it. Each
approved ``sht:Validate`` test names a data graph, a shapes graph and the expected report. An
engine passes a test when its report has the same ``sh:conforms`` and the same results, each
compared on focus node, path, value, source constraint component, source shape and severity;
blank nodes are compared by structure (the graphs are compared as isomorphic, with each blank
node's description), messages are not compared. ``tests/test_shacl_conformance.py`` runs every
test with both engines; ``bench/shacl_conformance.py`` prints the pass counts per folder.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pyoxigraph as ox
import pyshacl
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.term import Node

from .shapes import compile_shapes
from .sparql_engine import load, validate_store
from .vocabulary import SH

SUITE = Path(__file__).resolve().parents[2].parent / "shared" / "conformance" / "shacl-core"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
COMPARED = (
    SH.focusNode,
    SH.resultPath,
    SH.value,
    SH.sourceConstraintComponent,
    SH.sourceShape,
    SH.resultSeverity,
)


@dataclass(frozen=True)
class Case:
    """One approved validation test of the suite."""

    name: str  # folder/test, e.g. node/and-001
    manifest: Path
    node: URIRef
    data: Path
    shapes: Path

    @property
    def folder(self) -> str:
        return self.name.split("/")[0]


def read_turtle(path: Path) -> Graph:
    """A Turtle file as an rdflib graph with every literal exactly as written.

    rdflib's own parser rewrites well-typed literals (``"1"^^xsd:boolean`` becomes ``"true"``),
    which the suite tells apart (uniqueLang-002); pyoxigraph's parser does not.
    """
    graph = Graph()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdflib on the suite's ill-typed literals, on purpose
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.as_uri()):
            graph.add((_exact(quad.subject), _exact(quad.predicate), _exact(quad.object)))
    return graph


def _exact(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language, normalize=False)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value, normalize=False)
    return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)


def _manifests(path: Path) -> Iterator[tuple[Path, Graph]]:
    graph = read_turtle(path)
    yield path, graph
    for include in sorted(graph.objects(None, MF.include), key=str):
        yield from _manifests(_path(include))


def _path(iri: Node) -> Path:
    """The file a ``file:`` IRI of the suite names."""
    return Path(url2pathname(urlparse(str(iri)).path))


def cases(suite: Path = SUITE) -> list[Case]:
    """Every approved validation test, in manifest order."""
    found: list[Case] = []
    for path, graph in _manifests(suite / "manifest.ttl"):
        for head in graph.objects(None, MF.entries):
            node: Node | None = head
            while node is not None and node != RDF.nil:
                entry = graph.value(node, RDF.first)
                node = graph.value(node, RDF.rest)
                if (entry, RDF.type, SHT.Validate) not in graph:
                    continue
                if (entry, MF.status, SHT.approved) not in graph:
                    continue
                action = graph.value(entry, MF.action)
                data = _path(_required(graph.value(action, SHT.dataGraph), entry))
                shapes = _path(_required(graph.value(action, SHT.shapesGraph), entry))
                name = f"{path.parent.name}/{str(entry).rsplit('/', 1)[-1]}"
                found.append(Case(name, path, URIRef(str(entry)), data, shapes))
    return found


#: How deep blank nodes are described: deep enough for any path or shape of the suite, and a
#: bound on cycles (``_:b ex:p _:b`` and a copy of it unrolled into a chain then compare equal).
DEPTH = 6


def _copy(node: Node, graphs: list[Graph], into: Graph, depth: int = DEPTH) -> Node:
    """``node``, or for a blank node a fresh copy of its description (and of the blank nodes
    it uses) added to ``into``: each result carries its own copy, so that a report which
    shares one path node between results matches one that writes it twice."""
    if isinstance(node, Literal) and node.language:  # language tags ignore case
        return Literal(str(node), lang=node.language.lower())
    if not isinstance(node, BNode):
        return node
    copy = BNode()
    if depth == 0:
        return copy
    for graph in graphs:
        if (node, None, None) in graph:
            for _, p, o in graph.triples((node, None, None)):
                into.add((copy, p, _copy(o, graphs, into, depth - 1)))
            break
    return copy


def comparable(report: Graph, root: Node, graphs: list[Graph]) -> Graph:
    """The report reduced to what the W3C compares, blank nodes described from ``graphs``
    (data, shapes) or from the report: a path as the report writes it, a focus node or a
    value as the data has it (an engine may copy them into its report, in its own way)."""
    out = Graph()
    top = BNode()
    conforms = report.value(root, SH.conforms)
    out.add((top, RDF.type, SH.ValidationReport))
    out.add((top, SH.conforms, Literal(str(conforms).lower() == "true")))
    for result in report.objects(root, SH.result):
        node = BNode()
        out.add((top, SH.result, node))
        for predicate in COMPARED:
            sources = [report, *graphs] if predicate == SH.resultPath else [*graphs, report]
            for value in report.objects(result, predicate):
                out.add((node, predicate, _copy(value, sources, out)))
    return out


def expected(case: Case) -> Graph:
    graph = read_turtle(case.manifest)
    root = _required(graph.value(case.node, MF.result), case.node)
    return comparable(graph, root, [graph])


Engine = Callable[[Graph, Graph], Graph]


def run_sparql(data: Graph, shapes: Graph) -> Graph:
    """This project's engine: the shapes compiled, the data loaded into a fresh store."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # notes on terms SHACL ignores: not results
        compiled = compile_shapes(shapes)
    store, encoding = load([data])
    report = validate_store(store, compiled, encoding)
    assert report.graph is not None
    return report.graph


def run_pyshacl(data: Graph, shapes: Graph) -> Graph:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, graph, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return graph


ENGINES: dict[str, Engine] = {"sparql": run_sparql, "pyshacl": run_pyshacl}


def judge(case: Case, engine: Engine) -> str | None:
    """None when the engine passes the test, else what differs (or what it raised)."""
    data = read_turtle(case.data)
    shapes = data if case.shapes == case.data else read_turtle(case.shapes)
    try:
        report = engine(data, shapes)
    except Exception as err:  # a crash is a failed test, with its reason
        return f"raised {type(err).__name__}: {err}"
    return difference(comparable(report, root(report), [data, shapes]), expected(case))


def root(report: Graph) -> Node:
    """The sh:ValidationReport node of a report graph."""
    found = report.value(None, RDF.type, SH.ValidationReport, any=False)
    return _required(found, SH.ValidationReport)


def _required(node: Node | None, about: Node | None) -> Node:
    """A value the suite's files must have (a broken manifest is an error that says where)."""
    if node is None:
        raise ValueError(f"the test suite's files lack a value for {about}")
    return node


def difference(got: Graph, want: Graph) -> str | None:
    """None when two comparable reports are the same, else what one has and not the other."""
    if isomorphic(got, want):
        return None
    _, missing, extra = graph_diff(to_isomorphic(want), to_isomorphic(got))
    return (
        "expected and not reported:\n"
        + _lines(missing)
        + "\nreported and not expected:\n"
        + _lines(extra)
    )


def _lines(graph: Graph) -> str:
    return "\n".join(sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph)) or "  -"
