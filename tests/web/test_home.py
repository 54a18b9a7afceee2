"""The home page starts the work (the chain drawn, linked counts, the questions, the ways in),
and an address that leads nowhere gets a page that offers the search and the way home."""

from __future__ import annotations

import pytest

from mandates.query import saved as saved_queries

from pages import Page

ID = "https://w3id.org/un-mandates/id/"


@pytest.fixture(scope="module")
def home(app) -> Page:
    response = app.test_client().get("/")
    assert response.status_code == 200
    return Page(response.get_data(as_text=True))


def test_the_chain_is_drawn_and_every_part_links(home: Page) -> None:
    drawing = home.by_id["chain-drawing"]
    assert drawing["tag"] == "svg"
    lanes = [" ".join(n["text"].split()) for n in home.by_class["lane-name"]]
    assert lanes[:2] == [
        "General Assembly General Assembly",
        "Commission on Crime Prevention and Criminal Justice CCPCJ",
    ], "the full name as the title, the short one drawn"
    assert "Expert Group to Conduct a Comprehensive Study on Cybercrime Expert Group" in lanes
    points = {p["attrs"]["href"]: " ".join(p["text"].split()) for p in home.by_class["point"]}
    assert points["/id/doc/A/RES/65/230"].endswith("65/230")
    assert points["/id/resolution/ccpcj/22/7"].endswith("CCPCJ 22/7")
    assert points["/id/resolution/ccpcj/26/4"].endswith("CCPCJ 26/4"), "distinct short labels"
    meetings = [h for h in points if h.startswith("/id/meeting/expert-group-cybercrime/")]
    assert len(meetings) == 7
    acts = {" ".join(a["text"].split()) for a in home.by_class["act"]}
    assert any(
        a.startswith("General Assembly resolution 65/230 requested Commission") for a in acts
    )
    assert all(a["attrs"]["href"].startswith("/id/statement/") for a in home.by_class["act"]), (
        "each arrow opens its statement"
    )
    assert {
        "href": "/graph/lineage?iri=https://w3id.org/un-mandates/id/doc/A/RES/65/230",
        "text": "lineage view",
    } in home.links("chain")


def test_counts_are_linked_and_the_triples_explained(home: Page) -> None:
    total = home.text("total")
    assert "quads (triples with the named graph that states them)" in total
    assert "the default graph that /sparql queries" in total
    classes = home.links("classes")
    assert {
        "href": "/resource?iri=https://w3id.org/un-mandates/ontology%23Statement",
        "text": "mandate statement",
    } in classes
    assert {
        "href": "/resource?iri=https://w3id.org/un-mandates/ontology%23Statement#inv-rdf-type",
        "text": "61",
    } in classes
    verbs = {link["text"] for link in home.links("verbs")}
    assert "took note of" in verbs and "noted" not in verbs, "one label per verb"
    assert not any(t.startswith(("mnd:", "https://")) for t in verbs | {c["text"] for c in classes})
    graphs = [link["text"] for link in home.links("graphs")]
    assert "curated/mandates" in graphs and "source/001_fde95cc7223b96bc" in graphs


def test_questions_and_the_ways_in(home: Page) -> None:
    questions = home.links("question-list")
    assert [q["href"] for q in questions] == [f"/queries/{q.id}" for q in saved_queries.load_all()]
    ways = {link["href"] for link in home.links("more")} | {
        link["href"] for link in home.links("start")
    }
    assert {"/graph/analytics", "/loads", "/read", "/queries", "/graph/lineage"} <= ways


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/no/such/page", "There is no page at this address"),
        (
            "/graph/lineage?iri=https://w3id.org/un-mandates/id/body/nowhere",
            "The graph does not mention https://w3id.org/un-mandates/id/body/nowhere.",
        ),
    ],
)
def test_an_address_that_leads_nowhere(client, url: str, reason: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    page = Page(response.get_data(as_text=True))
    assert page.title == "Nothing here"
    assert page.text("reason").startswith(reason)
    form = page.by_id["not-found-search"]
    assert form["tag"] == "form" and form["attrs"]["action"] == "/search"
    assert {"href": "/", "text": "The home page"} in page.links("ways")
    assert any(h.get("href") == "/static/home.css" for h in page.heads), "styled as the site"
