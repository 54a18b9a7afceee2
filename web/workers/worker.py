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
from collections.abc import Callable
from itertools import islice
from typing import cast

import pyoxigraph as ox

from mandates.query.parse import QueryInfo, SparqlSyntaxError, analyse
from mandates.rdfio import rdf_bytes, results_bytes
from mandates.store.backends import open_location
from mandates.store.contract import ReadableStore
from mandates.web.sparql.formats import GRAPH_TYPES, RESULT_TYPES

from . import tasks
from .channel import Channel
from .messages import Answer, Job, Prefixes, Task
from .sandbox import Limits, confine, cpu_budget

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def main() -> None:
    """``python -m mandates.web.workers.worker FD PARENT_PID LIMITS`` (started by the pool).

    The worker confines itself (:mod:`.sandbox`) before it reads any work; a worker that
    cannot is not started (it exits at once, and the pool reports it as failed).
    """
    fd, parent, limits = int(sys.argv[1]), int(sys.argv[2]), Limits(**json.loads(sys.argv[3]))
    _die_with_parent(parent)
    confine(limits)
    serve(Channel(socket.socket(fileno=fd)), limits)


def serve(conn: Channel, limits: Limits) -> None:
    """The worker's loop: one job in, one answer out, until the parent goes away.

    The first message is the prefixes: a pair (declared for every query, used when writing RDF).
    A :class:`Job` is a SPARQL query; a :class:`Task` any other work (:mod:`.tasks`).
    """
    try:
        prefixes = cast(Prefixes, conn.receive())
    except (EOFError, OSError):
        return
    folder: str | None = None
    store: ReadableStore | None = None
    state = tasks.State()
    while True:
        try:
            job = conn.receive()
        except (EOFError, OSError):
            return
        if isinstance(job, Task):
            cpu_budget(limits.cpu_seconds)
            conn.send(tasks.run(state, job))
            continue
        if not isinstance(job, Job):
            return  # None: the parent asks the worker to end
        cpu_budget(job.cpu_seconds or limits.cpu_seconds)
        try:
            info = analyse(job.query, prefixes[0])
            refused = refusal(info)
            if refused:
                conn.send(Answer("forbidden", message=refused))
                continue
            if job.store != folder or store is None:
                folder, store = None, None
                store, folder = open_location(job.store), job.store
            answer = execute(store, job, prefixes, info.cacheable)
        except SparqlSyntaxError as err:  # in the engine's words: "error at LINE:COLUMN: …"
            answer = Answer("syntax", message=f"error at {err.line}:{err.column}: {err.message}")
        except SyntaxError as err:
            answer = Answer("syntax", message=str(err))
        except (OSError, ValueError, RuntimeError) as err:
            answer = Answer("error", message=str(err))
        conn.send(answer)


def refusal(info: QueryInfo) -> str | None:
    r"""Why this read-only endpoint refuses a query (an update, or a SERVICE call), if it does:
    read from the parsed query, so that nothing in its strings, IRIs, comments or escapes can
    hide one (and the worker has no network anyway, should anything slip by).

    >>> refusal(analyse("SELECT * { SERVICE <http://x/> {} }"))
    'SERVICE is not allowed on this endpoint'
    >>> refusal(analyse("PREFIX e: <http://e/> SELECT * { BIND(e:a\\# AS ?b) SERVICE ?s {} }"))
    'SERVICE is not allowed on this endpoint'
    """
    if info.update:
        return f"SPARQL Update ({info.update}) is not accepted on this endpoint"
    if info.uses_service:
        return "SERVICE is not allowed on this endpoint"
    return None


def execute(store: ReadableStore, job: Job, prefixes: Prefixes, reusable: bool) -> Answer:
    """Run ``job``'s query; ``reusable`` says whether its answer may be kept and served again
    (no NOW(), RAND(), UUID(), STRUUID() or BNODE() in it)."""
    declared, written = prefixes
    options: dict = {"prefixes": declared}
    if job.default_graphs is not None or job.named_graphs is not None:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    results = store.query(job.query, **options)
    if isinstance(results, ox.QueryTriples):
        if job.graph_type is None:
            return Answer("unacceptable", "graph")
        triples = list(islice(results, job.row_limit + 1))
        rdf = GRAPH_TYPES[job.graph_type]
        count = min(len(triples), job.row_limit)
        body, cut = _within(lambda n: rdf_bytes(triples[:n], rdf, written), count, job.byte_limit)
        truncated = "bytes" if cut else ("rows" if len(triples) > job.row_limit else "")
        return Answer("ok", "graph", body, job.graph_type, truncated, reusable=reusable)
    if job.result_type is None:
        return Answer("unacceptable", "results")
    fmt = RESULT_TYPES[job.result_type]
    if isinstance(results, ox.QueryBoolean):
        body = results_bytes(results, fmt)
        return Answer("ok", "results", body, job.result_type, reusable=reusable)
    names = [v.value for v in results.variables]
    rows = list(islice(results, job.row_limit + 1))

    def render(n: int) -> bytes:
        body = _json_results(names, rows[:n])
        if fmt == ox.QueryResultsFormat.JSON:
            return body
        return results_bytes(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON), fmt)

    body, cut = _within(render, min(len(rows), job.row_limit), job.byte_limit)
    truncated = "bytes" if cut else ("rows" if len(rows) > job.row_limit else "")
    return Answer("ok", "results", body, job.result_type, truncated, reusable=reusable)


def _within(render: Callable[[int], bytes], count: int, limit: int) -> tuple[bytes, bool]:
    """``render(count)``, or, when that is over ``limit`` bytes, ``render(n)`` for the largest
    ``n`` that fits (found by halving: a few renderings), and True."""
    body = render(count)
    if len(body) <= limit:
        return body, False
    low, high = 0, count - 1  # render(low) fits (nothing at all, at worst), render(count) not
    while low < high:
        middle = (low + high + 1) // 2
        if len(render(middle)) <= limit:
            low = middle
        else:
            high = middle - 1
    return render(low), True


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
