"""Extraction throughput: MB of text per second over the seeds and unseen texts, repeated.

Caches are cleared before every document, so repeats measure cold extraction, not cache hits.

    .venv/bin/python -m bench.extract_speed [--repeat N] [FOLDER ...]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from mandates.loader import extract_text
from mandates.loader.extract import clear_caches

ROOT = Path(__file__).resolve().parents[1]

SHARED = ROOT.parent / "shared"


def throughput(folders: list[Path], repeat: int) -> tuple[list[tuple[str, str]], dict, float]:
    """Extract every ``*.txt`` of ``folders`` ``repeat`` times, cold each time: the texts,
    the seconds per file (summed over repeats), and the total seconds."""
    texts = [
        (p.name, p.read_text(encoding="utf-8"))
        for folder in folders
        for p in sorted(folder.glob("*.txt"))
    ]
    per_file: dict[str, float] = {}
    elapsed = 0.0
    for _ in range(repeat):
        for name, text in texts:
            clear_caches()  # every document starts cold: no caching across repeats
            t0 = time.perf_counter()
            extract_text(text, name)
            took = time.perf_counter() - t0
            per_file[name] = per_file.get(name, 0.0) + took
            elapsed += took
    return texts, per_file, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "folders", nargs="*", type=Path, default=[SHARED / "seeds", SHARED / "unseen"]
    )
    args = parser.parse_args(argv)
    texts, per_file, elapsed = throughput(args.folders, args.repeat)
    size = sum(len(t.encode("utf-8")) for _, t in texts)
    print(f"{len(texts)} files, {size / 1e6:.3f} MB, repeated {args.repeat} times")
    for name, text in texts:
        kb = len(text.encode("utf-8")) / 1e3
        ms = per_file[name] / args.repeat * 1e3
        print(f"  {name:28} {kb:7.1f} kB {ms:8.1f} ms {kb / ms:6.2f} MB/s")
    print(
        f"throughput: {size * args.repeat / 1e6 / elapsed:.2f} MB/s "
        f"({elapsed:.2f} s for {size * args.repeat / 1e6:.2f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
