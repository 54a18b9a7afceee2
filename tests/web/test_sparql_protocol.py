"""The SPARQL 1.1 Protocol at /sparql, its Service Description and the VoID description.

Every request goes to a real ``mandates serve`` process, with SPARQLWrapper and with plain
urllib; every expected value is read from the store the server serves.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
import warnings
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from SPARQLWrapper import CSV, JSON, JSONLD, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, URITooLong

from support import call

pytestmark = pytest.mark.slow

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
SYMBOLS = "SELECT ?symbol WHERE { ?r a mnd:Resolution ; mnd:symbol ?symbol } ORDER BY ?symbol"
RESOLUTIONS = "CONSTRUCT WHERE { ?r a mnd:Resolution ; mnd:symbol ?symbol }"
ONTOLOGY = "https://w3id.org/un-mandates/ontology#"
MND = f"PREFIX mnd: <{ONTOLOGY}>\n"


def get(server, query: str, headers: dict | None = None, **params: str):
    params = {"query": query, **params}
    return call(f"{server.url}/sparql?{urllib.parse.urlencode(params)}", headers=headers)


def parse(data: bytes, fmt: str) -> Graph:
    """An rdflib graph; its JSON-LD and TriG parsers warn about rdflib's own deprecations."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        warnings.filterwarnings("ignore", "Dataset.default_context", DeprecationWarning)
        return Graph().parse(data=data, format=fmt)


@pytest.fixture(scope="module")
def store(built_store) -> ox.Store:
    return built_store.open_read_only()


@pytest.fixture(scope="module")
def symbols(store) -> list[str]:
    rows = store.query(MND + SYMBOLS)
    return [row[0].value for row in rows]


@pytest.fixture(scope="module")
def graph_sizes(store) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row[0].value: int(row[1].value) for row in rows}


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_select_with_sparqlwrapper_in_every_format(live_server, symbols, fmt) -> None:
    client = SPARQLWrapper(live_server.url + "/sparql")
    client.setQuery(MND + SYMBOLS)
    client.setReturnFormat(fmt)
    result = client.query()
    data = result.convert()
    if fmt == JSON:
        found = [b["symbol"]["value"] for b in data["results"]["bindings"]]
    elif fmt == XML:
        found = [n.firstChild.data for n in data.getElementsByTagName("literal")]
    else:
        found = data.decode().splitlines()[1:]
        found = [s.strip('"') for s in found]
    assert found == symbols and len(symbols) >= 4


@pytest.mark.parametrize(
    ("fmt", "parser"), [(TURTLE, "turtle"), (RDFXML, "xml"), (JSONLD, "json-ld")]
)
def test_construct_with_sparqlwrapper(live_server, symbols, fmt, parser) -> None:
    client = SPARQLWrapper(live_server.url + "/sparql")
    client.setQuery(MND + RESOLUTIONS)
    client.setReturnFormat(fmt)
    # (read the body: SPARQLWrapper's own convert() uses rdflib's deprecated ConjunctiveGraph)
    graph = parse(client.query().response.read(), parser)
    assert sorted(str(o) for o in graph.objects(None, URIRef(ONTOLOGY + "symbol"))) == symbols


RESULT_PARSERS = {
    "application/sparql-results+json": lambda b: [
        r["symbol"]["value"] for r in json.loads(b)["results"]["bindings"]
    ],
    "application/sparql-results+xml": lambda b: [
        e.text for e in ET.fromstring(b).iter("{http://www.w3.org/2005/sparql-results#}literal")
    ],
    "text/csv": lambda b: [r[0] for r in csv.reader(io.StringIO(b.decode()))][1:],
    "text/tab-separated-values": lambda b: [r.strip('"') for r in b.decode().splitlines()[1:]],
}


@pytest.mark.parametrize("media_type", RESULT_PARSERS)
def test_select_by_accept(live_server, symbols, media_type) -> None:
    status, headers, body = get(live_server, SYMBOLS, {"Accept": media_type})
    assert status == 200
    assert headers.get_content_type() == media_type
    assert "Accept" in headers["Vary"]
    assert "X-Result-Truncated" not in headers
    assert RESULT_PARSERS[media_type](body) == symbols


