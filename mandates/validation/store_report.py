"""The validation report of the store in service, indexed by focus node.

Resource pages show the Warnings and Violations about their resource; validating the whole
store for each page would be wasteful, so the explorer keeps one :class:`StoreReport` per store
version (see :func:`mandates.web.store.per_version`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from .report import Report, Result
from .sparql_engine import validate_store

SHOWN = ("Violation", "Warning")


@dataclass(frozen=True)
class StoreReport:
    report: Report
    by_focus: dict[str, list[Result]] = field(default_factory=dict)

    def about(self, iri: str) -> list[Result]:
        """The Warnings and Violations whose focus node is ``iri``."""
        return list(self.by_focus.get(iri, ()))


def store_report(store: ox.Store) -> StoreReport:
    """Validate ``store`` and index the Warnings and Violations by focus node."""
    report = validate_store(store)
    by_focus: dict[str, list[Result]] = defaultdict(list)
    for result in sorted(report.results):
        if result.severity in SHOWN:
            by_focus[result.focus].append(result)
    return StoreReport(report, dict(by_focus))
