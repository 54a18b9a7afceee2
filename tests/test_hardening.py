"""Hardening (issue 8): every hostile case of the issue as a test, asserting the exact outcome.

The tests here close the gaps; the issue's other cases were already tests elsewhere. The whole
list, case by case (``here`` is this file):

SERVICE, LOAD, INSERT/DELETE/CLEAR/DROP refused before execution, nothing changed:
    test_sparql_limits.py::test_updates_load_and_service_are_refused_and_change_nothing
FROM <file:///etc/passwd> reads no file:
    test_sparql_protocol.py::test_from_selects_stored_graphs_and_reads_no_file
Runaway cross join stopped at the deadline, next request served, worker replaced:
    test_sparql_limits.py::test_runaway_query_is_stopped_and_its_worker_replaced
    test_sparql_limits.py::test_other_queries_are_served_while_one_runs_away
    test_sparql_limits.py::test_pool_waits_for_a_free_worker_and_survives_a_crash
Runaway property-path explosion:
    here::test_property_path_explosion_is_stopped_at_the_deadline
No worker left running after shutdown:
    test_sparql_limits.py::test_no_worker_outlives_the_server
Huge result capped, X-Result-Truncated; 10 MB body 413; long URL 414:
    test_sparql_limits.py::test_results_over_the_cap_are_cut_and_say_so
    test_sparql_limits.py::test_request_size_limits
RDF/XML DOCTYPE/entities, JSON-LD remote @context, deep Turtle/JSON-LD/RDF-XML nesting:
    test_validate_page.py::test_refused_input_gives_400_with_the_message (the page)
    test_input_errors.py::test_error_message (the CLI; cases in tests/errors/)
Oversized upload 413; user shapes are data, not rules:
    test_validate_page.py::test_oversized_input_gives_413
    test_validate_page.py::test_user_shapes_are_data_not_rules
Binary junk, broken UTF-8, PDF without a text layer, damaged PDF (loader, CLI messages):
    loader/test_loader_errors.py::test_error_message (cases in tests/loader/errors/)
    test_input_errors.py::test_error_message
PDF bombs (inflation, thousands of pages, deep nesting); junk and broken UTF-8 on the page:
    here::test_pdf_bomb_is_refused_quickly_on_the_command_line
    here::test_pdf_text_over_the_limit_is_refused
    here::test_pdf_bomb_binary_junk_and_broken_utf8_on_the_validate_page
Stored XSS: resource pages; every other page that shows data:
    test_resources.py::test_hostile_values_are_escaped_and_never_live_links
    test_saved_queries.py::test_query_page_escapes_literals_and_links_iris
    here::test_stored_xss_on_every_page_that_shows_data
CSV cells starting with = + - @ neutralised (graph export; saved-query downloads):
    test_graph_api.py::test_csv_export_neutralises_formula_cells
    here::test_stored_xss_on_every_page_that_shows_data
Path traversal; over-long IRIs and odd Unicode on pages, on /sparql and `mandates query`:
    test_security.py::test_no_path_traversal
    test_security.py::test_over_long_iri_and_odd_unicode
    here::test_over_long_iris_and_odd_unicode_in_queries
Concurrent writers serialised by the store's file lock; through the CLI:
    test_store.py::test_concurrent_writers_are_serialised
    here::test_concurrent_cli_loads_are_serialised
kill -9 during a build; during a load:
    test_store.py::test_killed_build_leaves_store_serving_and_next_start_clean
    here::test_killed_load_leaves_the_store_serving_and_next_load_clean
Security headers, CSP without inline script, X-Content-Type-Options on every page:
    test_security.py::test_security_headers_and_no_inline_script
No debug mode anywhere; dependency floors Flask >= 3.1.3, Werkzeug >= 3.0.6:
    here::test_no_debug_mode_anywhere
    here::test_dependency_floors
Load: 16 clients x 15 s, zero 5xx and connection errors (120 s: bench/load_test.py):
    test_load.py::test_sixteen_clients_for_fifteen_seconds
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import tomllib
import urllib.parse
import zlib
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

import pytest
import waitress
from packaging.requirements import Requirement
from packaging.version import Version
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from mandates.query import saved as saved_queries
from mandates.store.embedded import BUILDS, PARTIAL, StoreRoot
from mandates.web import create_app

from support import ROOT, Cli, LiveServer, call, crafted_store, minimal_pdf

ID = "https://w3id.org/un-mandates/id/"


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("MANDATES_")}


def sparql(server: LiveServer, text: str, **headers: str):
    return call(server.url + "/sparql", urllib.parse.urlencode({"query": text}).encode(), headers)


def copy_store(built: StoreRoot, where: Path) -> StoreRoot:
    shutil.copytree(built.root, where, symlinks=True)
    return StoreRoot(where)


@pytest.fixture(scope="module")
def strict_server(built_store: StoreRoot, tmp_path_factory: pytest.TempPathFactory):
    """The production server with a 2 s deadline."""
    server = LiveServer(
        built_store.root, tmp_path_factory.mktemp("hardening-server"), args=("--timeout", "2")
    )
    server.wait()
    yield server
    server.stop()


# --- 1. property-path explosion -------------------------------------------------------------

PATHS = "SELECT (COUNT(*) AS ?n) { ?a (!<http://x/p>)* ?b . ?c (!<http://x/q>)* ?d }"


@pytest.mark.slow
def test_property_path_explosion_is_stopped_at_the_deadline(strict_server) -> None:
    started = time.monotonic()
    status, headers, body = sparql(strict_server, PATHS)
    assert (status, body) == (503, b"query stopped after 2 s (the limit of this endpoint)\n")
    assert headers.get_content_type() == "text/plain"
    assert 2 <= time.monotonic() - started < 4
    started = time.monotonic()
    status, _, body = sparql(strict_server, "ASK { ?s ?p ?o }")
    assert (status, json.loads(body)["boolean"]) == (200, True)
    assert time.monotonic() - started < 1


# --- 2. PDF bombs ---------------------------------------------------------------------------


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Recalling its resolution 65/230) Tj ET\n"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
PAGE += b" /Resources << /Font << /F1 5 0 R >> >>"


def flate_bomb(size: int = 200_000_000) -> bytes:
    """One page whose content stream inflates to ``size`` bytes (about 200 kB compressed)."""
    packer, chunk = zlib.compressobj(9), b" " * 1_000_000
    data = packer.compress(TEXT) + b"".join(packer.compress(chunk) for _ in range(size // 10**6))
    data += packer.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    return minimal_pdf([*catalog, PAGE + b" >>", stream + b"\nendstream", FONT])


def page_bomb(pages: int = 20_000) -> bytes:
    """Thousands of pages sharing one content stream."""
    kids = b" ".join(b"%d 0 R" % (n + 6) for n in range(pages))
    stream = b"<< /Length %d >>\nstream\n" % len(TEXT) + TEXT + b"\nendstream"
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            b"<< >>",
            stream,
            FONT,
            *[PAGE + b" >>"] * pages,
        ]
    )


def deep_bomb(depth: int = 100_000) -> bytes:
    """A page whose dictionary nests arrays ``depth`` deep."""
    stream = b"<< /Length %d >>\nstream\n" % len(TEXT) + TEXT + b"\nendstream"
    deep = PAGE + b" /X " + b"[" * depth + b"]" * depth + b" >>"
    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    return minimal_pdf([*catalog, deep, stream, FONT])


BOMBS = {
    "flate.pdf": (flate_bomb, "PDF refused: a stream decompresses to more than 20000000 bytes"),
    "pages.pdf": (page_bomb, "PDF refused: more than 2000 pages"),
    "deep.pdf": (deep_bomb, "unreadable PDF (damaged or encrypted)"),
}
#: The peak resident memory a refused bomb may cost the command (Python and the store: ~100 MB).
MEMORY = 250_000  # kB
MEASURED = (
    "import resource, sys\n"
    "from mandates.cli import main\n"
    "try:\n    main()\n"
    "finally:\n"
    "    print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BOMBS))
def test_pdf_bomb_is_refused_quickly_on_the_command_line(name: str, tmp_path: Path) -> None:
    make, message = BOMBS[name]
    path = tmp_path / name
    path.write_bytes(make())
    assert path.stat().st_size < 4_000_000
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", MEASURED, "--store", str(tmp_path / "s"), "extract", str(path)],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 10
    lines = proc.stderr.splitlines()
    assert (proc.returncode, proc.stdout, lines[0]) == (
        2,
        "",
        f"error: {path}: {message}; nothing extracted",
    )
    assert int(lines[-1].split()[1]) < MEMORY, proc.stderr


def test_pdf_text_over_the_limit_is_refused(monkeypatch) -> None:
    from mandates.loader import read

    monkeypatch.setattr(read, "PDF_MAX_TEXT", 100)
    with pytest.raises(read.BinaryInputError) as refused:
        read.read_bytes(page_bomb(5), "long.pdf")
    assert str(refused.value) == (
        "long.pdf: PDF refused: more than 100 characters of text; nothing extracted"
    )
    assert read.read_bytes(page_bomb(2), "short.pdf").source.count("65/230") == 2


def _submit(c, name: str, data: bytes):
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(data), name)})
    return c.post("/validate", data=body, content_type=f"multipart/form-data; boundary={boundary}")


class Parsed(HTMLParser):
    """Text of elements by id; every attribute; whether an inline script or handler appears."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.attributes: list[tuple[str, str, str]] = []
        self.inline: list[str] = []
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
            if name.startswith("on"):
                self.inline.append(f"{tag} {name}")
        if tag == "script" and not dict(attrs).get("src"):
            self.inline.append("script")
        if tag not in ("br", "img", "input", "link", "meta", "hr", "wbr"):
            self._open.append(dict(attrs).get("id") or "")

    def handle_endtag(self, tag) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data) -> None:
        for element in self._open:
            if element:
                self.ids[element] = self.ids.get(element, "") + data


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        *[(name, make, f"{name}: {message}") for name, (make, message) in sorted(BOMBS.items())],
        (
            "junk.txt",
            lambda: bytes(range(256)) * 64,
            "junk.txt: binary data (NUL bytes), not a text, HTML or PDF file",
        ),
        (
            "broken.ttl",
            lambda: b'<urn:a> <urn:b> "caf\xc3" .\n',
            "broken.ttl:1:",
        ),
        (
            "broken.txt",
            lambda: b"Recalling its resolution 65/230 \x81\x8d\x8f\x90\x9d of 2010",
            "broken.txt, line 1: unknown encoding (neither UTF-8, UTF-16 with BOM nor cp1252):"
            " byte 0x81 is not UTF-8",
        ),
    ],
    ids=[*sorted(BOMBS), "junk.txt", "broken.ttl", "broken.txt"],
)
def test_pdf_bomb_binary_junk_and_broken_utf8_on_the_validate_page(
    built_store, name: str, data, message: str
) -> None:
    c = create_app({"STORE": str(built_store.root), "MAX_UPLOAD": 8_000_000}).test_client()
    started = time.monotonic()
    response = _submit(c, name, data())
    assert time.monotonic() - started < 10
    assert response.status_code == 400
    shown = Parsed(response.get_data(as_text=True)).ids["error"]
    assert shown.startswith(message), shown


