"""Hostile input on the web pages: headers everywhere, no inline script, no traversal, no
crash on odd paths, over-long IRIs or odd Unicode."""

from __future__ import annotations

import re

import pytest

from mandates.web import create_app
from mandates.web.security import HEADERS

PAGES = [
    "/",
    "/sparql",
    "/editor",
    "/queries",
    "/id/body/ccpcj",
    "/search?q=65/230",
    "/resource?iri=https://w3id.org/un-mandates/ontology%23Resolution",
]


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_and_no_inline_script(client, path: str) -> None:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    html = response.get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/id/../../etc/passwd",
        "/id/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_no_path_traversal(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"[build-system]" not in response.data and b"root:" not in response.data


def test_over_long_iri_and_odd_unicode(client) -> None:
    response = client.get("/resource", query_string={"iri": "https://example.org/" + "x" * 20000})
    assert response.status_code in (404, 414)
    assert client.get("/id/doc/" + "x" * 20000).status_code in (404, 414)
    for text in ("\u202e65/230", "Ⅶ", "\u0000", "😀 resolution", "e\u0301"):
        assert client.get("/search", query_string={"q": text}).status_code == 200
    assert client.get("/id/doc/%F0%9F%98%80").status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/sparql?query=ASK%20%7B%7D", 200),  # answered in front of Flask
        ("HEAD", "/sparql?query=ASK%20%7B%7D", 200),
        ("POST", "/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D", 400),
        ("GET", "/sparql?query=DROP%20ALL", 403),
        ("PUT", "/sparql", 405),  # left to Flask
    ],
)
def test_security_headers_on_sparql_answers_and_errors(client, method, path, status) -> None:
    response = client.open(path, method=method, content_type="application/x-www-form-urlencoded")
    assert response.status_code == status
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    if method == "HEAD":
        assert response.get_data() == b"" and int(response.headers["Content-Length"]) > 0


def test_a_fault_in_the_endpoint_gives_500_without_a_traceback(built_store, caplog) -> None:
    app = create_app({"STORE": str(built_store.root)})

    def broken(*args) -> None:
        raise RuntimeError("secret detail")

    app.extensions["mandates.sparql"]._answer = broken
    response = app.test_client().get("/sparql?query=ASK%20%7B%7D")
    assert (response.status_code, response.get_data()) == (500, b"internal error\n")
    assert response.headers["X-Frame-Options"] == HEADERS["X-Frame-Options"]
    assert "secret detail" in caplog.text  # in the server's log only
