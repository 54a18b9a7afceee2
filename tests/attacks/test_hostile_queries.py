"""Queries made to exhaust or confuse the endpoint: a property-path explosion stopped at the
deadline; over-long IRIs, odd Unicode and broken UTF-8 answered with a clear error, on the
endpoint and on the command line."""

from __future__ import annotations

import json
import re
import time
import urllib.parse

import pytest

from support import Cli, call, sparql

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
