"""A short load test in the default suite: 16 clients for 15 s of mixed requests against the
production server (waitress) on 127.0.0.1 — no 5xx, no connection error. The long run (120 s)
is `bench/load_test.py`."""

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
    assert set(tally.statuses) <= {200}, summary(tally, 15)
