"""Builds of the synthetic graph, each in its own process so that its peak RSS is its own.

bench/run.py calls :func:`measure`, which starts this file as a child; the child prints one
JSON line with its timings and its own peak RSS (``VmHWM`` of /proc/self/status, which includes
the interpreter and the imports: ~60-100 MB). Run alone:

    .venv/bin/python -m bench.builds ours DATA.nq OUT_DIR        # our build, no validation
    .venv/bin/python -m bench.builds ours-validate DATA.nq OUT_DIR
    .venv/bin/python -m bench.builds ours-streamed DATA.nq OUT_DIR  # Part(path=DATA.nq)
    .venv/bin/python -m bench.builds rdflib DATA.nq -
    .venv/bin/python -m bench.builds pyoxigraph DATA.nq OUT_DIR  # raw Store.bulk_load
    .venv/bin/python -m bench.builds dump STORE_ROOT OUT_PREFIX  # peers' copies of our store
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass
class Built:
    """One build: wall time inside the child (imports excluded), peak RSS of the child."""

    name: str
    seconds: float | None = None
    peak_mb: float | None = None
    detail: str = ""
    error: str = ""


def measure(name: str, kind: str, data: Path, out: Path | str, timeout: float) -> Built:
    """Run one build in a child process (its own session, killed on timeout or error)."""
    command = [sys.executable, "-m", "bench.builds", kind, str(data), str(out)]
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        stdout, stderr = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, 9)
        child.communicate()
        return Built(name, error=f"stopped after {timeout:.0f} s")
    except BaseException:
        os.killpg(child.pid, 9)
        raise
    # RUSAGE_CHILDREN is a maximum over every child so far: the child reports its own VmHWM.
    lines = [line for line in stdout.decode().splitlines() if line.startswith("{")]
    if child.returncode != 0 or not lines:
        tail = stderr.decode().strip().splitlines()[-3:]
        return Built(name, error=f"exit {child.returncode}: {' | '.join(tail)}")
    found = json.loads(lines[-1])
    return Built(
        name,
        seconds=found.get("seconds"),
        peak_mb=found.get("peak_mb"),
        detail=found.get("detail", ""),
        error=found.get("error", ""),
    )


def _peak_mb() -> float:
    """This process's peak resident set (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_ours(data: Path, out: Path, validate: bool) -> dict:
    """As bench/graph_speed.py prepare(): ontology parts + the N-Quads, mandates.build.write."""
    import pyoxigraph as ox

    import mandates.ingest.build
    from mandates.ingest.build import Part, collect_parts, write
    from mandates.store.embedded import StoreRoot
    from mandates.validation import NotConforming

    validating = [0.0]
    validate_store = mandates.build.validate_store

    def timed(store: ox.Store) -> object:  # the build's own validation call, timed
        begun = time.perf_counter()
        try:
            return validate_store(store)
        finally:
            validating[0] += time.perf_counter() - begun

    mandates.build.validate_store = timed
    started = time.perf_counter()
    parts = list(collect_parts(out / "no-data"))
    quads = list(ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS))
    parts.append(Part("synthetic", quads))
    parsed = time.perf_counter() - started
    del quads
    try:
        stats = write(StoreRoot(out), parts, validate=validate)
    except NotConforming as err:
        return {
            "seconds": time.perf_counter() - started,
            "error": f"does not conform: {err.report.count('Violation')} violations",
        }
    seconds = time.perf_counter() - started
    detail = f"parse {parsed:.1f} s; {stats.triples:,} triples in the default graph"
    if validate:
        detail = f"of which validation {validating[0]:.1f} s; " + detail
    return {"seconds": seconds, "detail": detail}


def build_ours_streamed(data: Path, out: Path) -> dict:
    """The file as one curated part streamed by pyoxigraph (``Part(path=...)``), as ``mandates
    build`` reads a big file of ``curated/``: its graph names are dropped (one named graph)."""
    import dataclasses

    from mandates import iris
    from mandates.ingest.build import Part, collect_parts, write
    from mandates.store.embedded import StoreRoot

    if "path" not in {f.name for f in dataclasses.fields(Part)}:
        return {"error": "this version of mandates.build does not stream files (no Part.path)"}
    started = time.perf_counter()
    parts = list(collect_parts(out / "no-data"))
    parts.append(Part(iris.graph("curated", "synthetic"), path=data))
    stats = write(StoreRoot(out), parts, validate=False)
    seconds = time.perf_counter() - started
    detail = f"{stats.triples:,} triples in the default graph; one named graph for the file"
    return {"seconds": seconds, "detail": detail}


def build_rdflib(data: Path) -> dict:
    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(str(data), format="nquads")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "detail": f"{len(dataset):,} quads (Dataset, default_union)"}


def build_pyoxigraph(data: Path, out: Path) -> dict:
    import pyoxigraph as ox

    started = time.perf_counter()
    store = ox.Store(str(out))
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "detail": f"{len(store):,} quads, Store(path).bulk_load"}


def dump(store_root: Path, prefix: Path) -> dict:
    """Our store as N-Quads twice: everything (the default graph holds the merge: for
    Oxigraph's server) and the named graphs only (for rdflib's union default graph)."""
    import pyoxigraph as ox

    from mandates.store.embedded import StoreRoot

    started = time.perf_counter()
    store = StoreRoot(store_root).open_read_only()
    full = prefix.with_name(prefix.name + "-all.nq")
    named = prefix.with_name(prefix.name + "-named.nq")
    store.dump(str(full), format=ox.RdfFormat.N_QUADS)
    quads = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    ox.serialize(quads, str(named), format=ox.RdfFormat.N_QUADS)
    return {"seconds": time.perf_counter() - started, "detail": f"{full} {named}"}


def main(argv: list[str]) -> int:
    kind, data, out = argv[0], Path(argv[1]), Path(argv[2])
    if kind in ("ours", "ours-validate"):
        found = build_ours(data, out, validate=kind == "ours-validate")
    elif kind == "ours-streamed":
        found = build_ours_streamed(data, out)
    elif kind == "rdflib":
        found = build_rdflib(data)
    elif kind == "pyoxigraph":
        found = build_pyoxigraph(data, out)
    elif kind == "dump":
        found = dump(data, out)
    else:
        raise SystemExit(f"unknown build kind {kind!r}")
    found["peak_mb"] = _peak_mb()
    print(json.dumps(found), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
