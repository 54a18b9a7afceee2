"""The endpoint keeps small answers for repeated queries on the same store version."""

from __future__ import annotations

import json
import urllib.parse

from mandates.web.sparql.result_cache import ResultCache
from mandates.web.workers.messages import Answer

from support import call

JSON = {"Accept": "application/sparql-results+json"}


def _ask(server, text: str, **headers: str):
    url = f"{server.url}/sparql?{urllib.parse.urlencode({'query': text})}"
    return call(url, headers={**JSON, **headers})


def test_a_repeated_query_is_answered_from_the_cache(live_server) -> None:
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?class } # cache test"
    first = _ask(live_server, text)
    second = _ask(live_server, text)
    assert first[0] == second[0] == 200
    assert (first[1]["X-Result-Cache"], second[1]["X-Result-Cache"]) == ("miss", "hit")
    assert first[2] == second[2]
    other_format = _ask(live_server, text, Accept="text/csv")  # another answer, not the same
    assert other_format[1]["X-Result-Cache"] == "miss" and other_format[2].startswith(b"n")


def test_volatile_queries_and_errors_are_not_kept(live_server) -> None:
    text = "SELECT (RAND() AS ?r) WHERE {}"
    answers = [_ask(live_server, text) for _ in range(2)]
    assert [a[1]["X-Result-Cache"] for a in answers] == ["miss", "miss"]
    values = {json.loads(a[2])["results"]["bindings"][0]["r"]["value"] for a in answers}
    assert len(values) == 2
    assert [_ask(live_server, "SELECT WHERE")[0] for _ in range(2)] == [400, 400]


def test_the_cache_is_bounded_by_bytes_least_recently_used_first() -> None:
    cache = ResultCache(capacity=1600)  # answers up to 100 bytes are kept
    answer = Answer("ok", "results", b"x" * 90, "application/sparql-results+json", reusable=True)
    for key in range(20):
        cache.put(key, answer)
        assert cache.get(0) is not None  # used again: kept
    assert len(cache) == 17 and cache.get(1) is None and cache.get(19) is not None
    cache.put("large", Answer("ok", "results", b"x" * 101, "text/csv", reusable=True))
    cache.put("failed", Answer("error", message="no"))
    cache.put("volatile", Answer("ok", "results", b"x", "text/csv", reusable=False))
    assert cache.get("large") is None and cache.get("failed") is None
    assert cache.get("volatile") is None
    assert ResultCache(capacity=0).get(0) is None
