"""The shape test cases as data (``tests/shapes/<area>/<case>.ttl``): each file holds the data,
a pointer to the shapes and the expected report, as the W3C SHACL test suite's files do."""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph, Namespace, URIRef

from support import TESTS

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
CASES = TESTS / "shapes"
CASE_FILES = sorted(CASES.glob("*/*.ttl"))


def _closure(graph: Graph, node: URIRef | BNode, into: Graph) -> None:
    for s, p, o in graph.triples((node, None, None)):
        into.add((s, p, o))
        if isinstance(o, BNode):
            _closure(graph, o, into)


def split_case(path: Path) -> tuple[Graph, Graph, URIRef]:
    """The data graph, the manifest graph and the manifest's node."""
    whole = Graph().parse(path, format="turtle")
    case = URIRef(path.resolve().as_uri())
    manifest = Graph()
    _closure(whole, case, manifest)
    return whole - manifest, manifest, case


Expected = tuple[str, str | None, str, str, str]
