"""The ontology: it parses, its modules are all there, and its hygiene checks pass.

Each check in ``ontology/checks/`` returns rows only when its rule is broken; every check is
also run on ``tests/ontology/broken.ttl`` to show that it can fail.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from mandates.namespaces import MND, VERB
from mandates.package_data import (
    alignment_files,
    check_files,
    ontology_files,
    ontology_graph,
    shape_files,
)

CHECKS = check_files()
BROKEN = Path(__file__).parent / "broken.ttl"
VERBS = """requested endorsed noted established decided adopted invited welcomed recognized
acknowledged reaffirmed recalled considered approved prepared held chaired postponed""".split()


def _store(*sources: bytes) -> ox.Store:
    store = ox.Store()
    for data in sources:
        store.load(data, format=ox.RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="module")
def ontology_store() -> ox.Store:
    return _store(*(f.read_bytes() for f in ontology_files() + alignment_files()))


def test_modules_and_folders_present() -> None:
    names = {f.name for f in ontology_files()}
    assert names == {
        "mandates.ttl",
        "documents.ttl",
        "bodies.ttl",
        "meetings.ttl",
        "mandate-acts.ttl",
    }
    assert {f.name for f in alignment_files()} >= {
        "undo.ttl",
        "eli.ttl",
        "dcterms.ttl",
        "prov.ttl",
        "oa.ttl",
        "org.ttl",
        "time.ttl",
        "skos.ttl",
    }
    assert len(shape_files()) >= 7
    assert len(CHECKS) >= 6


def test_every_verb_is_a_concept_and_a_property() -> None:
    graph = ontology_graph()
    for verb in VERBS:
        assert (VERB[verb], MND.verbProperty, MND[verb]) in graph, verb
        assert (MND[verb], None, None) in graph, verb


@pytest.mark.parametrize("check", CHECKS, ids=lambda f: f.name)
def test_hygiene_check_passes(check, ontology_store: ox.Store) -> None:
    text = check.read_text()
    assert text.startswith("# Rule:"), "a check opens with a one-line banner stating its rule"
    messages = [row["message"].value for row in ontology_store.query(text)]
    assert all(m.startswith(("ERROR:", "WARN:")) for m in messages)
    assert [m for m in messages if m.startswith("ERROR:")] == []


@pytest.mark.parametrize("check", CHECKS, ids=lambda f: f.name)
def test_hygiene_check_can_fail(check) -> None:
    store = _store(BROKEN.read_bytes())
    messages = [row["message"].value for row in store.query(check.read_text())]
    assert messages, f"{check.name} found nothing in {BROKEN.name}, which breaks its rule"
