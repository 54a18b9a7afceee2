"""Stored XSS: hostile labels, symbols, quotes and link targets loaded into the graph are shown
as text and never as live links on every page that shows data (search, graph views, analytics,
saved queries and their CSV, the load log, the home page, the source texts, resource pages, the
validation report)."""

from __future__ import annotations

import csv
import io
import re

import pytest

from mandates.query import saved as saved_queries
from mandates.web import create_app

from pages import Scripts
from support import crafted_store

ID = "https://w3id.org/un-mandates/id/"

HOSTILE = """\
@prefix mnd: <https://w3id.org/un-mandates/ontology#> .
@prefix verb: <https://w3id.org/un-mandates/ontology/verb#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@base <https://w3id.org/un-mandates/id/> .
<doc/X/1> a mnd:Resolution ; rdfs:label "<script>alert(1)</script>"@en ;
    skos:altLabel "=HYPERLINK(\\"http://evil.example\\")"@en ;
    mnd:symbol "X/1\\"><script>alert(2)</script>" ;
    mnd:officialText <javascript:alert(1)> ;
    rdfs:seeAlso <data:text/html,%3Cscript%3Ealert(3)%3C/script%3E> ;
    mnd:requested <javascript:alert(1)> .
<body/evil> a mnd:Body ; rdfs:label "<img src=x onerror=alert(6)>"@en ; mnd:acronym "@SUM(1)" .
<statement/x> a mnd:Statement ; mnd:subject <doc/X/1> ; mnd:verb verb:requested ;
    mnd:object <body/evil> ; mnd:attestedBy <attestation/x> .
<statement/y> a mnd:Statement ; mnd:subject <doc/X/1> ; mnd:verb verb:requested ;
    mnd:object <javascript:alert(1)> ; mnd:attestedBy <attestation/x> .
<attestation/x> a mnd:Attestation ; mnd:quote "<img src=x onerror=alert(4)>" ;
    mnd:paragraph "<b>1</b>" ; mnd:source <data:text/html,%3Cscript%3Ealert(5)%3C/script%3E> ;
    mnd:assertionStatus mnd:AdoptedText ; mnd:evidenceKind mnd:PrimaryEvidence .
"""
LINKS = ("href", "src", "action", "formaction", "srcset", "poster", "xlink:href")
PAGES = [
    "/search?q=script",
    "/search?q=alert",
    "/search?q=evil",
    f"/graph?iri={ID}doc/X/1",
    f"/graph?iri={ID}body/evil",
    f"/graph/lineage?iri={ID}doc/X/1",
    "/graph/analytics",
    f"/graph/analytics?from={ID}doc/X/1&to={ID}body/evil",
    "/graph?iri=javascript:alert(1)",
    "/loads",
    "/",
    "/read",
    "/id/doc/X/1",
    "/id/body/evil",
    "/id/statement/x",
    "/id/attestation/x",
]


def _harmless(html: str, where: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>1" not in html, where
    parsed = Scripts(html)
    assert parsed.inline == [], where
    for tag, name, value in parsed.attributes:
        if name in LINKS or (name.startswith("data-") and name != "data-iri"):
            assert not value.strip().lower().startswith(("javascript:", "data:")), (where, tag)


@pytest.mark.slow
def test_stored_xss_on_every_page_that_shows_data(tmp_path_factory) -> None:
    store = crafted_store(
        tmp_path_factory.mktemp("xss"), tmp_path_factory.mktemp("xss-store"), HOSTILE, "hostile"
    )
    c = create_app({"STORE": str(store)}).test_client()
    for url in PAGES:
        response = c.get(url, headers={"Accept": "text/html"})
        assert response.status_code == 200, (url, response.status_code)
        _harmless(response.get_data(as_text=True), url)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in c.get("/search?q=script").get_data(True)
    api = c.get("/graph/api/neighbourhood", query_string={"iri": ID + "doc/X/1"})
    assert api.status_code == 200 and api.mimetype == "application/json"
    assert api.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>alert(1)</script>" in api.get_data(as_text=True)  # data, shown as text by JS
    urls = re.findall(r'"url": ?"([^"]*)"', api.get_data(as_text=True))
    assert urls and all(u.startswith("/") for u in urls), urls  # links only to this server

    shown = 0
    for query in saved_queries.load_all():
        page = c.get(f"/queries/{query.id}")
        assert page.status_code == 200, query.id
        html = page.get_data(as_text=True)
        _harmless(html, query.id)
        shown += "&lt;script&gt;" in html or "&lt;img" in html
        if query.form == "SELECT":
            cells = [
                cell
                for row in csv.reader(io.StringIO(c.get(f"/queries/{query.id}.csv").get_data(True)))
                for cell in row
            ]
            assert not any(cell.startswith(("=", "+", "@")) for cell in cells), query.id
    assert shown, "no saved query showed the hostile labels"

    report = c.post(
        "/validate",
        data={
            "text": HOSTILE.replace(
                '"<script>alert(1)</script>"@en', '"<script>alert(7)</script>"@fr'
            )
            + "<body/evil> mnd:subsidiaryOf <javascript:alert(8)> .\n",
            "format": "ttl",
        },
    )
    assert report.status_code == 303
    html = c.get(report.headers["Location"]).get_data(as_text=True)
    _harmless(html, "validation report")
    assert '<td class="value"><code>javascript:alert(8)</code></td>' in html  # text, not a link
    assert '<a href="/id/body/evil">&lt;img src=x onerror=alert(6)&gt;</a>' in html
