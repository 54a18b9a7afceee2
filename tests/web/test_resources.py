"""Resource pages: labels, properties by kind, evidence of mandate edges, inverse links, twins."""

from __future__ import annotations

import json
import urllib.request

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from mandates.namespaces import MND, PREFIXES
from mandates.store.embedded import StoreRoot
from mandates.web import create_app

from pages import Page
from support import crafted_store

ID = "https://w3id.org/un-mandates/id/"
RES = ID + "doc/A/RES/65/230"
CCPCJ = ID + "body/ccpcj"
FORMATS = {
    "ttl": ("text/turtle", "turtle"),
    "jsonld": ("application/ld+json", "json-ld"),
    "nt": ("application/n-triples", "nt"),
    "rdf": ("application/rdf+xml", "xml"),
}


def select(store: ox.Store, text: str) -> list[dict[str, str]]:
    rows = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
    return [{v.value: row[v.value].value for v in rows.variables} for row in rows]


@pytest.fixture(scope="module")
def store(built_store: StoreRoot) -> ox.Store:
    return built_store.open_read_only()


def get_page(client, url: str, status: int = 200) -> Page:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.content_type.startswith("text/html")
    return Page(response.get_data(as_text=True))


def test_resolution_page_has_label_symbol_official_text_and_evidence(client, store) -> None:
    page = get_page(client, "/id/doc/A/RES/65/230")
    assert page.title == "General Assembly resolution 65/230"
    assert page.text("prop-mnd-symbol") == "symbol A/RES/65/230"
    assert page.links("official-text") == [
        {
            "href": "https://undocs.org/A/RES/65/230",
            "text": "Official text of A/RES/65/230 at undocs.org",
        }
    ]
    assert {
        "href": "/resource?iri=https://w3id.org/un-mandates/ontology%23Resolution",
        "text": "resolution",
    } in page.links("types")
    assert "adopted by General Assembly" in page.text("document-facts")
    assert "date 21 December 2010" in page.text("document-facts")
    group = page.by_id["acts-issued-requested"]  # the acts it states, by verb
    assert group["tag"] == "details"
    assert page.texts("count", within=group) == ["1"]
    (act,) = page.texts("what", within=group)
    assert act == "21 December 2010 requested Commission on Crime Prevention and Criminal Justice"
    assert {
        "href": "/id/body/ccpcj",
        "text": "Commission on Crime Prevention and Criminal Justice",
    } in (group["links"])
    quotes = page.texts("quote", within=group)
    assert quotes == [
        "“requested the Commission on Crime Prevention and Criminal Justice to establish, in line"
        " with paragraph 42 of the Salvador Declaration”"
    ], "the first passage's words"
    expected = select(
        store,
        f"""SELECT DISTINCT ?a WHERE {{ ?st mnd:subject <{RES}> ;
        mnd:verb verb:requested ; mnd:object <{CCPCJ}> ; mnd:attestedBy ?a }}""",
    )
    references = [link for link in group["links"] if link["href"].startswith("/read/")]
    assert references == [
        {
            "href": "/read/source/000_035319f5f44c71e9#para-item-1-b",
            "text": "agenda item 1 (b) of the annotated provisional agenda of the fifth meeting of"
            " the Expert Group on Cybercrime",
        }
    ], "a human reference, linked to its paragraph in the reader"
    more = [link for link in group["links"] if link["text"].endswith("more passages")]
    assert more == [
        {"href": "/id/statement/a0f4bb9a1eaf18ff", "text": f"{len(expected) - 1} more passages"}
    ]
    data = page.by_id["prop-mnd-requested"]  # the data view keeps the edge, its evidence linked
    assert {
        "href": "/id/body/ccpcj",
        "text": "Commission on Crime Prevention and Criminal Justice",
    } in (data["links"])
    assert {
        "href": "/id/statement/a0f4bb9a1eaf18ff",
        "text": f"evidence: {len(expected)} passages",
    } in data["links"]
    assert not any("attestation/" in link["text"] for link in page.by_id["resource"]["links"]), (
        "ids only in the data views"
    )


