"""The lineage of a mandate: how it travels across bodies and time, as a DAG with one lane per
body, and the timeline of its meetings and documents.

Traversal, breadth-first from the root, up to ``depth`` steps, every edge oriented the way the
mandate flows (from the actor to what it acts on or produces):

1. **acts**: every mandate edge out of a node (``s mnd:<verb> o``): a resolution requested a
   commission, a commission established a group and adopted a resolution, a group held its
   meetings, a meeting adopted, considered or noted its outputs;
2. **products**: a meeting's reports (``?r mnd:reportOf meeting``, drawn meeting → report) and
   a body's meetings (``?m mnd:meetingOf body``, drawn body → meeting);
3. **mandates received**: the mandate edges *into a body* whose subject is a document dated on
   or after the root (or undated): the later resolutions that renewed or redirected the body
   (CCPCJ 26/4 → Expert Group);
4. **lanes**: the body that acts through a node (a document's ``mnd:adoptedBy``, a meeting's
   ``mnd:meetingOf``) joins as a node, drawn body → node, and is traversed in turn, so the
   General Assembly that adopted 65/230 leads on to 74/247, which it also adopted.

Each node has a short name (``short``: a resolution's number, a meeting's ordinal, a body's
acronym, see :mod:`.short_names`) and ``fold``: a meeting's outputs (what it considered,
adopted or took note of, its reports and agenda items) are folded into the earliest meeting
that reaches them, which the view draws closed until it is opened.

Mandate edges into documents, meetings and other resources are not followed backwards (that
would pull in everything that ever cited the root). An edge that would close a cycle is
dropped, and at most ``max_nodes`` nodes are kept (``truncated`` says when the cap was hit).
Each node's lane is the body acting through it (a body's lane is itself), else the lane of
the node it was reached from. Nodes with dates come first, by date; the others follow in the
order they were reached.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import networkx as nx
import pyoxigraph as ox

from mandates.store.contract import ReadableStore

from .chain import ACTS
from .edges import statements_of
from .short_names import short_names
from .terms import ACTING, DEFAULT, Facts, M, Terms, edge_id, knows, read_terms

_MEETING_STATUS = ox.NamedNode(M + "meetingStatus")
_END, _ORIGINAL = ox.NamedNode(M + "endDate"), ox.NamedNode(M + "originalStartDate")
#: Structural links followed backwards, drawn from the actor to its product, and their labels.
PRODUCTS = {M + "reportOf": "report", M + "meetingOf": "meeting"}
LANE_LABELS = {M + "adoptedBy": "adopted", M + "meetingOf": "meeting"}


class _Walk:
    def __init__(self, store: ReadableStore, facts: Facts, since: str | None) -> None:
        self.store, self.facts, self.since = store, facts, since
        self.edges: list[dict] = []
        self.pairs: set[tuple[str, str]] = set()

    def link(self, source: str, predicate: str, target: str, label: str, inverse: bool) -> None:
        if (source, target) in self.pairs or source == target:
            return
        self.pairs.add((source, target))
        s, o = (target, source) if inverse else (source, target)
        self.edges.append(
            {
                "id": edge_id(s, predicate, o),
                "source": source,
                "target": target,
                "predicate": predicate,
                "verb": self.facts.terms.verbs.get(predicate),
                "statement": None,
                "label": label,
                "inverse": inverse,
            }
        )

    def step(self, node: str) -> list[str]:
        """Link ``node`` to its next nodes (rules 1-4 of the module docstring)."""
        terms, iri = self.facts.terms, ox.NamedNode(node)
        reached = []
        for q in self.store.quads_for_pattern(iri, None, None, DEFAULT):
            p, o = q.predicate.value, q.object
            if not isinstance(o, ox.NamedNode):
                continue
            if p in terms.verbs:
                self.link(node, p, o.value, terms.name(p), False)
                reached.append(o.value)
            elif p in LANE_LABELS:
                self.link(o.value, p, node, LANE_LABELS[p], True)
                reached.append(o.value)
        is_body = self.facts.category(node) == "body"
        for q in self.store.quads_for_pattern(None, None, iri, DEFAULT):
            p, s = q.predicate.value, q.subject
            if not isinstance(s, ox.NamedNode):
                continue
            if p in PRODUCTS:
                self.link(node, p, s.value, PRODUCTS[p], True)
                reached.append(s.value)
            elif p in terms.verbs and is_body and self._later_document(s.value):
                self.link(s.value, p, node, terms.name(p), False)
                reached.append(s.value)
        return reached

    def _later_document(self, iri: str) -> bool:
        if self.facts.category(iri) != "document":
            return False
        date = self.facts.date(iri)
        return self.since is None or date is None or date >= self.since


def lineage(
    store: ReadableStore,
    iri: str,
    depth: int = 6,
    url: Callable[[str], str] | None = None,
    max_nodes: int = 400,
    terms: Terms | None = None,
) -> dict | None:
    """The JSON of ``/graph/api/lineage``, or None when the graph does not mention ``iri``."""
    if not knows(store, iri):
        return None
    facts = Facts(store, terms or read_terms(store))
    walk = _Walk(store, facts, facts.date(iri))
    lanes = {iri: _own_lane(iri, facts)}
    level, queue, truncated = {iri: 0}, deque([iri]), False
    while queue:
        node = queue.popleft()
        if level[node] >= depth:
            continue
        for other in walk.step(node):
            if other in level:
                continue
            if len(level) >= max_nodes:
                truncated = True
                continue
            level[other] = level[node] + 1
            lanes[other] = _own_lane(other, facts) or lanes[node]
            queue.append(other)
    edges = _acyclic([e for e in walk.edges if e["source"] in level and e["target"] in level])
    _add_statements(store, facts, edges)
    order = sorted(level, key=lambda n: (facts.date(n) is None, facts.date(n) or "", level[n]))
    shorts = short_names(store, order)
    nodes = [_node(n, facts, lanes[n], url) | {"short": shorts[n]} for n in order]
    _fold(nodes, edges)
    lane_ids = list(dict.fromkeys(lanes[n] for n in order if lanes[n]))
    return {
        "root": iri,
        "lanes": [{"id": b, "label": facts.label(b)} for b in lane_ids if b],
        "nodes": nodes,
        "edges": edges,
        "truncated": truncated,
    }


def _fold(nodes: list[dict], edges: list[dict]) -> None:
    """Set each node's ``fold``: the meeting it is folded into until opened, or None.

    A meeting's outputs (what it considered, adopted or took note of, its reports, its agenda
    items: anything but a body, a meeting or a dated resolution, declaration or decision) fold
    into the earliest dated meeting that reaches them; what other nodes say of them is shown
    when the meeting is opened.
    """
    by_id = {n["id"]: n for n in nodes}
    for n in nodes:
        n["fold"] = None
        if n["category"] in ("body", "meeting") or (n["date"] and _is_act(n)):
            continue
        meetings = [
            by_id[e["source"]]
            for e in edges
            if e["target"] == n["id"] and by_id.get(e["source"], {}).get("category") == "meeting"
        ]
        dated = sorted((m["date"] or "9999", m["id"]) for m in meetings)
        if dated:
            n["fold"] = dated[0][1]


def _is_act(node: dict) -> bool:
    return str(node.get("type") or "").rsplit("#", 1)[-1] in ACTS


def _own_lane(iri: str, facts: Facts) -> str | None:
    if facts.category(iri) == "body":
        return iri
    bodies = sorted(o.value for p in ACTING for o in facts.objects(iri, p))
    return bodies[0] if bodies else None


def _acyclic(edges: list[dict]) -> list[dict]:
    """The edges in order, without those that would close a cycle."""
    dag: nx.DiGraph = nx.DiGraph()
    kept = []
    for e in edges:
        if e["target"] in dag and e["source"] in dag and nx.has_path(dag, e["target"], e["source"]):
            continue
        dag.add_edge(e["source"], e["target"])
        kept.append(e)
    return kept


def _add_statements(store: ReadableStore, facts: Facts, edges: list[dict]) -> None:
    by_subject: dict[str, dict] = {}
    for e in edges:
        if e["verb"]:
            if e["source"] not in by_subject:
                by_subject[e["source"]] = statements_of(store, e["source"], facts.terms.concepts)
            st = by_subject[e["source"]].get((e["source"], e["predicate"], e["target"]))
            e["statement"] = st.value if st is not None else None


def _node(iri: str, facts: Facts, lane: str | None, url) -> dict:
    node = facts.node(iri, url)
    statuses = sorted(facts.terms.name(o.value) for o in facts.objects(iri, _MEETING_STATUS))
    node |= {"lane": lane, "year": facts.year(iri), "category": facts.category(iri)}
    node["statuses"] = statuses
    node["status"] = "postponed" if "postponed" in statuses else next(iter(statuses), None)
    node["end"] = _first(facts, iri, _END)
    node["originalDate"] = _first(facts, iri, _ORIGINAL)
    return node


def _first(facts: Facts, iri: str, predicate: ox.NamedNode) -> str | None:
    values = sorted(o.value[:10] for o in facts.objects(iri, predicate))
    return values[0] if values else None


def timeline(lineage_json: dict) -> dict:
    """The JSON of ``/graph/api/timeline``: the dated meetings and documents of a lineage."""
    items = []
    for n in lineage_json["nodes"]:
        kind = {"meeting": "meeting", "document": "document"}.get(n.get("category", ""))
        if kind and n["date"]:
            keys = ("id", "label", "url", "type", "date", "end")
            items.append({k: n[k] for k in keys} | {"kind": kind, "status": n["status"]})
    items.sort(key=lambda i: (i["date"], i["label"]))
    return {"items": items}
