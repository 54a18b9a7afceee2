"""Visual graph browsing (issue 6): the explorer, lineage and analytics pages, as HTML and as a
person uses them in headless Chromium (the ``page`` fixture fails a test whose page requests
anything off this server, or whose scripts the Content-Security-Policy had to block)."""

from __future__ import annotations

import json
import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mandates.web.graph import CYTOSCAPE_DAGRE_VERSION, CYTOSCAPE_VERSION

from support import ROOT

ID = "https://w3id.org/un-mandates/id/"
RES = ID + "doc/A/RES/65/230"
CCPCJ = ID + "body/ccpcj"
EXPERT_GROUP = ID + "body/expert-group-cybercrime"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """Elements by id, each with its attributes, its text, its {href, text} links, the items of
    a list and the options of a select; the page's scripts and its alternate (JSON) links."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.stack: list[dict] = []
        self.by_id: dict[str, dict] = {}
        self.scripts: list[dict] = []
        self.alternates: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script":
            self.scripts.append(a)
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates.append(a["href"])
        if tag in VOID:
            return
        node = {"tag": tag, "attrs": a, "text": "", "links": [], "options": [], "items": []}
        self.stack.append(node)
        if a.get("id"):
            self.by_id[a["id"]] = node

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            node = self.stack.pop()
            if node["tag"] == "a":
                for outer in self.stack:
                    outer["links"].append({"href": node["attrs"].get("href"), "text": node["text"]})
            if node["tag"] == "li":
                lists = [n for n in self.stack if n["tag"] in ("ol", "ul")]
                if lists:
                    lists[-1]["items"].append(" ".join(node["text"].split()))
            if node["tag"] == "option":
                for outer in self.stack:
                    outer["options"].append((node["attrs"].get("value"), node["text"].strip()))
                    outer["selected"] = (
                        node["attrs"].get("value") if "selected" in node["attrs"] else None
                    ) or outer.get("selected")
            if node["tag"] == tag:
                return

    def handle_data(self, data: str) -> None:
        for node in self.stack:
            node["text"] += data

    def text(self, element_id: str) -> str:
        return " ".join(self.by_id[element_id]["text"].split())


def target(href: str) -> tuple[str, dict[str, str]]:
    """The path and the query parameters of a link."""
    parts = urllib.parse.urlsplit(href)
    return parts.path, dict(urllib.parse.parse_qsl(parts.query))


def get(client, path: str, **params: str) -> Page:
    response = client.get(path, query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return Page(response.get_data(as_text=True))


# ---- the vendored libraries -------------------------------------------------------------------


def test_vendored_versions_are_pinned() -> None:
    package = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    vendor = ROOT / "web" / "static" / "vendor"
    for name, version in (
        ("cytoscape", CYTOSCAPE_VERSION),
        ("cytoscape-dagre", CYTOSCAPE_DAGRE_VERSION),
    ):
        assert package[name] == version, "package.json pins the exact version"
        assert lock[f"node_modules/{name}"]["version"] == version
        assert (vendor / f"{name}-{version}.min.js").is_file(), "run `make assets`"
    assert (
        "sourceMappingURL"
        not in (vendor / f"cytoscape-dagre-{CYTOSCAPE_DAGRE_VERSION}.min.js").read_text()
    ), "no source map is asked for"


# ---- HTML of the pages ------------------------------------------------------------------------


def test_explorer_page(client) -> None:
    page = get(client, "/graph", iri=RES)
    assert page.text("graph-title") == "Graph around General Assembly resolution 65/230"
    assert page.by_id["graph-title"]["links"][0]["href"] == "/id/doc/A/RES/65/230"
    assert [target(a) for a in page.alternates] == [("/graph/api/neighbourhood", {"iri": RES})]
    explorer = page.by_id["explorer"]["attrs"]
    assert explorer["data-iri"] == RES
    assert explorer["data-neighbourhood"] == "/graph/api/neighbourhood"
    assert explorer["data-edge"] == "/graph/api/edge"
    assert [s.get("src") for s in page.scripts] == [
        f"/static/vendor/cytoscape-{CYTOSCAPE_VERSION}.min.js",
        f"/static/vendor/cytoscape-dagre-{CYTOSCAPE_DAGRE_VERSION}.min.js",
        "/static/graph-common.js",
        "/static/graph-explorer.js",
    ], "vendored files and static scripts only: no CDN, no inline script"
    for name in ("fit", "zoom-in", "zoom-out", "reset"):
        assert f"graph-{name}" in page.by_id
    assert {"export-png", "export-svg", "node-list", "edge-list", "graph-count", "legend"} <= set(
        page.by_id
    )
    assert target(page.by_id["lineage-link"]["attrs"]["href"]) == ("/graph/lineage", {"iri": RES})
    for suffix in ("graphml", "json", "csv"):
        around = page.by_id[f"export-{suffix}"]["attrs"]["href"]
        assert target(around) == (f"/graph/export.{suffix}", {"iri": RES})
        assert page.by_id[f"export-all-{suffix}"]["attrs"]["href"] == f"/graph/export.{suffix}"


def test_explorer_offers_the_filters_the_graph_holds(client) -> None:
    """The filter values are the API's own: verb names, body IRIs, years, status short names."""
    page = get(client, "/graph", iri=CCPCJ, verb="requested", year="2011")
    verbs = dict(page.by_id["filter-verb"]["options"])
    assert verbs[""] == "any" and verbs["requested"] == "requested"
    assert verbs["noted"] == "took note of"
    assert page.by_id["filter-verb"]["selected"] == "requested", "the address sets the filter"
    bodies = dict(page.by_id["filter-body"]["options"])
    assert bodies[CCPCJ] == "Commission on Crime Prevention and Criminal Justice"
    assert bodies[ID + "body/general-assembly"] == "General Assembly"
    years = [v for v, _ in page.by_id["filter-year"]["options"] if v]
    assert years == sorted(years) and {"2010", "2011"} <= set(years)
    assert page.by_id["filter-year"]["selected"] == "2011"
    statuses = dict(page.by_id["filter-status"]["options"])
    assert statuses["adopted"] == "adopted text"
    assert set(statuses) == {"", "adopted", "proposed", "suggested", "reported"}


