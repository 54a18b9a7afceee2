"""The W3C SHACL Core test suite: tests passed per folder by the SPARQL engine and by pyshacl.

Runs every approved test of ``../shared/conformance/shacl-core/`` with both engines, judged
as the W3C implementation reports judge (mandates/validation/conformance.py; the same runner
as tests/test_shacl_conformance.py), and prints a table and the tests each engine fails.

    .venv/bin/python bench/shacl_conformance.py
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mandates.validation.conformance import ENGINES, SUITE, cases, judge  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=SUITE)
    parser.add_argument("--why", action="store_true", help="print each failure's difference")
    args = parser.parse_args()
    if not args.suite.is_dir():
        raise SystemExit(f"the W3C SHACL Core suite is not in {args.suite}")
    # The suite's ill-typed literals and odd shapes make rdflib and pyshacl talk: not results.
    logging.getLogger("rdflib").setLevel(logging.ERROR)
    logging.getLogger("pyshacl").setLevel(logging.ERROR)
    warnings.simplefilter("ignore")
    found = cases(args.suite)
    totals = Counter(c.folder for c in found)
    passed: dict[str, Counter] = {name: Counter() for name in ENGINES}
    failed: dict[str, dict[str, str]] = {name: {} for name in ENGINES}
    seconds: dict[str, float] = {}
    for name, engine in ENGINES.items():
        started = time.perf_counter()
        for case in found:
            why = judge(case, engine)
            if why is None:
                passed[name][case.folder] += 1
            else:
                failed[name][case.name] = why
        seconds[name] = time.perf_counter() - started
    names = list(ENGINES)
    print(f"| folder | tests | {' | '.join(names)} |")
    print(f"|---|---:|{'---:|' * len(names)}")
    for folder in sorted(totals):
        counts = " | ".join(str(passed[n][folder]) for n in names)
        print(f"| {folder} | {totals[folder]} | {counts} |")
    counts = " | ".join(f"**{sum(passed[n].values())}**" for n in names)
    print(f"| all | {len(found)} | {counts} |")
    print()
    for name in names:
        fails = ", ".join(sorted(failed[name])) or "none"
        print(f"{name}: {seconds[name]:.1f} s; fails: {fails}")
        if args.why:
            for test, why in sorted(failed[name].items()):
                print(f"--- {test}\n{why}")


if __name__ == "__main__":
    main()