# --- 3. kill -9 during a load, 4. concurrent loads ---------------------------------------------


def note(name: str) -> str:
    return (
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f'<{ID}note/{name}> rdfs:comment "note {name}"@en .\n'
    )


KILLED = (
    "import os\n"
    "import mandates.ingest.load as loading\n"
    "staged = loading.stage\n"
    "def stage(*args, **kwargs):\n"
    "    staged(*args, **kwargs)\n"
    "    os.kill(os.getpid(), 9)  # mid-way: staged into the copy, not yet validated nor swapped\n"
    "loading.stage = stage\n"
    "from mandates.cli import main\n"
    "main()\n"
)
COUNT = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"


def _count(server: LiveServer) -> int:
    body = sparql(server, COUNT)[2]
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
def test_killed_load_leaves_the_store_serving_and_next_load_clean(built_store, tmp_path) -> None:
    root = copy_store(built_store, tmp_path / "store")
    (tmp_path / "a.ttl").write_text(note("a"))
    server = LiveServer(root.root, tmp_path)
    server.wait()
    try:
        before, version = _count(server), root.version()
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                KILLED,
                "--store",
                str(root.root),
                "load",
                str(tmp_path / "a.ttl"),
            ],
            cwd=ROOT,
            env=env(),
            capture_output=True,
            timeout=120,
        )
        assert proc.returncode == -9, proc.stderr
        assert list((root.root / BUILDS).glob(f"{PARTIAL}*")), "the load was killed mid-way"
        assert root.version() == version
        assert _count(server) == before  # the previous store keeps serving, nothing lost
        cli = Cli(root.root)
        loaded = cli("load", str(tmp_path / "a.ttl"))
        assert loaded.code == 0, loaded.err
        assert loaded.out.startswith(f"loaded {tmp_path / 'a.ttl'}: 1 triples into <")
        assert not list((root.root / BUILDS).glob(f"{PARTIAL}*"))
        assert _count(server) > before
        assert "note/a" in cli("loads").out + cli("query", "SELECT ?s { ?s rdfs:comment ?c }").out
    finally:
        server.stop()


