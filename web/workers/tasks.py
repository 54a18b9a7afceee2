"""The work a worker process does besides SPARQL queries, one handler per :class:`Task` kind.

Each handler receives the worker's :class:`State` (the store version it has open, and what it
computed from that version) and the task's arguments, and returns a picklable value. An
:class:`~mandates.errors.InputError` (bad input: a file that does not parse, a name that is not
in the graph) becomes an ``invalid`` outcome, shown to the visitor as a 4xx with its message;
any other :class:`~mandates.errors.MandatesError` an ``error``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from mandates.errors import InputError, MandatesError
from mandates.graph import analytics
from mandates.graph import export as graph_export
from mandates.graph.network import build_graph
from mandates.graph.terms import GraphRequestError, knows
from mandates.ingest.load import load, naming_graph, unload
from mandates.ingest.naming import graph_for
from mandates.ingest.staging import check_against
from mandates.ingest.submissions import Submission, read_all
from mandates.search.index import Entry, build_index
from mandates.search.rank import page_of, search
from mandates.store.backends import open_location, open_root
from mandates.store.contract import ReadableStore
from mandates.validation import NotConforming, Report
from mandates.validation.store_report import StoreReport, store_report

from .messages import Outcome, Task


class State:
    """What a worker keeps between tasks: the store version it has open, and values computed
    from that version (the search index, the networkx graph, the store's own report), dropped
    when a new version is in service."""

    def __init__(self) -> None:
        self.location: str | None = None
        self.store: ReadableStore | None = None
        self.values: dict[str, Any] = {}

    def open(self, location: str) -> ReadableStore:
        if location != self.location or self.store is None:
            self.store, self.location, self.values = open_location(location), location, {}
        return self.store

    def kept(self, name: str, compute: Callable[[], Any]) -> Any:
        if name not in self.values:
            self.values[name] = compute()
        return self.values[name]

    def graph(self) -> nx.MultiDiGraph:
        assert self.store is not None
        store = self.store
        return self.kept("network", lambda: build_graph(store))

    def index(self) -> tuple[list[Entry], dict[str, str]]:
        assert self.store is not None
        store = self.store
        return self.kept("search", lambda: build_index(store))

    def report(self, task: Task) -> StoreReport:
        """The store's own validation report (a load or a check reports only what is new)."""
        return self.kept("report", lambda: store_report(open_root(task.root).open_local()))


# -- validating and loading submissions -----------------------------------------------------


def _read(state: State, name: str, data: bytes) -> list[Submission]:
    assert state.store is not None
    naming = naming_graph(state.store, without={graph_for(name)})
    try:
        return read_all([(name, data)], naming)
    except RecursionError:
        raise InputError(name, "nested too deeply: refused") from None


def validate(state: State, task: Task, name: str, data: bytes) -> tuple[Report, set[str]]:
    """The report of loading one submission into the store in service, and which of its
    focus nodes the store knows (the page links them)."""
    submissions = _read(state, name, data)
    local = open_root(task.root).open_local()
    report = check_against(local, submissions, state.report(task).report)
    assert state.store is not None
    store = state.store
    linked = {r.focus for r in report.results if r.focus_kind == "IRI"}
    return report, {f for f in linked if knows(store, f)}


def load_one(
    state: State, task: Task, name: str, data: bytes, by: str, address: str | None
) -> Report:
    """Load one submission, all or nothing (raises NotConforming: nothing changed)."""
    _entries, report = load(open_root(task.root), _read(state, name, data), by, address)
    return report


def unload_one(state: State, task: Task, graph: str, by: str, address: str | None) -> int:
    """Undo a load; the number of triples removed."""
    return unload(open_root(task.root), graph, by, address).triples


# -- search and analytics ---------------------------------------------------------------------


def find(state: State, task: Task, query: str, filters: dict[str, str], page: int) -> dict:
    entries, names = state.index()
    return page_of(search(entries, query, filters), names, page)


def centrality(state: State, task: Task, kind: str, top: int, category: str | None) -> dict:
    graph = state.graph()
    rows = analytics.centrality(graph, kind, top, category)
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "results": rows}


def groups(state: State, task: Task, kind: str, top: int) -> dict:
    graph = state.graph()
    found = analytics.components(graph) if kind == "components" else analytics.communities(graph)
    return found | {kind: found[kind][:top]}


def overview(state: State, task: Task, top: int) -> dict:
    """The tables of the analytics page (betweenness and communities are the slow part)."""
    graph = state.graph()
    return state.kept(
        f"overview-{top}",
        lambda: {
            "size": (graph.number_of_nodes(), graph.number_of_edges()),
            "tables": {
                (kind, category): analytics.centrality(graph, kind, top, category)
                for category in ("body", "document")
                for kind in analytics.KINDS
            },
            "components": analytics.components(graph),
            "communities": analytics.communities(graph),
        },
    )


def path(state: State, task: Task, ends: tuple[str, str], directed: bool, links: str) -> dict:
    graph = state.graph()
    source, target = (analytics.resolve(graph, name) for name in ends)
    return analytics.path(graph, source, target, directed, links)


def export(state: State, task: Task, fmt: str, iri: str | None) -> bytes | None:
    """The graph (or ``iri``'s neighbourhood) as GraphML, node-link JSON or CSV; None when
    ``iri`` is not in the graph."""
    graph = state.graph()
    if iri is not None:
        if iri not in graph:
            return None
        graph = graph_export.around(graph, iri)
    return graph_export.export(graph, fmt)


HANDLERS: dict[str, Callable[..., Any]] = {
    "validate": validate,
    "load": load_one,
    "unload": unload_one,
    "search": find,
    "centrality": centrality,
    "groups": groups,
    "overview": overview,
    "path": path,
    "export": export,
}


def run(state: State, task: Task) -> Outcome:
    """Run ``task``; its outcome (never raises for bad input)."""
    handler = HANDLERS.get(task.kind)
    if handler is None:
        return Outcome("error", message=f"no such task: {task.kind}")
    try:
        state.open(task.store)
        return Outcome("ok", handler(state, task, **task.args))
    except NotConforming as err:
        return Outcome("invalid", err.report, str(err), 409)
    except analytics.UnknownResource as err:
        return Outcome("invalid", message=str(err), code=404)
    except GraphRequestError as err:
        return Outcome("invalid", message=err.message)
    except InputError as err:
        return Outcome("invalid", message=str(err))
    except MandatesError as err:
        return Outcome("error", message=str(err))
    except RecursionError:
        return Outcome("invalid", message="nested too deeply: refused")
    except MemoryError:
        return Outcome("error", message="it needed more memory than allowed")
