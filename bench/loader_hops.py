"""How a document walks through the loader: the module transitions while extracting one text.

Every call into a function of ``mandates.loader`` is traced (``sys.setprofile``); consecutive
calls in one module are one visit. A *stop* is a distinct transition from one module to
another, *modules* are the distinct modules entered, and a *return* is a stop that enters a
module the document had already been through. A pipeline of passes has few returns (each
pass, back to the driver); a web of modules calling back into each other has many.

    .venv/bin/python -m bench.loader_hops [FILE ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mandates.loader import extract_file
from mandates.loader.extract import clear_caches

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
PACKAGE = "mandates.loader"


def walk(path: Path) -> list[str]:
    """The loader modules entered while extracting ``path``, consecutive repeats merged."""
    clear_caches()
    seq: list[str] = []

    def trace(frame, event, arg):  # noqa: ARG001 - the profiler's signature
        if event == "call":
            module = frame.f_globals.get("__name__", "")
            if module.startswith(PACKAGE) and (not seq or seq[-1] != module):
                seq.append(module)

    sys.setprofile(trace)
    try:
        extract_file(path)
    finally:
        sys.setprofile(None)
    return seq


def hops(seq: list[str]) -> tuple[int, int, int]:
    """(stops, modules, returns) of a walk: distinct transitions, modules, re-entries."""
    stops: list[tuple[str, str]] = []
    for step in zip(seq, seq[1:], strict=False):
        if step not in stops:
            stops.append(step)
    seen = set(seq[:1])
    returns = 0
    for _, to in stops:
        returns += to in seen
        seen.add(to)
    return len(stops), len(set(seq)), returns


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    files = args.files or sorted(SEEDS.glob("*.txt"))
    print(f"{'file':32} {'stops':>5} {'modules':>7} {'returns':>7}")
    for path in files:
        stops, modules, returns = hops(walk(path))
        print(f"{path.name:32} {stops:5} {modules:7} {returns:7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
