"""Admission control: how much work of one kind may be running or waiting, and how much of it
one client may hold.

Each kind of work (SPARQL queries, validations and loads, searches and analytics) has its own
workers and its own bound: ``capacity`` requests in all (running on a worker or waiting for
one), of which one client may hold ``per_client``. Past the bound a request is refused at once
(``503`` when the kind is full, ``429`` when this client holds its share), with a
``Retry-After``, instead of holding one of the server's threads while it waits. The bounds of
all kinds together stay below the server's thread count (checked by :func:`check_threads`),
so pages and static files always find a thread: they never wait behind queries.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: Threads kept for pages, static files and everything that is not admitted work.
RESERVED_THREADS = 4


class Refused(Exception):
    """Refused admission: ``status`` 503 (the kind is full) or 429 (the client's share)."""

    def __init__(self, status: int, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.status, self.message, self.retry_after = status, message, retry_after


@dataclass
class Admission:
    """The bound of one kind of work (see the module docstring)."""

    kind: str  #: what the work is, for messages: "SPARQL queries", "validations"
    capacity: int  #: requests running or waiting, from every client
    per_client: int  #: of which one client may hold this many
    retry_after: int = 5  #: seconds a refused client is told to wait

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._held: Counter[str] = Counter()

    @property
    def held(self) -> int:
        return sum(self._held.values())

    @contextmanager
    def admit(self, client: str) -> Iterator[None]:
        """Hold a place for ``client`` while the block runs; raise :class:`Refused` if none."""
        with self._lock:
            if self.held >= self.capacity:
                raise Refused(503, f"too many {self.kind} at once: retry later", self.retry_after)
            if self._held[client] >= self.per_client:
                raise Refused(
                    429,
                    f"you have {self._held[client]} {self.kind} running or waiting already:"
                    " wait for them to finish",
                    self.retry_after,
                )
            self._held[client] += 1
        try:
            yield
        finally:
            with self._lock:
                self._held[client] -= 1
                if not self._held[client]:
                    del self._held[client]


def check_threads(threads: int, admissions: list[Admission]) -> None:
    """Refuse a configuration whose admitted work could take every thread of the server."""
    admitted = sum(a.capacity for a in admissions)
    if threads < admitted + RESERVED_THREADS:
        raise ValueError(
            f"{threads} threads cannot serve pages while {admitted} requests wait for workers:"
            f" use at least {admitted + RESERVED_THREADS}"
        )
