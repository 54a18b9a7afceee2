"""Neighbourhood expansions on a large graph: how fast the explorer's JSON answers.

Generates a synthetic mandate graph (bench/synthetic.py) unless the N-Quads file exists,
builds a store from it (ontology + data, no validation) unless the store root already has
one, then expands many centres (bodies, resolutions, meetings, reports, chosen by seed) and
prints the median, p95 and maximum time, side by side: the function plus JSON encoding, and
the whole HTTP request through the Flask app (test client, no network).

    .venv/bin/python -m bench.graph_speed --triples 1000000 --work /tmp/graph-bench
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from pathlib import Path

import pyoxigraph as ox

from bench.synthetic import BODY_KINDS, write
from mandates.graph.neighbourhood import neighbourhood
from mandates.graph.terms import DEFAULT, TYPE
from mandates.ingest.build import Part, collect_parts
from mandates.ingest.build import write as write_store
from mandates.namespaces import MND
from mandates.store.embedded import StoreRoot
from mandates.web import create_app

KINDS = ("Resolution", "Meeting", "Report", *BODY_KINDS)


def prepare(work: Path, triples: int, seed: int) -> StoreRoot:
    root = StoreRoot(work / "store")
    if root.exists():
        print(f"reusing the store in {root.root}")
        return root
    data = work / f"synthetic-{triples}.nq"
    if not data.exists():
        print(f"{write(data, triples, seed)} quads written to {data}")
    started = time.perf_counter()
    parts = list(collect_parts(work / "no-data"))
    quads = list(ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS))
    parts.append(Part("synthetic", quads))
    write_store(root, parts, validate=False)
    print(f"store built in {time.perf_counter() - started:.1f} s")
    return root


def centres(store: ox.Store, count: int, seed: int) -> list[str]:
    rng, chosen = random.Random(seed), []
    for kind in KINDS:
        found = [
            q.subject.value
            for q in store.quads_for_pattern(None, TYPE, ox.NamedNode(MND[kind]), DEFAULT)
        ]
        chosen += rng.sample(found, min(len(found), count // len(KINDS)))
    return chosen


def figures(name: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
    return (
        f"{name:<34} median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms"
        f"   max {ms[-1]:6.1f} ms   ({len(ms)} expansions)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--centres", type=int, default=400, help="about as many centres")
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--work", type=Path, default=Path("/tmp/graph-bench"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    root = prepare(args.work, args.triples, args.seed)
    store = root.open_read_only()
    size = sum(1 for _ in store.quads_for_pattern(None, None, None, DEFAULT))
    chosen = centres(store, args.centres, args.seed)
    neighbourhood(store, chosen[0], args.limit)  # reads the vocabulary once, as a server does
    direct, edges = [], 0
    for iri in chosen:
        started = time.perf_counter()
        found = neighbourhood(store, iri, args.limit)
        json.dumps(found)
        direct.append(time.perf_counter() - started)
        edges += len(found["edges"])
    client = create_app({"STORE": str(root.root)}).test_client()
    client.get("/graph/api/neighbourhood", query_string={"iri": chosen[0]})
    http = []
    for iri in chosen:
        started = time.perf_counter()
        response = client.get(
            "/graph/api/neighbourhood", query_string={"iri": iri, "limit": args.limit}
        )
        http.append(time.perf_counter() - started)
        assert response.status_code == 200, response.data
    filtered = []
    for iri in chosen:
        started = time.perf_counter()
        query = {"iri": iri, "verb": ["requested", "held"], "status": "adopted", "year": "2001"}
        client.get("/graph/api/neighbourhood", query_string=query)
        filtered.append(time.perf_counter() - started)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (figures are noisy)")
    print(f"graph: {size:,} triples in the default graph; {len(chosen)} centres", end="")
    print(f" ({', '.join(KINDS)}); limit {args.limit} per group; {edges / len(chosen):.1f} edges")
    print(figures("neighbourhood() + JSON", direct))
    print(figures("GET /graph/api/neighbourhood", http))
    bodies = [t for t, iri in zip(http, chosen, strict=True) if "/body/" in iri]
    print(figures("  … of bodies only (the hubs)", bodies))
    print(figures("GET … with verb/status/year filters", filtered))
    lineages = []
    for iri in chosen[:: max(1, len(chosen) // 40)]:
        started = time.perf_counter()
        client.get("/graph/api/lineage", query_string={"iri": iri})
        lineages.append(time.perf_counter() - started)
    print(figures("GET /graph/api/lineage (capped)", lineages))


if __name__ == "__main__":
    main()
