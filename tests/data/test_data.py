"""The curated data: one test per file, against the shapes in the context of all the data,
and every quote of an attestation found in its source text."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from mandates import iris
from mandates.namespaces import MND
from mandates.validation import Report, read_graph, validate_graph

from support import DATA

CURATED = sorted((DATA / "curated").glob("*.ttl"))
SOURCES = sorted((DATA / "sources").glob("*.txt"))


def test_data_files_exist() -> None:
    assert len(CURATED) >= 5, "no curated data found"
    assert len(SOURCES) == 5, "the five source texts are in data/sources/"


@cache
def whole() -> tuple[Graph, Report]:
    graph, _ = read_graph([DATA / "curated"])
    return graph, validate_graph(graph)


@pytest.mark.parametrize("path", CURATED, ids=lambda p: p.name)
def test_curated_file_conforms(path: Path) -> None:
    own, _ = read_graph([path])
    subjects = {str(s) for s in own.subjects()}
    assert subjects, f"{path.name} describes nothing"
    _, report = whole()
    violations = [r for r in report.results if r.severity == "Violation" and r.focus in subjects]
    assert violations == []


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_quotes_are_exact(path: Path) -> None:
    graph, _ = whole()
    text = _collapse(path.read_text(encoding="utf-8"))
    quotes = list(graph.objects(None, MND.quote))
    source = URIRef(iris.source(path.stem))
    own = [q for a, q in graph.subject_objects(MND.quote) if (a, MND.source, source) in graph]
    assert quotes
    for quote in own:
        assert _collapse(str(quote)) in text, quote
