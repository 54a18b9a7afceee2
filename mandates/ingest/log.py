"""The load log: who loaded or removed which named graph, when, and how many triples.

It lives in the store itself, in the named graph ``…/graph/log``, written in the same new
store version as the change it records (so the log and the graphs never disagree). Each entry
is a ``prov:Activity`` that ``prov:generated`` (a load) or ``prov:invalidated`` (an undo) the
named graph, ``prov:wasAssociatedWith`` a ``prov:Agent`` carrying the name given and, from the
web, the remote address (``prov:atLocation``).

The log stays out of the default graph (the mandate data that queries, search and pages see):
``GRAPH <…/graph/log> { … }`` reads it. A build starts a new store from ``data/`` alone: loaded
graphs and their log go together. To keep data across rebuilds, add it to ``data/``.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from mandates import iris
from mandates.namespaces import ID
from mandates.query.run import select
from mandates.store.contract import ReadableStore

LOG = iris.graph("log", "")
VOID_TRIPLES = "http://rdfs.org/ns/void#triples"
ACTIONS = {"load": PROV.generated, "undo": PROV.invalidated}


@dataclass(frozen=True)
class Entry:
    """One load or undo."""

    iri: str
    action: str  # "load" or "undo"
    graph: str
    source: str  # the file name submitted, or the graph removed
    triples: int
    by: str
    address: str | None
    at: str  # xsd:dateTime, UTC

    def to_json(self) -> dict:
        return asdict(self)


def new_entry(
    action: str, graph: str, source: str, triples: int, by: str, address: str | None = None
) -> Entry:
    now = datetime.now(UTC)
    iri = f"{ID}load/{now.strftime('%Y%m%dT%H%M%S%fZ')}-{secrets.token_hex(3)}"
    at = now.isoformat(timespec="seconds").replace("+00:00", "Z")
    return Entry(iri, action, graph, source, triples, by.strip() or "anonymous", address, at)


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def entry_quads(entry: Entry) -> list[ox.Quad]:
    log, activity, agent = _n(LOG), _n(entry.iri), _n(entry.iri + "/agent")
    verb = "loaded into" if entry.action == "load" else "removed"
    triples: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (activity, _n(RDF.type), _n(PROV.Activity)),
        (activity, _n(RDFS.label), ox.Literal(f"{entry.source} {verb} {entry.graph}")),
        (activity, _n(ACTIONS[entry.action]), _n(entry.graph)),
        (activity, _n(DCTERMS.source), ox.Literal(entry.source)),
        (activity, _n(VOID_TRIPLES), ox.Literal(str(entry.triples), datatype=_n(XSD.integer))),
        (activity, _n(PROV.startedAtTime), ox.Literal(entry.at, datatype=_n(XSD.dateTime))),
        (activity, _n(PROV.wasAssociatedWith), agent),
        (agent, _n(RDF.type), _n(PROV.Agent)),
        (agent, _n(RDFS.label), ox.Literal(entry.by)),
    ]
    if entry.address:
        triples.append((agent, _n(PROV.atLocation), ox.Literal(entry.address)))
    return [ox.Quad(s, p, o, log) for s, p, o in triples]


def record(store: ox.Store, log: list[Entry]) -> None:
    """Add entries to the log graph (call :func:`keep_apart` after merging the default graph)."""
    store.extend([q for entry in log for q in entry_quads(entry)])


def keep_apart(store: ox.Store) -> None:
    """Take the log's triples out of the default graph, which a merge puts them in."""
    store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{LOG}> {{ ?s ?p ?o }} }}")


_ENTRIES = f"""
SELECT ?e ?verb ?graph ?source ?triples ?at ?by ?address WHERE {{ GRAPH <{LOG}> {{
  ?e a <{PROV.Activity}> ; ?verb ?graph ; <{DCTERMS.source}> ?source ;
     <{VOID_TRIPLES}> ?triples ; <{PROV.startedAtTime}> ?at ;
     <{PROV.wasAssociatedWith}> ?agent .
  ?agent <{RDFS.label}> ?by .
  OPTIONAL {{ ?agent <{PROV.atLocation}> ?address }}
  VALUES ?verb {{ <{PROV.generated}> <{PROV.invalidated}> }}
}} }} ORDER BY DESC(?at) DESC(?e)
"""


def entries(store: ReadableStore) -> list[Entry]:
    """Every entry of the log, newest first."""
    action = {str(v): k for k, v in ACTIONS.items()}
    return [
        Entry(
            row["e"].value,
            action[row["verb"].value],
            row["graph"].value,
            row["source"].value,
            int(row["triples"].value),
            row["by"].value,
            row["address"].value if row["address"] is not None else None,
            row["at"].value,
        )
        for row in select(store, _ENTRIES)
    ]


def undoable(store: ReadableStore, log: list[Entry] | None = None) -> dict[str, Entry]:
    """The graphs a load put in the store and no undo removed since: graph → its last load."""
    latest: dict[str, Entry] = {}
    for entry in log if log is not None else entries(store):
        latest.setdefault(entry.graph, entry)
    return {
        graph: entry
        for graph, entry in latest.items()
        if entry.action == "load" and store.contains_named_graph(ox.NamedNode(graph))
    }
