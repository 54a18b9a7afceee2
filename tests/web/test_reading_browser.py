"""The reading half of "pages that answer an analyst's questions", in headless Chromium on the
real server: the source reader, resource pages that lead with what matters, the home page
(and the 404), the lineage at its default zoom. Each test also saves what a person sees, at
1400×900 and 400 px wide, under ``var/screenshots/`` (git-ignored)."""

from __future__ import annotations

import pytest

from support import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "var" / "screenshots"
ID = "https://w3id.org/un-mandates/id/"
STATEMENT = "/id/statement/a0f4bb9a1eaf18ff"  # 65/230 requested the Commission
MEETINGS = ID + "meeting/expert-group-cybercrime/"


def shoot(page, name: str) -> None:
    """What the page shows at 1400×900, then at 400 px wide, where its content must reflow:
    nothing in ``main`` may reach past the window's right edge (a drawing scrolls in its box).
    From the top of the page, or from the paragraph its address names."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.evaluate(
        "location.hash ? document.querySelector(':target').scrollIntoView() : scrollTo(0, 0)"
    )
    page.screenshot(path=str(SHOTS / f"{name}-1400x900.png"))
    page.set_viewport_size({"width": 400, "height": 900})
    page.screenshot(path=str(SHOTS / f"{name}-400.png"))
    beyond = page.evaluate(
        """() => Array.from(document.querySelectorAll('main *'))
             .filter(e => !e.closest('.drawing-box, #cy'))
             .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
             .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)"""
    )
    assert beyond == [], f"{name} at 400 px: {beyond[:5]}"
    page.set_viewport_size({"width": 1400, "height": 900})


def test_a_quote_opens_its_paragraph_in_the_reader(page, live_server) -> None:
    """(1) From a statement, its passage "para. 1 of the draft report …" opens the reader at
    that paragraph; the passage is highlighted with its verb, which leads back."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(live_server.url + STATEMENT)
    shoot(page, "statement")
    reference = page.locator("#statement a.reference", has_text="para. 1 of the draft report")
    reference.click()
    page.wait_for_url("**/read/source/001_fde95cc7223b96bc#para-1")
    assert page.evaluate("document.querySelector(':target').id") == "para-1"
    target = page.locator("section#para-1")
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "scrolled to the paragraph"
    mark = target.locator("mark.passage")
    assert mark.inner_text().startswith("the General Assembly requested the Commission")
    tag = target.locator("a.act-tag")
    assert tag.inner_text() == "requested"
    assert (
        target.locator("aside.acts li.act")
        .inner_text()
        .startswith("General Assembly resolution 65/230 requested Commission on Crime Prevention")
    )
    shoot(page, "reader")
    tag.click()
    page.wait_for_url("**" + STATEMENT)
    assert page.locator("h1#label").inner_text().startswith("General Assembly resolution 65/230")


