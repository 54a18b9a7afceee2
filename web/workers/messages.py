"""What the server and a query worker say to each other: a :class:`Job` one way, an
:class:`Answer` the other (pickled by :mod:`.channel`).

They live apart from the worker's code so that the server side imports only these types, never
the module that runs in the worker process.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Answer:
    #: "ok", "syntax" (message is the engine's), "forbidden" (an update or SERVICE),
    #: "unacceptable", "error"
    status: str
    kind: str = ""  #: "results" or "graph"
    body: bytes = b""
    media_type: str = ""
    truncated: bool = False
    message: str = ""
    reusable: bool = False  #: the same query on the same data gives the same answer
