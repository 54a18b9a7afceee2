"""The output of bench/run.py: Markdown printed as it is made, and saved to bench/RESULTS.md.

Also the machine's description (cores, memory, load average, versions) that heads every run:
figures are comparable side by side within one run only. Not run on its own.
"""

from __future__ import annotations

import os
import platform
import subprocess
import time
from importlib import metadata
from pathlib import Path

PACKAGES = ("pyoxigraph", "oxigraph", "rdflib", "rdflib-endpoint", "uvicorn", "flask", "waitress")


class Report:
    """Markdown blocks, printed at once and rewritten to ``path`` after each section."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.blocks: list[str] = []

    def add(self, text: str) -> None:
        print(text + "\n", flush=True)
        self.blocks.append(text)

    def table(self, headers: list[str], rows: list[list[object]]) -> None:
        cells = [[_cell(c) for c in row] for row in rows]
        widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
        lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"]
        lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for row in cells:
            lines.append(
                "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
            )
        self.add("\n".join(lines))

    def save(self) -> None:
        self.path.write_text("\n\n".join(self.blocks) + "\n", encoding="utf-8")


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}" if value >= 0.1 else f"{value:.3f}"
    return str(value).replace("|", "\\|")


def meminfo() -> dict[str, int]:
    """/proc/meminfo in MiB."""
    found = {}
    for line in Path("/proc/meminfo").read_text().splitlines():
        key, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            found[key] = int(parts[0]) // 1024
    return found


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def machine() -> str:
    memory = meminfo()
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    try:
        wrk = subprocess.run(["/usr/bin/wrk", "-v"], capture_output=True, text=True, timeout=5)
        versions.append("wrk " + (wrk.stdout + wrk.stderr).split()[1])
    except (OSError, IndexError, subprocess.TimeoutExpired):
        versions.append("wrk (not installed)")
    return (
        f"- machine: {os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
        f"MemTotal {memory.get('MemTotal', 0):,} MiB, MemAvailable "
        f"{memory.get('MemAvailable', 0):,} MiB, load average {load_average()} (1/5/15 min)\n"
        f"- run started {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; Python "
        f"{platform.python_version()}; " + ", ".join(versions)
    )
