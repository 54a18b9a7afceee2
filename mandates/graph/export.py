"""The graph, or one resource's neighbourhood, as GraphML, node-link JSON or CSV of edges.

- GraphML (for Gephi and yEd): node attributes ``label``, ``type``, ``typeLabel``,
  ``category``, ``date``; edge attributes ``predicate``, ``label``, ``verb``, ``statement``,
  ``year``, ``status``, ``quotes``, ``paragraphs``, ``sources`` (see :mod:`mandates.graph.network`).
- Node-link JSON: networkx's ``node_link_data`` with ``nodes`` and ``edges``.
- CSV: one row per edge, with both ends' labels, the verb, the quotes and the sources. A cell
  that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return) is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

from mandates.query.results import spreadsheet_cell

FORMATS = ("graphml", "nodelink", "csv")
CSV_COLUMNS = [
    "subject",
    "subject_label",
    "predicate",
    "verb",
    "label",
    "object",
    "object_label",
    "statement",
    "year",
    "status",
    "quotes",
    "paragraphs",
    "sources",
]


def around(graph: nx.MultiDiGraph, iri: str) -> nx.MultiDiGraph:
    """``iri`` and its neighbours in either direction, with the edges among them."""
    return nx.ego_graph(graph, iri, radius=1, undirected=True)


def graphml(graph: nx.MultiDiGraph) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def nodelink(graph: nx.MultiDiGraph) -> dict:
    return nx.node_link_data(graph, edges="edges")


def edges_csv(graph: nx.MultiDiGraph) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s, o, key, data in sorted(graph.edges(keys=True, data=True)):
        values = {
            "subject": s,
            "subject_label": graph.nodes[s].get("label"),
            "predicate": key,
            "object": o,
            "object_label": graph.nodes[o].get("label"),
        } | {c: data.get(c) for c in CSV_COLUMNS if c in data and c != "predicate"}
        writer.writerow([spreadsheet_cell(values.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


def export(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The bytes of ``graph`` in one of :data:`FORMATS`."""
    if fmt == "graphml":
        return graphml(graph)
    if fmt == "nodelink":
        return json.dumps(nodelink(graph), ensure_ascii=False, indent=1).encode()
    return edges_csv(graph).encode("utf-8")
