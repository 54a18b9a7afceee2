"""One step of the neighbourhood explorer: a resource's edges (:mod:`mandates.graph.edges`),
filtered, grouped by predicate and direction, and capped.

Groups are keyed by predicate and direction (``out``: the resource is the subject); mandate
groups come first, then structural links, each by label. Each group is sorted by the other
end's date (undated last), then label, then IRI, so that pages are stable; a group shows at
most ``limit`` members and says how many more there are.

Filters (verb, body, year, status) apply to mandate edges only; the body filter keeps an edge
when one end is one of the bodies, or is adopted by one of them, or is a meeting of one.

Everything is read by direct index lookups on the default graph (no networkx, no SPARQL), so
an expansion answers in milliseconds on a million-triple graph (``bench/graph_speed.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from mandates.store.contract import ReadableStore

from .edges import Edge, edge_json, edge_year, edges_of, statements_of
from .terms import STATUSES, Facts, GraphRequestError, Terms, knows, read_terms

__all__ = ["Filters", "neighbourhood", "statements_of"]


@dataclass(frozen=True)
class Filters:
    """Filters of mandate edges; empty means no filter."""

    verbs: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    statuses: frozenset[str] = frozenset()


def keep(edge: Edge, facts: Facts, filters: Filters) -> bool:
    """Whether a mandate edge passes the filters (structural edges always do)."""
    verb = facts.terms.verbs.get(edge.predicate)
    if verb is None:
        return True
    if filters.verbs and verb not in filters.verbs:
        return False
    if filters.statuses and not filters.statuses & set(edge.statuses(facts.store)):
        return False
    if filters.years and edge_year(edge, facts) not in filters.years:
        return False
    if filters.bodies:
        acting = facts.acting_bodies(edge.source) | facts.acting_bodies(edge.target)
        return bool(acting & filters.bodies)
    return True


def check(filters: Filters, verbs: Collection[str]) -> None:
    unknown = sorted(filters.verbs - set(verbs))
    if unknown:
        raise GraphRequestError(f"unknown verb {unknown[0]!r}: use one of {', '.join(verbs)}")
    unknown = sorted(filters.statuses - set(STATUSES))
    if unknown:
        raise GraphRequestError(f"unknown status {unknown[0]!r}: use {', '.join(STATUSES)}")


def neighbourhood(
    store: ReadableStore,
    iri: str,
    limit: int = 10,
    filters: Filters = Filters(),
    group: tuple[str, str] | None = None,
    offset: int = 0,
    url: Callable[[str], str] | None = None,
    more: Callable[[str, str, int], str] | None = None,
    terms: Terms | None = None,
) -> dict | None:
    """The JSON of ``/graph/api/neighbourhood`` (see :mod:`mandates.web.graph_api`), or None
    when the graph does not mention ``iri``. ``group`` = (predicate, direction) asks for one
    group's page from ``offset``; ``more(predicate, direction, offset)`` makes a next-page URL.
    """
    facts = Facts(store, terms or read_terms(store))
    check(filters, sorted(facts.terms.properties))
    if group and not facts.terms.is_edge(group[0]):
        raise GraphRequestError(f"{group[0]} is not a predicate the graph draws as edges")
    if not knows(store, iri):
        return None
    groups: dict[tuple[str, str], list[tuple[str, Edge]]] = {}
    for direction, e in edges_of(store, iri, facts):
        if keep(e, facts, filters):
            other = e.target if direction == "out" else e.source
            groups.setdefault((e.predicate, direction), []).append((other, e))
    nodes = {iri: facts.node(iri, url)}
    edges, summary = [], []
    for key in sorted(groups, key=lambda k: _group_order(k, facts)):
        if group and key != group:
            continue
        members = sorted(groups[key], key=lambda m: _member_order(m[0], facts))
        start = offset if group else 0
        page = members[start : start + limit]
        for other, e in page:
            nodes.setdefault(other, facts.node(other, url))
            edges.append(edge_json(e, facts))
        end = start + len(page)
        summary.append(
            {
                "predicate": key[0],
                "label": facts.terms.name(key[0]),
                "direction": key[1],
                "total": len(members),
                "shown": len(page),
                "more": more(key[0], key[1], end) if more and end < len(members) else None,
            }
        )
    return {"center": iri, "nodes": list(nodes.values()), "edges": edges, "groups": summary}


def _group_order(key: tuple[str, str], facts: Facts) -> tuple:
    predicate, direction = key
    return (predicate not in facts.terms.verbs, direction != "out", facts.terms.name(predicate))


def _member_order(iri: str, facts: Facts) -> tuple:
    date = facts.date(iri)
    return (date is None, date or "", facts.label(iri).lower(), iri)
