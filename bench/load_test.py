"""A load test of the explorer: concurrent clients for a while, mixed requests, then figures.

Clients loop over saved queries sent to /sparql, resource pages, searches and graph
expansions against a running server on this machine, and the run reports status counts,
connection errors and p50/p99 latencies. Nothing leaves 127.0.0.1.

    .venv/bin/mandates serve --port 5000 &
    .venv/bin/python -m bench.load_test --url http://127.0.0.1:5000 --clients 16 --seconds 120
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field

from mandates.query.saved import load_all

PAGES = [
    "/",
    "/id/body/ccpcj",
    "/id/body/expert-group-cybercrime",
    "/id/doc/A/RES/65/230",
    "/id/meeting/expert-group-cybercrime/6",
    "/search?q=65%2F230",
    "/search?q=Expert+Group",
    "/queries",
]
EXPANSIONS = [
    "/graph/api/neighbourhood?iri=" + urllib.parse.quote(iri, safe="")
    for iri in (
        "https://w3id.org/un-mandates/id/body/ccpcj",
        "https://w3id.org/un-mandates/id/doc/A/RES/65/230",
        "https://w3id.org/un-mandates/id/body/expert-group-cybercrime",
    )
]


@dataclass
class Tally:
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, status: int | None, error: str | None, seconds: float) -> None:
        with self.lock:
            if error:
                self.errors[error] += 1
            else:
                self.statuses[status] += 1
                self.latencies.append(seconds)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


def requests(base: str) -> list[urllib.request.Request]:
    """The mix: every saved query through the endpoint, the pages, the graph expansions."""
    mix = []
    for query in load_all():
        body = urllib.parse.urlencode({"query": query.full_text}).encode()
        graph = query.form in ("CONSTRUCT", "DESCRIBE")
        accept = "text/turtle" if graph else "application/sparql-results+json"
        mix.append(urllib.request.Request(base + "/sparql", data=body, headers={"Accept": accept}))
    mix += [urllib.request.Request(base + path) for path in PAGES]
    for path in EXPANSIONS:
        try:
            urllib.request.urlopen(base + path, timeout=10).read()
            mix.append(urllib.request.Request(base + path))
        except urllib.error.HTTPError:
            pass  # the graph API is not there: leave expansions out of the mix
    return mix


def client(mix: list, deadline: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        request = rng.choice(mix)
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
                tally.add(response.status, None, time.perf_counter() - started)
        except urllib.error.HTTPError as err:
            err.read()
            tally.add(err.code, None, time.perf_counter() - started)
        except OSError as err:
            tally.add(None, type(err).__name__, time.perf_counter() - started)


def run(base: str, clients: int, seconds: float) -> Tally:
    """Run the load; returns the tally."""
    mix = requests(base)
    tally = Tally()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(mix, deadline, tally, i)) for i in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return tally


def summary(tally: Tally, seconds: float) -> str:
    lat = sorted(tally.latencies)
    p50 = statistics.median(lat) * 1000 if lat else float("nan")
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000 if lat else float("nan")
    done = sum(tally.statuses.values())
    return (
        f"{done} responses in {seconds:.0f} s ({done / seconds:.0f}/s); statuses "
        f"{dict(sorted(tally.statuses.items()))}; connection errors {dict(tally.errors)}; "
        f"p50 {p50:.1f} ms, p99 {p99:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5000")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()
    if urllib.parse.urlsplit(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("the load test only targets this machine (127.0.0.1)")
    tally = run(args.url, args.clients, args.seconds)
    print(summary(tally, args.seconds))
    sys.exit(1 if tally.server_errors or tally.errors else 0)


if __name__ == "__main__":
    main()
