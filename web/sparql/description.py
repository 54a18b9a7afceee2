"""The endpoint's SPARQL 1.1 Service Description and the dataset's VoID description.

Both are small graphs built from counts over the store in service; the counts are computed
once per store version (a rebuild changes them) in the server process, with the server's own
queries, never with user input.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from mandates.query.run import select
from mandates.web.store import get_store, per_version

from .formats import GRAPH_TYPES, RESULT_TYPES

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = {"sd": SD, "void": VOID, "dct": DCT, "rdfs": RDFS, "xsd": XSD,
            "formats": "http://www.w3.org/ns/formats/"}  # fmt: skip
#: The engine names JSON-LD by another IRI than the W3C's list of formats.
FORMAT_IRIS = {ox.RdfFormat.JSON_LD.iri: "http://www.w3.org/ns/formats/JSON-LD"}
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

_TOTALS = """SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?c) AS ?classes)
  (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?s) AS ?subjects)
  (COUNT(DISTINCT ?o) AS ?objects)
WHERE { ?s ?p ?o BIND(IF(?p = rdf:type, ?o, ?unbound) AS ?c) }"""
_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


@dataclass(frozen=True)
class Counts:
    triples: int
    classes: int
    properties: int
    subjects: int
    objects: int
    graphs: tuple[tuple[str, int], ...]


def counts() -> Counts:
    """The counts of the store in service (kept until a rebuild swaps a new one in)."""
    return per_version("sparql.counts", _counts)


def _counts() -> Counts:
    store = get_store()
    row = next(iter(select(store, _TOTALS)))
    graphs = tuple((r[0].value, int(r[1].value)) for r in select(store, _PER_GRAPH))
    triples, classes, properties, subjects, objects = (int(row[i].value) for i in range(5))
    return Counts(triples, classes, properties, subjects, objects, graphs)


def result_formats() -> list[tuple[str, str]]:
    """(media type, format IRI) for every format the endpoint writes, without aliases."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    formats: list[tuple[str, ox.QueryResultsFormat | ox.RdfFormat]] = [
        *RESULT_TYPES.items(),
        *GRAPH_TYPES.items(),
    ]
    for media_type, fmt in formats:
        iri = FORMAT_IRIS.get(fmt.iri, fmt.iri)
        if iri not in seen:
            seen.add(iri)
            out.append((media_type, iri))
    return out


Node = ox.NamedNode | ox.BlankNode


def _n(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def service_description(endpoint: str, dataset: str, limits: str) -> list[ox.Triple]:
    """The Service Description of the endpoint at ``endpoint``."""
    c = counts()
    service, default = ox.BlankNode("service"), ox.BlankNode("default")
    ds = ox.NamedNode(dataset)
    triples: list[tuple[Node, ox.NamedNode, Node | ox.Literal]] = [
        (service, TYPE, ox.NamedNode(SD + "Service")),
        (service, ox.NamedNode(SD + "endpoint"), ox.NamedNode(endpoint)),
        (service, ox.NamedNode(SD + "supportedLanguage"), ox.NamedNode(SD + "SPARQL11Query")),
        (service, ox.NamedNode(SD + "feature"), ox.NamedNode(SD + "UnionDefaultGraph")),
        (service, ox.NamedNode(SD + "defaultEntailmentRegime"),
         ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        (service, ox.NamedNode(RDFS + "comment"), ox.Literal(limits, language="en")),
        (service, ox.NamedNode(SD + "defaultDataset"), ds),
        (ds, TYPE, ox.NamedNode(SD + "Dataset")),
        (ds, ox.NamedNode(SD + "defaultGraph"), default),
        (default, TYPE, ox.NamedNode(SD + "Graph")),
        (default, ox.NamedNode(VOID + "triples"), _n(c.triples)),
    ]  # fmt: skip
    for _, iri in result_formats():
        triples.append((service, ox.NamedNode(SD + "resultFormat"), ox.NamedNode(iri)))
    for i, (graph, n) in enumerate(c.graphs):
        named, inner = ox.BlankNode(f"named{i}"), ox.BlankNode(f"graph{i}")
        triples += [
            (ds, ox.NamedNode(SD + "namedGraph"), named),
            (named, TYPE, ox.NamedNode(SD + "NamedGraph")),
            (named, ox.NamedNode(SD + "name"), ox.NamedNode(graph)),
            (named, ox.NamedNode(SD + "graph"), inner),
            (inner, TYPE, ox.NamedNode(SD + "Graph")),
            (inner, ox.NamedNode(VOID + "triples"), _n(n)),
        ]
    return [ox.Triple(*t) for t in triples]


def void_description(endpoint: str, dataset: str) -> list[ox.Triple]:
    """The VoID description of the dataset: totals, and one subset per named graph."""
    c = counts()
    ds = ox.NamedNode(dataset)
    triples: list[tuple[Node, ox.NamedNode, Node | ox.Literal]] = [
        (ds, TYPE, ox.NamedNode(VOID + "Dataset")),
        (ds, ox.NamedNode(DCT + "title"), ox.Literal("UN Mandates Graph", language="en")),
        (ds, ox.NamedNode(VOID + "sparqlEndpoint"), ox.NamedNode(endpoint)),
        (ds, ox.NamedNode(VOID + "triples"), _n(c.triples)),
        (ds, ox.NamedNode(VOID + "classes"), _n(c.classes)),
        (ds, ox.NamedNode(VOID + "properties"), _n(c.properties)),
        (ds, ox.NamedNode(VOID + "distinctSubjects"), _n(c.subjects)),
        (ds, ox.NamedNode(VOID + "distinctObjects"), _n(c.objects)),
    ]
    for graph, n in c.graphs:
        subset = ox.NamedNode(graph)
        triples += [
            (ds, ox.NamedNode(VOID + "subset"), subset),
            (subset, TYPE, ox.NamedNode(VOID + "Dataset")),
            (subset, ox.NamedNode(VOID + "triples"), _n(n)),
        ]
    return [ox.Triple(*t) for t in triples]
