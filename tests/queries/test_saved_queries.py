"""The saved queries: each parses, runs on the built graph and gives its reviewed expected
result (``tests/queries/``, written by ``tests/queries/regenerate.py``); their metadata as RDF
conforms to ``queries/spex-shape.ttl``; the /queries pages show and serve them."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse
import urllib.request
from dataclasses import replace
from html.parser import HTMLParser

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, SH
from rdflib.plugins.sparql.parser import parseQuery

from mandates.query import saved as saved_queries
from mandates.query.saved import SavedQueryError

from support import ROOT

EXPECTED = ROOT / "tests" / "queries"
QUERIES = saved_queries.load_all()
ORDERED = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
RDFLIB_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT"}


@pytest.fixture(scope="module")
def store(built_store):
    return built_store.open_read_only()


# ---- the query files and their expected results -------------------------------------------


def test_query_files_are_found() -> None:
    files = sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
    assert len(files) >= 12, "no saved queries found in queries/"
    assert [q.filename for q in QUERIES] == files
    assert [q.number for q in QUERIES] == list(range(1, len(QUERIES) + 1))


def test_no_expected_file_without_its_query() -> None:
    names = {saved_queries.expected_name(q) for q in QUERIES}
    orphans = sorted(p.name for p in EXPECTED.glob("*.expected.*") if p.name not in names)
    assert not orphans, "expected results of queries that no longer exist"


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.filename.removesuffix(".rq"))
def test_saved_query_gives_its_expected_result(query, store) -> None:
    path = EXPECTED / saved_queries.expected_name(query)
    assert path.is_file(), f"no {path.name}: run tests/queries/regenerate.py and review the diff"
    parsed = parseQuery(query.full_text)  # standard SPARQL 1.1, not only Oxigraph's dialect
    assert RDFLIB_FORMS[parsed[1].name] == query.form
    actual = saved_queries.results_document(saved_queries.run(store, query))
    expected = path.read_text(encoding="utf-8")
    if query.form == "CONSTRUCT":
        graphs = [Graph().parse(data=text, format="nt") for text in (actual, expected)]
        assert len(graphs[1]) > 0, "a saved query answers something on the fixture graph"
        assert isomorphic(*graphs), f"{path.name} differs: run regenerate.py and review"
        return
    actual_data, expected_data = json.loads(actual), json.loads(expected)
    if query.form == "ASK":
        assert actual_data["boolean"] == expected_data["boolean"]
        return
    assert actual_data["head"]["vars"] == expected_data["head"]["vars"]
    rows, wanted = actual_data["results"]["bindings"], expected_data["results"]["bindings"]
    assert wanted, "a saved query answers something on the fixture graph"
    if not ORDERED.search(query.text):
        rows, wanted = (
            sorted(r, key=lambda b: json.dumps(b, sort_keys=True)) for r in (rows, wanted)
        )
    first = next((i for i, (a, b) in enumerate(zip(rows, wanted, strict=False)) if a != b), None)
    assert first is None, f"row {first} differs:\n{rows[first]}\nexpected:\n{wanted[first]}"
    assert len(rows) == len(wanted)


def test_select_queries_order_their_rows_fully() -> None:
    for query in QUERIES:
        if query.form == "SELECT":
            assert ORDERED.search(query.text), f"{query.filename} has no ORDER BY"


# ---- the file layout and its errors --------------------------------------------------------

GOOD = "#+ id: a-query\n#+ description: What is there?\n#+ tags: x, y\nSELECT * { ?s ?p ?o }\n"


def test_parse_reads_the_header() -> None:
    query = saved_queries.parse("042_a-query.rq", GOOD.replace("y\n", "y\n#+ keyword: z\n"))
    assert (query.id, query.number, query.form) == ("a-query", 42, "SELECT")
    assert query.tags == ("x", "y") and query.endpoint is None
    assert query.extra == {"keyword": "z"}
    assert query.text == "SELECT * { ?s ?p ?o }\n"
    assert query.full_text.startswith("PREFIX mnd: <https://w3id.org/un-mandates/ontology#>\n")
    assert query.full_text.endswith(query.text)


@pytest.mark.parametrize(
    ("filename", "source", "message"),
    [
        ("42_a-query.rq", GOOD, "42_a-query.rq: a saved query file is named NNN_slug.rq"),
        ("042_other.rq", GOOD, "042_other.rq:1: '#+ id: a-query' differs from the file name"),
        (
            "042_a-query.rq",
            GOOD.replace("#+ tags: x, y\n", ""),
            "042_a-query.rq:1: the header has no '#+ tags:' line",
        ),
        (
            "042_a-query.rq",
            GOOD.replace("#+ tags: x, y", "#+ tags x, y"),
            "042_a-query.rq:3: a header line reads '#+ key: value'",
        ),
        (
            "042_a-query.rq",
            GOOD.replace("SELECT * { ?s ?p ?o }", "# SELECT\nINSERT DATA {}"),
            "042_a-query.rq: an update, not a query (SELECT, ASK, CONSTRUCT or DESCRIBE)",
        ),
    ],
)
def test_parse_errors_name_file_and_line(filename: str, source: str, message: str) -> None:
    with pytest.raises(SavedQueryError) as caught:
        saved_queries.parse(filename, source)
    assert str(caught.value) == message


# ---- the queries as RDF, and the metadata shape --------------------------------------------


def test_queries_as_sparql_executables() -> None:
    graph = saved_queries.as_graph()
    rows = graph.query(
        "SELECT ?q ?text WHERE { ?q a sh:SPARQLSelectExecutable ; sh:select ?text ;"
        ' schema:keywords "meetings" } ORDER BY ?q',
        initNs={"sh": SH, "schema": saved_queries.SCHEMA},
    )
    meetings = [str(q).rsplit("/", 1)[1] for q, _ in rows]
    assert meetings == [
        "expert-group-meetings",
        "postponed-or-hybrid-meetings",
        "suggestions-not-endorsed",
    ]
    executables = set(graph.subjects(predicate=None, object=SH.SPARQLExecutable))
    assert len(executables) == len(QUERIES)
    assert (URIRef(saved_queries.QUERY["who-requested-whom"]), SH.construct, None) in graph


def _violations(graph: Graph) -> list[tuple[str, str, str]]:
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=saved_queries.shapes_graph())
    return sorted(
        (
            str(report.value(r, SH.focusNode)).rsplit("/", 1)[1],
            str(report.value(r, SH.resultPath) or ""),
            str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[1],
        )
        for r in report.subjects(predicate=SH.resultSeverity, object=SH.Violation)
    )


def test_saved_query_metadata_conforms_to_the_shape() -> None:
    assert _violations(saved_queries.as_graph()) == []


def test_the_shape_reports_bad_metadata() -> None:
    first, second = QUERIES[0], QUERIES[1]
    bad = [
        replace(first, tags=(), extra={"keyword": "requests"}),
        replace(second, form="DESCRIBE", extra={"descripton": "typo"}),
    ]
    graph = saved_queries.as_graph(tuple(bad))
    graph.set((second.iri, RDFS.comment, Literal("What is there?")))
    schema = str(saved_queries.SCHEMA)
    rdfs_comment = "http://www.w3.org/2000/01/rdf-schema#comment"
    assert _violations(graph) == [
        (second.id, "", "XoneConstraintComponent"),
        (second.id, rdfs_comment, "DatatypeConstraintComponent"),
        (second.id, rdfs_comment, "LanguageInConstraintComponent"),
        (second.id, schema + "descripton", "ClosedConstraintComponent"),
        (first.id, schema + "keyword", "MaxCountConstraintComponent"),
        (first.id, schema + "keywords", "MinCountConstraintComponent"),
    ]


# ---- the pages -----------------------------------------------------------------------------


class Page(HTMLParser):
    """The elements of a page, each with its attributes and text, for named-element checks."""

    VOID = {"meta", "link", "input", "br", "img", "hr"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "children": []}
        self.elements.append(element)
        if self._open:
            self._open[-1]["children"].append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element["text"] += data

    def by_id(self, element_id: str) -> dict:
        found = [e for e in self.elements if e["attrs"].get("id") == element_id]
        assert len(found) == 1, f"one element #{element_id}"
        return found[0]

    def by_class(self, name: str, within: dict | None = None) -> list[dict]:
        pool = self.descendants(within) if within else self.elements
        return [e for e in pool if name in (e["attrs"].get("class") or "").split()]

    def links(self, within: dict) -> list[dict[str, str]]:
        pool = self.descendants(within)
        return [{"href": e["attrs"]["href"], "text": text(e)} for e in pool if e["tag"] == "a"]

    def descendants(self, element: dict) -> list[dict]:
        out = []
        for child in element["children"]:
            out += [child, *self.descendants(child)]
        return out


def text(element: dict) -> str:
    return " ".join(element["text"].split())


def _editor_query(href: str) -> str:
    parts = urllib.parse.urlsplit(href)
    assert parts.path == "/editor"
    return urllib.parse.parse_qs(parts.query)["query"][0]


def test_queries_index_page(client) -> None:
    page = Page(client.get("/queries").get_data(as_text=True))
    assert text(page.by_id("title")) == "Saved queries"
    assert text(page.by_id("query-count")) == f"{len(QUERIES)} saved queries"
    items = page.by_class("query", page.by_id("queries"))
    assert [i["attrs"]["id"] for i in items] == [f"query-{q.id}" for q in QUERIES]
    lineage = page.by_id("query-lineage-65-230-to-ad-hoc-committee")
    query = saved_queries.by_id("lineage-65-230-to-ad-hoc-committee")
    links = page.links(lineage)
    assert links[:2] == [
        {"href": "/queries/lineage-65-230-to-ad-hoc-committee", "text": query.description},
        {"href": "/queries/lineage-65-230-to-ad-hoc-committee", "text": "Run"},
    ]
    assert links[2]["text"] == "Open in editor"
    assert _editor_query(links[2]["href"]) == query.full_text
    assert [text(t) for t in page.by_class("tag", lineage)] == ["lineage", "resolutions", "bodies"]


def test_query_page_runs_the_query(client) -> None:
    query = saved_queries.by_id("expert-group-meetings")
    expected = json.loads((EXPECTED / saved_queries.expected_name(query)).read_text())
    wanted = expected["results"]["bindings"]
    page = Page(client.get("/queries/expert-group-meetings").get_data(as_text=True))
    assert text(page.by_id("title")) == query.description
    assert text(page.by_id("row-count")) == f"{len(wanted)} rows"
    assert text(page.by_id("query-text")) == " ".join(query.text.split())
    table = page.by_id("results")
    assert [text(th) for th in table["children"][0]["children"][0]["children"]] == [
        "meeting",
        "ordinal",
        "start",
        "end",
        "place",
        "document",
        "documentLabel",
        "how",
    ]
    rows = [e for e in page.descendants(table) if e["tag"] == "tr"][1:]
    assert len(rows) == len(wanted)
    first = page.links(rows[0])
    assert first[0] == {
        "href": "/id/meeting/expert-group-cybercrime/1",
        "text": "https://w3id.org/un-mandates/id/meeting/expert-group-cybercrime/1",
    }
    # the first meeting adopted no document (the topics in E/CN.15/2011/19's annexes, a matter);
    # the second took note of the draft study
    second = page.links(rows[1])
    assert second[1]["href"] == "/id/doc/study/comprehensive-study-on-cybercrime"
    assert _editor_query(page.by_id("open-in-editor")["attrs"]["href"]) == query.full_text
    downloads = page.links(page.by_id("actions"))[1:]
    assert downloads == [
        {"href": "/queries/expert-group-meetings.csv", "text": "CSV"},
        {"href": "/queries/expert-group-meetings.json", "text": "JSON"},
    ]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.filename.removesuffix(".rq"))
def test_every_query_page_counts_its_expected_rows(client, query) -> None:
    page = Page(client.get(f"/queries/{query.id}").get_data(as_text=True))
    assert text(page.by_id("title")) == query.description
    expected = (EXPECTED / saved_queries.expected_name(query)).read_text(encoding="utf-8")
    if query.form == "ASK":
        answer = "yes" if json.loads(expected)["boolean"] else "no"
        assert text(page.by_id("answer")) == f"Answer: {answer}"
    elif query.form == "CONSTRUCT":
        assert text(page.by_id("row-count")) == f"{len(expected.splitlines())} triples"
    else:
        rows = len(json.loads(expected)["results"]["bindings"])
        assert text(page.by_id("row-count")) == f"{rows} row{'' if rows == 1 else 's'}"


def test_query_page_escapes_literals_and_links_iris(client, monkeypatch) -> None:
    hostile = saved_queries.parse(
        "999_hostile.rq",
        "#+ id: hostile\n#+ description: Is markup in a literal shown as text?\n#+ tags: test\n"
        'SELECT ?text ?iri WHERE { BIND("<script>alert(1)</script>" AS ?text)'
        ' BIND(IRI("javascript:alert(1)") AS ?iri) }\n',
    )
    monkeypatch.setattr(saved_queries, "by_id", lambda query_id: hostile)
    html = client.get("/queries/hostile").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    page = Page(html)
    cells = [e for e in page.descendants(page.by_id("results")) if e["tag"] == "td"]
    assert text(cells[0]) == "<script>alert(1)</script>"
    assert page.links(cells[1]) == [
        {"href": "/resource?iri=javascript:alert(1)", "text": "javascript:alert(1)"}
    ]


def test_ask_and_construct_pages(client) -> None:
    page = Page(client.get("/queries/did-the-assembly-request-the-expert-group").get_data(True))
    assert text(page.by_id("answer")) == "Answer: no"
    page = Page(client.get("/queries/who-requested-whom").get_data(as_text=True))
    assert text(page.by_id("row-count")) == "11 triples"
    assert [d["text"] for d in page.links(page.by_id("actions"))[1:]] == ["NT", "TTL"]
    turtle = client.get("/queries/who-requested-whom.ttl")
    assert turtle.mimetype == "text/turtle"
    expected = (EXPECTED / "014_who-requested-whom.expected.nt").read_text()
    assert isomorphic(
        Graph().parse(data=turtle.get_data(True), format="turtle"),
        Graph().parse(data=expected, format="nt"),
    )


def test_downloads(client) -> None:
    query = saved_queries.by_id("postponed-or-hybrid-meetings")
    expected = json.loads((EXPECTED / saved_queries.expected_name(query)).read_text())
    response = client.get("/queries/postponed-or-hybrid-meetings.json")
    assert response.mimetype == "application/sparql-results+json"
    assert "010_postponed-or-hybrid-meetings.json" in response.headers["Content-Disposition"]
    assert json.loads(response.get_data()) == expected
    response = client.get("/queries/postponed-or-hybrid-meetings.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows == [
        expected["head"]["vars"],
        [
            "https://w3id.org/un-mandates/id/meeting/expert-group-cybercrime/6",
            "sixth meeting of the Expert Group on Cybercrime",
            "2020-07-27",
            "2020-07-29",
            "2020-04-06",
            "2020-04-08",
            "postponed",
            "hybrid",
        ],
    ]
    assert client.get("/queries/who-requested-whom.csv").status_code == 404
    assert client.get("/queries/no-such-query").status_code == 404


def test_catalogue_as_turtle(client) -> None:
    response = client.get("/queries.ttl")
    assert response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert isomorphic(graph, saved_queries.as_graph())


@pytest.mark.slow
def test_saved_queries_on_the_live_server(live_server) -> None:
    with urllib.request.urlopen(live_server.url + "/queries", timeout=30) as response:
        page = Page(response.read().decode())
    assert text(page.by_id("query-count")) == f"{len(QUERIES)} saved queries"
    url = live_server.url + "/queries/lineage-65-230-to-ad-hoc-committee"
    with urllib.request.urlopen(url, timeout=30) as response:
        page = Page(response.read().decode())
    assert text(page.by_id("row-count")) == "15 rows"
    with urllib.request.urlopen(url + ".json", timeout=30) as response:
        rows = json.loads(response.read())["results"]["bindings"]
    assert [r["verb"]["value"].rsplit("#", 1)[1] for r in rows][:2] == ["requested", "established"]
    assert rows[-1]["object"]["value"].endswith("/body/ad-hoc-committee-cybercrime")
