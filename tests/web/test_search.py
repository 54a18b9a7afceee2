"""Search: symbols in any form, names and aliases, ranking, facets that narrow, the JSON twin."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mandates.ingest.build import build
from mandates.store.embedded import StoreRoot
from mandates.web import create_app

from pages import Page

ID = "https://w3id.org/un-mandates/id/"


def search_page(client, url: str) -> Page:
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    return Page(response.get_data(as_text=True))


def results(page: Page) -> list[dict[str, str]]:
    return page.links("results")


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("65/230", "/id/doc/A/RES/65/230"),
        ("A/RES/65/230", "/id/doc/A/RES/65/230"),
        ("a/res/65/230", "/id/doc/A/RES/65/230"),
        ("resolution 65/230", "/id/doc/A/RES/65/230"),
        ("General Assembly resolution 65/230", "/id/doc/A/RES/65/230"),
        ("22/7", "/id/resolution/ccpcj/22/7"),
        ("Commission resolution 22/7", "/id/resolution/ccpcj/22/7"),
        ("CCPCJ", "/id/body/ccpcj"),
        ("Expert Group", "/id/body/expert-group-cybercrime"),
    ],
)
def test_first_result(client, query: str, first: str) -> None:
    page = search_page(client, f"/search?q={query}")
    assert page.title == f"Search: “{query}”"
    assert results(page)[0]["href"] == first
    data = client.get(f"/search?q={query}&format=json").get_json()
    n, pages = data["total"], data["pages"]
    more = f"; page 1 of {pages}" if pages > 1 else ""
    assert page.text("result-count") == f"{n} result{'' if n == 1 else 's'} for “{query}”{more}."
    assert len(results(page)) == min(n, 50)


def test_expert_group_comes_before_its_meetings(client) -> None:
    hrefs = [r["href"] for r in results(search_page(client, "/search?q=Expert+Group"))]
    meetings = [
        i for i, h in enumerate(hrefs) if h.startswith("/id/meeting/expert-group-cybercrime/")
    ]
    assert meetings and hrefs.index("/id/body/expert-group-cybercrime") < min(meetings)


def _facet(page: Page, facet: str, label: str) -> tuple[str, int]:
    section = page.by_id[f"facet-{facet}"]
    (link,) = [a for a in section["links"] if a["text"] == label]
    counts = page.texts("count", within=section)
    index = [a["text"] for a in section["links"]].index(label)
    return link["href"], int(counts[index])


def test_type_facet_narrows_to_meetings(client) -> None:
    page = search_page(client, "/search?q=Expert+Group")
    total = len(results(page))
    href, count = _facet(page, "type", "meeting")
    assert 0 < count < total
    narrowed = search_page(client, href)
    assert parse_qs(urlsplit(href).query)["type"] == [
        "https://w3id.org/un-mandates/ontology#Meeting"
    ]
    assert len(results(narrowed)) == count
    assert narrowed.text("result-count") == f"{count} results for “Expert Group”."
    assert all(t == "meeting" for t in narrowed.texts("types"))
    assert narrowed.text("active-filters").startswith("Narrowed to: type: meeting")


def test_year_and_body_facets_narrow(client) -> None:
    page = search_page(client, "/search?q=meeting")
    href, count = _facet(page, "year", "2019")
    narrowed = search_page(client, href)
    assert len(results(narrowed)) == count
    assert "/id/meeting/expert-group-cybercrime/5" in [r["href"] for r in results(narrowed)]
    assert "/id/meeting/expert-group-cybercrime/4" not in [r["href"] for r in results(narrowed)]
    page = search_page(client, "/search?q=resolution")
    href, count = _facet(page, "body", "Commission on Crime Prevention and Criminal Justice")
    narrowed_hrefs = [r["href"] for r in results(search_page(client, href))]
    assert len(narrowed_hrefs) == count
    assert {"/id/resolution/ccpcj/22/7", "/id/resolution/ccpcj/26/4"} <= set(narrowed_hrefs)
    assert "/id/doc/A/RES/74/247" not in narrowed_hrefs  # adopted by the General Assembly


def test_verb_facet_narrows_statements(client) -> None:
    page = search_page(client, "/search?q=Expert+Group")
    href, count = _facet(page, "verb", "held")
    narrowed = search_page(client, href)
    assert len(results(narrowed)) == count > 0
    assert all(" held " in r["text"] for r in results(narrowed))
    assert set(narrowed.texts("types")) == {"mandate statement"}


def test_unknown_filter_values_give_no_results(client) -> None:
    page = search_page(client, "/search?q=Expert+Group&type=not+an+iri&year=1900")
    assert page.text("result-count") == "0 results for “Expert Group”."
    assert results(page) == []
    assert page.text("active-filters") == "Narrowed to: type: not an iri × year: 1900 ×"


def test_json_twin(client) -> None:
    for response in (
        client.get("/search?q=65/230&format=json"),
        client.get("/search?q=65/230", headers={"Accept": "application/json"}),
    ):
        assert response.mimetype == "application/json"
        data = response.get_json()
        assert data["query"] == "65/230"
        assert data["results"][0]["iri"] == ID + "doc/A/RES/65/230"
        assert data["results"][0]["url"] == "/id/doc/A/RES/65/230"
        assert data["results"][0]["label"] == "General Assembly resolution 65/230"
        assert data["total"] == len(data["results"])
        types = {f["label"]: f["count"] for f in data["facets"]["type"]}
        assert types["resolution"] == 1
    page = search_page(client, "/search?q=65/230")
    alternate = [h["href"] for h in page.heads if h.get("rel") == "alternate"]
    assert alternate == ["/search?q=65/230&format=json"]


def test_index_follows_a_rebuilt_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "curated").mkdir(parents=True)
    turtle = (
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/un-mandates/id/matter/x> a "
        "<https://w3id.org/un-mandates/ontology#Matter> ; rdfs:label %s .\n"
    )
    (data / "curated" / "x.ttl").write_text(turtle % '"alpha matter"@en')
    root = StoreRoot(tmp_path / "store")
    build(root, data, validate=False)
    client = create_app({"STORE": str(root.root)}).test_client()
    assert client.get("/search?q=alpha&format=json").get_json()["total"] == 1
    (data / "curated" / "x.ttl").write_text(turtle % '"beta matter"@en')
    build(root, data, validate=False)
    assert client.get("/search?q=alpha&format=json").get_json()["total"] == 0
    assert (
        client.get("/search?q=beta&format=json").get_json()["results"][0]["label"] == "beta matter"
    )
