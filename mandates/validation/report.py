"""A validation report that a person can act on, in text, JSON and standard SHACL Turtle."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from mandates.errors import MandatesError
from mandates.namespaces import PREFIXES

SH = Namespace("http://www.w3.org/ns/shacl#")
SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True, order=True)
class Result:
    """One SHACL validation result, with terms written as short names."""

    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str
    component: str
    focus_label: str | None = None


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    graph: Graph | None = None
    files: list[str] = field(default_factory=list)
    triples: int = 0

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
        for severity in SEVERITIES:
            group = sorted(r for r in self.results if r.severity == severity)
            if not group:
                continue
            lines.append(f"{severity}s ({len(group)})")
            for r in group:
                focus = f"{r.focus} ({r.focus_label})" if r.focus_label else r.focus
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
    graph.bind("mnds", "https://w3id.org/un-mandates/shapes#")


_NAMES = Graph()
_bind(_NAMES)


def short(term: Node | None, report: Graph) -> str | None:
    """A term as a prefixed name (IRI), a path expression, or a quoted literal."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        if _known(term):
            return _NAMES.namespace_manager.normalizeUri(term).strip("<>")
        return str(term)
    if isinstance(term, Literal):
        return json.dumps(str(term), ensure_ascii=False)
    inverse = report.value(term, SH.inversePath)
    if inverse is not None:
        return f"^{short(inverse, report)}"
    return str(term)


def _known(term: URIRef) -> bool:
    return any(str(term).startswith(iri) for iri in PREFIXES.values()) or str(term).startswith(
        "https://w3id.org/un-mandates/shapes#"
    )


def results_from_graph(report: Graph, data: Graph) -> list[Result]:
    """Read the results of a standard SHACL report graph."""
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(node, SH.focusNode)
        severity = report.value(node, SH.resultSeverity)
        label = data.value(focus, RDFS.label) if focus is not None else None
        results.append(
            Result(
                severity=str(severity).rsplit("#", 1)[-1],
                focus=str(focus),
                path=short(report.value(node, SH.resultPath), report),
                value=short(report.value(node, SH.value), report),
                message=str(report.value(node, SH.resultMessage) or ""),
                shape=short(report.value(node, SH.sourceShape), report) or "",
                component=short(report.value(node, SH.sourceConstraintComponent), report) or "",
                focus_label=str(label) if label is not None else None,
            )
        )
    return results


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
