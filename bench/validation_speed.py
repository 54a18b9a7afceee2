"""Validation time: the SPARQL engine against pyshacl (the reference), side by side, one run.

Generates synthetic mandate graphs (bench/synthetic.py) at the sizes asked, breaks a few
hundred resources in known ways so that both engines have violations to find, runs both on the
same data and shapes, and prints times, the speed-up and whether the results are identical.

    .venv/bin/python -m bench.validation_speed --sizes 100000,1000000
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from bench.synthetic import write
from mandates.rdfio import triples_to_graph
from mandates.validation.engine import validate_graph_pyshacl
from mandates.validation.sparql_engine import validate_graph_sparql

MND = "https://w3id.org/un-mandates/ontology#"


def broken(quads: list[ox.Quad], count: int, seed: int) -> list[ox.Quad]:
    """A few hundred known faults: second quotes, malformed dates and symbols, bare edges."""
    rng = random.Random(seed)
    extra = []
    graph = ox.NamedNode("urn:broken")
    subjects = [q.subject for q in quads if q.predicate.value == MND + "quote"]
    resolutions = [q.subject for q in quads if q.predicate.value == MND + "symbol"]
    for i in range(count):
        extra.append(
            ox.Quad(
                rng.choice(subjects),
                ox.NamedNode(MND + "quote"),
                ox.Literal(f"another quote {i}"),
                graph,
            )
        )
        res = rng.choice(resolutions)
        extra.append(
            ox.Quad(res, ox.NamedNode(MND + "symbol"), ox.Literal(f"bad symbol {i}"), graph)
        )
        extra.append(
            ox.Quad(
                res,
                ox.NamedNode(MND + "requested"),
                ox.NamedNode(f"https://w3id.org/un-mandates/id/body/x{i}"),
                graph,
            )
        )
    return quads + extra


def key(report) -> list[tuple]:
    return sorted((r.severity, r.focus, r.path or "", r.shape, r.component) for r in report.results)


def _pyshacl_within(graph, timeout: float) -> tuple[list | None, float]:
    """pyshacl's results in a child process, or None if it has not finished by ``timeout``."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)

    def work() -> None:
        started = time.perf_counter()
        result = key(validate_graph_pyshacl(graph))
        child.send((result, time.perf_counter() - started))

    process = context.Process(target=work)
    process.start()
    if parent.poll(timeout):
        result, seconds = parent.recv()
        process.join()
        return result, seconds
    process.kill()
    process.join()
    return None, timeout


def figures(size: int, seed: int, faults: int, run_pyshacl: bool, timeout: float) -> dict:
    """Both engines on one broken synthetic graph: times, counts, and whether they agree."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data.nq"
        write(path, size, seed)
        quads = broken(list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)), faults, seed)
    graph = triples_to_graph(quads)
    started = time.perf_counter()
    fast = validate_graph_sparql(graph)
    found: dict = {
        "triples": len(graph),
        "sparql_s": time.perf_counter() - started,
        "violations": fast.count("Violation"),
        "warnings": fast.count("Warning"),
        "pyshacl_s": None,
        "pyshacl_finished": False,
        "identical": None,
    }
    if run_pyshacl:
        reference, found["pyshacl_s"] = _pyshacl_within(graph, timeout)
        found["pyshacl_finished"] = reference is not None
        if reference is not None:
            found["identical"] = reference == key(fast)
    return found


def measure(size: int, seed: int, faults: int, run_pyshacl: bool, timeout: float) -> None:
    found = figures(size, seed, faults, run_pyshacl, timeout)
    fast_s = found["sparql_s"]
    line = (
        f"{found['triples']:>10,} triples  sparql {fast_s:8.2f} s  "
        f"({found['violations']} violations, {found['warnings']} warnings)"
    )
    if not run_pyshacl:
        line += "  pyshacl not run (--pyshacl-max)"
    elif not found["pyshacl_finished"]:
        line += (
            f"  pyshacl did not finish in {timeout:.0f} s (stopped)  "
            f"speed-up > {timeout / fast_s:6.1f}x"
        )
    else:
        ref_s = found["pyshacl_s"]
        same = "identical" if found["identical"] else "DIFFERENT"
        line += f"  pyshacl {ref_s:8.2f} s  speed-up {ref_s / fast_s:6.1f}x  results {same}"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--faults", type=int, default=100, help="resources broken per kind")
    parser.add_argument(
        "--pyshacl-timeout",
        type=float,
        default=3600,
        help="seconds after which pyshacl is stopped (the speed-up is then a lower bound)",
    )
    parser.add_argument(
        "--pyshacl-max",
        type=int,
        default=1_000_000,
        help="largest size on which to run pyshacl too",
    )
    args = parser.parse_args()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"machine: {os.cpu_count()} cores, {memory:.0f} GiB; pyoxigraph {ox.__version__}")
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.seed, args.faults, size <= args.pyshacl_max, args.pyshacl_timeout)


if __name__ == "__main__":
    main()