def test_the_expert_group_page_leads_with_its_dated_meetings(page, live_server) -> None:
    """(2) What it is, who established it, its meetings drawn and listed by date, mandates by
    verb folded with counts; a page of a few screens, not 12,904 px."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(live_server.url + "/id/body/expert-group-cybercrime")
    assert page.locator("#body-kind").inner_text() == "expert group"
    assert (
        page.locator("#established")
        .inner_text()
        .startswith("By Commission on Crime Prevention and Criminal Justice")
    )
    rows = page.locator("#meeting-table tbody tr")
    assert rows.count() == 7
    dates = [
        r.get_attribute("datetime") for r in page.locator("#meeting-table tbody tr time").all()
    ]
    assert dates == sorted(dates) and [d[:4] for d in dates] == [
        "2011", "2013", "2017", "2018", "2019", "2020", "2021"
    ]  # fmt: skip
    sixth = page.locator("#meeting-table tbody tr.postponed")
    assert sixth.locator("td.status").inner_text() == "postponed from 6–8 April 2020; held"
    assert page.locator("#meeting-timeline a.meeting-mark").count() == 7
    assert page.locator("#meeting-timeline").is_visible()
    held = page.locator("details#acts-issued-held")
    assert held.locator("summary").inner_text() == "held 7"
    assert not held.locator("ol.acts").is_visible(), "folded with its count"
    held.locator("summary").click()
    assert held.locator("ol.acts > li").count() == 7
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 5000, height
    held.locator("summary").click()
    shoot(page, "expert-group")


def test_the_home_page_starts_the_work(page, live_server) -> None:
    """(4) The chain on one drawing, each arrow opening its statement; counts linked; the
    404 page offers the search and the way home."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(live_server.url + "/")
    drawing = page.locator("svg#chain-drawing")
    assert drawing.is_visible()
    assert page.locator("#chain-drawing a.point").count() >= 12
    shoot(page, "home")
    arrow = page.locator("#chain-drawing a.act", has_text="requested").first
    arrow.locator("path.hit").click(force=True)
    page.wait_for_url("**/id/statement/*")
    assert " requested " in page.locator("h1#label").inner_text()
    page.go_back()
    page.locator("#verbs a", has_text="took note of").click()
    page.wait_for_url(
        lambda url: url.endswith("/resource?iri=https://w3id.org/un-mandates/ontology/verb%23noted")
    )
    assert page.locator("h1#label").inner_text() == "took note of"

    response = page.goto(live_server.url + "/no/such/page")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Nothing here"
    shoot(page, "not-found")
    page.fill("#not-found-q", "Expert Group")
    page.press("#not-found-q", "Enter")
    page.wait_for_url("**/search?q=Expert+Group")


def test_the_lineage_reads_at_its_default_zoom(page, live_server) -> None:
    """(5) On a laptop screen the whole chain is in view at the first zoom, labels at their
    size and distinct; a meeting opens to show what it considered, adopted and reported."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(live_server.url + "/graph/lineage")
    page.wait_for_selector("#lineage[data-state=ready]")
    view = page.evaluate(
        """() => {
          const cy = window.mandatesGraph;
          const nodes = cy.nodes('.resource');
          return {zoom: cy.zoom(), width: cy.width(), height: cy.height(),
                  boxes: nodes.map(n => n.renderedBoundingBox({includeLabels: true})),
                  labels: nodes.map(n => n.data('short')), ids: nodes.map(n => n.id())};
        }"""
    )
    assert view["zoom"] == 1, "labels are drawn at their size (11 px)"
    for box in view["boxes"]:
        assert box["x1"] >= -1 and box["x2"] <= view["width"] + 1, box
        assert box["y1"] >= -1 and box["y2"] <= view["height"] + 1, box
    assert view["height"] <= 700, "the whole chain in the first screen"
    labels = dict(zip(view["ids"], view["labels"], strict=True))
    assert len(set(labels.values())) == len(labels), "no two labels alike"
    assert labels[ID + "resolution/ccpcj/22/7"] == "CCPCJ 22/7"
    assert labels[ID + "resolution/ccpcj/26/4"] == "CCPCJ 26/4"
    assert labels[ID + "doc/A/RES/65/230"] == "65/230"
    assert labels[MEETINGS + "4"].startswith("4th meeting (+")
    assert ID + "doc/UNODC/CCPCJ/EG.4/2018/L.1" not in labels, "outputs folded"
    years = page.evaluate("window.mandatesGraph.nodes('.tick').map(n => n.data('short'))")
    assert years[0] == "2010" and "2021" in years, "from the Salvador Declaration to 2021"
    shoot(page, "lineage")

    page.click(f'#lane-list button.fold[data-meeting="{MEETINGS}4"]')
    opened = page.evaluate("window.mandatesGraph.nodes('.resource').map(n => n.id())")
    assert ID + "doc/UNODC/CCPCJ/EG.4/2018/L.1" in opened
    label = page.evaluate(
        f"window.mandatesGraph.getElementById('{ID}doc/UNODC/CCPCJ/EG.4/2018/L.1').data('short')"
    )
    assert label == "adopted: UNODC/CCPCJ/EG.4/2018/L.1"
    page.locator("#cy").screenshot(path=str(SHOTS / "lineage-4th-meeting-open-1400x900.png"))
    page.click(f'#lane-list button.fold[data-meeting="{MEETINGS}4"]')
    closed = page.evaluate("window.mandatesGraph.nodes('.resource').length")
    assert closed == len(view["ids"])