@pytest.mark.slow
def test_concurrent_cli_loads_are_serialised(built_store, tmp_path) -> None:
    root = copy_store(built_store, tmp_path / "store")
    for name in ("a", "b"):
        (tmp_path / f"{name}.ttl").write_text(note(name))
    command = [sys.executable, "-m", "mandates", "--store", str(root.root), "load"]
    procs = [
        subprocess.Popen(
            [*command, str(tmp_path / f"{n}.ttl")], cwd=ROOT, env=env(), stdout=subprocess.PIPE
        )
        for n in ("a", "b")
    ]
    outcomes = [(p.wait(120), p.stdout.read().decode()) for p in procs]
    for proc in procs:
        proc.stdout.close()
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    query = "SELECT ?c { ?s rdfs:comment ?c FILTER(STRSTARTS(?c, 'note ')) } ORDER BY ?c"
    run = Cli(root.root)("query", query, "--format", "csv")
    assert run.out.split() == ["c", "note", "a", "note", "b"]
    loads = Cli(root.root)("loads").out
    assert "a.ttl" in loads and "b.ttl" in loads


# --- 5. no debug mode, 6. dependency floors ----------------------------------------------------


@pytest.mark.slow
def test_no_debug_mode_anywhere(built_store, live_server, monkeypatch) -> None:
    status, headers, _ = call(live_server.url + "/")
    assert (status, headers["Server"]) == (200, "mandates")  # waitress' ident, set by serve
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"STORE": str(built_store.root)})
    assert (app.debug, app.config["DEBUG"]) == (False, False)

    @app.get("/test-only-boom")
    def boom() -> str:
        raise RuntimeError("secret detail /etc/passwd")

    response = app.test_client().get("/test-only-boom")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in body and "secret detail" not in body and "boom" not in body
    assert response.headers["X-Content-Type-Options"] == "nosniff"

    server = waitress.create_server(app, host="127.0.0.1", port=0, ident="mandates")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        status, headers, body = call(f"http://127.0.0.1:{server.effective_port}/test-only-boom")
    finally:
        server.close()
        thread.join(5)
    assert (status, headers["Server"]) == (500, "mandates")
    assert b"Traceback" not in body and b"secret detail" not in body
    log = live_server.log.read_text()
    assert "Debugger" not in log and "development server" not in log.lower()