GRAPH_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
}


@pytest.mark.parametrize("media_type", GRAPH_FORMATS)
def test_construct_by_accept(live_server, store, media_type) -> None:
    status, headers, body = get(live_server, RESOLUTIONS, {"Accept": media_type})
    assert (status, headers.get_content_type()) == (200, media_type)
    graph = parse(body, GRAPH_FORMATS[media_type])
    expected = Graph().parse(
        data=store.query(MND + RESOLUTIONS).serialize(format=ox.RdfFormat.N_TRIPLES), format="nt"
    )
    assert set(graph) == set(expected) and len(graph) >= 8


def test_format_parameter_overrides_accept(live_server, symbols) -> None:
    status, headers, body = get(live_server, SYMBOLS, {"Accept": "text/csv"}, format="tsv")
    assert (status, headers.get_content_type()) == (200, "text/tab-separated-values")
    status, headers, _ = get(live_server, RESOLUTIONS, {"Accept": "text/turtle"}, format="json")
    assert (status, headers.get_content_type()) == (200, "application/ld+json")


def test_ask_in_json_and_xml(live_server) -> None:
    status, _, body = get(live_server, "ASK { ?r mnd:requested body:ccpcj }")
    assert (status, json.loads(body)["boolean"]) == (200, True)
    status, _, body = get(live_server, "ASK { body:ccpcj mnd:requested ?x }", format="xml")
    assert status == 200 and b"<boolean>false</boolean>" in body


def test_post_form_and_post_query(live_server, symbols) -> None:
    url = live_server.url + "/sparql"
    form = urllib.parse.urlencode({"query": SYMBOLS}).encode()
    status, _, body = call(url, form, {"Accept": "text/csv"})
    assert (status, RESULT_PARSERS["text/csv"](body)) == (200, symbols)
    direct = {"Content-Type": "application/sparql-query", "Accept": "text/csv"}
    status, _, body = call(url, SYMBOLS.encode(), direct)
    assert (status, RESULT_PARSERS["text/csv"](body)) == (200, symbols)
    for content_type in (
        "Application/X-WWW-Form-Urlencoded; Charset=UTF-8",
        "APPLICATION/SPARQL-QUERY",
    ):
        data = form if "FORM" in content_type.upper() else SYMBOLS.encode()
        headers = {"Content-Type": content_type, "Accept": "text/csv"}
        status, _, body = call(url, data, headers)  # media types are case-insensitive
        assert (status, RESULT_PARSERS["text/csv"](body)) == (200, symbols), content_type


@pytest.mark.parametrize(
    ("query", "headers", "params"),
    [
        (SYMBOLS, {"Accept": "image/png"}, {}),
        (SYMBOLS, {}, {"format": "turtle"}),
        (RESOLUTIONS, {"Accept": "text/csv"}, {}),
        ("ASK {}", {}, {"format": "png"}),
    ],
)
def test_unacceptable_types_get_406(live_server, query, headers, params) -> None:
    status, _, body = get(live_server, query, headers, **params)
    assert status == 406
    assert body.decode().startswith("cannot write this result as requested; use ")


def test_syntax_error_gives_line_and_column_of_the_query_as_sent(live_server) -> None:
    status, headers, body = get(live_server, "SELECT * WHERE {\n  ?s ?p }")
    assert (status, headers.get_content_type()) == (400, "text/plain")
    assert body.decode() == "query:2:9: SPARQL syntax error: expected a term\n"  # at the `}`
    status, _, body = call(
        live_server.url + "/sparql",
        b"PREFIX ex: <http://example.org/>\nASK {\n\n ex:a ex:b }",
        {"Content-Type": "application/sparql-query"},
    )
    assert status == 400 and body.decode().startswith("query:4:")


