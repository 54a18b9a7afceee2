"""Compiling a shapes graph: every shape read into :class:`.core.Shape` objects, or an error.

The shapes are found as the spec defines them (2.1): SHACL instances of sh:NodeShape and
sh:PropertyShape, subjects of targets and of constraint parameters, and values of the
parameters that take shapes. Each is read whether or not anything targets it, so that a shape
the engine cannot run is refused before validation rather than skipped when it is reached.
Then :func:`.unread.check` makes sure no SHACL term was left unread.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from . import unread
from .core import READERS, Shape
from .paths import read_path
from .reader import Reader, show
from .targets import read_targets
from .vocabulary import (
    CORE_PARAMETERS,
    DESCRIPTIVE,
    SH,
    SHAPE_CLASSES,
    SHAPE_LISTS,
    SHAPE_VALUED,
    TARGETS,
    IllFormedShape,
    ShapesWarning,
)


@dataclass
class Shapes:
    """A compiled shapes graph: its shapes by node, and what was noted while reading it."""

    graph: Graph
    reader: Reader
    shapes: dict[Node, Shape] = field(default_factory=dict)
    _parents: dict[int, list[Shape]] = field(default_factory=dict)

    @property
    def notes(self) -> list[str]:
        return self.reader.notes

    def get(self, node: Node) -> Shape:
        """The shape at ``node``, read on first use (shapes may refer to each other)."""
        if isinstance(node, Literal):
            raise IllFormedShape(f"a literal ({show(node)}) where a shape is expected")
        shape = self.shapes.get(node)
        if shape is None:
            shape = self.shapes[node] = Shape(node, None)
            _read(self.reader, self, shape)
        return shape

    def parents(self, shape: Shape) -> list[Shape]:
        if not self._parents:
            for parent in self.shapes.values():
                for child in parent.components:
                    for prop in getattr(child, "properties", ()):
                        self._parents.setdefault(id(prop), []).append(parent)
        return self._parents.get(id(shape), [])

    @property
    def targeted(self) -> list[Shape]:
        """The shapes validation starts from: active and with at least one target."""
        return [s for s in self.shapes.values() if s.targets and not s.deactivated]


def _instances(graph: Graph, classes: set[Node]) -> Iterator[Node]:
    todo, seen = list(classes), set()
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        yield from graph.subjects(RDF.type, cls)
        todo.extend(graph.subjects(RDFS.subClassOf, cls))


def discover(reader: Reader) -> list[Node]:
    """Every node that is a shape by the definition of spec 2.1, in a stable order."""
    graph = reader.graph
    found: set[Node] = set(_instances(graph, {SH[name] for name in SHAPE_CLASSES}))
    for name in TARGETS | CORE_PARAMETERS:
        found.update(graph.subjects(SH[name], None))
    for name in SHAPE_VALUED:
        found.update(graph.objects(None, SH[name]))
    for name in SHAPE_LISTS:
        for head in graph.objects(None, SH[name]):
            for owner in graph.subjects(SH[name], head):
                found.update(reader.items(head, owner, name))
    return sorted(found, key=lambda n: (isinstance(n, BNode), str(n)))


def _read(reader: Reader, shapes: Shapes, shape: Shape) -> None:
    node = shape.node
    kinds = {t for t in reader.types(node) if t in {SH[n] for n in SHAPE_CLASSES}}
    reader.mark((node, RDF.type, t) for t in kinds)
    path = reader.value(node, "path")
    if path is not None:
        if SH.NodeShape in kinds:
            raise IllFormedShape(f"{show(node)}: a sh:NodeShape has no sh:path")
        shape.path = read_path(reader, path, node)
    elif SH.PropertyShape in kinds:
        raise IllFormedShape(f"{show(node)}: a sh:PropertyShape needs one sh:path")
    shape.targets = read_targets(reader, node)
    severity = reader.value(node, "severity")
    if severity is not None and not isinstance(severity, URIRef):
        raise IllFormedShape(f"{show(node)}: sh:severity must be an IRI")
    shape.severity = severity or SH.Violation
    messages = reader.objects(node, "message")
    if not all(isinstance(m, Literal) for m in messages):
        raise IllFormedShape(f"{show(node)}: sh:message must be a literal")
    shape.messages = tuple(messages)  # type: ignore[arg-type]
    shape.deactivated = bool(reader.boolean(node, "deactivated"))
    for name in DESCRIPTIVE:
        reader.objects(node, name)  # non-validating by the spec: read, not used
    for read in READERS:
        shape.components.extend(read(reader, shapes, shape))


def _declarations(reader: Reader) -> None:
    """Prefix declarations (spec 5.2.1) are read whether or not a query uses them."""
    for owner in set(reader.graph.subjects(SH.declare, None)):
        for declaration in reader.objects(owner, "declare"):
            reader.value(declaration, "prefix")
            reader.value(declaration, "namespace")
            reader.mark([(declaration, RDF.type, SH.PrefixDeclaration)])


def compile_shapes(graph: Graph) -> Shapes:
    """Read every shape of ``graph``; raises :class:`.ShapesError` before any validation if a
    shape is ill-formed or uses a term this engine does not implement, and warns
    (:class:`.ShapesWarning`) of terms that SHACL says take no part in validation."""
    reader = Reader(graph)
    shapes = Shapes(graph, reader)
    _declarations(reader)
    for node in discover(reader):
        shapes.get(node)
    unread.check(reader, set(shapes.shapes))
    for note in reader.notes:
        warnings.warn(note, ShapesWarning, stacklevel=2)
    return shapes
