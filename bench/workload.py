"""The three endpoint query kinds of bench/run.py, and the request bodies they vary over.

- lookup: the resource with a given ``mnd:symbol`` (the symbol changes with every request);
- lineage: two hops of mandate edges from a resolution (``SELECT DISTINCT``: engines disagree
  on duplicate ``a|b`` path solutions, see the engines notes), the start changes per request;
- aggregate: triples per predicate over the whole default graph (``GROUP BY``), one text.

Every text declares its prefixes, so that any SPARQL endpoint can answer it. Symbols and starts
are read from our store, chosen by seed. Not run on its own: bench/run.py imports it.
"""

from __future__ import annotations

import random
import urllib.parse
from dataclasses import dataclass

import pyoxigraph as ox

MND = "https://w3id.org/un-mandates/ontology#"
PROLOGUE = f"PREFIX mnd: <{MND}>\n"
LINEAGE_VERBS = ("requested", "established", "decided", "invited", "endorsed", "adopted")
_PATH = "|".join(f"mnd:{v}" for v in LINEAGE_VERBS)

KINDS = ("lookup", "lineage", "aggregate")
TITLES = {
    "lookup": "lookup by symbol",
    "lineage": "2-hop lineage (DISTINCT, a|b paths)",
    "aggregate": "GROUP BY over the whole graph",
}


def lookup(symbol: str) -> str:
    literal = symbol.replace("\\", "\\\\").replace('"', '\\"')
    return PROLOGUE + f'SELECT ?resource WHERE {{ ?resource mnd:symbol "{literal}" }}'


def lineage(start: str) -> str:
    return (
        PROLOGUE + "SELECT DISTINCT ?via ?target WHERE {\n"
        f"  <{start}> {_PATH} ?via .\n"
        f"  ?via {_PATH} ?target .\n"
        "}"
    )


AGGREGATE = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"


@dataclass(frozen=True)
class Workload:
    """Query texts per kind; requests cycle through them."""

    queries: dict[str, list[str]]

    def bodies(self, kind: str) -> list[str]:
        """The url-encoded form bodies (``query=…``) of one kind."""
        return [urllib.parse.urlencode({"query": q}) for q in self.queries[kind]]


def choose(store: ox.Store, seed: int, count: int = 500) -> Workload:
    """Symbols and lineage starts from the store's default graph, chosen by ``seed``.

    Lineage starts are resolutions with at least one 2-hop answer, so that every request has
    rows to compare between engines.
    """
    rng = random.Random(seed)
    symbols = sorted(
        row["s"].value
        for row in store.query(PROLOGUE + "SELECT ?s WHERE { ?r a mnd:Resolution ; mnd:symbol ?s }")
    )
    picked = rng.sample(symbols, min(count, len(symbols)))
    starts = sorted(
        row["r"].value
        for row in store.query(
            PROLOGUE + "SELECT DISTINCT ?r WHERE {\n"
            f"  ?r a mnd:Resolution ; {_PATH} ?via .\n  ?via {_PATH} ?target .\n}}"
        )
    )
    chosen = rng.sample(starts, min(count, len(starts)))
    return Workload(
        {
            "lookup": [lookup(s) for s in picked],
            "lineage": [lineage(s) for s in chosen],
            "aggregate": [AGGREGATE],
        }
    )