def test_errors_seen_by_sparqlwrapper(live_server) -> None:
    client = SPARQLWrapper(live_server.url + "/sparql")
    client.setReturnFormat(JSON)
    client.setQuery("SELECT * WHERE {\n  ?s ?p }")
    with pytest.raises(QueryBadFormed, match="query:2:9: SPARQL syntax error"):
        client.query()
    client.setQuery("ASK {}" + " " * 40_000)
    with pytest.raises(URITooLong, match="POST long queries"):
        client.query()


def test_protocol_errors(live_server) -> None:
    url = live_server.url + "/sparql"
    status, _, body = call(url, b"ASK {}", {"Content-Type": "text/plain"})
    assert (status, body) == (
        415,
        b"unsupported content type 'text/plain': "
        b"send application/x-www-form-urlencoded or application/sparql-query\n",
    )
    status, _, body = call(url + "?query=ASK%7B%7D&query=ASK%7B%7D")
    assert (status, body) == (400, b"the 'query' parameter is given 2 times\n")
    status, _, body = call(url, b"format=json")
    assert (status, body) == (400, b"missing the 'query' parameter\n")
    status, _, body = get(live_server, "ASK {}", **{"default-graph-uri": "not an iri"})
    assert status == 400 and body.startswith(b"default-graph-uri 'not an iri' is not an absolute")


def test_default_graph_uri_selects_the_default_graph(live_server, graph_sizes) -> None:
    small = min(graph_sizes, key=graph_sizes.get)
    client = SPARQLWrapper(live_server.url + "/sparql")
    client.setQuery("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    client.addDefaultGraph(small)
    rows = client.query().convert()["results"]["bindings"]
    assert int(rows[0]["n"]["value"]) == graph_sizes[small]
    # Two graphs: their merge.
    two = sorted(graph_sizes)[:2]
    status, _, body = call(
        f"{live_server.url}/sparql?"
        + urllib.parse.urlencode(
            [("query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")]
            + [("default-graph-uri", g) for g in two]
        )
    )
    assert status == 200
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) <= sum(
        graph_sizes[g] for g in two
    )


def test_named_graph_uri_selects_the_named_graphs(live_server, graph_sizes) -> None:
    chosen = sorted(graph_sizes)[:2]
    query = "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"
    params = [("query", query)] + [("named-graph-uri", g) for g in chosen]
    status, _, body = call(f"{live_server.url}/sparql?{urllib.parse.urlencode(params)}")
    assert status == 200
    assert sorted(b["g"]["value"] for b in json.loads(body)["results"]["bindings"]) == chosen
    # With only named graphs given, the default graph is empty (SPARQL 1.1 Protocol 2.1.4).
    params = [("query", "ASK { ?s ?p ?o }"), ("named-graph-uri", chosen[0])]
    status, _, body = call(f"{live_server.url}/sparql?{urllib.parse.urlencode(params)}")
    assert json.loads(body)["boolean"] is False
    # Without them, every named graph is there.
    status, _, body = get(live_server, query)
    assert sorted(b["g"]["value"] for b in json.loads(body)["results"]["bindings"]) == sorted(
        graph_sizes
    )


def test_from_selects_stored_graphs_and_reads_no_file(live_server, graph_sizes, tmp_path) -> None:
    secret = tmp_path / "secret.ttl"
    secret.write_text("<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n")
    count = "SELECT (COUNT(*) AS ?n) FROM <{}> WHERE {{ ?s ?p ?o }}"
    status, _, body = get(live_server, count.format(secret.as_uri()))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"
    query = f"SELECT * FROM NAMED <{secret.as_uri()}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    status, _, body = get(live_server, query)
    assert (status, json.loads(body)["results"]["bindings"]) == (200, [])
    graph = min(graph_sizes, key=graph_sizes.get)
    status, _, body = get(live_server, count.format(graph))
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == graph_sizes[graph]


