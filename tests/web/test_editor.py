"""The query editor: vendored YASGUI preset to this endpoint, with local completions."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from mandates.web.editor import YASGUI_VERSION

from support import ROOT


def test_vendored_version_is_pinned() -> None:
    package = json.loads((ROOT / "package.json").read_text())
    assert package["devDependencies"]["@zazuko/yasgui"] == YASGUI_VERSION
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/@zazuko/yasgui"]["version"] == YASGUI_VERSION
    for suffix in ("js", "css"):
        assert (
            ROOT / "web" / "static" / "vendor" / f"yasgui-{YASGUI_VERSION}.min.{suffix}"
        ).is_file(), "run `make assets`"


def test_editor_page(client) -> None:
    html = client.get("/editor?query=ASK%20%7B%7D").get_data(as_text=True)
    assert f"/static/vendor/yasgui-{YASGUI_VERSION}.min.js" in html
    assert re.search(r'data-endpoint="http://localhost/sparql"', html)
    assert '<textarea id="initial-query" hidden>ASK {}</textarea>' in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
    assert "<script>" not in html, "no inline script"


def test_vocabulary(client) -> None:
    data = client.get("/editor/vocabulary.json").get_json()
    assert "mnd: <https://w3id.org/un-mandates/ontology#>" in data["prefixes"]
    assert "https://w3id.org/un-mandates/ontology#Resolution" in data["classes"]
    assert "https://w3id.org/un-mandates/ontology#requested" in data["properties"]


@pytest.mark.browser
def test_run_a_query_in_the_editor(page, live_server) -> None:
    query = (
        "PREFIX mnd: <https://w3id.org/un-mandates/ontology#>\n"
        "SELECT ?meeting ?n WHERE { ?meeting a mnd:Meeting ; mnd:ordinal ?n ;"
        " mnd:meetingOf <https://w3id.org/un-mandates/id/body/expert-group-cybercrime> }"
        " ORDER BY ?n"
    )
    page.goto(f"{live_server.url}/editor?query={urllib.parse.quote(query)}")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr")
    rows = page.locator(".yasr table tbody tr")
    assert rows.count() == 7
    first = page.locator(".yasr a.resource-link").first
    assert first.get_attribute("href") == "/id/meeting/expert-group-cybercrime/1"
    assert "query=PREFIX" in page.url, "the query is kept in the address"