def test_explorer_starts_from_65_230_without_a_resource(client) -> None:
    page = get(client, "/graph")
    assert page.by_id["explorer"]["attrs"]["data-iri"] == RES


def test_lineage_page(client) -> None:
    page = get(client, "/graph/lineage", iri=RES)
    assert "65/230" in page.text("graph-title")
    assert [target(a) for a in page.alternates] == [("/graph/api/lineage", {"iri": RES})]
    lineage = page.by_id["lineage"]["attrs"]
    assert lineage["data-iri"] == RES
    assert lineage["data-lineage"] == "/graph/api/lineage"
    assert lineage["data-timeline"] == "/graph/api/timeline"
    assert page.text("timeline-title") == "Timeline of meetings and documents"
    assert [s.get("src") for s in page.scripts][-1] == "/static/graph-lineage.js"


@pytest.mark.parametrize(
    ("path", "lineage"),
    [
        ("doc/A/RES/65/230", True),
        ("body/ccpcj", True),
        ("meeting/expert-group-cybercrime/6", True),
        ("matter/collection-of-topics-and-methodology-for-the-study", False),
    ],
)
def test_resource_pages_link_to_the_graph(client, path: str, lineage: bool) -> None:
    page = get(client, "/id/" + path)
    links = page.by_id["graph-link"]["links"]
    here = {"iri": ID + path}
    assert links[0]["text"] == "See it in the graph"
    assert target(links[0]["href"]) == ("/graph", here)
    assert [target(link["href"]) for link in links[1:]] == (
        [("/graph/lineage", here)] if lineage else []
    )


