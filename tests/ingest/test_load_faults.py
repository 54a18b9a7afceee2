"""Faults during loads: a load killed mid-way leaves the store serving and the next load clean;
two loads at once from the command line are serialised by the store's writer lock."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mandates.store.embedded import BUILDS, PARTIAL

from support import ROOT, Cli, LiveServer, clean_env, copy_store, sparql

ID = "https://w3id.org/un-mandates/id/"


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
            env=clean_env(),
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
            [*command, str(tmp_path / f"{n}.ttl")],
            cwd=ROOT,
            env=clean_env(),
            stdout=subprocess.PIPE,
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