def test_body_page_counts_inverse_links(client, store) -> None:
    page = get_page(client, "/id/body/ccpcj")
    assert page.title == "Commission on Crime Prevention and Criminal Justice"
    assert "acronym CCPCJ" == page.text("prop-mnd-acronym")
    for prop, name in (
        ("requested", "requested"),
        ("adoptedBy", "adopted by"),
        ("invited", "invited"),
    ):
        rows = select(store, f"SELECT DISTINCT ?s WHERE {{ ?s mnd:{prop} <{CCPCJ}> }}")
        n = len(rows)
        noun = "1 resource links" if n == 1 else f"{n} resources link"
        section = page.by_id[f"inv-mnd-{prop}"]
        assert page.texts("count", within=section) == [f"{noun} here as “{name}”."]
    section = page.by_id["inv-mnd-requested"]
    assert {
        "href": "/id/doc/A/RES/65/230",
        "text": "General Assembly resolution 65/230",
    } in section["links"]
    received = page.by_id["acts-received-requested"]
    assert page.texts("what", within=received) == [
        "21 December 2010 General Assembly resolution 65/230 requested it"
    ]
    assert any("requested the Commission" in q for q in page.texts("quote", within=received))
    issued = page.by_id["acts-issued-established"]
    assert page.texts("what", within=issued) == [
        "established Expert Group to Conduct a Comprehensive Study on Cybercrime"
    ]


def test_expert_group_page_leads_with_what_it_is_and_its_dated_meetings(client) -> None:
    page = get_page(client, "/id/body/expert-group-cybercrime")
    assert page.text("body-kind") == "expert group"
    assert page.text("established").startswith(
        "By Commission on Crime Prevention and Criminal Justice (the texts give no date)."
    )
    assert page.text("first-meeting") == "First met on 17 January 2011, in Vienna."
    assert page.text("meeting-count") == (
        "7 meetings, from 17 January 2011 to 8 April 2021; 1 postponed."
    )
    rows = page.by_id["meeting-table"]["links"]
    ordinals = "first second third fourth fifth sixth seventh".split()
    assert [r["text"] for r in rows] == [
        f"{o} meeting of the Expert Group on Cybercrime" for o in ordinals
    ]
    assert page.texts("status", within=page.by_id["meeting-table"])[5] == (
        "postponed from 6–8 April 2020; held"
    )
    table = page.text("meeting-table")
    for dates in ("17–21 January 2011", "27–29 July 2020 not stated (hybrid)", "6–8 April 2021"):
        assert dates in table
    marks = [a for a in page.by_class["meeting-mark"]]
    assert [m["text"].split()[-1] for m in marks] == [str(n) for n in range(1, 8)]
    assert [m["attrs"]["href"] for m in marks] == [
        f"/id/meeting/expert-group-cybercrime/{n}" for n in range(1, 8)
    ]
    assert "postponed" in marks[5]["attrs"]["class"].split()
    issued = {
        g["attrs"]["id"]: g
        for g in page.by_class["act-group"]
        if g["attrs"]["id"].startswith("acts-issued")
    }
    held = issued["acts-issued-held"]
    assert "open" not in held["attrs"], "a group of more than three acts starts folded"
    assert page.texts("count", within=held) == ["7"]


def test_meeting_page_spells_out_dates(client) -> None:
    page = get_page(client, "/id/meeting/expert-group-cybercrime/5")
    assert page.title == "fifth meeting of the Expert Group on Cybercrime"
    assert page.text("prop-mnd-startDate") == "start date 27 March 2019"
    assert page.text("prop-mnd-endDate") == "end date 29 March 2019"
    assert page.text("meeting-dates") == "27–29 March 2019"
    assert {
        "href": "/id/body/expert-group-cybercrime",
        "text": "Expert Group to Conduct a Comprehensive Study on Cybercrime",
    } in page.links("prop-mnd-meetingOf")
    sixth = get_page(client, "/id/meeting/expert-group-cybercrime/6")
    assert sixth.text("meeting-status") == "held, postponed; first planned for 6–8 April 2020"


