"""What the server and a query worker say to each other: a :class:`Job` one way, an
:class:`Answer` the other (pickled by :mod:`.channel`).

They live apart from the worker's code so that the server side imports only these types, never
the module that runs in the worker process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Prefixes = tuple[dict[str, str], dict[str, str]]


@dataclass(frozen=True)
class Job:
    store: str  #: the store version in service (see mandates.backends.open_location)
    query: str
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    result_type: str | None  #: media type for SELECT/ASK results, None if none is acceptable
    graph_type: str | None  #: media type for CONSTRUCT/DESCRIBE results
    row_limit: int
    byte_limit: int = 2**63  #: bytes the serialised answer may have: fewer rows are sent
    cpu_seconds: float = 0.0  #: CPU time the query may use (0: the worker's own limit)


@dataclass(frozen=True)
class Answer:
    #: "ok", "syntax" (message is the engine's), "forbidden" (an update or SERVICE),
    #: "unacceptable", "error"
    status: str
    kind: str = ""  #: "results" or "graph"
    body: bytes = b""
    media_type: str = ""
    truncated: str = ""  #: "" (complete), "rows" or "bytes": which cap cut the answer
    message: str = ""
    reusable: bool = False  #: the same query on the same data gives the same answer


@dataclass(frozen=True)
class Task:
    """Work of another kind than a SPARQL query (validating a file, a search, analytics…):
    ``kind`` names the handler in :mod:`.tasks`, ``args`` are its keyword arguments."""

    kind: str
    store: str  #: what the worker opens to read the store in service (Root.location)
    args: dict[str, Any]
    root: str = ""  #: the store root, for tasks that write a new version (a load)


@dataclass(frozen=True)
class Outcome:
    """What a task gave: ``ok`` with its value; ``invalid`` when the input is at fault (the
    message says why, for a 4xx answer); ``error`` when something else went wrong."""

    status: str
    value: Any = None
    message: str = ""
    code: int = 400  #: the HTTP status of an ``invalid`` outcome (404: not in the graph)
