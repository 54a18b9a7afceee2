"""The store's lifecycle: builds are swapped in whole, failures and kills leave it as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from mandates.errors import StoreError
from mandates.store.embedded import BUILDS, PARTIAL, StoreRoot

QUAD = ox.Quad(
    ox.NamedNode("http://e/a"),
    ox.NamedNode("http://e/p"),
    ox.Literal("1"),
    ox.NamedNode("http://e/g"),
)
OTHER = ox.Quad(
    ox.NamedNode("http://e/b"),
    ox.NamedNode("http://e/p"),
    ox.Literal("2"),
    ox.NamedNode("http://e/g"),
)


def _fill(root: StoreRoot, *quads: ox.Quad) -> None:
    with root.new_version() as store:
        store.bulk_extend(list(quads))


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no graph has been built here yet"):
        StoreRoot(tmp_path).open_read_only()


def test_new_version_is_swapped_in_and_readers_keep_theirs(tmp_path: Path) -> None:
    root = StoreRoot(tmp_path)
    _fill(root, QUAD)
    reader = root.open_read_only()
    first = root.version()
    _fill(root, QUAD, OTHER)
    assert root.version() != first
    assert len(reader) == 1  # an open reader keeps serving the store it opened
    assert len(root.open_read_only()) == 2
    assert root.link.is_symlink() and not root.link.readlink().is_absolute()


def test_failed_version_leaves_the_previous_one(tmp_path: Path) -> None:
    root = StoreRoot(tmp_path)
    _fill(root, QUAD)
    before = root.version()
    with pytest.raises(RuntimeError), root.new_version() as store:
        store.bulk_extend([OTHER])
        raise RuntimeError("the build failed half-way")
    assert root.version() == before
    assert len(root.open_read_only()) == 1
    assert [p.name for p in (tmp_path / BUILDS).iterdir()] == [before]


def test_copy_of_current_for_loading(tmp_path: Path) -> None:
    root = StoreRoot(tmp_path)
    _fill(root, QUAD)
    with root.new_version(copy_current=True) as store:
        store.extend([OTHER])
    assert len(root.open_read_only()) == 2


def test_old_builds_are_pruned(tmp_path: Path) -> None:
    root = StoreRoot(tmp_path)
    for _ in range(4):
        _fill(root, QUAD)
    assert len(list((tmp_path / BUILDS).iterdir())) == 2  # in service + one previous


def test_killed_build_leaves_store_serving_and_next_start_clean(tmp_path: Path) -> None:
    root = StoreRoot(tmp_path)
    _fill(root, QUAD)
    before = root.version()
    code = (
        "import os, pyoxigraph as ox\n"
        "from mandates.store.embedded import StoreRoot\n"
        f"root = StoreRoot({str(tmp_path)!r})\n"
        "with root.new_version() as store:\n"
        "    store.bulk_extend([ox.Quad(ox.NamedNode('http://e/x'), ox.NamedNode('http://e/p'),"
        " ox.Literal('x'), ox.NamedNode('http://e/g'))])\n"
        "    os.kill(os.getpid(), 9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == -9
    assert list((tmp_path / BUILDS).glob(f"{PARTIAL}*")), "the killed build left its partial folder"
    assert root.version() == before
    assert len(root.open_read_only()) == 1
    _fill(root, QUAD, OTHER)
    assert not list((tmp_path / BUILDS).glob(f"{PARTIAL}*"))
    assert os.path.isdir(root.current())


def test_a_triple_stated_by_two_sources_is_seen_once(tmp_path: Path) -> None:
    """The default graph is the merge of the named graphs: a set, not one copy per source."""
    from mandates.store.embedded import merge_default_graph

    root = StoreRoot(tmp_path)
    twice = [QUAD, ox.Quad(QUAD.subject, QUAD.predicate, QUAD.object, ox.NamedNode("http://e/h"))]
    with root.new_version() as store:
        store.bulk_extend(twice)
        merge_default_graph(store)
    store = root.open_read_only()
    assert len(list(store.query("SELECT * WHERE { ?s ?p ?o }"))) == 1
    assert len(list(store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))) == 2


def test_concurrent_writers_are_serialised(tmp_path: Path) -> None:
    """Two loads at once: the second starts from the version the first swapped in."""
    import threading
    import time

    root = StoreRoot(tmp_path)
    _fill(root, QUAD)
    errors: list[BaseException] = []

    def add(quad: ox.Quad) -> None:
        try:
            with root.new_version(copy_current=True) as store:
                time.sleep(0.3)
                store.extend([quad])
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    third = ox.Quad(ox.NamedNode("http://e/c"), QUAD.predicate, ox.Literal("3"), QUAD.graph_name)
    threads = [threading.Thread(target=add, args=(q,)) for q in (OTHER, third)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(root.open_read_only()) == 3
