"""Latency of the saved queries (queries/*.rq) on the embedded store: one JSON line per query.

Each query runs through mandates.saved_queries.run (the project's prefixes, the default graph
as the merge) and its rows are read in full; repeated until ``--repeats`` runs or ``--budget``
seconds per query. The engine has no timeout: bench/run.py runs one query per child process
(``--query N``) and stops it at a deadline. Alone:

    .venv/bin/python -m bench.saved_speed /tmp/mandates-bench/store-1000000-7 --repeats 5
    .venv/bin/python -m bench.saved_speed /tmp/mandates-bench/store-1000000-7 --query 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import pyoxigraph as ox

from mandates.query.saved import load_all, run
from mandates.store.embedded import StoreRoot


def rows(results: object) -> int:
    if isinstance(results, ox.QueryBoolean):
        return 1
    return sum(1 for _ in results)  # solutions or triples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a store root (with current/)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--budget", type=float, default=30, help="seconds per query")
    parser.add_argument("--query", type=int, help="only the query of this number")
    args = parser.parse_args()
    store = StoreRoot(args.store).open_read_only()
    for query in load_all():
        if args.query is not None and query.number != args.query:
            continue
        times, count = [], 0
        while len(times) < args.repeats and sum(times) < args.budget:
            started = time.perf_counter()
            count = rows(run(store, query))
            times.append(time.perf_counter() - started)
        ms = sorted(t * 1000 for t in times)
        p95 = ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))]
        line = {
            "id": f"{query.number:03d} {query.id}",
            "form": query.form,
            "rows": count,
            "runs": len(ms),
            "median_ms": statistics.median(ms),
            "p95_ms": p95,
        }
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
