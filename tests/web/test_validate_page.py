"""Issue 7: the /validate page, the same report as `mandates validate` and `mandates load`, the
write permission, hostile input, results on resource pages, and the whole round in Chromium.

The shared cases (``tests/validation_cases/``: input + ``.expected.json``) run through the
command line (subprocess) and the page (Flask test client); both must give exactly the
expected (severity, focus, path, shape, component) rows.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from mandates.store.embedded import StoreRoot
from mandates.validation import validate_store
from mandates.web import create_app

from support import TESTS, Cli, LiveServer, wait_for

CASES_DIR = TESTS / "validation_cases"
CASES = sorted(p for p in CASES_DIR.iterdir() if p.suffix not in (".json", ".md"))
TOKEN = "let-me-write"
SH = Namespace("http://www.w3.org/ns/shacl#")
BODY = "https://w3id.org/un-mandates/id/body/"
GOOD = (CASES_DIR / "body-under-known-body.ttl").read_bytes()
BROKEN = GOOD.replace(b'"Working Group on Validation"@en', b'"Groupe de validation"@fr')


def rows(report: dict) -> list[list[str | None]]:
    return sorted(
        [r["severity"], r["focus"], r["path"], r["shape"], r["component"]]
        for r in report["results"]
    )


def expected(case: Path) -> dict:
    return json.loads(case.with_name(case.name + ".expected.json").read_text())


def copy_store(built: StoreRoot, where: Path) -> StoreRoot:
    shutil.copytree(built.root, where, symlinks=True)
    return StoreRoot(where)


@pytest.fixture
def writable(built_store: StoreRoot, tmp_path: Path) -> StoreRoot:
    """A private copy of the built store, for tests that load and undo."""
    return copy_store(built_store, tmp_path / "store")


def client(store: StoreRoot, **config: object):
    return create_app({"STORE": str(store.root), **config}).test_client()


def submit(c, name: str, data: bytes, **form: str):
    """Upload a file (encoded in memory: the test client would spool big ones to disk)."""
    boundary, body = encode_multipart({"file": FileStorage(BytesIO(data), name), **form})
    return c.post("/validate", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def paste(c, text: str, fmt: str = "ttl"):
    return c.post("/validate", data={"text": text, "format": fmt})


class Elements(HTMLParser):
    """The text of elements by id, and every link as (href, text)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.links: list[tuple[str, str]] = []
        self._open: list[tuple[str, str | None, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        self._open.append((tag, a.get("id") or a.get("href"), []))
        if tag == "a":
            self._open[-1] = (tag, "href:" + (a.get("href") or ""), [])

    def handle_endtag(self, tag) -> None:
        while self._open:
            t, key, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            for _, _, outer in self._open:
                outer.append(text + " ")
            if key and key.startswith("href:"):
                self.links.append((key[5:], text))
            elif key:
                self.ids[key] = text
            if t == tag:
                break

    def handle_data(self, data) -> None:
        if self._open:
            self._open[-1][2].append(data)


def test_cases_exist() -> None:
    assert len(CASES) >= 7
    kinds = {c.suffix for c in CASES}
    assert {".ttl", ".nt", ".jsonld", ".rdf", ".txt"} <= kinds


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_cli_validate_gives_the_expected_rows(case: Path, built_store: StoreRoot) -> None:
    run = Cli(built_store.root, cwd=CASES_DIR)("validate", "--format", "json", case.name)
    want = expected(case)
    assert run.code == (0 if want["conforms"] else 1), run.err
    assert rows(json.loads(run.out)) == want["results"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_page_gives_the_expected_rows(case: Path, built_store: StoreRoot) -> None:
    c = client(built_store)
    response = submit(c, case.name, case.read_bytes())
    assert response.status_code == 303
    report = c.get(response.headers["Location"] + ".json").get_json()
    want = expected(case)
    assert report["conforms"] is want["conforms"]
    assert rows(report) == want["results"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_cli_load_gives_the_expected_rows(case: Path, built_store, tmp_path: Path) -> None:
    store = copy_store(built_store, tmp_path / "store")
    run = Cli(store.root, cwd=CASES_DIR)("load", "--format", "json", "--by", "tester", case.name)
    want = expected(case)
    assert run.code == (0 if want["conforms"] else 1), run.err
    report = run.err.split("\nerror: ")[0].strip() if not want["conforms"] else run.err.strip()
    assert rows(json.loads(report) if report else {"results": []}) == want["results"]


def test_report_page_groups_by_severity_and_links_known_focus(built_store) -> None:
    c = client(built_store)
    response = submit(c, "case.jsonld", (CASES_DIR / "known-body-bad-acronym.jsonld").read_bytes())
    page = c.get(response.headers["Location"]).get_data(as_text=True)
    found = Elements(page)
    assert found.ids["verdict"].startswith("Does not conform: 1 violation, 0 warnings")
    assert "Violations (1)" in page and "Warnings (" not in page
    assert ("/id/body/ccpcj", "Commission on Crime Prevention and Criminal Justice") in found.links
    assert "An acronym is a plain string of initials" in page
    assert '<td class="shape"><code>mnds:Agent-acronym</code>' in page
    assert "load-form" not in page


def test_new_focus_is_not_linked_and_everything_is_escaped(built_store) -> None:
    c = client(built_store)
    text = (
        "@prefix mnd: <https://w3id.org/un-mandates/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/un-mandates/id/doc/x> a mnd:Document ;\n"
        '  rdfs:label "<script>alert(1)</script>" ; mnd:symbol "<b>bold</b>" .\n'
    )
    page = c.get(paste(c, text).headers["Location"]).get_data(as_text=True)
    assert "<script>alert" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not any(h.endswith("/id/doc/x") for h, _ in Elements(page).links)


def test_downloads_are_the_standard_report_and_json(built_store) -> None:
    c = client(built_store)
    location = submit(c, "bad.nt", (CASES_DIR / "document-bad-symbol.nt").read_bytes()).headers[
        "Location"
    ]
    turtle = c.get(location + ".ttl")
    assert turtle.mimetype == "text/turtle"
    assert "attachment" in turtle.headers["Content-Disposition"]
    graph = Graph().parse(data=turtle.get_data(as_text=True), format="turtle")
    assert (None, SH.conforms, None) in graph
    assert len(set(graph.subjects(None, SH.ValidationResult))) == 2
    data = c.get(location + ".json").get_json()
    assert data["counts"] == {"violation": 1, "warning": 1, "info": 0}
    assert c.get("/validate/no-such-token").status_code == 404
    assert c.get("/validate/no-such-token.json").status_code == 404


@pytest.mark.parametrize(
    ("fmt", "text", "triples"),
    [
        ("jsonld", (CASES_DIR / "known-body-bad-acronym.jsonld").read_text(), 1),
        ("rdf", (CASES_DIR / "body-without-label.rdf").read_text(), 2),
        # with its adoption act, and its text: 10 paragraphs of 8 triples each
        ("txt", (CASES_DIR / "a-res-99-1.txt").read_text(), 164),
    ],
)
def test_pasted_text_is_read_in_the_chosen_format(built_store, fmt, text, triples) -> None:
    c = client(built_store)
    response = paste(c, text, fmt)
    assert response.status_code == 303
    report = c.get(response.headers["Location"] + ".json").get_json()
    assert report["triples"] == triples
    assert re.fullmatch(rf"pasted-[0-9a-f]{{8}}\.{fmt}", report["files"][0])
    assert paste(c, text, "exe").status_code == 400


def test_user_shapes_are_data_not_rules(built_store) -> None:
    c = client(built_store)
    data = (CASES_DIR / "shapes-are-data.ttl").read_bytes()
    report = c.get(submit(c, "shapes.ttl", data).headers["Location"] + ".json").get_json()
    assert report["conforms"] is True and report["results"] == []
    assert report["triples"] >= 8, "the shape's triples were read as data"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "entities.rdf",
            b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaa">]>\n<rdf:RDF/>',
            "entities.rdf:2:1: RDF/XML with a DOCTYPE or entity declaration is refused",
        ),
        (
            "remote.jsonld",
            b'{"@context": "https://example.org/context.jsonld", "@id": "urn:x", "p": 1}',
            "remote.jsonld: JSON-LD with a remote @context is refused: put the context inline",
        ),
        (
            "deep.ttl",
            b"<urn:a> <urn:p> " + b"[<urn:p>" * 100_000 + b"1" + b"]" * 100_000 + b" .",
            "deep.ttl:1:529: nested more than 64 levels deep: refused",
        ),
        ("open.ttl", b"[" * 100_000, "open.ttl:1:65: nested more than 64 levels deep: refused"),
        (
            "deep.jsonld",
            b'{"@id": "urn:a", ' + b'"urn:p": {' * 50_000 + b"}" * 50_001,
            "deep.jsonld:1:",
        ),
        (
            "deep.rdf",
            b"<rdf:RDF>" + b"<p>" * 50_000 + b"</p>" * 50_000 + b"</rdf:RDF>",
            "deep.rdf:1:",
        ),
        ("broken.ttl", b"<urn:a> <urn:b> .", "broken.ttl:1:"),
        ("data.csv", b"a,b", "data.csv: not an RDF file or a UN document"),
        ("empty.txt", b"", "empty.txt: file is empty; nothing extracted"),
    ],
    ids=lambda v: v if isinstance(v, str) and "." in v and len(v) < 20 else "",
)
def test_refused_input_gives_400_with_the_message(built_store, name, data, message) -> None:
    response = submit(client(built_store), name, data)
    assert response.status_code == 400
    shown = Elements(response.get_data(as_text=True)).ids["error"]
    assert shown.startswith(message), shown


def test_oversized_input_gives_413(built_store) -> None:
    c = client(built_store, MAX_UPLOAD=10_000)
    big = GOOD + b"#" * 10_000 + b"\n"
    response = submit(c, "big.ttl", big)
    assert response.status_code == 413
    assert "too large" in Elements(response.get_data(as_text=True)).ids["error"]
    assert paste(c, big.decode()).status_code == 413
    assert paste(c, "").status_code == 400


def test_without_a_write_token_there_is_no_loading(built_store) -> None:
    c = client(built_store, WRITE_TOKEN="")
    location = submit(c, "good.ttl", GOOD).headers["Location"]
    page = c.get(location).get_data(as_text=True)
    assert "load-form" not in page
    assert "Loading is not enabled on this server." in page
    form = {"by": "mallory", "token": ""}
    assert c.post(location + "/load", data=form).status_code == 403
    assert c.post("/loads/undo", data={**form, "graph": "x"}).status_code == 403


def test_load_needs_the_right_token_then_logs_and_undoes(writable: StoreRoot) -> None:
    c = client(writable, WRITE_TOKEN=TOKEN)
    broken = submit(c, "wg.ttl", BROKEN).headers["Location"]
    assert "load-form" not in c.get(broken).get_data(as_text=True)
    location = submit(c, "wg.ttl", GOOD).headers["Location"]
    assert 'id="load-form"' in c.get(location).get_data(as_text=True)
    guesser = {"REMOTE_ADDR": "10.0.0.9"}  # wrong tokens slow down their sender, not others
    wrong = c.post(location + "/load", data={"by": "ann", "token": "wrong"}, environ_base=guesser)
    assert wrong.status_code == 403
    assert c.post(location + "/load", data={"by": "", "token": TOKEN}).status_code == 400
    loaded = c.post(location + "/load", data={"by": "ann", "token": TOKEN})
    assert loaded.status_code == 303 and loaded.headers["Location"] == "/loads"
    graph = "https://w3id.org/un-mandates/graph/loaded/wg"
    (entry,) = c.get("/loads?format=json").get_json()
    assert (entry["action"], entry["graph"], entry["by"], entry["address"]) == (
        "load",
        graph,
        "ann",
        "127.0.0.1",
    )
    assert entry["triples"] == 4 and entry["source"] == "wg.ttl"
    assert c.get("/id/body/working-group-on-validation").status_code == 200
    log_page = Elements(c.get("/loads").get_data(as_text=True))
    assert "Nothing has been loaded" not in str(log_page.ids)
    undone = c.post("/loads/undo", data={"graph": graph, "by": "bob", "token": TOKEN})
    assert undone.status_code == 303
    assert c.get("/id/body/working-group-on-validation").status_code == 404
    actions = [(e["action"], e["by"]) for e in c.get("/loads?format=json").get_json()]
    assert actions == [("undo", "bob"), ("load", "ann")]
    again = c.post("/loads/undo", data={"graph": graph, "by": "bob", "token": TOKEN})
    assert again.status_code == 400


def test_resource_pages_show_their_warnings(built_store) -> None:
    c = client(built_store)
    report = validate_store(built_store.open_read_only())
    warnings = [r for r in report.results if r.severity == "Warning"]
    assert warnings, "the built data has at least one warning to show"
    focus = warnings[0]
    assert focus.focus.startswith("https://w3id.org/un-mandates/id/")
    path = focus.focus.removeprefix("https://w3id.org/un-mandates/id/")
    page = c.get(f"/id/{path}").get_data(as_text=True)
    found = Elements(page)
    assert found.ids["shape-results"].startswith("Checks against the shapes")
    assert focus.message in page
    assert "Warnings (1)" in page
    clean = c.get("/id/body/ccpcj").get_data(as_text=True)
    assert 'id="shape-results"' not in clean


# ---- the whole round in headless Chromium, on a private server that may write ------------------


@pytest.fixture(scope="module")
def live_server(built_store, tmp_path_factory) -> Iterator[LiveServer]:
    """Overrides the shared server for this module: a copy of the store, writing allowed."""
    store = copy_store(built_store, tmp_path_factory.mktemp("writable") / "store")
    server = LiveServer(
        store.root, tmp_path_factory.mktemp("server"), env={"MANDATES_WRITE_TOKEN": TOKEN}
    )
    server.wait()
    yield server
    server.stop()


@pytest.mark.browser
def test_validate_fix_load_find_and_undo_in_a_browser(page, live_server, tmp_path) -> None:
    broken = tmp_path / "working-group.ttl"
    broken.write_bytes(BROKEN)
    page.goto(f"{live_server.url}/validate")
    page.set_input_files("input#file", str(broken))
    page.click("#validate-form button[type=submit]")
    page.wait_for_selector("#verdict")
    assert page.locator("#verdict").inner_text().startswith("Does not conform: 1 violation")
    violations = page.locator("section#violations tr.result")
    assert violations.count() == 1
    assert "exactly one English label" in violations.locator("td.message").inner_text()
    assert page.locator("#load-form").count() == 0

    fixed = tmp_path / "working-group.ttl"
    fixed.write_bytes(GOOD)
    page.goto(f"{live_server.url}/validate")
    page.set_input_files("input#file", str(fixed))
    page.click("#validate-form button[type=submit]")
    page.wait_for_selector("#verdict")
    assert page.locator("#verdict").inner_text().startswith("Conforms: 0 violations")
    page.fill("#load-form input#by", "Ann Analyst")
    page.fill("#load-form input#token", TOKEN)
    page.click("#load-form button[type=submit]")
    page.wait_for_url("**/loads")
    assert (
        page.locator("#loads tr.entry.load td.by").first.inner_text() == "Ann Analyst (127.0.0.1)"
    )

    page.goto(f"{live_server.url}/search?q=Working+Group+on+Validation")
    first = page.locator("ol#results li.result a").first
    assert "Working Group on Validation" in first.inner_text()
    first.click()
    page.wait_for_url("**/id/body/working-group-on-validation")
    assert page.locator("h1#label").inner_text() == "Working Group on Validation"

    page.goto(f"{live_server.url}/loads")
    undo = page.locator("#loads tr.entry.load form.undo").first
    undo.locator("input[name=by]").fill("Ann Analyst")
    undo.locator("input[name=token]").fill(TOKEN)
    undo.locator("button").click()
    page.wait_for_url("**/loads")
    assert page.locator("#loads tr.entry").first.locator("td.action").inner_text() == "undo"
    assert page.locator("form.undo").count() == 0
    page.goto(f"{live_server.url}/id/body/working-group-on-validation")
    assert re.search("does not mention", page.content())
    page.goto(f"{live_server.url}/search?q=Working+Group+on+Validation")
    assert page.locator("ol#results li.result").count() == 0


def test_wrong_write_tokens_slow_their_sender_down(writable: StoreRoot) -> None:
    c = client(writable, WRITE_TOKEN=TOKEN)
    location = submit(c, "wg.ttl", GOOD).headers["Location"] + "/load"
    guesser = {"REMOTE_ADDR": "10.0.0.7"}
    assert c.post(location, data={"by": "x", "token": "a"}, environ_base=guesser).status_code == 403
    again = c.post(location, data={"by": "x", "token": TOKEN}, environ_base=guesser)
    assert again.status_code == 429 and int(again.headers["Retry-After"]) >= 1
    assert "wrong write tokens" in again.get_data(as_text=True)
    # the wait grows with each failure once it is over, and a right token clears it
    assert wait_for(
        lambda: (
            c.post(location, data={"by": "x", "token": "b"}, environ_base=guesser).status_code
            == 403
        )
    )
    refused = c.post(location, data={"by": "x", "token": TOKEN}, environ_base=guesser)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 2
