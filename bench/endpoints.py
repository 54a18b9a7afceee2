"""The endpoint section of bench/run.py: five SPARQL servers and a Virtuoso hook, side by side.

Every peer is started (idle, a server costs memory, not CPU), a sample of its answers is checked
against the embedded store's own (the same rows), then each kind and client count is measured
on one peer after the other, so that the machine's background load touches all alike. Every
server is stopped at the end, on errors and on Ctrl-C. Not run on its own.
"""

from __future__ import annotations

import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import virtuoso_peer as virtuoso

from bench import clients, peers
from bench.clients import Load
from bench.report import Report
from bench.workload import KINDS, TITLES, Workload

SAMPLES = {"lookup": 3, "lineage": 3, "aggregate": 1}
THREADS = 8  # `mandates serve`'s default, given to the bare Flask route as well
TARGETS = (  # (kind, peer, minimum ratio ours/peer at 8 clients)
    ("lookup", "rdflib-endpoint", 1.5),
    ("lookup", "bare-flask", 0.7),
    ("lineage", "rdflib-endpoint", 3.0),
    ("aggregate", "rdflib-endpoint", 50.0),
)
COLUMNS = ("rdflib-endpoint", "bare-flask", "flask-pyoxigraph", "oxigraph", "virtuoso")
OURS = ("ours", "ours-no-cache")  #: `mandates serve` as configured by default; with no cache


@dataclass
class Settings:
    work: Path
    store_root: Path
    all_quads: Path  #: our store dumped: default graph = merge, plus the named graphs
    named_quads: Path  #: the named graphs only
    oxigraph_dir: Path
    clients: list[int]
    seconds: float
    budget: float
    virtuoso: bool = True  #: call the Virtuoso hook (bench/virtuoso_peer.py)
    ready_timeout: float = 900


@dataclass
class Results:
    loads: dict[tuple[str, str, int], Load | str] = field(default_factory=dict)
    checks: dict[tuple[str, str], str] = field(default_factory=dict)
    started: dict[str, str] = field(default_factory=dict)


def _rows(rows: list[dict[str, str]]) -> Counter:
    return Counter(tuple(sorted(r.items())) for r in rows)


def reference(store: ox.Store, workload: Workload) -> dict[str, list[tuple[str, Counter]]]:
    """The embedded store's own answers to the sample bodies of each kind."""
    found = {}
    for kind in KINDS:
        pairs = []
        samples = zip(workload.queries[kind], workload.bodies(kind), strict=True)
        for text, body in list(samples)[: SAMPLES[kind]]:
            results = store.query(text)
            names = [v.value for v in results.variables]
            rows = [{n: row[n].value for n in names if row[n] is not None} for row in results]
            pairs.append((body, _rows(rows)))
        found[kind] = pairs
    return found


