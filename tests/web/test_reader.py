"""The source reader (``/read``): every document's text paragraph by paragraph, the passages
behind statements highlighted with their verbs and linked, quotes elsewhere linking in."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from mandates.namespaces import PREFIXES
from mandates.store.embedded import StoreRoot

from pages import Page

ID = "https://w3id.org/un-mandates/id/"
DRAFT_REPORT = "source/001_fde95cc7223b96bc"  # the draft report of the fourth meeting
AGENDA_7 = "source/003_a0921f454f036f6a"


@pytest.fixture(scope="module")
def store(built_store: StoreRoot) -> ox.Store:
    return built_store.open_read_only()


def rows(store: ox.Store, text: str) -> list[dict[str, str]]:
    found = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
    return [{v.value: row[v.value].value for v in found.variables} for row in found]


def get(client, url: str, status: int = 200) -> Page:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    return Page(response.get_data(as_text=True))


def test_the_list_of_source_texts(client, store) -> None:
    page = get(client, "/read")
    docs = rows(store, "SELECT DISTINCT ?d WHERE { ?p mnd:paragraphOf ?d }")
    assert page.text("count").startswith(f"The full text of {len(docs)} documents")
    hrefs = [link["href"] for link in page.links("documents")]
    assert sorted(hrefs) == sorted("/read/" + d["d"][len(ID) :] for d in docs)
    assert {
        "href": f"/read/{DRAFT_REPORT}",
        "text": "draft report of the fourth meeting of the Expert Group on Cybercrime",
    } in page.links("documents")


def test_a_text_paragraph_by_paragraph_with_its_passages(client, store) -> None:
    page = get(client, f"/read/{DRAFT_REPORT}")
    assert (
        page.text("title") == "draft report of the fourth meeting of the Expert Group on Cybercrime"
    )
    attested = rows(
        store,
        f"SELECT DISTINCT ?a ?st WHERE {{ ?a mnd:source <{ID}{DRAFT_REPORT}> ."
        " ?st mnd:attestedBy ?a }",
    )
    statements = {r["st"] for r in attested}
    assert page.text("about").startswith(
        f"59 paragraphs; {len(attested)} passages behind {len(statements)} mandate statements are"
        " highlighted, each with its verb."
    )
    sections = page.by_class["para"]
    anchors = [s["attrs"]["id"] for s in sections]
    assert len(anchors) == len(set(anchors)), "one anchor per paragraph"
    assert anchors[:8] == [f"para-para-{n}" for n in range(1, 7)] + ["para-1", "para-2"]
    assert "para-1-2" in anchors, "the agenda quoted in para. 27 repeats the ids 1 to 5"
    first = page.by_id["para-1"]
    assert page.texts("pid", within=first) == ["1"]
    assert page.texts("block", within=first)[0].startswith("1. In its resolution [65/230](#)")
    (mark,) = page.texts("passage", within=first)
    assert mark.startswith("the General Assembly requested the Commission on Crime Prevention")
    (tag,) = [link for link in first["links"] if link["text"] == "requested"]
    assert tag["href"] == "/id/statement/a0f4bb9a1eaf18ff", "the verb links to the statement"
    (act,) = page.texts("act", within=first)
    assert act.startswith(
        "General Assembly resolution 65/230 requested Commission on Crime Prevention and Criminal"
        " Justice adopted text · secondary evidence"
    )
    tags = page.by_class["act-tag"]
    assert len(tags) == len(attested), "every passage is highlighted once, with its verb"
    assert {t["attrs"]["href"] for t in tags} == {"/id/" + st[len(ID) :] for st in statements}, (
        "and linked to its statement"
    )
    assert "unlocated" not in page.by_id, "every passage was found in the text"
    assert {"href": f"/id/{DRAFT_REPORT}", "text": "About this document"} in page.links("about")


def test_a_passage_from_a_list_lead_into_its_item_is_highlighted_in_both(client) -> None:
    page = get(client, f"/read/{DRAFT_REPORT}")
    lead, item = page.by_id["para-30"], page.by_id["para-30-a"]
    assert page.texts("passage", within=lead)[-1] == "the following documents:"
    assert page.texts("passage", within=item)[0].startswith("- (a) Provisional agenda")


def test_the_json_twin(client, store) -> None:
    page = get(client, f"/read/{AGENDA_7}")
    (alternate,) = [h for h in page.heads if h.get("rel") == "alternate"]
    assert alternate["type"] == "application/json"
    data = client.get(alternate["href"]).get_json()
    assert data["document"] == ID + AGENDA_7
    blocks = [b for p in data["paragraphs"] for b in p["blocks"]]
    assert [b["position"] for b in blocks] == list(range(1, len(blocks) + 1))
    ids = [p["id"] for p in data["paragraphs"]]
    assert "item 1 (b)" in ids and "item 3" in ids
    attested = rows(store, f"SELECT DISTINCT ?a WHERE {{ ?a mnd:source <{ID}{AGENDA_7}> }}")
    assert len(data["passages"]) == len(attested)
    postponed = [p for p in data["passages"] if p["verbLabel"] == "postponed"]
    assert postponed and postponed[0]["reference"] == (
        "agenda item 1 (b) of the annotated provisional agenda of the seventh meeting of the"
        " Expert Group on Cybercrime"
    )
    assert all(p["block"] for p in data["passages"])


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/read/doc/A/RES/65/230", 404),
        ("/read/no/such/doc", 404),
        (f"/read/{AGENDA_7}?format=x", 400),
    ],
)
def test_what_the_reader_refuses(client, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    if status == 404:
        assert "The store holds no text of" in response.get_data(as_text=True)


def test_every_quote_of_a_page_links_to_a_paragraph_that_holds_it(client, store) -> None:
    """The resolution's and the Expert Group's pages and the statements they link to: every
    link into the reader lands on an anchor whose paragraph holds the quote beside it (or whose
    paragraph starts it: a list's lead runs on into its item)."""
    texts: dict[str, list[dict]] = {}
    pages = ["/id/doc/A/RES/65/230", "/id/body/expert-group-cybercrime"]
    first = get(client, pages[0])
    statements = {
        a["href"] for a in first.links("resource") if a["href"].startswith("/id/statement/")
    }
    checked = 0
    for url in pages + sorted(statements):
        page = get(client, url)
        for passage in page.by_class["passage"] + page.by_class["evidence"]:
            quotes = [
                q["text"].strip()[1:-1]
                for q in page.by_class["quote"]
                if any(a is passage for a in q["ancestors"])
            ]
            links = [a["href"] for a in passage["links"] if a["href"].startswith("/read/")]
            if not (quotes and links):
                continue
            path, anchor = links[0].split("#")
            if path not in texts:
                texts[path] = client.get(path, query_string={"format": "json"}).get_json()[
                    "paragraphs"
                ]
            paragraphs = texts[path]
            (k,) = [i for i, p in enumerate(paragraphs) if p["anchor"] == anchor]
            words = " ".join(b["text"] for p in paragraphs[k : k + 2] for b in p["blocks"])
            assert quotes[0] in words, (url, anchor, quotes[0])
            checked += 1
    assert checked >= 15


LATER = """\
United Nations                                                        A/RES/99/1

General Assembly                                          Distr.: General
                                                          5 January 2031

Resolution adopted by the General Assembly on 20 December 2030

99/1. Cooperation against cybercrime

The General Assembly,

Recalling its resolution 74/247 of 27 December 2019,

1. Requests the Secretary-General to submit a report on the implementation of the present
resolution to the General Assembly at its one hundredth session;

2. Invites Member States to consider ratifying the <b>Convention</b>;
"""


def test_a_document_loaded_later_is_read_too(tmp_path_factory) -> None:
    """A document added to a store in service (``mandates load``) has its reader at once, and
    its words are shown as text, whatever they hold."""
    from mandates.ingest.build import build
    from mandates.ingest.load import load, read_files
    from mandates.store.embedded import StoreRoot
    from mandates.web import create_app

    from support import DATA

    root = StoreRoot(tmp_path_factory.mktemp("later-store"))
    build(root, DATA)
    doc = tmp_path_factory.mktemp("later") / "a-res-99-1.txt"
    doc.write_text(LATER)
    client = create_app({"STORE": str(root.root)}).test_client()
    assert client.get("/read/doc/A/RES/99/1").status_code == 404
    load(root, read_files(root, [doc]), by="test")
    response = client.get("/read/doc/A/RES/99/1")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<b>Convention" not in html and "&lt;b&gt;Convention&lt;/b&gt;" in html
    page = Page(html)
    assert page.texts("pid", within=page.by_id["para-op1"]) == ["op1"]
    (tag,) = [link for link in page.by_id["para-op1"]["links"] if link["text"] == "requested"]
    assert tag["href"].startswith("/id/statement/")
    listed = [link["href"] for link in get(client, "/read").links("documents")]
    assert "/read/doc/A/RES/99/1" in listed
