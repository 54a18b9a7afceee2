"""What a query worker process does: run one query at a time and send back serialised bytes.

The parent (:mod:`.pool`) sends a :class:`Job` naming the store version in service (a
folder, or a SPARQL server and its version), so a worker follows a rebuild by reopening when it
changes. Results are cut to the row cap
and serialised here, in one go, so the server process never iterates rows (see the GIL note
in the engines notes). A worker holds nothing the server needs: killing it is always safe.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import sys
import threading
import time
from itertools import islice
from typing import cast

import pyoxigraph as ox

from mandates.query.text import update_keyword, uses_service, volatile
from mandates.rdfio import rdf_bytes, results_bytes
from mandates.store.backends import open_location
from mandates.store.contract import ReadableStore
from mandates.web.sparql.formats import GRAPH_TYPES, RESULT_TYPES

from .channel import Channel
from .messages import Answer, Job, Prefixes

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def main() -> None:
    """``python -m mandates.web.workers.worker FD PARENT_PID`` (started by the pool)."""
    fd, parent = int(sys.argv[1]), int(sys.argv[2])
    _die_with_parent(parent)
    serve(Channel(socket.socket(fileno=fd)))


def serve(conn: Channel) -> None:
    """The worker's loop: one job in, one answer out, until the parent goes away.

    The first message is the prefixes: a pair (declared for every query, used when writing RDF).
    """
    try:
        prefixes = cast(Prefixes, conn.receive())
    except (EOFError, OSError):
        return
    folder: str | None = None
    store: ReadableStore | None = None
    while True:
        try:
            job = conn.receive()
        except (EOFError, OSError):
            return
        if not isinstance(job, Job):
            return  # None: the parent asks the worker to end
        try:
            refused = refusal(job.query)
            if refused:
                conn.send(Answer("forbidden", message=refused))
                continue
            if job.store != folder or store is None:
                folder, store = None, None
                store, folder = open_location(job.store), job.store
            answer = execute(store, job, prefixes)
        except SyntaxError as err:
            answer = Answer("syntax", message=str(err))
        except (OSError, ValueError, RuntimeError) as err:
            answer = Answer("error", message=str(err))
        conn.send(answer)


def refusal(query: str) -> str | None:
    """Why this read-only endpoint refuses ``query`` (an update, or a SERVICE call), if it does.

    >>> refusal("SELECT * { SERVICE <http://x/> {} }")
    'SERVICE is not allowed on this endpoint'
    """
    keyword = update_keyword(query)
    if keyword:
        return f"SPARQL Update ({keyword}) is not accepted on this endpoint"
    if uses_service(query):
        return "SERVICE is not allowed on this endpoint"
    return None


def execute(store: ReadableStore, job: Job, prefixes: Prefixes) -> Answer:
    declared, written = prefixes
    options: dict = {"prefixes": declared}
    if job.default_graphs is not None or job.named_graphs is not None:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    results = store.query(job.query, **options)
    reusable = not volatile(job.query)
    if isinstance(results, ox.QueryTriples):
        if job.graph_type is None:
            return Answer("unacceptable", "graph")
        triples = list(islice(results, job.row_limit + 1))
        body = rdf_bytes(triples[: job.row_limit], GRAPH_TYPES[job.graph_type], written)
        truncated = len(triples) > job.row_limit
        return Answer("ok", "graph", body, job.graph_type, truncated, reusable=reusable)
    if job.result_type is None:
        return Answer("unacceptable", "results")
    fmt = RESULT_TYPES[job.result_type]
    if isinstance(results, ox.QueryBoolean):
        body = results_bytes(results, fmt)
        return Answer("ok", "results", body, job.result_type, reusable=reusable)
    names = [v.value for v in results.variables]
    rows = list(islice(results, job.row_limit + 1))
    body = _json_results(names, rows[: job.row_limit])
    if fmt != ox.QueryResultsFormat.JSON:
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = results_bytes(parsed, fmt)
    truncated = len(rows) > job.row_limit
    return Answer("ok", "results", body, job.result_type, truncated, reusable=reusable)


def _json_results(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    """SPARQL 1.1 Query Results JSON for a list of solutions."""
    bindings = [
        {n: _term(t) for n, t in zip(names, row, strict=True) if t is not None} for row in rows
    ]
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _term(term: object) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            if term.direction:
                out["its:dir"] = str(term.direction)
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _term(getattr(term, p)) for p in parts}}
    raise ValueError(f"cannot write the term {term!r}")


def _die_with_parent(parent: int) -> None:
    """Make sure the worker never outlives the server, even while a query runs."""
    try:  # Linux: the kernel kills us when the thread that started us ends
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


if __name__ == "__main__":
    main()
