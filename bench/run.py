"""One benchmark command: builds, saved queries, SPARQL endpoints, validation, extraction.

All side by side in one run, printed as Markdown and written to bench/RESULTS.md.

    .venv/bin/python -m bench.run                  # 1M triples, every section (~35 min)
    .venv/bin/python -m bench.run --quick          # a smoke run on small sizes (~2 min)
    .venv/bin/python -m bench.run --only endpoints --clients 8 --seconds 20

Generated data and stores are cached in --work (default /tmp/mandates-bench); the build
section rebuilds them. Every server it starts is stopped at the end, on errors and on Ctrl-C.
Needs wrk (/usr/bin/wrk, `make bench` installs it) and the `bench` extra (`.[bench]`).
Nothing leaves 127.0.0.1. See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import builds, endpoints
from bench import virtuoso_peer as virtuoso
from bench.report import Report, load_average, machine
from bench.synthetic import write as generate
from bench.workload import choose

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

SECTIONS = ("build", "queries", "endpoints", "validation", "extraction")
BUILD_TARGET = 1.5  # our build ≤ 1.5× a raw pyoxigraph bulk load
SHARED = ROOT.parent / "shared"


class Run:
    """The files of one run in ``--work``, made on first use."""

    def __init__(self, args: argparse.Namespace, report: Report) -> None:
        self.args, self.report = args, report
        self.work: Path = args.work
        tag = f"{args.triples}-{args.seed}"
        self.data = self.work / f"synthetic-{tag}.nq"
        self.store_root = self.work / f"store-{tag}"
        self.dump_prefix = self.work / f"dump-{tag}"
        self.oxigraph_dir = self.work / f"oxigraph-{tag}"
        self.prepared: list[str] = []  #: how the peers' copies were made, for the report

    def ensure_data(self) -> Path:
        if not self.data.exists():
            started = time.perf_counter()
            partial = self.data.with_suffix(".partial")
            count = generate(partial, self.args.triples, self.args.seed)
            partial.rename(self.data)
            print(f"{count:,} quads generated in {time.perf_counter() - started:.1f} s")
        return self.data

    def replace_store(self, built: Path) -> None:
        """A freshly built store replaces the cached one, and what was derived from it."""
        for old in (self.store_root, self.oxigraph_dir):
            shutil.rmtree(old, ignore_errors=True)
        for suffix in ("-all.nq", "-named.nq"):
            self.dump_prefix.with_name(self.dump_prefix.name + suffix).unlink(missing_ok=True)
        built.rename(self.store_root)

    def ensure_store(self) -> Path:
        if not (self.store_root / "current").exists():
            shutil.rmtree(self.store_root, ignore_errors=True)
            found = builds.measure("ours", "ours", self.ensure_data(), self.store_root, 3600)
            if found.error:
                raise RuntimeError(f"cannot build the store: {found.error}")
            print(f"store built in {found.seconds:.1f} s: {self.store_root}")
        return self.store_root

    def ensure_dumps(self) -> tuple[Path, Path]:
        full = self.dump_prefix.with_name(self.dump_prefix.name + "-all.nq")
        named = self.dump_prefix.with_name(self.dump_prefix.name + "-named.nq")
        if not (full.exists() and named.exists()):
            found = builds.measure("dump", "dump", self.ensure_store(), self.dump_prefix, 3600)
            if found.error:
                raise RuntimeError(f"cannot dump the store: {found.error}")
            self.prepared.append(f"our store dumped as N-Quads in {found.seconds:.1f} s")
            print(f"store dumped in {found.seconds:.1f} s: {full.name}, {named.name}")
        return full, named

    def ensure_oxigraph(self) -> Path:
        if not (self.oxigraph_dir / "CURRENT").exists():
            full, _ = self.ensure_dumps()
            shutil.rmtree(self.oxigraph_dir, ignore_errors=True)
            started = time.perf_counter()
            command = [str(Path(sys.executable).parent / "oxigraph"), "load"]
            command += ["--location", str(self.oxigraph_dir), "--file", str(full)]
            subprocess.run(command, check=True, capture_output=True, timeout=3600)
            seconds = time.perf_counter() - started
            quads = sum(1 for _ in full.open("rb"))
            self.prepared.append(
                f"`oxigraph load` (Rust CLI) of our store's dump ({quads:,} quads: the default "
                f"graph and the named graphs) in {seconds:.1f} s"
            )
            print(f"oxigraph load of {full.name} in {seconds:.1f} s")
        return self.oxigraph_dir


def section_build(run: Run) -> None:
    args, report = run.args, run.report
    data = run.ensure_data()
    measure_dir = run.work / "measure"
    shutil.rmtree(measure_dir, ignore_errors=True)
    measure_dir.mkdir(parents=True)
    report.add(
        f"## Build: {args.triples:,} synthetic triples (seed {args.seed}), "
        f"{data.stat().st_size / 1e6:,.0f} MB of N-Quads\n\nload average {load_average()}"
    )
    once = [
        ("ours: mandates.build.write, no validation", "ours", measure_dir / "ours"),
        ("ours: mandates.build.write with validation", "ours-validate", measure_dir / "ours-v"),
        ("rdflib Dataset in memory (baseline)", "rdflib", "-"),
    ]
    found = []
    for name, kind, out in once:
        built = builds.measure(name, kind, data, out, args.build_timeout)
        print(f"  {name}: {built.seconds} s, {built.peak_mb} MB {built.detail} {built.error}")
        found.append(built)
    # The target's two sides alternate, and their medians are compared: a machine whose load
    # drifts during the run slows both alike (a single pair measured minutes apart did not).
    paired = [
        ("ours: write(), the file streamed (Part.path)", "ours-streamed", measure_dir / "ours-s"),
        ("raw pyoxigraph Store(path).bulk_load (reference)", "pyoxigraph", measure_dir / "ox"),
    ]
    samples: dict[str, list[builds.Built]] = {name: [] for name, _, _ in paired}
    for repeat in range(args.build_repeats):
        for name, kind, out in paired:
            shutil.rmtree(out, ignore_errors=True)
            built = builds.measure(name, kind, data, out, args.build_timeout)
            print(f"  {name} ({repeat + 1}/{args.build_repeats}): {built.seconds} s {built.error}")
            samples[name].append(built)
    streamed, raw_built = (_median_build(name, samples[name]) for name, _, _ in paired)
    found.insert(2, streamed)
    found.append(raw_built)
    try:
        if not args.virtuoso:
            raise virtuoso.Skipped("--no-virtuoso")
        seconds, peak, detail = virtuoso.build_virtuoso(data, run.work)
        found.append(builds.Built("Virtuoso (hook)", seconds, peak, detail))
    except virtuoso.Skipped as err:
        found.append(builds.Built("Virtuoso (hook)", error=f"skipped: {err}"))
    except Exception as err:  # a failing hook must not lose the rest of the run
        failed = f"skipped: build_virtuoso() failed: {type(err).__name__}: {err}"
        found.append(builds.Built("Virtuoso (hook)", error=failed))
    raw = raw_built.seconds
    rows = []
    for built in found:
        ratio = built.seconds / raw if built.seconds and raw and not built.error else None
        rows.append([built.name, built.seconds, built.peak_mb, ratio, built.error or built.detail])
    report.table(["build", "seconds", "peak RSS MB", "× raw pyoxigraph", "detail"], rows)
    verdicts = []
    for built in (found[0], streamed):
        ratio = built.seconds / raw if built.seconds and raw and not built.error else None
        verdict = "n/a" if ratio is None else ("PASS" if ratio <= BUILD_TARGET else "MISS")
        verdicts.append(f"{built.name}: **{'—' if ratio is None else f'{ratio:.2f}×'} {verdict}**")
    report.add(
        f"Target: our build (no validation) ≤ {BUILD_TARGET}× raw pyoxigraph bulk load: "
        + "; ".join(verdicts)
        + f". The streamed build and the raw load ran {args.build_repeats} times each, "
        "alternating; their rows give the median (every run in the detail column), and the "
        "target is judged on the streamed median against the raw median; the first rows ran "
        "once and are compared with the raw median. "
        "Peak RSS is each child process's VmHWM, interpreter and imports included. Our "
        "build also adds the ontology, alignments and saved queries, and writes the default "
        "graph (the merge of the named graphs) as well: twice the quads of the raw load. The "
        "first rows parse the N-Quads into Python quads, keeping one named graph per source "
        "(that store serves the other sections); the streamed row is how `mandates build` "
        "reads a big curated file."
    )
    if not found[0].error and (measure_dir / "ours" / "current").exists():
        run.replace_store(measure_dir / "ours")
    shutil.rmtree(measure_dir, ignore_errors=True)


def _median_build(name: str, runs: list[builds.Built]) -> builds.Built:
    """One row for repeated builds: the median time and the largest peak RSS of those that
    finished, every time in the detail."""
    done = sorted(b.seconds for b in runs if b.seconds and not b.error)
    if not done:
        return builds.Built(name, error="; ".join(b.error for b in runs if b.error) or "no run")
    times = ", ".join(f"{b.seconds:.1f}" if b.seconds else b.error for b in runs)
    peak = max((b.peak_mb for b in runs if b.peak_mb), default=None)
    return builds.Built(name, statistics.median(done), peak, f"median of {len(done)}: {times} s")


def section_queries(run: Run) -> None:
    args, report = run.args, run.report
    root = run.ensure_store()
    report.add(
        f"## Saved queries on the embedded store ({args.triples:,} synthetic triples)\n\n"
        f"Median and p95 over up to {args.repeats} runs (fewer when a query takes more than "
        f"{args.query_budget:g} s), rows read in full, each query in its own process, stopped "
        f"after {args.query_timeout:g} s. The queries are written for the real data: on "
        "synthetic data many find few rows.\n\nload average " + load_average()
    )
    from mandates.query.saved import load_all

    rows = []
    for query in load_all():
        command = [sys.executable, "-m", "bench.saved_speed", str(root)]
        command += ["--repeats", str(args.repeats), "--budget", str(args.query_budget)]
        command += ["--query", str(query.number)]
        child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        name = f"{query.number:03d} {query.id}"
        try:
            stdout, _ = child.communicate(timeout=args.query_timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            stopped = f"did not finish in {args.query_timeout:g} s (stopped)"
            rows.append([name, query.form, stopped, 0, None, None])
            print(f"  {name}: {stopped}", flush=True)
            continue
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        found = [json.loads(x) for x in stdout.splitlines() if x.startswith("{")]
        if not found:
            rows.append([name, query.form, f"failed (exit {child.returncode})", 0, None, None])
            continue
        q = found[0]
        rows.append([q["id"], q["form"], q["rows"], q["runs"], q["median_ms"], q["p95_ms"]])
        print(f"  {name}: {q['median_ms']:.1f} ms, {q['rows']} rows", flush=True)
    report.table(["query", "form", "rows", "runs", "median ms", "p95 ms"], rows)


def section_endpoints(run: Run) -> None:
    args, report = run.args, run.report
    from mandates.store.embedded import StoreRoot

    root = run.ensure_store()
    all_quads, named_quads = run.ensure_dumps()
    oxigraph_dir = run.ensure_oxigraph()
    store = StoreRoot(root).open_read_only()
    workload = choose(store, args.seed)
    expected = endpoints.reference(store, workload)
    del store
    settings = endpoints.Settings(
        work=run.work,
        store_root=root,
        all_quads=all_quads,
        named_quads=named_quads,
        oxigraph_dir=oxigraph_dir,
        clients=args.clients,
        seconds=args.seconds,
        budget=args.budget,
        virtuoso=args.virtuoso,
    )
    report.add(
        f"## SPARQL endpoints: {args.triples:,} synthetic triples, POST form queries, "
        f"{args.seconds:g} s per measurement\n\n"
        f"{len(workload.queries['lookup'])} symbols and {len(workload.queries['lineage'])} "
        "lineage starts, chosen by seed; every peer serves the same data (our store, dumped: "
        "Oxigraph's server loads the dump whose default graph holds the merge; rdflib-endpoint "
        "reads the named graphs into a Dataset with a union default graph). All servers run "
        "side by side, measured one after the other for each kind and client count (idle "
        "while the others are measured); the client shares the 2 cores with the one measured. "
        "wrk drives queries faster than "
        f"{endpoints.clients.SLOW_MS:g} ms; slower ones go to a Python client with a budget of "
        f"{args.budget:g} s (req/s = answers within the budget over the time of the last one; "
        "queries still running at its end are dropped and rdflib-endpoint is restarted). "
        f"Ours: `mandates serve --threads {endpoints.THREADS}` (waitress, 2 query workers, "
        "its default result cache: repeated queries are answered from memory; ours-no-cache: "
        "the same with `--result-cache 0`, every query to the engine); "
        f"bare Flask: a constant JSON route under waitress, {endpoints.THREADS} threads; "
        "flask-pyoxigraph: a minimal Flask route running each query on our store (read-only) "
        "in the request thread, under the same waitress (no deadline, row cap or cache).\n\n"
        "load average " + load_average()
    )
    if run.prepared:
        report.add("Prepared for the peers: " + "; ".join(run.prepared) + ".")
    endpoints.run_all(settings, workload, expected, report, args.port)
    report.add("load average after the endpoints: " + load_average())


def section_validation(run: Run) -> None:
    args, report = run.args, run.report
    from bench import validation_speed

    report.add(
        f"## Validation: SPARQL engine vs pyshacl ({args.validation_triples:,} synthetic "
        f"triples, 100 faults of each of 3 kinds)\n\nload average {load_average()}"
    )
    found = validation_speed.figures(
        args.validation_triples, args.seed, 100, True, args.pyshacl_timeout
    )
    ref = found["pyshacl_s"]
    if found["pyshacl_finished"]:
        pyshacl = ref
        speedup = f"{ref / found['sparql_s']:.1f}×"
    else:
        pyshacl = f"> {args.pyshacl_timeout:g} (stopped)"
        speedup = f"> {args.pyshacl_timeout / found['sparql_s']:.1f}×"
    same = {None: "—", True: "identical", False: "DIFFERENT"}[found["identical"]]
    report.table(
        [
            "triples",
            "SPARQL engine s",
            "violations",
            "warnings",
            "pyshacl s",
            "speed-up",
            "results",
        ],
        [
            [
                f"{found['triples']:,}",
                found["sparql_s"],
                found["violations"],
                found["warnings"],
                pyshacl,
                speedup,
                same,
            ]
        ],
    )


def section_extraction(run: Run) -> None:
    args, report = run.args, run.report
    from bench import extract_speed

    folders = [f for f in (SHARED / "seeds", SHARED / "unseen") if f.is_dir()]
    report.add(f"## Extraction (loader)\n\nload average {load_average()}")
    if not folders:
        report.add(f"skipped: no seeds or unseen texts under {SHARED}")
        return
    texts, _, elapsed = extract_speed.throughput(folders, args.extract_repeat)
    size = sum(len(t.encode("utf-8")) for _, t in texts)
    total = size * args.extract_repeat / 1e6
    report.table(
        ["files", "MB", "repeats", "seconds", "MB/s"],
        [[len(texts), size / 1e6, args.extract_repeat, elapsed, total / elapsed]],
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, help="size of the synthetic graph [1000000]")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/mandates-bench"))
    parser.add_argument("--clients", default="1,8,16", help="concurrent clients, e.g. 1,8,16")
    parser.add_argument("--seconds", type=float, help="seconds per load measurement [10]")
    parser.add_argument("--budget", type=float, help="seconds for slow queries per peer [60]")
    parser.add_argument("--only", default=",".join(SECTIONS), help=",".join(SECTIONS))
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--port", type=int, default=5100, help="first of 6 local ports")
    parser.add_argument(
        "--no-virtuoso", dest="virtuoso", action="store_false", help="skip the Virtuoso hooks"
    )
    parser.add_argument("--output", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args(argv)
    quick = args.quick
    args.triples = args.triples or (10_000 if quick else 1_000_000)
    args.seconds = args.seconds or (2.0 if quick else 10.0)
    args.budget = args.budget or (10.0 if quick else 60.0)
    args.clients = [int(c) for c in args.clients.split(",")]
    args.repeats = 3 if quick else 5
    args.query_budget = 5.0 if quick else 30.0
    args.query_timeout = 30.0 if quick else 120.0
    args.validation_triples = 10_000 if quick else 100_000
    args.pyshacl_timeout = 60.0 if quick else 300.0
    args.extract_repeat = 1 if quick else 3
    args.build_timeout = 1800.0
    args.build_repeats = 1 if quick else 3
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {sorted(unknown)}: choose from {', '.join(SECTIONS)}")
    return args


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)  # servers are stopped by the finally blocks
    args.work.mkdir(parents=True, exist_ok=True)
    report = Report(args.output)
    run = Run(args, report)
    report.add(
        "# Benchmark results (bench/run.py)\n\n"
        f"Command: `{' '.join(['bench/run.py', *(sys.argv[1:] if argv is None else argv)])}`\n\n"
        + machine()
    )
    sections = {
        "build": section_build,
        "queries": section_queries,
        "endpoints": section_endpoints,
        "validation": section_validation,
        "extraction": section_extraction,
    }
    started = time.perf_counter()
    for name in SECTIONS:
        if name in args.only:
            sections[name](run)
            report.save()
    report.add(
        f"Whole run: {time.perf_counter() - started:,.0f} s; load average at the end "
        f"{load_average()}"
    )
    report.save()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
