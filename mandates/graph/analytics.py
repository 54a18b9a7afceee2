"""Analytics over the networkx graph (:mod:`mandates.graph.network`): centrality, shortest mandate
paths, components and communities, as plain data for the CLI and the JSON API.

Centrality and communities treat the graph as undirected and simple (parallel edges count
once). Betweenness is exact up to :data:`EXACT_UP_TO` nodes, then estimated from a fixed
sample of that many pivots (seeded, so answers repeat). Communities: greedy modularity up to
:data:`EXACT_UP_TO` nodes, Louvain (seeded) above. Paths follow mandate edges only unless
``links="all"`` adds the structural links; undirected unless ``directed``.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from mandates.errors import MandatesError
from mandates.loader.entities import NUMBERED, SYMBOL, Registry

from .terms import GraphRequestError

KINDS = ("degree", "betweenness")
EXACT_UP_TO = 2000
SHOWN_MEMBERS = 5


class UnknownResource(MandatesError):
    """A name or IRI that is not a node of the graph (exit status 2, HTTP 404)."""


def resolve(graph: nx.MultiDiGraph, name: str) -> str:
    """The node a user means: an IRI, a UN symbol (``A/RES/65/230``), a numbered resolution
    (``CCPCJ 22/7``) or an exact label (any case)."""
    text = name.strip()
    if text in graph:
        return text
    if SYMBOL.match(text) or NUMBERED.match(text):
        iri = Registry().resolve(text).iri
        if iri in graph:
            return iri
    wanted = text.casefold()
    for node, label in sorted(graph.nodes(data="label")):
        if label and label.casefold() == wanted:
            return node
    raise UnknownResource("no such resource in the graph (give an IRI, a symbol or a label)", name)


def row(graph: nx.MultiDiGraph, node: str, **values: object) -> dict:
    data = graph.nodes[node]
    return {"iri": node, "label": data.get("label", node), "type": data.get("typeLabel")} | values


def centrality(
    graph: nx.MultiDiGraph, kind: str = "degree", top: int = 10, category: str | None = None
) -> list[dict]:
    """The ``top`` nodes by degree or betweenness centrality (ties by label, then IRI);
    ``category`` (body, document, meeting …) keeps only nodes of that kind."""
    if kind not in KINDS:
        raise GraphRequestError(f"unknown kind {kind!r}: use {', '.join(KINDS)}")
    simple: nx.Graph = nx.Graph(graph)
    if kind == "degree":
        scores = nx.degree_centrality(simple)
    else:
        k = None if len(simple) <= EXACT_UP_TO else EXACT_UP_TO
        scores = nx.betweenness_centrality(simple, k=k, seed=0 if k else None)
    nodes = [n for n in simple if category is None or graph.nodes[n].get("category") == category]
    nodes.sort(key=lambda n: (-scores[n], graph.nodes[n].get("label", n), n))
    return [row(graph, n, score=round(scores[n], 6), degree=simple.degree(n)) for n in nodes[:top]]


def _groups(graph: nx.MultiDiGraph, groups: list[set[str]]) -> list[dict]:
    simple: nx.Graph = nx.Graph(graph)
    ordered = sorted(groups, key=lambda g: (-len(g), min(g)))
    found = []
    for i, group in enumerate(ordered, 1):
        hubs = sorted(group, key=lambda n: (-simple.degree(n), graph.nodes[n].get("label", n), n))
        members = [row(graph, n, degree=simple.degree(n)) for n in hubs[:SHOWN_MEMBERS]]
        found.append({"id": i, "size": len(group), "members": members})
    return found


def components(graph: nx.MultiDiGraph) -> dict:
    """The weakly connected components, largest first, each with its best-connected members."""
    found = _groups(graph, [set(c) for c in nx.weakly_connected_components(graph)])
    return {"count": len(found), "nodes": graph.number_of_nodes(), "components": found}


def communities(graph: nx.MultiDiGraph) -> dict:
    """Communities of the undirected graph (see the module docstring), largest first."""
    simple: nx.Graph = nx.Graph(graph)
    if len(simple) <= EXACT_UP_TO:
        method, groups = "greedy modularity", nx.community.greedy_modularity_communities(simple)
    else:
        method, groups = "louvain", nx.community.louvain_communities(simple, seed=0)
    groups = [set(g) for g in groups]
    modularity = nx.community.modularity(simple, groups) if simple.number_of_edges() else 0.0
    found = _groups(graph, groups)
    return {"method": method, "modularity": round(modularity, 6), "count": len(found)} | {
        "communities": found
    }


def path(
    graph: nx.MultiDiGraph, source: str, target: str, directed: bool = False, links: str = "mandate"
) -> dict:
    """The shortest path from ``source`` to ``target``; ``length`` is None when there is none."""
    if links not in ("mandate", "all"):
        raise GraphRequestError(f"unknown links {links!r}: use mandate or all")
    edges: Any = graph.edges(keys=True, data="verb")
    kept: list[Any] = [(s, o, k) for s, o, k, v in edges if v or links == "all"]
    view: nx.Graph = graph.edge_subgraph(kept)
    if not directed:
        view = view.to_undirected(as_view=True)
    answer = {"from": source, "to": target, "directed": directed, "links": links}
    try:
        nodes = nx.shortest_path(view, source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        nodes = None
    if nodes is None and source != target:
        return answer | {"length": None, "nodes": [], "edges": []}
    nodes = nodes or [source]
    steps = [_step(graph, a, b, links) for a, b in zip(nodes, nodes[1:], strict=False)]
    return answer | {
        "length": len(steps),
        "nodes": [row(graph, n) for n in nodes],
        "edges": steps,
    }


def _step(graph: nx.MultiDiGraph, a: str, b: str, links: str) -> dict:
    """The edge between consecutive path nodes, in whichever direction the graph holds it."""
    for s, o in ((a, b), (b, a)):
        for key, data in sorted((graph.get_edge_data(s, o) or {}).items()):
            if data.get("verb") or links == "all":
                return {
                    "source": s,
                    "target": o,
                    "predicate": key,
                    "label": data.get("label"),
                    "verb": data.get("verb"),
                    "statement": data.get("statement"),
                    "forward": s == a,
                }
    raise AssertionError("a path step without an edge")  # pragma: no cover
