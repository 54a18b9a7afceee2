"""The package data: ontology modules, alignments, SHACL shapes, hygiene checks, saved queries."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from rdflib import Graph


def ontology_dir() -> Traversable:
    return files("mandates.ontology")


def _turtle_files(folder: Traversable) -> list[Traversable]:
    return sorted((f for f in folder.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


def ontology_files() -> list[Traversable]:
    """The header and topic modules (not alignments, not shapes)."""
    return _turtle_files(ontology_dir())


def alignment_files() -> list[Traversable]:
    return _turtle_files(ontology_dir() / "alignments")


def shape_files() -> list[Traversable]:
    return _turtle_files(ontology_dir() / "shapes")


def check_files() -> list[Traversable]:
    folder = ontology_dir() / "checks"
    return sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)


def _parse(paths: list[Traversable]) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """The ontology modules together (cached: callers must not change it)."""
    return _parse(ontology_files())


@cache
def shapes_graph() -> Graph:
    """All SHACL shapes together (cached: callers must not change it)."""
    return _parse(shape_files())
