"""Counts that describe a store: triples, named graphs, classes, mandate statements."""

from __future__ import annotations

from dataclasses import dataclass

from mandates.namespaces import sparql_prologue
from mandates.query.run import select
from mandates.store.contract import ReadableStore

_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_PER_CLASS = (
    sparql_prologue()
    + """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class .
  FILTER NOT EXISTS { GRAPH <https://w3id.org/un-mandates/graph/ontology> { ?s a ?class } }
} GROUP BY ?class ORDER BY DESC(?n) ?class"""
)
_PER_VERB = (
    sparql_prologue()
    + """
SELECT ?verb (COUNT(DISTINCT ?st) AS ?n) WHERE {
  ?st a mnd:Statement ; mnd:verb ?v . ?v skos:notation ?verb
} GROUP BY ?verb ORDER BY DESC(?n) ?verb"""
)


@dataclass
class Stats:
    triples: int
    graphs: list[tuple[str, int]]
    classes: list[tuple[str, int]]
    verbs: list[tuple[str, int]]

    def to_json(self) -> dict:
        return {
            "triples": self.triples,
            "graphs": dict(self.graphs),
            "classes": dict(self.classes),
            "verbs": dict(self.verbs),
        }


def _pairs(store: ReadableStore, query: str) -> list[tuple[str, int]]:
    rows = select(store, query)
    return [(row[0].value, int(row[1].value)) for row in rows]


def store_stats(store: ReadableStore) -> Stats:
    graphs = _pairs(store, _PER_GRAPH)
    return Stats(
        triples=sum(n for _, n in graphs),
        graphs=graphs,
        classes=_pairs(store, _PER_CLASS),
        verbs=_pairs(store, _PER_VERB),
    )
