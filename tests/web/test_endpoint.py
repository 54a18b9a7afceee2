"""The minimal SPARQL endpoint and home page, on a real server process, with real clients."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

pytestmark = pytest.mark.slow


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read().decode()


def _post(url: str, data: dict[str, str]) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


class ElementText(HTMLParser):
    """Collects the text of the element with a given id."""

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id, self.depth, self.text = element_id, 0, ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or dict(attrs).get("id") == self.element_id:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text += data


def test_select_with_sparqlwrapper(live_server) -> None:
    client = SPARQLWrapper(live_server.url + "/sparql")
    client.setQuery(
        "PREFIX mnd: <https://w3id.org/un-mandates/ontology#>\n"
        "SELECT ?symbol WHERE { ?r a mnd:Resolution ; mnd:symbol ?symbol } ORDER BY ?symbol"
    )
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    # the four General Assembly resolutions the seeds cite, and those of the authority file
    assert [r["symbol"]["value"] for r in rows] == [
        "A/RES/40/33",
        "A/RES/45/110",
        "A/RES/55/25",
        "A/RES/55/255",
        "A/RES/58/4",
        "A/RES/60/288",
        "A/RES/65/229",
        "A/RES/65/230",
        "A/RES/70/1",
        "A/RES/70/174",
        "A/RES/70/175",
        "A/RES/72/1",
        "A/RES/74/173",
        "A/RES/74/247",
        "A/RES/76/181",
        "A/RES/79/243",
    ]
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().splitlines()[1] == "A/RES/40/33"


def test_ask_and_construct(live_server) -> None:
    client = SPARQLWrapper(live_server.url + "/sparql")
    client.setQuery("ASK { body:ccpcj mnd:requested ?x }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is False
    client.setQuery("ASK { ?r mnd:requested body:ccpcj }")
    assert client.query().convert()["boolean"] is True
    client.setQuery("CONSTRUCT { ?r mnd:requested ?b } WHERE { ?r mnd:requested ?b }")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) >= 4


def test_refusals_and_errors(live_server) -> None:
    url = live_server.url + "/sparql"
    assert _post(url, {"update": "CLEAR ALL"})[0] == 403
    status, body = _post(url, {"query": "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"})
    assert (status, body) == (403, "SERVICE is not allowed on this endpoint\n")
    status, _, body = _get(url + "?query=" + urllib.parse.quote("SELECT * WHERE {\n?s ?p }"))
    assert status == 400
    assert body.startswith("query:2:")
    status, _, _ = _get(url + "?query=" + urllib.parse.quote("ASK {}"), {"Accept": "image/png"})
    assert status == 406


def test_home_page_counts(live_server, built_store) -> None:
    from mandates.store.stats import store_stats

    status, content_type, html = _get(live_server.url + "/")
    assert status == 200 and content_type.startswith("text/html")
    total = ElementText("total")
    total.feed(html)
    store = built_store.open_read_only()
    stats = store_stats(store)
    merged = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)
    assert stats.triples > merged, "some triples are stated by several graphs"
    assert " ".join(total.text.split()) == (
        f"The store holds {stats.triples:,} quads (triples with the named graph that states them)"
        f" in {len(stats.graphs)} named graphs, listed below. Their merge, the default graph that"
        f" /sparql queries, holds {merged:,} distinct triples: a triple that several graphs state"
        f" counts once there ({stats.triples - merged:,} quads repeat a triple of another graph)."
    )
    assert len(stats.graphs) >= 12  # ontology, alignments, 5 curated files, 5 sources
    classes = ElementText("classes")
    classes.feed(html)
    assert "mandate statement" in classes.text
