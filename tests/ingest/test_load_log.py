"""Issue 7: every load and undo is recorded in the store (graph …/graph/log, PROV terms), can be
listed (`mandates loads`) and undone (`mandates unload`), all or nothing; a build starts afresh.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mandates.ingest.log import LOG, entries
from mandates.store.embedded import StoreRoot

from support import DATA, Cli

PREFIXES = (
    "@prefix mnd: <https://w3id.org/un-mandates/ontology#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix body: <https://w3id.org/un-mandates/id/body/> .\n"
)
PARENT = PREFIXES + 'body:parent-group a mnd:Body ; rdfs:label "Parent Group"@en .\n'
CHILD = (
    PREFIXES + 'body:child-group a mnd:Body ; rdfs:label "Child Group"@en ;\n'
    "    mnd:subsidiaryOf body:parent-group .\n"
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture
def store(built_store: StoreRoot, tmp_path: Path) -> StoreRoot:
    shutil.copytree(built_store.root, tmp_path / "store", symlinks=True)
    return StoreRoot(tmp_path / "store")


@pytest.fixture
def cli(store: StoreRoot, tmp_path: Path) -> Cli:
    (tmp_path / "parent.ttl").write_text(PARENT)
    (tmp_path / "child.ttl").write_text(CHILD)
    return Cli(store.root, cwd=tmp_path)


def test_load_is_logged_with_who_when_graph_and_triples(cli: Cli, store: StoreRoot) -> None:
    before = cli("query", COUNT, "--format", "csv").out
    run = cli("load", "--by", "Ann", "parent.ttl")
    assert run.code == 0, run.err
    graph = "https://w3id.org/un-mandates/graph/loaded/parent"
    assert run.out == f"loaded parent.ttl: 2 triples into <{graph}>\n"
    (entry,) = json.loads(cli("loads", "--format", "json").out)
    assert {k: entry[k] for k in ("action", "graph", "source", "triples", "by", "address")} == {
        "action": "load",
        "graph": graph,
        "source": "parent.ttl",
        "triples": 2,
        "by": "Ann",
        "address": None,
    }
    assert entry["at"].endswith("Z") and entry["iri"].startswith(
        "https://w3id.org/un-mandates/id/load/"
    )
    text = cli("loads").out
    assert text.startswith(entry["at"]) and f"load  Ann  <{graph}>  2 triples  parent.ttl" in text
    after = int(cli("query", COUNT, "--format", "csv").out.split()[1])
    assert after == int(before.split()[1]) + 2, "the log stays out of the default graph"
    ask = f"ASK {{ GRAPH <{LOG}> {{ ?e a prov:Activity ; prov:generated <{graph}> }} }}"
    assert cli("query", ask).out == "yes\n"
    assert len(entries(store.open_read_only())) == 1


def test_unload_by_file_or_graph_is_logged_and_all_or_nothing(cli: Cli) -> None:
    assert cli("load", "--by", "Ann", "parent.ttl").code == 0
    assert cli("load", "--by", "Ann", "child.ttl").code == 0
    refused = cli("unload", "--by", "Bob", "parent.ttl")
    assert refused.code == 1, "the child still points at the parent"
    assert "mnds:Body-subsidiaryOf (sh:ClassConstraintComponent)" in refused.err
    assert refused.err.endswith("the store was not changed\n")
    assert cli("query", "ASK { body:parent-group a mnd:Body }").out == "yes\n"
    child = "https://w3id.org/un-mandates/graph/loaded/child"
    removed = cli("unload", "--by", "Bob", child)
    assert removed.code == 0, removed.err
    assert removed.out == f"removed <{child}>: 3 triples\n"
    assert cli("unload", "--by", "Bob", "parent.ttl").code == 0
    assert cli("query", "ASK { ?b rdfs:label 'Parent Group'@en }").out == "no\n"
    log = json.loads(cli("loads", "--format", "json").out)
    assert [(e["action"], e["by"], e["graph"].rsplit("/", 1)[1]) for e in log] == [
        ("undo", "Bob", "parent"),
        ("undo", "Bob", "child"),
        ("load", "Ann", "child"),
        ("load", "Ann", "parent"),
    ]
    again = cli("unload", "parent.ttl")
    assert again.code == 2
    assert again.err == (
        "error: parent.ttl: not a loaded graph: `mandates loads` lists the graphs one can remove\n"
    )


def test_only_loaded_graphs_can_be_unloaded(cli: Cli) -> None:
    run = cli("unload", "https://w3id.org/un-mandates/graph/curated/authority")
    assert run.code == 2
    assert "not a loaded graph" in run.err


def test_two_files_for_one_graph_are_refused(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "parent.ttl").write_text(PARENT)
    run = cli("load", "parent.ttl", "other/parent.ttl")
    assert run.code == 2
    assert run.err == (
        "error: other/parent.ttl: loads into the same graph "
        "<https://w3id.org/un-mandates/graph/loaded/parent> as parent.ttl\n"
    )


def test_a_build_starts_afresh_without_loads(cli: Cli) -> None:
    assert cli("load", "parent.ttl").code == 0
    assert cli("build", "--data", str(DATA)).code == 0
    assert cli("loads").out == ""
    assert cli("query", "ASK { body:parent-group ?p ?o }").out == "no\n"
