"""Hops of the two flows through the project's modules: a UN document read into the quads of
its named graph, and a SPARQL query answered by the endpoint (server side; the worker process
apart). A hop is a call that enters a project module other than the caller's; a return is a
hop back into a module the flow had already left.

    .venv/bin/python -m bench.hops [--document FILE]

Prints stops (hops), distinct modules and returns for each flow (``--show``: the modules in
order). Written against both layouts, before and after the regrouping of the core.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def trace(work: Callable[[], object]) -> list[str]:
    """The project modules the flow enters, in order (consecutive repeats folded)."""
    path: list[str] = []

    def profile(frame, event, _arg):  # noqa: ANN001, ANN202
        if event != "call":
            return
        module = frame.f_globals.get("__name__", "")
        if module.startswith("mandates") and (not path or path[-1] != module):
            path.append(module)

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return path


def summary(name: str, path: list[str], show: bool) -> None:
    returns = sum(1 for i, m in enumerate(path) if m in path[: i - 1] and path[i - 1] != m)
    print(f"{name}: {len(path)} stops in {len(set(path))} modules, {returns} returns")
    if show:
        print("  " + " → ".join(m.removeprefix("mandates.") for m in path))


def _first(*names: str):  # noqa: ANN202
    """The first importable of ``names`` (``module:attribute``): the layout before or after."""
    for name in names:
        module, _, attribute = name.partition(":")
        try:
            return getattr(importlib.import_module(module), attribute)
        except (ImportError, AttributeError):
            continue
    raise ImportError(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    seeds = sorted((ROOT / "data" / "sources").glob("*.txt"))
    parser.add_argument("--document", type=Path, default=seeds[0])
    parser.add_argument("--show", action="store_true", help="print the modules in order")
    args = parser.parse_args(argv)
    read_submission = _first(
        "mandates.ingest.submissions:read_submission", "mandates.intake:read_submission"
    )
    registry = _first("mandates.loader.entities:Registry")
    data = args.document.read_bytes()
    read_submission(args.document.name, data, registry())  # warm caches and imports
    path = trace(lambda: read_submission(args.document.name, data, registry()))
    summary("document → graph", path, args.show)

    build = _first("mandates.ingest.build:build", "mandates.build:build")
    root_type = _first("mandates.store.embedded:StoreRoot", "mandates.store:StoreRoot")
    create_app = _first("mandates.web:create_app")
    with tempfile.TemporaryDirectory() as folder:
        root = root_type(folder)
        build(root, ROOT / "data")
        client = create_app({"STORE": folder}).test_client()
        form = {"content_type": "application/x-www-form-urlencoded"}
        first, second = (urllib.parse.urlencode({"query": f"ASK {{ ?s ?p {n} }}"}) for n in (1, 2))
        client.post("/sparql", data=first, **form)  # start the workers
        path = trace(lambda: client.post("/sparql", data=second, **form))  # not in the cache
    summary("SPARQL query → answer (server side)", path, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
