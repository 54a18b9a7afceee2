"""The proof that no rule is skipped: every SHACL term in the shapes graph was read, or is one
that SHACL says takes no part in validation, or validation does not start.

After compiling, each triple whose predicate (or, for ``rdf:type``, whose class) is in the
``sh:`` namespace is sorted:

* read by the compiler: part of a rule that will run;
* a term SHACL does not have (``sh:minCont``) or a feature this engine does not implement
  (SHACL-AF, SHACL-JS, custom components): :class:`.UnsupportedShape`;
* on a shape, but not read: :class:`.UnsupportedShape` as well, since the shape would run
  without it;
* a report term, a non-validating property, or a link between graphs: not a rule;
* anything else (a path on a node no shape uses, a message on a node that is no shape): a
  note, shown as a :class:`.ShapesWarning`.
"""

from __future__ import annotations

from rdflib import RDF, BNode
from rdflib.term import Node

from .reader import Reader, show
from .vocabulary import (
    DESCRIPTIVE,
    GRAPH_LINKS,
    KNOWN_CLASSES,
    KNOWN_PREDICATES,
    REPORT_TERMS,
    SH,
    SHAPE_CLASSES,
    UNSUPPORTED,
    UNSUPPORTED_CLASSES,
    UnsupportedShape,
    local,
)

REPORT_CLASSES = {SH.ValidationReport, SH.ValidationResult}


def _report_nodes(reader: Reader) -> set[Node]:
    """Nodes of validation reports held in the shapes graph, with the blank nodes they use."""
    graph = reader.graph
    todo = [s for cls in REPORT_CLASSES for s in graph.subjects(RDF.type, cls)]
    found: set[Node] = set()
    while todo:
        node = todo.pop()
        if node in found:
            continue
        found.add(node)
        todo.extend(o for o in graph.objects(node, None) if isinstance(o, BNode))
    return found


def check(reader: Reader, shapes: set[Node]) -> None:
    """Raise for a SHACL term that would be skipped; note the ones SHACL ignores."""
    reports = _report_nodes(reader)
    for triple in sorted(reader.graph, key=lambda t: tuple(map(str, t))):
        if triple in reader.read:
            continue
        subject, predicate, value = triple
        if predicate == RDF.type:
            _check_type(reader, subject, local(value))
            continue
        name = local(predicate)
        if name is None:
            continue
        where = f"{show(subject)} sh:{name}"
        if name in UNSUPPORTED:
            raise UnsupportedShape(f"{where}: this SHACL feature is not supported")
        if subject in shapes:
            if name not in KNOWN_PREDICATES:
                raise UnsupportedShape(f"{where}: sh:{name} is not a term of SHACL")
            raise UnsupportedShape(f"{where}: not read for this shape, so it would not be checked")
        if subject in reports or name in REPORT_TERMS | DESCRIPTIVE | GRAPH_LINKS:
            continue
        if name not in KNOWN_PREDICATES:
            # On a node that is no shape (data kept in the shapes file, as in the W3C suite's
            # qualifiedValueShape-001): it cannot change a result, so it is noted, not fatal.
            reader.note(f"{where}: sh:{name} is not a term of SHACL (on a node that is no shape)")
            continue
        reader.note(f"{where}: not part of any shape, so it takes no part in validation")


def _check_type(reader: Reader, subject: Node, name: str | None) -> None:
    if name is None or name in KNOWN_CLASSES or name in SHAPE_CLASSES:
        if name == "SPARQLConstraint":
            reader.note(f"{show(subject)}: a SPARQL constraint that no shape uses")
        return
    if name in UNSUPPORTED_CLASSES:
        raise UnsupportedShape(f"{show(subject)} a sh:{name}: this SHACL feature is not supported")
    raise UnsupportedShape(f"{show(subject)} a sh:{name}: sh:{name} is not a term of SHACL")
