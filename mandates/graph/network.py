"""The graph as a networkx ``MultiDiGraph``, for analytics and exports (not for the explorer's
neighbourhood, which reads the store directly).

Nodes are the resources linked by mandate edges or structural links (see
:mod:`mandates.graph.terms`), with ``label``, ``type``, ``typeLabel``, ``category`` and
``date``. Edges are keyed by predicate IRI and carry ``predicate``, ``label`` and, for mandate
edges, ``verb``, ``statement``, ``year``, ``status`` (comma-separated), ``quotes`` (joined by
`` | ``), ``paragraphs`` and ``sources`` (space-separated IRIs). Missing values are left out
rather than set to None, so that GraphML can hold every attribute.

Built from a store once per store version (the explorer keeps it per version, see
:func:`mandates.web.store.per_version`).
"""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from mandates.query.run import select
from mandates.store.contract import ReadableStore

from .terms import DEFAULT, STATUS_NAMES, STATUSES, STRUCTURAL, Facts, Terms, read_terms

_STATEMENTS = """SELECT ?st ?s ?p ?o ?quote ?status ?src ?para WHERE {
  ?st a mnd:Statement ; mnd:subject ?s ; mnd:verb ?v ; mnd:object ?o . ?v mnd:verbProperty ?p
  FILTER(isIRI(?s) && isIRI(?o))
  OPTIONAL { ?st mnd:attestedBy ?a .
    OPTIONAL { ?a mnd:quote ?quote } OPTIONAL { ?a mnd:assertionStatus ?status }
    OPTIONAL { ?a mnd:source ?src } OPTIONAL { ?a mnd:paragraph ?para } }
}"""


def statements(store: ReadableStore) -> dict[tuple[str, str, str], dict]:
    """Evidence of each mandate edge (subject, property, object): statement, quotes, statuses."""
    found: dict[tuple[str, str, str], dict] = {}
    for row in select(store, _STATEMENTS):
        key = (row["s"].value, row["p"].value, row["o"].value)
        e = found.setdefault(key, {"statement": row["st"].value, "status": set()})
        for name in ("quotes", "paragraphs", "sources"):
            e.setdefault(name, [])
        if row["quote"] and row["quote"].value not in e["quotes"]:
            e["quotes"].append(row["quote"].value)
        if row["para"] and row["para"].value not in e["paragraphs"]:
            e["paragraphs"].append(row["para"].value)
        if row["status"]:
            e["status"].add(STATUS_NAMES.get(row["status"].value, row["status"].value))
        if row["src"] and row["src"].value not in e["sources"]:
            e["sources"].append(row["src"].value)
    return found


def build_graph(store: ReadableStore, terms: Terms | None = None) -> nx.MultiDiGraph:
    """The networkx graph of ``store`` (see the module docstring)."""
    terms = terms or read_terms(store)
    facts = Facts(store, terms)
    graph: nx.MultiDiGraph = nx.MultiDiGraph()
    evidence = statements(store)
    for predicate in [*sorted(terms.verbs), *STRUCTURAL]:
        for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, DEFAULT):
            if not isinstance(q.subject, ox.NamedNode) or not isinstance(q.object, ox.NamedNode):
                continue
            s, o = q.subject.value, q.object.value
            attrs = {"predicate": predicate, "label": terms.name(predicate)}
            if predicate in terms.verbs:
                attrs["verb"] = terms.verbs[predicate]
                attrs |= _mandate_attrs(evidence.get((s, predicate, o)), s, o, facts)
            graph.add_edge(s, o, key=predicate, **attrs)
    for iri, data in graph.nodes(data=True):
        node = facts.node(iri)
        data.update({k: v for k, v in node.items() if v is not None and k not in ("id", "url")})
        data["category"] = facts.category(iri)
    return graph


def _mandate_attrs(found: dict | None, s: str, o: str, facts: Facts) -> dict:
    if found is None:
        return {}
    attrs = {
        "statement": found["statement"],
        "quotes": " | ".join(sorted(found["quotes"])),
        "paragraphs": " | ".join(sorted(found["paragraphs"])),
        "status": ",".join(x for x in STATUSES if x in found["status"]),
        "sources": " ".join(sorted(found["sources"])),
    }
    years = [facts.year(s), facts.year(o)] + sorted(
        y for y in (facts.year(src) for src in found["sources"]) if y is not None
    )
    year = next((y for y in years if y is not None), None)
    if year is not None:
        attrs["year"] = year
    return attrs