def test_statement_page_shows_every_passage(client, store) -> None:
    (row,) = select(
        store,
        f"""SELECT DISTINCT ?st WHERE {{ ?st mnd:subject <{RES}> ;
        mnd:verb verb:requested ; mnd:object <{CCPCJ}> }}""",
    )
    attestations = select(
        store,
        f"""SELECT DISTINCT ?a ?quote WHERE {{ <{row["st"]}> mnd:attestedBy ?a .
        ?a mnd:quote ?quote }}""",
    )
    page = get_page(client, "/id/" + row["st"][len(ID) :])
    assert page.links("statement-subject") == [
        {"href": "/id/doc/A/RES/65/230", "text": "General Assembly resolution 65/230"}
    ]
    assert page.links("statement-verb") == [
        {
            "href": "/resource?iri=https://w3id.org/un-mandates/ontology/verb%23requested",
            "text": "requested",
        }
    ]
    assert page.links("statement-object") == [
        {"href": "/id/body/ccpcj", "text": "Commission on Crime Prevention and Criminal Justice"}
    ]
    n = len({a["a"] for a in attestations})
    assert page.text("attestation-count") == f"Stated in {n} passages of {n} documents."
    section = page.by_id["statement"]
    assert sorted(page.texts("quote", within=section)) == sorted(
        f"“{a['quote']}”" for a in attestations
    )
    references = page.texts("reference", within=section)
    assert len(references) == n
    assert (
        "para. 1 of the draft report of the fourth meeting of the Expert Group on Cybercrime"
        in (references)
    )
    readers = [link["href"] for link in section["links"] if link["href"].startswith("/read/")]
    assert "/read/source/001_fde95cc7223b96bc#para-1" in readers and len(readers) == n
    assert all(t for t in page.texts("status", within=section) + page.texts("kind", within=section))
    assert not any("attestation" in link["text"] for link in section["links"]), "no raw ids"
    assert "received" not in page.by_id, "a statement is not an act that names itself"


def test_verb_concept_page(client, store) -> None:
    page = get_page(client, "/resource?iri=https://w3id.org/un-mandates/ontology/verb%23requested")
    assert page.title == "requested"
    assert page.text("description").startswith("The act in which an agent asked another agent")
    assert {
        "href": "/resource?iri=https://w3id.org/un-mandates/ontology%23requested",
        "text": "requested",
    } in page.links("prop-mnd-verbProperty")
    n = len(select(store, "SELECT DISTINCT ?s WHERE { ?s mnd:verb verb:requested }"))
    assert page.texts("count", within=page.by_id["inv-mnd-verb"]) == [
        f"{n} resources link here as “statement verb”."
    ]


def test_ontology_term_page_pages_long_inverse_lists(client, store) -> None:
    page = get_page(client, "/resource?iri=https://w3id.org/un-mandates/ontology%23Attestation")
    assert page.title == "attestation"
    assert page.text("description").startswith("A passage of a source document")
    n = len(select(store, "SELECT DISTINCT ?s WHERE { ?s a mnd:Attestation }"))
    pages = -(-n // 20)
    section = page.by_id["inv-rdf-type"]
    assert page.texts("count", within=section) == [
        f"{n} resources link here as “type”; page 1 of {pages}."
    ]
    first = [
        link["href"] for link in section["links"] if link["href"].startswith("/id/attestation/")
    ]
    assert len(first) == 20
    (more,) = [link for link in section["links"] if link["text"] == "more"]
    second_page = get_page(client, more["href"])
    second = second_page.by_id["inv-rdf-type"]
    assert f"page 2 of {pages}." in second_page.texts("count", within=second)[0]
    again = [
        link["href"] for link in second["links"] if link["href"].startswith("/id/attestation/")
    ]
    assert again and not set(again) & set(first)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/id/no/such/thing", "The graph does not mention this IRI."),
        ("/resource?iri=http://example.org/nothing", "The graph does not mention this IRI."),
        ("/resource?iri=not%20an%20iri", "This is not a valid IRI."),
    ],
)
def test_missing_iri_is_a_clear_404(client, url: str, reason: str) -> None:
    page = get_page(client, url, status=404)
    assert page.title == "Not in the graph"
    assert page.text("reason") == reason
    assert client.get(url + ("&" if "?" in url else "?") + "format=ttl").status_code == 404