def check(url: str, samples: list[tuple[str, Counter]]) -> tuple[str, float]:
    """Compare a peer's answers with the reference; returns a verdict and the median latency."""
    verdicts, latencies = [], []
    for body, expected in samples:
        status, payload, seconds = clients.post(url, body)
        latencies.append(seconds)
        if status != 200:
            verdicts.append(f"HTTP {status}: {payload[:120]!r}")
            continue
        got = _rows(clients.solutions(payload))
        if not expected:
            verdicts.append("reference is empty")
        elif got != expected:
            verdicts.append(f"DIFFERS: {sum(got.values())} rows, expected {sum(expected.values())}")
    rows = sum(sum(e.values()) for _, e in samples)
    verdict = "; ".join(verdicts) or f"same rows ({rows} over {len(samples)} samples)"
    return verdict, sorted(latencies)[len(latencies) // 2]


@dataclass
class Peer:
    """A started peer: its URL, its server (None for a hook's), its answers' latency per kind."""

    name: str
    url: str
    server: peers.Server | None
    expected: dict[str, list[tuple[str, Counter]]] | None  #: None: constant answers
    latency: dict[str, float] = field(default_factory=dict)


def measure(
    peer: Peer, kind: str, bodies: list[str], script: Path, count: int, settings: Settings
) -> Load:
    """wrk for fast queries; the budgeted Python client for slow ones (see :mod:`clients`)."""
    latency = peer.latency[kind]
    if latency * 1000 < clients.SLOW_MS:
        return clients.wrk(peer.url, script, count, settings.seconds)
    seconds = settings.budget if latency * 3 > settings.seconds else settings.seconds
    restartable = peer.server is not None and peer.server.restartable
    load = clients.python_load(
        peer.url, bodies, count, seconds, 2.0 if restartable else settings.budget
    )
    if load.unfinished and restartable:
        assert peer.server is not None
        peer.server.restart(settings.ready_timeout)
    return load


def _rate(load: Load) -> str:
    p50 = "—" if load.p50_ms is None else f"{load.p50_ms:.1f}"
    p99 = "—" if load.p99_ms is None else f"{load.p99_ms:.1f}"
    return (
        f"{load.rps:,.1f} req/s, p50 {p50} ms, p99 {p99} ms, {load.requests} answered in "
        f"{load.seconds:.1f} s, {load.errors} errors, {load.unfinished} unfinished ({load.tool})"
    )


def check_peer(peer: Peer, workload: Workload, results: Results) -> bool:
    """Check a sample of the peer's answers per kind; False if it cannot answer at all."""
    for kind in KINDS:
        if peer.expected is None:  # the bare route: constant answers, nothing to check
            _, _, latency = clients.post(peer.url, workload.bodies(kind)[0])
            verdict = "constant answer (not checked)"
        else:
            verdict, latency = check(peer.url, peer.expected[kind])
        if latency * 1000 >= clients.SLOW_MS and not verdict.startswith("HTTP"):
            # once more: a result cache or a warm-up shows in the second answer, and the
            # client is chosen by the steady state (wrk for answers from a cache)
            latency = min(latency, clients.post(peer.url, workload.bodies(kind)[0])[2])
        results.checks[(peer.name, kind)] = verdict
        peer.latency[kind] = latency
        print(f"  {peer.name:16} {kind:9} check: {verdict}; {latency * 1000:.1f} ms", flush=True)
    return True


def run_all(
    settings: Settings, workload: Workload, expected: dict, report: Report, port: int
) -> Results:
    """Start every peer (idle ones cost no CPU), check them, then measure them in turn for each
    kind and client count, so that a change in the machine's background load touches all
    peers alike. Every server is stopped when this returns or raises."""
    results = Results()
    scripts = {
        kind: clients.lua_script(workload.bodies(kind), settings.work / f"wrk-{kind}.lua")
        for kind in KINDS
    }
    logs = settings.work / "logs"
    servers = [
        (peers.ours(settings.store_root, port, THREADS, logs / "ours.log"), expected),
        (peers.oxigraph(settings.oxigraph_dir, port + 1, logs / "oxigraph.log"), expected),
        (peers.bare_flask(port + 2, THREADS, logs / "flask.log"), None),
        (peers.rdflib_endpoint(settings.named_quads, port + 3, logs / "rdflib.log"), expected),
    ]
    current = settings.store_root / "current"
    minimal = peers.flask_pyoxigraph(current, port + 5, THREADS, logs / "flask-pyoxigraph.log")
    servers.insert(3, (minimal, expected))
    if "--result-cache" in peers.serve_options():  # ours again, every query to the engine
        log = logs / "ours-no-cache.log"
        options = ("--result-cache", "0")
        uncached = peers.ours(settings.store_root, port + 4, THREADS, log, OURS[1], options)
        servers.insert(1, (uncached, expected))
    started: list[Peer] = []
    with ExitStack() as stack:
        for server, answers in servers:
            stack.callback(server.stop)
            try:
                seconds = server.start(settings.ready_timeout)
            except (RuntimeError, OSError) as err:
                results.started[server.name] = f"skipped: {err}"
                server.stop()
                continue
            results.started[server.name] = f"ready in {seconds:.1f} s at {server.url}"
            started.append(Peer(server.name, server.url, server, answers))
        try:
            if not settings.virtuoso:
                raise virtuoso.Skipped("--no-virtuoso")
            begun = time.perf_counter()
            url = virtuoso.virtuoso_endpoint(settings.all_quads, settings.work, stack)
            if url is None:
                raise virtuoso.Skipped("virtuoso_endpoint() returned None")
            results.started["virtuoso"] = f"ready in {time.perf_counter() - begun:.1f} s at {url}"
            started.append(Peer("virtuoso", url, None, expected))
        except virtuoso.Skipped as err:
            results.started["virtuoso"] = f"skipped: {err}"
        except Exception as err:  # a failing hook must not lose the rest of the run
            failed = f"virtuoso_endpoint() failed: {type(err).__name__}: {err}"
            results.started["virtuoso"] = f"skipped: {failed}"
        for name, note in results.started.items():
            print(f"{name}: {note}", flush=True)
        for peer in started:
            check_peer(peer, workload, results)
        for kind in KINDS:
            bodies = workload.bodies(kind)
            for count in settings.clients:
                for peer in started:
                    if results.checks[(peer.name, kind)].startswith("HTTP"):
                        continue
                    load = measure(peer, kind, bodies, scripts[kind], count, settings)
                    results.loads[(peer.name, kind, count)] = load
                    print(f"  {peer.name:16} {kind:9} {count:3} clients: {_rate(load)}", flush=True)
                    time.sleep(1)
    write_tables(results, settings, report)
    return results


def _load_cells(load: Load | str | None) -> list[object]:
    if load is None:
        return ["not run", None, None, None, None, None]
    if isinstance(load, str):
        return [load, None, None, None, None, None]
    answered = f"{load.requests} in {load.seconds:.1f} s"
    if load.budget is not None:
        answered = (
            f"{load.requests} in a {load.budget:g} s budget, the last at {load.seconds:.1f} s"
        )
    if load.unfinished:
        answered += f" ({load.unfinished} unfinished)"
    return [load.rps, load.p50_ms, load.p99_ms, answered, load.errors, load.tool]


def _rps(results: Results, peer: str, kind: str, count: int) -> float | None:
    load = results.loads.get((peer, kind, count))
    return load.rps if isinstance(load, Load) and load.requests else None


def _ratio(ours: float | None, other: float | None) -> float | None:
    return ours / other if ours and other else None


def write_tables(results: Results, settings: Settings, report: Report) -> None:
    names = [*(n for n in OURS if n in results.started), *COLUMNS]
    report.add("Peers: " + "; ".join(f"**{n}** {results.started.get(n, 'not run')}" for n in names))
    for kind in KINDS:
        report.add(f"### {TITLES[kind]}")
        rows = []
        for name in names:
            note = results.started.get(name, "not run")
            if note.startswith("skipped") or note == "not run":
                rows.append([name, "—", note, None, None, None, None, None, ""])
                continue
            verdict = results.checks.get((name, kind), "—")
            for count in settings.clients:
                load = results.loads.get((name, kind, count))
                rows.append([name, count, *_load_cells(load), verdict])
                verdict = ""
        report.table(
            [
                "peer",
                "clients",
                "req/s",
                "p50 ms",
                "p99 ms",
                "answered",
                "errors",
                "client",
                "answers checked against the embedded store",
            ],
            rows,
        )
    report.add("### Ratios: our endpoint's req/s over each peer's (same run, same clients)")
    rows = []
    variants = [n for n in OURS if n in results.started]
    for kind in KINDS:
        for count in settings.clients:
            for variant in variants:
                ours = _rps(results, variant, kind, count)
                ratios = [_ratio(ours, _rps(results, p, kind, count)) for p in COLUMNS]
                rows.append([TITLES[kind], count, variant, ours, *ratios])
    report.table(
        [
            "query kind",
            "clients",
            "ours as",
            "req/s",
            "ours/rdflib-endpoint",
            "ours/bare Flask",
            "ours/minimal Flask+pyoxigraph",
            "ours/Oxigraph server",
            "ours/Virtuoso",
        ],
        rows,
    )
    report.add("### Targets (8 clients)")
    rows = []
    for kind, peer, minimum in TARGETS:
        for variant in variants:
            ours, other = _rps(results, variant, kind, 8), _rps(results, peer, kind, 8)
            ratio = _ratio(ours, other)
            verdict = "n/a" if ratio is None else ("PASS" if ratio >= minimum else "MISS")
            target = f"≥ {minimum:g}× {peer}"
            rows.append([TITLES[kind], target, variant, ours, other, ratio, verdict])
    report.table(
        ["query kind", "target", "ours as", "ours req/s", "peer req/s", "ratio", "verdict"], rows
    )