def test_dependency_floors() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    floors = {r.name.lower(): str(r.specifier) for r in map(Requirement, declared) if r.specifier}
    assert (floors["flask"], floors["werkzeug"]) == (">=3.1.3", ">=3.0.6")
    assert Version(version("flask")) >= Version("3.1.3")
    assert Version(version("werkzeug")) >= Version("3.0.6")


# --- 7. over-long IRIs and odd Unicode in queries ----------------------------------------------

ODD = "\u202e😀 e\u0301 Ⅶ \ufeff \u200b"


@pytest.mark.slow
def test_over_long_iris_and_odd_unicode_in_queries(strict_server, built_store, tmp_path) -> None:
    long_iri = "<http://example.org/" + "x" * 200_000 + ">"
    status, _, body = sparql(strict_server, f"ASK {{ {long_iri} ?p ?o }}")
    assert (status, json.loads(body)["boolean"]) == (200, False)
    status, _, body = sparql(strict_server, f'ASK {{ ?s ?p "{ODD}" }}')
    assert (status, json.loads(body)["boolean"]) == (200, False)
    status, _, body = sparql(strict_server, f"ASK {{ <http://x/{ODD}> ?p ?o }}")
    assert status == 400 and re.fullmatch(rb"query:1:\d+: SPARQL syntax error: .+\n", body), body
    broken = b'ASK { ?s ?p "\xff\xfe" }'
    form = b"query=" + urllib.parse.quote_from_bytes(broken).encode()  # read with U+FFFD
    status, _, body = call(strict_server.url + "/sparql", form)
    assert (status, json.loads(body)["boolean"]) == (200, False)
    raw = call(strict_server.url + "/sparql", broken, {"Content-Type": "application/sparql-query"})
    assert raw[::2] == (
        400,
        b"the query is not valid utf-8 text: 'utf-8' codec can't decode byte 0xff in position"
        b" 13: invalid start byte\n",
    )
    url = strict_server.url + "/sparql?query=" + urllib.parse.quote(f"ASK {{ {long_iri} ?p ?o }}")
    assert call(url)[::2] == (414, b"the URL is longer than 32768 bytes: POST long queries\n")

    cli = Cli(built_store.root)
    run = cli("query", f"ASK {{ {long_iri[:100_000]}> ?p ?o }}")
    assert (run.code, run.out.strip()) == (0, "no"), run.err
    run = cli("query", f'ASK {{ ?s ?p "{ODD}" }}')
    assert (run.code, run.out.strip()) == (0, "no"), run.err
    run = cli("query", f"ASK {{ <http://x/{ODD}> ?p ?o }}")
    assert run.code == 2 and run.err.startswith("error: query:1:"), run.err
    bad = tmp_path / "broken.rq"
    bad.write_bytes(b'ASK { ?s ?p "\xff\xfe" }')
    run = cli("query", str(bad))
    assert (run.code, run.err) == (2, f"error: {bad}: not UTF-8 text: byte 0xff\n")


# --- 8. stored XSS on every page that shows data -----------------------------------------------

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
]


def _harmless(html: str, where: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>1" not in html, where
    parsed = Parsed(html)
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