# rdflib 7.6's own JSON-LD parser still builds a ConjunctiveGraph inside and warns about it.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("by", ["format", "accept"])
def test_twin_in_every_format(client, store, name: str, by: str) -> None:
    media, rdflib_format = FORMATS[name]
    if by == "format":
        response = client.get(f"/id/doc/A/RES/65/230?format={name}")
    else:
        response = client.get("/id/doc/A/RES/65/230", headers={"Accept": media})
    assert response.status_code == 200
    assert response.mimetype == media
    graph = Graph().parse(data=response.get_data(as_text=True), format=rdflib_format)
    res, mnd = URIRef(RES), lambda n: URIRef(str(MND) + n)
    assert (res, mnd("symbol"), Literal("A/RES/65/230")) in graph
    assert (res, mnd("requested"), URIRef(CCPCJ)) in graph
    statements = set(graph.subjects(mnd("subject"), res))
    assert statements and all((s, mnd("attestedBy"), None) in graph for s in statements)
    quotes = {str(q) for q in graph.objects(None, mnd("quote"))}
    assert any("requested the Commission on Crime Prevention" in q for q in quotes)
    expected = select(
        store,
        f"""SELECT DISTINCT ?a WHERE {{ ?st mnd:subject <{RES}> ;
        mnd:attestedBy ?a }}""",
    )
    assert len(set(graph.subjects(mnd("quote"), None))) == len(expected)


def test_page_advertises_its_twins(client) -> None:
    page = get_page(client, "/id/body/ccpcj")
    alternates = [(h["type"], h["href"]) for h in page.heads if h.get("rel") == "alternate"]
    assert alternates == [
        ("text/turtle", "/id/body/ccpcj?format=ttl"),
        ("application/ld+json", "/id/body/ccpcj?format=jsonld"),
        ("application/n-triples", "/id/body/ccpcj?format=nt"),
        ("application/rdf+xml", "/id/body/ccpcj?format=rdf"),
    ]
    for media, href in alternates:
        assert client.get(href).mimetype == media
    iri_page = get_page(client, "/resource?iri=https://w3id.org/un-mandates/ontology%23Resolution")
    assert {
        "href": "/resource?iri=https://w3id.org/un-mandates/ontology%23Resolution&format=ttl",
        "text": "Turtle",
    } in iri_page.links("formats")


def test_graph_iri_given_to_resource_redirects_to_its_page(client) -> None:
    response = client.get("/resource?iri=https://w3id.org/un-mandates/id/body/ccpcj")
    assert response.status_code == 308
    assert response.headers["Location"] == "/id/body/ccpcj"


def test_negotiation_refuses_what_it_cannot_serve(client) -> None:
    assert client.get("/id/body/ccpcj", headers={"Accept": "application/xml"}).status_code == 406
    assert client.get("/id/body/ccpcj", headers={"Accept": "text/plain"}).status_code == 406
    assert client.get("/id/body/ccpcj?format=csv").status_code == 400
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/id/body/ccpcj", headers={"Accept": browser}).mimetype == "text/html"
    assert client.get("/id/body/ccpcj", headers={"Accept": "*/*"}).mimetype == "text/html"


