"""Ranking search hits and counting facets over the index of :mod:`mandates.search.index`.

Rules, best first (an entry scores its best key):

1. the query is a key exactly: a symbol (spaces ignored), resolution number, acronym or derived
   key ("resolution 65/230", "Commission resolution 22/7") 100, a label or alias 95, a
   title 85;
2. a key starts with the query, up to a word boundary: 70;
3. a key holds the query between word boundaries: 50;
4. every word of the query is a word of the entry's keys: 40; the start of one: 25;
5. a key holds the query anywhere: 20.

Ties go to things before their parts (agenda items, recommendations, matters), then ontology
terms and verbs, then statements; then to the shorter label.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .index import Entry, normalize

EXACT = {"symbol": 100, "number": 100, "acronym": 100, "derived": 100, "label": 95}
EXACT |= {"alias": 95, "title": 85}
FACETS = ("type", "body", "year", "verb")
_FIELDS = {"type": "types", "body": "bodies", "year": "years", "verb": "verbs"}


def score(entry: Entry, query: str) -> int:
    """How well ``entry`` matches the normalized ``query`` (0: not at all)."""
    if not query:
        return 1
    compact, best = query.replace(" ", ""), 0
    for key, kind in entry.keys.items():
        if key == query or (kind == "symbol" and key.replace(" ", "") == compact):
            best = max(best, EXACT[kind])
        elif key.startswith(query) and not key[len(query)].isalnum():
            best = max(best, 70)
        elif _bounded(key, query):
            best = max(best, 50)
        elif query in key:
            best = max(best, 20)
    tokens = re.findall(r"[\w/.]+", query)
    if tokens and all(t in entry.words for t in tokens):
        best = max(best, 40)
    elif tokens and all(any(w.startswith(t) for w in entry.words) for t in tokens):
        best = max(best, 25)
    return best


def _bounded(key: str, query: str) -> bool:
    for match in re.finditer(re.escape(query), key):
        before = key[match.start() - 1] if match.start() else " "
        after = key[match.end()] if match.end() < len(key) else " "
        if not before.isalnum() and not after.isalnum():
            return True
    return False


@dataclass
class Results:
    query: str
    filters: dict[str, str]
    hits: list[tuple[Entry, int]]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def search(entries: list[Entry], query: str, filters: dict[str, str]) -> Results:
    """Entries matching ``query`` and every facet filter, best first, with facet counts."""
    q = normalize(query)
    hits = []
    for entry in entries:
        if any(value not in getattr(entry, _FIELDS[f]) for f, value in filters.items()):
            continue
        points = score(entry, q)
        if points:
            hits.append((entry, points))
    hits.sort(key=lambda h: (-h[1], h[0].tier, len(h[0].label), h[0].label.lower(), h[0].iri))
    facets = {}
    for facet in FACETS:
        counts = Counter(v for e, _ in hits for v in getattr(e, _FIELDS[facet]))
        facets[facet] = sorted(counts.items(), key=lambda c: (-c[1], c[0]))
    return Results(query, filters, hits, facets)