def test_analytics_page(client) -> None:
    page = get(client, "/graph/analytics")
    assert page.by_id["graph-size"]["links"][0]["href"] == "/graph/api/analytics?kind=degree&top=10"
    for table in ("degree-body", "betweenness-body", "degree-document", "betweenness-document"):
        assert len(page.by_id[table]["links"]) == 10, table
    top_bodies = [link["text"] for link in page.by_id["degree-body"]["links"]]
    assert top_bodies[:2] == [
        "General Assembly",  # adopts the instruments of the authority file
        "Expert Group to Conduct a Comprehensive Study on Cybercrime",
    ]
    assert "Commission on Crime Prevention and Criminal Justice" in top_bodies[:4]
    assert re.fullmatch(r"\d+ weakly connected components?; .*", page.text("components-count"))
    assert re.search(
        r"\d+ communit(y|ies), found by .* \(modularity 0\.\d{3}\)", page.text("communities-count")
    )
    example = page.by_id["path-example"]["attrs"]["href"]
    assert target(example.split("#")[0]) == (
        "/graph/analytics",
        {"from": "A/RES/65/230", "to": "seventh meeting of the Expert Group on Cybercrime"},
    )


def test_analytics_shortest_mandate_path(client) -> None:
    page = get(
        client,
        "/graph/analytics",
        **{"from": "A/RES/65/230", "to": "seventh meeting of the Expert Group on Cybercrime"},
    )
    assert page.text("path-result").startswith("3 steps from General Assembly resolution 65/230")
    steps = page.by_id["path-steps"]["items"]
    assert steps == [
        "General Assembly resolution 65/230",
        "— requested → Commission on Crime Prevention and Criminal Justice",
        "— established → Expert Group to Conduct a Comprehensive Study on Cybercrime",
        "— held → seventh meeting of the Expert Group on Cybercrime",
    ]


def test_analytics_names_an_unknown_resource(client) -> None:
    page = get(client, "/graph/analytics", **{"from": "no such thing", "to": "A/RES/65/230"})
    assert page.text("path-error") == (
        "no such thing: no such resource in the graph (give an IRI, a symbol or a label)"
    )
    assert "path-steps" not in page.by_id


# ---- in the browser ---------------------------------------------------------------------------

SOURCE_003 = ID + "source/003_a0921f454f036f6a"  # cites 15 resources: 8 shown, "+ 7 more cites"
MEETINGS = ID + "meeting/expert-group-cybercrime/"
CITES = "https://w3id.org/un-mandates/ontology#cites"


def ready(page, view: str = "explorer") -> None:
    """Waits until the view has drawn every answer of the API it asked for."""
    page.wait_for_selector(f"#{view}[data-state=ready]")


def drawn(page) -> int:
    """The resource nodes drawn, checked against the text alternative's count and list."""
    count = page.evaluate("window.mandatesGraph.nodes('.resource').length")
    sentence = page.locator("#graph-count").inner_text()
    assert sentence.startswith(f"{count} node"), sentence
    assert page.locator("#node-list > li:not(.more)").count() == count
    return count


def click_element(page, selector: str) -> None:
    """A real mouse click on a node (its centre) or an edge (its midpoint) of the drawing."""
    x, y = page.evaluate(
        """(selector) => {
             const el = window.mandatesGraph.$(selector).first();
             const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
             const box = document.getElementById("cy").getBoundingClientRect();
             return [box.left + p.x, box.top + p.y];
           }""",
        selector,
    )
    page.mouse.click(x, y)


def params(url: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)


@pytest.mark.browser
def test_open_a_resource_graph_expand_a_node_and_reload(page, live_server) -> None:
    page.goto(f"{live_server.url}/id/doc/A/RES/65/230")
    page.click("#graph-link a")
    page.wait_for_url(lambda url: "/graph?iri=" in url)
    ready(page)
    before = drawn(page)
    names = page.locator("#node-list > li").all_inner_texts()
    assert any(n.startswith("Commission on Crime Prevention and Criminal Justice") for n in names)
    assert not any(n.startswith("first meeting of the Expert Group") for n in names)

    click_element(page, f'node[id = "{CCPCJ}"]')
    ready(page)
    after = drawn(page)
    assert after > before
    assert page.locator(f'#node-list > li.expanded[data-id="{CCPCJ}"]').count() == 1
    names = page.locator("#node-list > li").all_inner_texts()
    assert any(n.startswith("Expert Group to Conduct a Comprehensive Study") for n in names)
    assert params(page.url) == {"iri": [RES], "expand": [CCPCJ]}, "the state is in the address"
    assert page.locator("#graph-panel h2").inner_text() == (
        "Commission on Crime Prevention and Criminal Justice"
    )

    page.reload()
    ready(page)
    assert drawn(page) == after, "the same view comes back from the address"
    assert page.locator(f'#node-list > li.expanded[data-id="{CCPCJ}"]').count() == 1