def test_service_description_in_turtle(live_server, graph_sizes) -> None:
    status, headers, body = call(live_server.url + "/sparql")
    assert (status, headers.get_content_type()) == (200, "text/turtle")
    sd = Graph().parse(data=body, format="turtle")
    service = sd.value(predicate=RDF.type, object=SD.Service)
    assert sd.value(service, SD.endpoint) == URIRef(live_server.url + "/sparql")
    assert set(sd.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    formats = {str(f).rsplit("/", 1)[1] for f in sd.objects(service, SD.resultFormat)}
    assert formats >= {
        *("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV"),
        *("SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG"),
    }
    dataset = sd.value(service, SD.defaultDataset)
    assert sd.value(sd.value(dataset, SD.defaultGraph), RDF.type) == SD.Graph
    named = {
        str(sd.value(n, SD.name)): int(sd.value(sd.value(n, SD.graph), VOID.triples))
        for n in sd.objects(dataset, SD.namedGraph)
    }
    assert named == graph_sizes


def test_service_description_in_json_ld(live_server) -> None:
    status, headers, body = call(
        live_server.url + "/sparql", headers={"Accept": "application/ld+json"}
    )
    assert (status, headers.get_content_type()) == (200, "application/ld+json")
    sd = parse(body, "json-ld")
    assert (None, RDF.type, SD.Service) in sd


class Elements(HTMLParser):
    """The text of every element with an id, and the attributes of every <link>."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str | None] = []
        self.text: dict[str, str] = {}
        self.rows: dict[str, int] = {}
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            self.links.append(dict(attrs))
            return
        if tag == "tr":
            for name in filter(None, self.open):
                self.rows[name] = self.rows.get(name, 0) + 1
        self.open.append(dict(attrs).get("id"))

    def handle_endtag(self, tag: str) -> None:
        if self.open and tag != "link":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for name in filter(None, self.open):
            self.text[name] = self.text.get(name, "") + data


def test_service_description_page(live_server, graph_sizes) -> None:
    status, headers, body = call(live_server.url + "/sparql", headers={"Accept": "text/html"})
    assert (status, headers.get_content_type()) == (200, "text/html")
    page = Elements()
    page.feed(body.decode())
    assert page.text["title"] == "SPARQL endpoint"
    assert page.text["endpoint-url"] == live_server.url + "/sparql"
    assert " ".join(page.text["limits"].split()).startswith("A query may run for 30 s")
    assert page.rows["named-graphs"] == len(graph_sizes) + 1  # with the heading row
    assert " ".join(page.text["dataset-size"].split()).endswith(
        f"the merge of {len(graph_sizes)} named graphs."
    )
    assert "application/sparql-results+json" in page.text["result-formats"]
    alternates = {link["type"] for link in page.links if link.get("rel") == "alternate"}
    assert alternates == {"text/turtle", "application/n-triples", "application/ld+json"}


def test_void_counts_equal_the_store(live_server, store, graph_sizes) -> None:
    status, headers, body = call(live_server.url + "/.well-known/void")
    assert (status, headers.get_content_type()) == (200, "text/turtle")
    void = Graph().parse(data=body, format="turtle")
    dataset = URIRef(live_server.url + "/.well-known/void#dataset")
    assert (dataset, RDF.type, VOID.Dataset) in void
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(live_server.url + "/sparql")

    def one(query: str) -> int:
        return int(next(iter(store.query(query)))[0].value)

    expected = {
        VOID.triples: one("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
        VOID.classes: one("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }"),
        VOID.properties: one("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"),
        VOID.distinctSubjects: one("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"),
    }
    for prop, n in expected.items():
        assert void.value(dataset, prop) == Literal(n), prop
    subsets = {str(s): int(void.value(s, VOID.triples)) for s in void.objects(dataset, VOID.subset)}
    assert subsets == graph_sizes
    status, headers, body = call(
        live_server.url + "/.well-known/void", headers={"Accept": "application/rdf+xml"}
    )
    assert (status, headers.get_content_type()) == (200, "application/rdf+xml")
    assert len(Graph().parse(data=body, format="xml")) == len(void)
