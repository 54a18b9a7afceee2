"""Building a store from a big RDF file: our build against pyoxigraph's raw bulk load.

Generates a synthetic mandate graph in N-Quads (bench/synthetic.py; cached in --work), then
measures, each in its own subprocess so that the peak RSS (VmHWM) is that measurement's:

- raw: ``ox.Store(path).bulk_load(path=file, format=N_QUADS)`` of the file, nothing else;
- build: ``mandates build --no-validate`` of a data folder whose ``curated/`` holds the file
  (ontology, alignments, saved queries, the file streamed into its named graph and into the
  default graph, the counts the command prints), timed around ``mandates.build.build``;
- build+validate: the same with validation (skipped with --no-validation); the build's
  ``store_stats`` and ``validate_store`` steps are timed too (the rest is loading);
- old (with --old): the build as it was before streaming, every quad in a Python list and the
  default graph merged by a SPARQL update;
- validate: ``validate_store`` alone on the built store (opened read-only);
- lineage: on the built store, a fresh process, a 2-hop lineage query over mandate edges from
  a resolution (the synthetic counterpart of queries/002, SELECT DISTINCT) and
  ``mandates.lineage.lineage``: the first call (cold) and the median of the others (warm).

raw and build alternate ``--repeats`` times (the machine is shared: compare medians of one run,
never figures of different runs). Store sizes on disk are those of the last repeat.

    .venv/bin/python -m bench.build_speed                      # 1M triples, 3 repeats
    .venv/bin/python -m bench.build_speed --triples 10000000 --repeats 1 --work /tmp/big
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from mandates.namespaces import MND

ROOT = Path(__file__).resolve().parent.parent

NQUADS = ox.RdfFormat.N_QUADS
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LINEAGE = """PREFIX mnd: <https://w3id.org/un-mandates/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?step ?subject ?verb ?object ?source WHERE {
  { BIND(1 AS ?step) BIND(<ORIGIN> AS ?subject) ?subject ?edge ?object . }
  UNION
  { BIND(2 AS ?step) <ORIGIN> ?first ?subject .
    ?first rdfs:subPropertyOf mnd:mandateRelation .
    ?subject ?edge ?object . }
  ?edge rdfs:subPropertyOf mnd:mandateRelation .
  ?verb mnd:verbProperty ?edge .
  ?statement a mnd:Statement ; mnd:subject ?subject ; mnd:object ?object ; mnd:verb ?verb ;
      mnd:attestedBy/mnd:source ?source .
}
ORDER BY ?step ?subject ?verb ?object ?source"""


# -- measurements, each run in a subprocess (``--measure``) -------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident set size (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_raw(args: argparse.Namespace) -> dict:
    shutil.rmtree(args.store, ignore_errors=True)
    started = time.perf_counter()
    store = ox.Store(str(args.store))
    store.bulk_load(path=str(args.file), format=NQUADS)
    store.flush()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "quads": len(store)}


def measure_build(args: argparse.Namespace, validate: bool) -> dict:
    """The whole build, and the time of its two steps that are not loading: the counts the
    command prints (store_stats) and the validation."""
    from mandates.ingest import build as building
    from mandates.store.embedded import StoreRoot

    steps: dict[str, float] = {}
    for name in ("store_stats", "validate_store"):
        setattr(building, name, _timing(getattr(building, name), name, steps))
    shutil.rmtree(args.store, ignore_errors=True)
    root = StoreRoot(args.store)
    started = time.perf_counter()
    stats = building.build(root, args.data, validate=validate)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "quads": stats.triples, "store": str(root.current())} | steps


def _timing(function, name: str, steps: dict[str, float]):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            steps[name] = time.perf_counter() - started

    return timed


def measure_old(args: argparse.Namespace) -> dict:
    """The build before streaming (as bench/graph_speed.py still does it): every quad read
    into a Python list, then the default graph merged by one SPARQL update."""
    from mandates.ingest.build import Part, collect_parts
    from mandates.store.embedded import StoreRoot, merge_default_graph
    from mandates.store.stats import store_stats

    shutil.rmtree(args.store, ignore_errors=True)
    root = StoreRoot(args.store)
    started = time.perf_counter()
    parts = list(collect_parts(args.work / "no-data"))
    parts.append(Part("synthetic", list(ox.parse(path=str(args.file), format=NQUADS))))
    with root.new_version() as store:
        for part in parts:
            store.bulk_extend(part.quads)
        merge_default_graph(store)
        store.flush()
        stats = store_stats(store)
    return {"seconds": time.perf_counter() - started, "quads": stats.triples}


def measure_validate(args: argparse.Namespace) -> dict:
    from mandates.store.embedded import StoreRoot
    from mandates.validation import validate_store

    store = StoreRoot(args.store).open_read_only()
    started = time.perf_counter()
    report = validate_store(store)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "conforms": report.conforms, "results": len(report.results)}


def _origins(store: ox.Store, count: int, seed: int) -> list[str]:
    resolutions = ox.NamedNode(MND["Resolution"])
    found = [
        q.subject.value
        for q in store.quads_for_pattern(None, RDF_TYPE, resolutions, ox.DefaultGraph())
    ]
    return random.Random(seed).sample(found, min(count, len(found)))


def _timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def measure_lineage(args: argparse.Namespace) -> dict:
    """Cold: the first call in this process, on a store just opened. Warm: the median of the
    next calls, over several resolutions."""
    from mandates.graph.lineage import lineage
    from mandates.store.embedded import StoreRoot

    opened, store = _timed(lambda: StoreRoot(args.store).open_read_only())
    origins = _origins(store, args.origins, args.seed)
    query = [_timed(lambda o=o: list(store.query(LINEAGE.replace("ORIGIN", o)))) for o in origins]
    walk = [_timed(lambda o=o: lineage(store, o)) for o in origins]
    again = [_timed(lambda o=o: list(store.query(LINEAGE.replace("ORIGIN", o)))) for o in origins]
    rows = [len(r) for _, r in query]
    nodes = [len(r["nodes"]) if r else 0 for _, r in walk]
    return {
        "open": opened,
        "query_cold": query[0][0],
        "query_warm": statistics.median([t for t, _ in query[1:] + again]),
        "query_max": max(t for t, _ in query + again),
        "rows": f"{min(rows)}-{max(rows)}",
        "lineage_cold": walk[0][0],
        "lineage_warm": statistics.median([t for t, _ in walk[1:]]),
        "lineage_max": max(t for t, _ in walk),
        "nodes": f"{min(nodes)}-{max(nodes)}",
        "origins": len(origins),
    }


MEASURES = {
    "raw": measure_raw,
    "build": lambda a: measure_build(a, validate=False),
    "build+validate": lambda a: measure_build(a, validate=True),
    "validate": measure_validate,
    "old": measure_old,
    "lineage": measure_lineage,
}


# -- the driver ---------------------------------------------------------------------------------


def run(kind: str, args: argparse.Namespace, store: Path, data: Path, file: Path) -> dict:
    """One measurement in a fresh interpreter; its figures plus its peak RSS."""
    command = [
        sys.executable,
        "-m",
        "bench.build_speed",
        "--measure",
        kind,
        "--store",
        str(store),
        "--data",
        str(data),
        "--file",
        str(file),
        "--seed",
        str(args.seed),
        "--origins",
        str(args.origins),
        "--work",
        str(args.work),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare_data(work: Path, triples: int, seed: int) -> tuple[Path, Path]:
    """The synthetic N-Quads file (generated once) and a data folder holding it in curated/."""
    from bench.synthetic import write

    file = work / f"synthetic-{triples}-{seed}.nq"
    if not file.exists():
        started = time.perf_counter()
        partial = file.with_suffix(".partial")
        count = write(partial, triples, seed)
        partial.rename(file)
        print(f"{count:,} quads written to {file} in {time.perf_counter() - started:.1f} s")
    data = work / f"data-{triples}-{seed}"
    curated = data / "curated"
    curated.mkdir(parents=True, exist_ok=True)
    link = curated / "synthetic.nq"
    if not link.is_symlink():
        link.symlink_to(file)
    return file, data


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else path.rglob("*")
    return sum(p.stat().st_size for p in files if p.is_file()) / 1e6


def line(name: str, figures: list[dict], extra: str = "", key: str = "seconds") -> str:
    """Median and runs of one figure; the peak RSS for whole measurements."""
    seconds = [f[key] for f in figures]
    runs = " ".join(f"{s:.1f}" for s in seconds)
    rss = f"   peak RSS {max(f['rss_mb'] for f in figures):6.0f} MB" if key == "seconds" else ""
    return f"{name:<16} median {statistics.median(seconds):7.1f} s   (runs: {runs}){rss}{extra}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/mandates-build-bench"))
    parser.add_argument("--repeats", type=int, default=3, help="raw and build, alternating")
    parser.add_argument("--origins", type=int, default=12, help="resolutions for lineage")
    parser.add_argument("--no-validation", action="store_true", help="skip build+validate")
    parser.add_argument(
        "--old", action="store_true", help="also the build before streaming (RAM: ~10x the file)"
    )
    parser.add_argument("--measure", choices=sorted(MEASURES), help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        figures = MEASURES[args.measure](args)
        print(json.dumps(figures | {"rss_mb": peak_rss_mb()}))
        return
    report(args)


def report(args: argparse.Namespace) -> None:
    args.work.mkdir(parents=True, exist_ok=True)
    file, data = prepare_data(args.work, args.triples, args.seed)
    raw_store, ours = args.work / "store-raw", args.work / "store-ours"
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (figures are noisy)")
    raw, built = [], []
    for _ in range(args.repeats):
        raw.append(run("raw", args, raw_store, data, file))
        built.append(run("build", args, ours, data, file))
    ratio = statistics.median(f["seconds"] for f in built) / statistics.median(
        f["seconds"] for f in raw
    )
    print(f"file: {file} ({size_mb(file):,.0f} MB, {raw[0]['quads']:,} quads after bulk load)")
    print(line("raw bulk_load", raw, f"   disk {size_mb(raw_store):,.0f} MB"))
    store = Path(built[-1]["store"])
    print(line("build", built, f"   disk {size_mb(store):,.0f} MB ({built[-1]['quads']:,} quads)"))
    for f in built:
        f["load"] = f["seconds"] - f["store_stats"]
    print(line("  of which load", built, "   (the build less store_stats)", key="load"))
    print(line("  store_stats", built, "   (the counts `mandates build` prints)", "store_stats"))
    loading = statistics.median(f["load"] for f in built) / statistics.median(
        f["seconds"] for f in raw
    )
    print(f"{'ratio':<16} build / raw = {ratio:.2f}   load / raw = {loading:.2f}")
    lineage = run("lineage", args, ours, data, file)
    print(
        f"{'lineage query':<16} cold {lineage['query_cold'] * 1000:7.1f} ms   warm median"
        f" {lineage['query_warm'] * 1000:6.1f} ms   max {lineage['query_max'] * 1000:6.1f} ms"
        f"   ({lineage['rows']} rows, {lineage['origins']} resolutions;"
        f" store opened in {lineage['open'] * 1000:.0f} ms)"
    )
    print(
        f"{'lineage()':<16} cold {lineage['lineage_cold'] * 1000:7.1f} ms   warm median"
        f" {lineage['lineage_warm'] * 1000:6.1f} ms   max {lineage['lineage_max'] * 1000:6.1f} ms"
        f"   ({lineage['nodes']} nodes)"
    )
    validation = run("validate", args, ours, data, file)
    print(
        f"{'validate_store':<16} {validation['seconds']:7.1f} s   peak RSS"
        f" {validation['rss_mb']:6.0f} MB   conforms {validation['conforms']}"
        f" ({validation['results']} results)"
    )
    if not args.no_validation:
        validated = args.work / "store-validated"
        checked = run("build+validate", args, validated, data, file)
        print(line("build+validate", [checked], f"   ({checked['quads']:,} quads)"))
        print(f"{'  validate_store':<16} {checked['validate_store']:7.1f} s within that build")
        shutil.rmtree(validated, ignore_errors=True)
    if args.old:
        old = args.work / "store-old"
        before = run("old", args, old, data, file)
        print(line("old build", [before], f"   disk {size_mb(old):,.0f} MB (lists + SPARQL merge)"))
        shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    main()