@pytest.mark.browser
def test_click_an_edge_and_see_its_quote(page, live_server) -> None:
    page.goto(f"{live_server.url}/graph?iri={urllib.parse.quote(RES)}")
    ready(page)
    click_element(page, f'edge[source = "{RES}"][target = "{CCPCJ}"][verb = "requested"]')
    page.wait_for_selector("#graph-panel blockquote.quote")
    panel = page.locator("#graph-panel")
    assert " ".join(panel.locator("h2").inner_text().split()) == (
        "General Assembly resolution 65/230 requested "
        "Commission on Crime Prevention and Criminal Justice"
    )
    quotes = panel.locator("blockquote.quote").all_inner_texts()
    assert any(
        "requested the Commission on Crime Prevention and Criminal Justice" in q for q in quotes
    )
    assert page.locator("#attestation-count").inner_text() == (
        f"{len(quotes)} attestation{'' if len(quotes) == 1 else 's'} of this statement."
    )
    sources = panel.locator("dd.source a")
    assert sources.first.get_attribute("href").startswith("/id/")
    assert "adopted text" in panel.locator("dd.status").all_inner_texts()
    reference = panel.locator("dd.paragraph a.reference", has_text="para. 1 of the draft report")
    assert reference.get_attribute("href") == "/read/source/001_fde95cc7223b96bc#para-1"
    page.click("#graph-panel a.statement")
    page.wait_for_url("**/id/statement/*")


@pytest.mark.browser
def test_the_text_alternative_works_from_the_keyboard(page, live_server) -> None:
    page.goto(f"{live_server.url}/graph?iri={urllib.parse.quote(RES)}")
    ready(page)
    before = drawn(page)
    page.locator(f'#node-list > li[data-id="{CCPCJ}"] button.expand').focus()
    page.keyboard.press("Enter")
    ready(page)
    assert drawn(page) > before
    assert page.locator(f'#node-list > li.expanded[data-id="{CCPCJ}"]').count() == 1
    requested = page.locator("#edge-list > li", has_text="65/230 — requested → Commission")
    requested.locator("button.quotes").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#graph-panel blockquote.quote")
    assert "requested" in page.locator("#graph-panel h2").inner_text()


@pytest.mark.browser
def test_a_capped_group_opens_with_more(page, live_server) -> None:
    query = urllib.parse.urlencode({"iri": RES, "expand": SOURCE_003})
    page.goto(f"{live_server.url}/graph?{query}")
    ready(page)
    more = page.locator("#node-list > li.more button", has_text="+ 7 more cites")
    assert more.count() == 1
    cites = f'edge[source = "{SOURCE_003}"][predicate = "{CITES}"]'
    assert page.evaluate("(s) => window.mandatesGraph.$(s).length", cites) == 8
    more.click()
    ready(page)
    assert page.locator("#node-list > li.more button", has_text="more cites").count() == 0
    assert page.evaluate("(s) => window.mandatesGraph.$(s).length", cites) == 15
    assert params(page.url)["more"] == [f"{SOURCE_003}|{CITES}|out"]
    page.reload()
    ready(page)
    assert page.evaluate("(s) => window.mandatesGraph.$(s).length", cites) == 15


@pytest.mark.browser
def test_filters_live_in_the_address(page, live_server) -> None:
    page.goto(f"{live_server.url}/graph?iri={urllib.parse.quote(CCPCJ)}")
    ready(page)
    everything = drawn(page)
    page.select_option("#filter-verb", "established")
    ready(page)
    assert params(page.url) == {"iri": [CCPCJ], "verb": ["established"]}
    verbs = page.evaluate("window.mandatesGraph.edges('.mandate').map(e => e.data('verb'))")
    assert set(verbs) - {None} == {"established"}
    assert drawn(page) < everything
    page.reload()
    ready(page)
    assert page.locator("#filter-verb").input_value() == "established"
    verbs = page.evaluate("window.mandatesGraph.edges('.mandate').map(e => e.data('verb'))")
    assert set(verbs) - {None} == {"established"}
    page.click("#graph-reset")
    ready(page)
    assert params(page.url) == {"iri": [CCPCJ]}
    assert drawn(page) == everything


