"""The validation report of the store in service, computed once per store version.

Resource pages show the Warnings and Violations about their resource; validating the whole
store for each page would be wasteful, so the report is kept until a build or a load swaps a
new version in, and its results are indexed by focus node.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable

import pyoxigraph as ox

from mandates.validation import Report, Result, validate_store

SHOWN = ("Violation", "Warning")


class StoreReport:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._report = Report()
        self._by_focus: dict[str, list[Result]] = {}

    def get(self, version: str, store: Callable[[], ox.Store]) -> Report:
        """The report of ``version``, validating ``store()`` when the version is new."""
        with self._lock:
            if version != self._version:
                self._report = validate_store(store())
                by_focus: dict[str, list[Result]] = defaultdict(list)
                for result in sorted(self._report.results):
                    if result.severity in SHOWN:
                        by_focus[result.focus].append(result)
                self._by_focus, self._version = dict(by_focus), version
            return self._report

    def about(self, version: str, store: Callable[[], ox.Store], iri: str) -> list[Result]:
        """The Warnings and Violations whose focus node is ``iri``."""
        self.get(version, store)
        with self._lock:
            return list(self._by_focus.get(iri, ()))
