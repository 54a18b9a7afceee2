"""A short load test in the default suite: 16 clients for 15 s of mixed requests against the
production server (waitress) on 127.0.0.1 — no 5xx, no connection error. Every client comes
from one address here, so past that address's share of the query workers some answers are
``429 Too Many Requests`` with a ``Retry-After``: a polite refusal, counted apart. The long run
(120 s) is `python -m bench.load_test`."""

from __future__ import annotations

import pytest

from bench.load_test import run, summary

pytestmark = pytest.mark.slow


def test_sixteen_clients_for_fifteen_seconds(live_server) -> None:
    tally = run(live_server.url, clients=16, seconds=15)
    print(summary(tally, 15))
    assert tally.errors == {}, summary(tally, 15)
    assert tally.server_errors == 0, summary(tally, 15)
    assert sum(tally.statuses.values()) > 100
    assert set(tally.statuses) <= {200, 429}, summary(tally, 15)
    assert tally.statuses[200] > 10 * tally.statuses.get(429, 0), summary(tally, 15)