@pytest.mark.browser
def test_export_the_view_as_png_and_svg(page, live_server) -> None:
    page.goto(f"{live_server.url}/graph?iri={urllib.parse.quote(RES)}")
    ready(page)
    for kind in ("png", "svg"):
        with page.expect_download() as info:
            page.click(f"#export-{kind}")
        download = info.value
        assert download.suggested_filename == f"graph.{kind}"
        head = Path(download.path()).read_bytes()[:200]
        assert head.startswith(b"\x89PNG") if kind == "png" else b"<svg" in head


@pytest.mark.browser
def test_lineage_of_65_230(page, live_server) -> None:
    page.goto(f"{live_server.url}/id/doc/A/RES/65/230")
    page.click("#graph-link a#lineage-link")
    page.wait_for_url(lambda url: "/graph/lineage?iri=" in url)
    ready(page, "lineage")
    meetings = page.locator("#timeline > li.kind-meeting")
    rows = [
        (li.get_attribute("data-id"), li.get_attribute("data-date"), li.get_attribute("class"))
        for li in meetings.all()
        if li.get_attribute("data-id").startswith(MEETINGS)
    ]
    assert [r[0] for r in rows] == [f"{MEETINGS}{n}" for n in range(1, 8)], "in date order"
    dates = [r[1] for r in rows]
    assert dates == sorted(dates)
    assert [d[:4] for d in dates] == ["2011", "2013", "2017", "2018", "2019", "2020", "2021"]
    postponed = [r[0] for r in rows if "postponed" in r[2].split()]
    assert postponed == [f"{MEETINGS}6"], "the 2020 postponement is visible"
    assert (
        page.evaluate(f"window.mandatesGraph.getElementById('{MEETINGS}6|planned').data('short')")
        == "first planned 2020-04-06"
    )
    all_dates = [li.get_attribute("data-date") for li in page.locator("#timeline > li").all()]
    assert all_dates == sorted(all_dates), "the whole timeline is in date order"

    lanes = page.locator("#lane-list > li.lane > h4").all_inner_texts()
    # 65/230 requested the Commission and endorsed the Salvador Declaration, adopted by the
    # Twelfth Congress: both lanes come next, then the Expert Group the Commission established
    assert lanes[0] == "General Assembly"
    assert set(lanes[1:3]) == {
        "Commission on Crime Prevention and Criminal Justice",
        "Twelfth United Nations Congress on Crime Prevention and Criminal Justice",
    }
    assert lanes[3] == "Expert Group to Conduct a Comprehensive Study on Cybercrime"
    acts = [" ".join(t.split()) for t in page.locator("#edge-list > li").all_inner_texts()]
    ga, ccpcj = "General Assembly", "Commission on Crime Prevention and Criminal Justice"
    group = "Expert Group to Conduct a Comprehensive Study on Cybercrime"
    for act in [
        f"{ga} resolution 65/230 — requested → {ccpcj}",
        f"{ccpcj} — established → {group}",
        f"{group} — held → first meeting of the Expert Group on Cybercrime",
        f"{group} — held → seventh meeting of the Expert Group on Cybercrime",
        "fourth meeting of the Expert Group on Cybercrime — report → "
        "report on the fourth meeting of the Expert Group on Cybercrime",
        f"{ccpcj} resolution 26/4 — requested → {group}",
        f"{ga} — adopted → {ga} resolution 74/247",
    ]:
        assert act in acts, act


@pytest.mark.parametrize("view", ["/graph", "/graph/lineage"])
@pytest.mark.parametrize("iri", [ID + "body/nowhere", "not an iri"])
def test_views_of_a_resource_the_graph_does_not_mention(client, view: str, iri: str) -> None:
    response = client.get(view, query_string={"iri": iri})
    assert response.status_code == 404
    assert f"The graph does not mention {iri}." in response.get_data(as_text=True)
