"""The explorer as a person uses it, in headless Chromium: pages, links, quotes, queries.

Every page fixture fails the test if the page requests anything off this server.
"""

from __future__ import annotations

import pytest

from mandates.query.saved import by_id

pytestmark = pytest.mark.browser


def test_follow_a_mandate_received_and_see_the_quote(page, live_server) -> None:
    page.goto(f"{live_server.url}/id/body/ccpcj")
    assert page.locator("h1#label").inner_text() == (
        "Commission on Crime Prevention and Criminal Justice"
    )
    requested = page.locator("details#acts-received-requested")
    assert requested.locator("summary").inner_text() == "requested 1"
    link = requested.locator("li.act .what a.iri", has_text="65/230").first
    link.click()
    page.wait_for_url("**/id/doc/A/RES/65/230")
    assert "65/230" in page.locator("h1#label").inner_text()
    edge = page.locator("#acts-issued-requested")
    quotes = edge.locator("blockquote.quote")
    assert quotes.count() >= 1
    assert any(
        "requested the Commission on Crime Prevention and Criminal Justice" in q
        for q in quotes.all_inner_texts()
    )
    assert edge.locator("a.reference").first.get_attribute("href").startswith("/read/source/")
    official = page.locator("#official-text a")
    assert official.get_attribute("href") == "https://undocs.org/A/RES/65/230"
    cites = page.locator("section#inv-mnd-cites")
    assert not cites.is_visible(), "the data view starts folded"
    page.locator("details#inverse > summary").click()
    assert cites.is_visible() and cites.locator("ul.values > li").count() >= 4


def test_search_then_open_the_result(page, live_server) -> None:
    page.goto(f"{live_server.url}/")
    page.fill("header form.search input[name=q]", "resolution 65/230")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    first = page.locator("ol#results li.result a").first
    assert "65/230" in first.inner_text()
    first.click()
    page.wait_for_url("**/id/doc/A/RES/65/230")


def test_run_a_saved_query_and_see_its_rows(page, live_server) -> None:
    page.goto(f"{live_server.url}/queries")
    page.locator("a.run").first.click()
    page.wait_for_selector("table")
    assert page.locator("table tbody tr").count() >= 1


def test_open_a_saved_query_in_the_editor_and_run_it(page, live_server) -> None:
    page.goto(f"{live_server.url}/queries")
    item = page.locator("li", has=page.locator("a.editor")).filter(has_text="meet").first
    item.locator("a.editor").click()
    page.wait_for_selector(".yasqe .CodeMirror")
    text = page.evaluate("window.mandatesEditor.getTab().getQuery()")
    assert text == by_id("expert-group-meetings").full_text
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr")
    assert page.locator(".yasr table tbody tr").count() >= 7
