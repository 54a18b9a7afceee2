"""A SPARQL 1.1 server as the store: the graph built into a real Virtuoso (started for these
tests by scripts/virtuoso.py on free loopback ports, with fresh credentials) must answer like
the embedded store, through the command line and through the explorer."""

from __future__ import annotations

import json
import secrets
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from mandates.ingest.log import LOG
from mandates.query import saved as saved_queries
from mandates.query.run import run
from mandates.store.backends import open_root
from mandates.store.embedded import StoreRoot
from mandates.store.remote import MERGED, STATE, RemoteRoot
from scripts import virtuoso

from support import SHARED, Cli, LiveServer, call, free_port

#: Virtuoso 7.2.5 drops rows of this query: a transitive path (a/rdfs:subClassOf*) joined,
#: inside an OPTIONAL, with a UNION (reproduced with smaller queries; without the OPTIONAL, or
#: without the path, it answers right). The test keeps checking, so a fixed server shows.
VIRTUOSO_BUGS = {"expert-group-meetings"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A private Virtuoso; yields the environment that points the project at it."""
    folder = tmp_path_factory.mktemp("virtuoso")
    instance = virtuoso.Instance(folder, http_port=free_port(), sql_port=free_port())
    credentials = {
        "MANDATES_VIRTUOSO_DBA_PASSWORD": secrets.token_hex(12),
        "MANDATES_STORE_USER": "mandates",
        "MANDATES_STORE_PASSWORD": secrets.token_hex(12),
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in credentials.items():
            patch.setenv(name, value)
        virtuoso.start(instance)
        base = f"http://127.0.0.1:{instance.http_port}"
        env = {
            "MANDATES_STORE_USER": credentials["MANDATES_STORE_USER"],
            "MANDATES_STORE_PASSWORD": credentials["MANDATES_STORE_PASSWORD"],
            "MANDATES_STORE_UPDATE_URL": f"{base}/sparql-auth",
            "MANDATES_STORE_GRAPH_URL": f"{base}/sparql-graph-crud-auth",
        }
        for name, value in env.items():
            patch.setenv(name, value)
        try:
            yield {"url": instance.sparql, "instance": instance, **env}
        finally:
            virtuoso.stop(instance)


@pytest.fixture(scope="module")
def built(server: dict) -> dict:
    """The graph of ``data/`` built into the server with the command line."""
    result = _cli(server)("build")
    assert result.code == 0, result.err
    return server


def _cli(server: dict) -> Cli:
    return Cli(server["url"], env={k: v for k, v in server.items() if k.startswith("MANDATES_")})


def _bag(results: object) -> object:
    """Results as a comparable value: solutions as a sorted list of rows (ORDER BY of long
    strings is not compared: Virtuoso sorts them by their first characters only)."""
    if isinstance(results, ox.QueryBoolean):
        return bool(results)
    if isinstance(results, ox.QueryTriples):
        return sorted(str(t) for t in results)
    names = [v.value for v in results.variables]
    return sorted(tuple(str(row[n] or "") for n in names) for row in results)


def test_the_well_known_password_is_replaced(server: dict) -> None:
    with pytest.raises(RuntimeError):
        virtuoso.isql(server["instance"], virtuoso.FRESH_DBA_PASSWORD, "select 1;")


def test_build_writes_the_same_graphs(built: dict, built_store: StoreRoot) -> None:
    remote, local = open_root(built["url"]), built_store.open_read_only()
    assert isinstance(remote, RemoteRoot)
    here = _cli(built)("stats")
    there = Cli(built_store.root)("stats")
    assert here.code == 0 and there.code == 0, here.err + there.err
    assert here.out == there.out  # triples per graph, class and verb
    store = remote.open_read_only()
    assert {g.value for g in store.named_graphs()} == {g.value for g in local.named_graphs()}
    merged = len(list(local.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == merged


@pytest.mark.parametrize("query", saved_queries.load_all(), ids=lambda q: q.id)
def test_saved_query_gives_the_same_results(
    query: saved_queries.SavedQuery, built: dict, built_store: StoreRoot
) -> None:
    if query.id in VIRTUOSO_BUGS:
        pytest.xfail("Virtuoso 7.2.5 drops rows of this query (see VIRTUOSO_BUGS)")
    expected = _bag(run(built_store.open_read_only(), query.text, query.id))
    assert expected != [], "a query with no rows compares nothing"
    assert _bag(run(open_root(built["url"]).open_read_only(), query.text, query.id)) == expected


@pytest.mark.parametrize("query_id", sorted(VIRTUOSO_BUGS))
def test_known_server_bug_still_shows(query_id: str, built: dict, built_store: StoreRoot) -> None:
    query = saved_queries.by_id(query_id)
    expected = _bag(run(built_store.open_read_only(), query.text, query.id))
    assert _bag(run(open_root(built["url"]).open_read_only(), query.text, query.id)) != expected


def test_graph_on_the_server_sees_named_graphs_only(built: dict) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = run(open_root(built["url"]).open_read_only(), query)
    seen = {row["g"].value for row in rows}
    assert MERGED not in seen and seen


def test_load_and_unload_on_the_server(built: dict, tmp_path: Path) -> None:
    cli, root = _cli(built), RemoteRoot(built["url"])
    before = root.version()
    document = SHARED / "unseen" / "un-ga-res-79-243.txt"
    loaded = cli("load", str(document))
    assert loaded.code == 0, loaded.err
    assert root._read_state(fresh=True)[0] != before
    graphs = {g.value for g in root.open_read_only().named_graphs()}
    listed = cli("loads")
    assert listed.code == 0 and document.name in listed.out
    removed = cli("unload", document.name)
    assert removed.code == 0, removed.err
    assert len({g.value for g in root.open_read_only().named_graphs()}) == len(graphs) - 1


def test_a_refused_load_leaves_the_server_as_it_was(built: dict, tmp_path: Path) -> None:
    cli, root = _cli(built), RemoteRoot(built["url"])
    before = (root._read_state(fresh=True), _cli(built)("stats").out)
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix mnd: <https://w3id.org/un-mandates/ontology#> .\n"
        "<https://w3id.org/un-mandates/id/statement/x> a mnd:Statement .\n"
    )
    refused = cli("load", str(bad))
    assert refused.code == 1, refused.out + refused.err
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n")
    unreadable = cli("load", str(broken))
    assert unreadable.code == 2 and "broken.ttl:1" in unreadable.err
    assert (root._read_state(fresh=True), _cli(built)("stats").out) == before


def _all_graphs(url: str) -> set[str]:
    """Every graph on the server, as a client that knows nothing of the layout sees it."""
    query = urllib.parse.urlencode({"query": "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"})
    status, _, body = call(f"{url}?{query}", headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    return {b["g"]["value"] for b in json.loads(body)["results"]["bindings"]}


def test_a_rebuild_drops_the_graphs_it_does_not_hold(built: dict) -> None:
    cli = _cli(built)
    assert cli("load", str(SHARED / "unseen" / "un-ga-res-78-225.txt")).code == 0
    loaded = _all_graphs(built["url"])
    rebuilt = cli("build")
    assert rebuilt.code == 0, rebuilt.err
    left = _all_graphs(built["url"])
    source = next(g for g in loaded if g.endswith("/source/un-ga-res-78-225"))
    assert loaded - left == {source, LOG}  # as on the embedded store: a build starts from data/
    ours = {g for g in left if g.startswith("https://w3id.org/un-mandates/")}
    named = {g.value for g in RemoteRoot(built["url"]).open_read_only().named_graphs()}
    assert ours == named | {MERGED, STATE}  # no staging graph left behind


def test_an_unreachable_server_is_named(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = Cli(url)("stats")
    assert result.code == 2
    assert url in result.err and "did not answer" in result.err


@pytest.fixture(scope="module")
def explorer(built: dict, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    env = {k: v for k, v in built.items() if k.startswith("MANDATES_")}
    server = LiveServer(
        built["url"], tmp_path_factory.mktemp("remote-explorer"), ("--row-limit", "5"), env
    )
    server.wait()
    yield server
    server.stop()


def _select(endpoint: str, text: str) -> dict:
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery(text)
    return client.query().convert()


def test_the_explorer_runs_queries_on_the_server(
    explorer: LiveServer, live_server: LiveServer
) -> None:
    query = saved_queries.by_id("bodies-ranked-by-mandates")
    there = _select(explorer.url + "/sparql", query.full_text)
    here = _select(live_server.url + "/sparql", query.full_text)
    assert there["results"]["bindings"] == here["results"]["bindings"][:5]
    status, headers, _ = call(
        explorer.url + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * { ?s ?p ?o }"}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200 and headers["X-Result-Truncated"]


def test_the_explorer_pages_read_the_server(explorer: LiveServer) -> None:
    status, _, body = call(explorer.url + "/id/doc/A/RES/65/230", headers={"Accept": "text/html"})
    assert status == 200
    assert "requested" in body.decode() and "Commission on Crime Prevention" in body.decode()
    status, _, body = call(explorer.url + "/search?format=json&q=65/230")
    assert status == 200 and json.loads(body)["results"]
