"""Issue 19, "The layout shows the architecture": one path from a file to its named graph.

`mandates build` named a source's graph after the raw file stem while `load`, `validate` and the
web page cleaned it, so `my doc.txt` crashed the build (``Invalid IRI code point ' '``) and the
two disagreed on names with accents or dots. Both now name graphs by ``mandates.ingest.naming``.
And under pytest's doctest collection the same files were imported twice, as ``loader.segment``
and ``mandates.loader.segment``: every module now has one name.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from mandates.ingest.naming import graph_for
from mandates.store.embedded import StoreRoot

from support import DATA, Cli

NAMES = ["my doc.txt", "Résumé des débats.v2.txt", "A-RES-65-230.draft.txt"]


def _graphs(root: Path) -> set[str]:
    store = StoreRoot(root).open_read_only()
    return {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}


@pytest.mark.slow
def test_names_with_spaces_accents_and_dots_build_and_load_to_the_same_graph(
    tmp_path: Path,
) -> None:
    seed = next((DATA / "sources").glob("*.txt"))
    data = tmp_path / "data"
    shutil.copytree(DATA / "curated", data / "curated")
    (data / "sources").mkdir()
    for name in NAMES:
        shutil.copy(seed, data / "sources" / name)
    built = Cli(tmp_path / "built")("build", "--data", str(data))
    assert built.code == 0, built.err
    expected = {graph_for(name) for name in NAMES}
    assert len(expected) == len(NAMES)
    assert expected <= _graphs(tmp_path / "built")

    other = Cli(tmp_path / "loaded")
    empty = tmp_path / "empty"
    shutil.copytree(DATA / "curated", empty / "curated")
    assert other("build", "--data", str(empty)).code == 0
    for name in NAMES:
        loaded = other("load", str(data / "sources" / name))
        assert loaded.code == 0, loaded.err
    assert expected <= _graphs(tmp_path / "loaded")


def test_every_module_has_one_name() -> None:
    """No project module is loaded under a second, top-level name (``loader.x``, ``web.x``)."""
    twice = [name for name in sys.modules if name.split(".")[0] in ("loader", "web")]
    assert twice == []
