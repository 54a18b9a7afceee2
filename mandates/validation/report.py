"""A validation report that a person can act on, in text, JSON and standard SHACL Turtle.

Both engines make a standard report graph; the :class:`Result` records that people read are
taken from that graph by one function (:func:`result_of`), so they say the same thing as the
Turtle download, whichever engine ran. A result may lack a path (a node shape), a value
(sh:minCount) or both, and its focus node may be a blank node or a literal: every format
renders each of those, and ordering never compares a missing field with a present one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ..errors import MandatesError
from ..namespaces import PREFIXES

SH = Namespace("http://www.w3.org/ns/shacl#")
SEVERITIES = ("Violation", "Warning", "Info")
SHAPES_NS = "https://w3id.org/un-mandates/shapes#"


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, with terms written as short names.

    ``focus`` is the IRI, the blank node's label or the literal's text, as ``focus_kind``
    (``IRI``, ``BlankNode``, ``Literal``) says; ``path`` and ``value`` may be None.
    """

    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str
    component: str
    focus_label: str | None = None
    focus_kind: str = "IRI"

    def key(self) -> tuple:
        """A sort key in which a missing path or value sorts first, and never fails."""
        return (
            self.severity,
            self.focus,
            self.path is not None,
            self.path or "",
            self.value is not None,
            self.value or "",
            self.shape,
            self.component,
            self.message,
        )

    def __lt__(self, other: Result) -> bool:
        return self.key() < other.key()


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    graph: Graph | None = None
    files: list[str] = field(default_factory=list)
    triples: int = 0
    #: What the shapes compiler noted: SHACL terms that take no part in validation.
    notes: list[str] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when there is no Violation (Warnings and Infos do not block)."""
        return self.count("Violation") == 0

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    def to_json(self) -> dict:
        return {
            "conforms": self.conforms,
            "counts": {s.lower(): self.count(s) for s in SEVERITIES},
            "files": self.files,
            "triples": self.triples,
            "results": [asdict(r) for r in sorted(self.results)],
        }

    def to_turtle(self) -> str:
        graph = self.graph if self.graph is not None else Graph()
        _bind(graph)
        return graph.serialize(format="turtle")

    def to_text(self) -> str:
        lines: list[str] = []
        others = sorted({r.severity for r in self.results} - set(SEVERITIES))
        for severity in (*SEVERITIES, *others):
            group = sorted(r for r in self.results if r.severity == severity)
            if not group:
                continue
            lines.append(f"{severity}s ({len(group)})")
            for r in group:
                focus = f"{r.focus} ({r.focus_label})" if r.focus_label else r.focus
                if r.focus_kind == "BlankNode":
                    focus = f"_:{focus}"
                elif r.focus_kind == "Literal":
                    focus = json.dumps(r.focus, ensure_ascii=False)
                lines.append(f"  {focus}")
                if r.path:
                    lines.append(f"    path:    {r.path}")
                if r.value is not None:
                    lines.append(f"    value:   {r.value}")
                lines.append(f"    message: {r.message}")
                lines.append(f"    shape:   {r.shape} ({r.component})")
            lines.append("")
        verdict = "conforms" if self.conforms else "does not conform"
        counts = ", ".join(f"{self.count(s)} {s.lower()}s" for s in SEVERITIES)
        lines.append(f"{verdict}: {counts} ({len(self.files)} files, {self.triples} triples)")
        return "\n".join(lines) + "\n"

    def dumps(self, fmt: str) -> str:
        if fmt == "json":
            return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"
        if fmt == "turtle":
            return self.to_turtle()
        return self.to_text()


def _bind(graph: Graph) -> None:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, replace=True)
    graph.bind("mnds", SHAPES_NS)


_NAMES = Graph()
_bind(_NAMES)
_UNARY = {"inversePath": "^{}", "zeroOrMorePath": "{}*", "oneOrMorePath": "{}+"}
_UNARY["zeroOrOnePath"] = "{}?"


def name(term: URIRef) -> str:
    """An IRI as a prefixed name when it is in a namespace of the project, else in full."""
    text = str(term)
    if any(text.startswith(iri) for iri in (*PREFIXES.values(), SHAPES_NS)):
        return _NAMES.namespace_manager.normalizeUri(term).strip("<>")
    return text


def short(term: Node | None, report: Graph) -> str | None:
    """A term as a prefixed name (IRI), a path expression, a quoted literal or ``_:label``."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return name(term)
    if isinstance(term, Literal):
        return json.dumps(str(term), ensure_ascii=False)
    if (term, RDF.first, None) in report:
        return "(" + "/".join(_members(term, report)) + ")"
    alternatives = report.value(term, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_members(alternatives, report)) + ")"
    for kind, form in _UNARY.items():
        inner = report.value(term, SH[kind])
        if inner is not None:
            return form.format(short(inner, report))
    return f"_:{term}"


def _members(head: Node, report: Graph) -> list[str]:
    found = []
    node: Node | None = head
    while node is not None and node != RDF.nil:
        found.append(short(report.value(node, RDF.first), report) or "")
        node = report.value(node, RDF.rest)
    return found


def _kind(term: Node | None) -> str:
    if isinstance(term, BNode):
        return "BlankNode"
    return "Literal" if isinstance(term, Literal) else "IRI"


def result_of(report: Graph, node: Node, data: Graph | None = None) -> Result:
    """The :class:`Result` of one ``sh:ValidationResult`` node of a report graph."""
    focus = report.value(node, SH.focusNode)
    severity = report.value(node, SH.resultSeverity)
    label = data.value(focus, RDFS.label) if data is not None and focus is not None else None
    messages = sorted(report.objects(node, SH.resultMessage), key=_message_order)
    return Result(
        severity=str(severity).rsplit("#", 1)[-1],
        focus=str(focus),
        path=short(report.value(node, SH.resultPath), report),
        value=short(report.value(node, SH.value), report),
        message=str(messages[0]) if messages else "",
        shape=short(report.value(node, SH.sourceShape), report) or "",
        component=short(report.value(node, SH.sourceConstraintComponent), report) or "",
        focus_label=str(label) if label is not None else None,
        focus_kind=_kind(focus),
    )


def _message_order(message: Node) -> tuple[int, str]:
    """English or untagged messages first: the one a person is shown."""
    language = message.language if isinstance(message, Literal) else None
    return (0 if language in (None, "en") or str(language).startswith("en-") else 1, str(message))


def results_from_graph(report: Graph, data: Graph) -> list[Result]:
    """Read the results of a standard SHACL report graph."""
    return [result_of(report, n, data) for n in report.subjects(RDF.type, SH.ValidationResult)]


class NotConforming(MandatesError):
    """Data that does not pass the shapes, refused by a build, a load or an undo: nothing was
    written, and :attr:`report` says why."""

    exit_code = 1

    def __init__(self, report: Report) -> None:
        super().__init__(
            f"the data does not conform to the shapes ({report.count('Violation')} violations);"
            " the store was not changed"
        )
        self.report = report
