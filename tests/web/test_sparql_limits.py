"""The endpoint's limits, on a real server with a 2 s deadline and a cap of 5 rows.

Deadline (a runaway query's worker process is killed, the others keep serving), row cap
(``X-Result-Truncated``), refused operations (nothing changes), request sizes, workers that
follow a rebuild and never outlive the server. Worker processes are found through /proc.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper

from mandates.ingest.build import build
from mandates.store.embedded import StoreRoot
from mandates.web.workers.messages import Job
from mandates.web.workers.pool import PoolBusy, QueryPool, WorkerFailed

from support import DATA, LiveServer, call

pytestmark = pytest.mark.slow

RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
STOPPED = b"query stopped after 2 s (the limit of this endpoint)\n"
TRUNCATED = "X-Result-Truncated"


def query(server: LiveServer, text: str, **headers: str):
    body = urllib.parse.urlencode({"query": text}).encode()
    return call(server.url + "/sparql", body, headers)


def workers(pid: int) -> list[int]:
    """The query worker processes among the children of ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and b"mandates.web.workers.worker" in cmdline:
            found.append(int(stat.parent.name))
    return sorted(found)


def gone(pids: list[int], within: float = 3) -> bool:
    deadline = time.monotonic() + within
    while any(Path(f"/proc/{p}").exists() for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> StoreRoot:
    """A private store: one test swaps a new version in."""
    root = StoreRoot(tmp_path_factory.mktemp("limits-store"))
    build(root, DATA)
    return root


@pytest.fixture(scope="module")
def server(root, tmp_path_factory):
    server = LiveServer(
        root.root,
        tmp_path_factory.mktemp("limits-server"),
        args=("--timeout", "2"),
        env={"MANDATES_ROW_LIMIT": "5"},
    )
    server.wait()
    yield server
    server.stop()


def test_runaway_query_is_stopped_and_its_worker_replaced(server) -> None:
    assert query(server, "ASK {}")[0] == 200
    before = workers(server.proc.pid)
    assert len(before) == 2
    started = time.monotonic()
    status, headers, body = query(server, RUNAWAY)
    assert (status, body) == (503, STOPPED)
    assert headers.get_content_type() == "text/plain"
    assert 2 <= time.monotonic() - started < 4
    started = time.monotonic()
    status, _, body = query(server, "ASK { ?s ?p ?o }")
    assert (status, json.loads(body)["boolean"]) == (200, True)
    assert time.monotonic() - started < 1
    after = workers(server.proc.pid)
    assert len(after) == 2 and len(set(before) & set(after)) == 1
    assert gone(sorted(set(before) - set(after)), within=0)  # killed and reaped


def test_other_queries_are_served_while_one_runs_away(server) -> None:
    outcome: list = []
    runaway = threading.Thread(target=lambda: outcome.append(query(server, RUNAWAY)))
    runaway.start()
    time.sleep(0.3)
    for _ in range(5):
        started = time.monotonic()
        status, _, body = query(server, "SELECT * { ?s ?p ?o } LIMIT 1", Accept="text/csv")
        assert status == 200 and len(body.splitlines()) == 2
        assert time.monotonic() - started < 1
    runaway.join()
    assert (outcome[0][0], outcome[0][2]) == (503, STOPPED)


def test_results_over_the_cap_are_cut_and_say_so(server) -> None:
    status, headers, body = query(server, "SELECT * { ?s ?p ?o }")
    assert (status, headers[TRUNCATED]) == (200, "5")
    assert len(json.loads(body)["results"]["bindings"]) == 5
    status, headers, body = query(
        server, "CONSTRUCT WHERE { ?s ?p ?o }", Accept="application/n-triples"
    )
    assert (status, headers[TRUNCATED], len(body.splitlines())) == (200, "5", 5)
    status, headers, body = query(server, "SELECT * { VALUES ?x { 1 2 3 4 5 } }", Accept="text/csv")
    assert (status, headers[TRUNCATED], len(body.splitlines())) == (200, None, 6)
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery("SELECT * { VALUES ?x { 1 2 3 4 5 6 } }")
    client.setReturnFormat(CSV)
    result = client.query()
    assert result.info()[TRUNCATED.lower()] == "5"
    assert result.convert().decode().split() == ["x", "1", "2", "3", "4", "5"]


UPDATES = [
    "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE DATA { <http://example.org/s> <http://example.org/p> 1 }",
    "CLEAR ALL",
    "DROP ALL",
    "LOAD <file:///etc/passwd>",
]


def test_updates_load_and_service_are_refused_and_change_nothing(server, root) -> None:
    def size() -> tuple[int, int]:
        body = query(server, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")[2]
        seen = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
        return seen, len(ox.Store.read_only(str(root.current())))  # quads, default graph too

    before = size()
    url = server.url + "/sparql"
    for text in UPDATES:
        keyword = text.split()[0]
        status, _, body = query(server, text)
        assert (status, body) == (
            403,
            f"SPARQL Update ({keyword}) is not accepted on this endpoint\n".encode(),
        )
        form = urllib.parse.urlencode({"update": text}).encode()
        status, _, body = call(url, form)
        assert (status, body) == (403, b"SPARQL Update is not accepted on this endpoint\n")
        status, _, _ = call(url, text.encode(), {"Content-Type": "application/sparql-update"})
        assert status == 403
        client = SPARQLWrapper(url)
        client.setMethod(POST)
        client.setQuery(text)
        with pytest.raises(urllib.error.HTTPError) as refused:
            client.query()
        refused.value.close()
        assert refused.value.code == 403
    service = "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert query(server, service)[::2] == (403, b"SERVICE is not allowed on this endpoint\n")
    assert size() == before


def test_request_size_limits(server) -> None:
    url = server.url + "/sparql"
    padding = "#" + "x" * (1024 * 1024) + "\nASK {}"
    status, _, _ = call(url, urllib.parse.urlencode({"query": padding}).encode())
    assert status == 413
    status, _, _ = call(url, padding.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413
    long_get = url + "?query=" + urllib.parse.quote("ASK {}" + " " * 40_000)
    assert call(long_get)[::2] == (414, b"the URL is longer than 32768 bytes: POST long queries\n")
    assert call(url + "?query=" + "+" * 300_000)[0] == 431  # waitress' own header limit


def test_workers_follow_a_new_store_version(server, root) -> None:
    ask = "ASK { GRAPH <urn:test:added> { ?s ?p ?o } }"
    assert [json.loads(query(server, ask)[2])["boolean"] for _ in range(4)] == [False] * 4
    with root.new_version(copy_current=True) as store:
        node = ox.NamedNode("urn:test:x")
        store.add(ox.Quad(node, node, node, ox.NamedNode("urn:test:added")))
    assert [json.loads(query(server, ask)[2])["boolean"] for _ in range(4)] == [True] * 4
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery("SELECT ?g { GRAPH ?g { <urn:test:x> ?p ?o } }")
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert rows == [{"g": {"type": "uri", "value": "urn:test:added"}}]
    void = call(server.url + "/.well-known/void", headers={"Accept": "application/n-triples"})[2]
    assert b"<urn:test:added> <http://rdfs.org/ns/void#triples> " in void


def test_no_worker_outlives_the_server(root, tmp_path) -> None:
    server = LiveServer(root.root, tmp_path, args=("--timeout", "10"))
    server.wait()
    outcome: list = []

    def runaway() -> None:
        try:
            outcome.append(query(server, RUNAWAY)[0])
        except OSError as err:
            outcome.append(err)

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    running = workers(server.proc.pid)
    assert len(running) == 2
    server.stop()  # SIGTERM while a worker is busy with the runaway query
    thread.join(10)
    assert gone(running), [p for p in running if Path(f"/proc/{p}").exists()]
    assert outcome and not isinstance(outcome[0], int)  # the connection was cut, no answer


def _dead(pid: int) -> bool:
    """Every thread of the process has ended (its sockets are closed); not yet reaped."""
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    return state == "Z" and len(os.listdir(f"/proc/{pid}/task")) == 1


def test_pool_waits_for_a_free_worker_and_survives_a_crash(root) -> None:
    """The pool itself: a query waiting for a free worker, a worker dying mid-query."""
    pool = QueryPool(1, ({}, {}))

    def job(text: str) -> Job:
        return Job(str(root.current()), text, None, None, "text/csv", None, row_limit=10)

    failures: list[type] = []

    def runaway() -> None:
        try:
            pool.run(job(RUNAWAY), time.monotonic() + 30)
        except Exception as err:  # the type is what the test checks
            failures.append(type(err))

    try:
        assert pool.run(job("ASK {}"), time.monotonic() + 10).body == b"true"
        [first] = pool.pids()
        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.3)
        with pytest.raises(PoolBusy):
            pool.run(job("ASK {}"), time.monotonic() + 0.5)
        os.kill(first, signal.SIGKILL)  # as if the engine had crashed
        thread.join(5)
        assert failures == [WorkerFailed]
        assert pool.run(job("ASK {}"), time.monotonic() + 10).body == b"true"
        [second] = pool.pids()
        assert second != first
        os.kill(second, signal.SIGKILL)  # dies while idle: the next query is not lost
        while not _dead(second):
            time.sleep(0.01)
        assert pool.run(job("ASK {}"), time.monotonic() + 10).body == b"true"
        [third] = pool.pids()
        assert third not in (first, second)
    finally:
        pool.close()
    assert gone([first, second, third])