HOSTILE = """
@prefix mnd: <https://w3id.org/un-mandates/ontology#> .
@prefix verb: <https://w3id.org/un-mandates/ontology/verb#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@base <https://w3id.org/un-mandates/id/> .
<doc/X/1> a mnd:Resolution ; rdfs:label "<script>alert(1)</script>"@en ;
    mnd:symbol "X/1\\"><script>alert(2)</script>" ;
    mnd:officialText <javascript:alert(1)> ;
    rdfs:seeAlso <data:text/html,%3Cscript%3Ealert(3)%3C/script%3E> ;
    mnd:requested <javascript:alert(1)> .
<statement/x> a mnd:Statement ; mnd:subject <doc/X/1> ; mnd:verb verb:requested ;
    mnd:object <javascript:alert(1)> ; mnd:attestedBy <attestation/x> .
<attestation/x> a mnd:Attestation ; mnd:quote "<img src=x onerror=alert(4)>" ;
    mnd:paragraph "<b>1</b>" ; mnd:source <data:text/html,%3Cscript%3Ealert(5)%3C/script%3E> ;
    mnd:assertionStatus mnd:AdoptedText ; mnd:evidenceKind mnd:PrimaryEvidence .
"""


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory: pytest.TempPathFactory):
    store = crafted_store(
        tmp_path_factory.mktemp("hostile"),
        tmp_path_factory.mktemp("hostile-store"),
        HOSTILE,
        "hostile",
    )
    return create_app({"STORE": str(store)}).test_client()


def _no_live_scheme(page: Page) -> None:
    for tag, name, value in page.attributes:
        assert not value.strip().lower().startswith(("javascript:", "data:")), (tag, name, value)


@pytest.mark.parametrize(
    "url",
    [
        "/id/doc/X/1",
        "/id/statement/x",
        "/id/attestation/x",
        "/resource?iri=javascript:alert(1)",
        "/resource?iri=data:text/html,%253Cscript%253Ealert(3)%253C/script%253E",
        "/search?q=script",
    ],
)
def test_hostile_values_are_escaped_and_never_live_links(hostile_client, url: str) -> None:
    response = hostile_client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html[:300]
    assert "<script>" not in html and "<img" not in html and "<b>1" not in html
    page = Page(html)
    _no_live_scheme(page)
    if url == "/id/doc/X/1":
        assert page.title == "<script>alert(1)</script>"
        assert "javascript:alert(1)" in page.text("prop-mnd-officialText")
        assert "data:text/html" in page.text("prop-rdfs-seeAlso")
        assert page.texts("quote") == ["“<img src=x onerror=alert(4)>”"]
        assert page.links("official-text")[0]["href"].startswith("https://undocs.org/X/1")
    if url == "/id/attestation/x":
        assert page.text("prop-mnd-paragraph") == "paragraph <b>1</b>"


@pytest.mark.slow
def test_live_server_serves_pages_and_twins(live_server) -> None:
    with urllib.request.urlopen(live_server.url + "/id/doc/A/RES/65/230", timeout=30) as r:
        page = Page(r.read().decode())
    assert page.title == "General Assembly resolution 65/230"
    request = urllib.request.Request(
        live_server.url + "/id/body/ccpcj", headers={"Accept": "text/turtle"}
    )
    with urllib.request.urlopen(request, timeout=30) as r:
        assert r.headers.get_content_type() == "text/turtle"
        graph = Graph().parse(data=r.read().decode(), format="turtle")
    assert (URIRef(CCPCJ), URIRef(str(MND) + "acronym"), Literal("CCPCJ")) in graph
    with urllib.request.urlopen(live_server.url + "/search?q=22/7&format=json", timeout=30) as r:
        found = json.load(r)
    assert found["results"][0]["url"] == "/id/resolution/ccpcj/22/7"
