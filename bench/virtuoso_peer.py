"""Virtuoso in the benchmark: a private instance (scripts/virtuoso.py) written through the
project's own remote-store backend (mandates.remote), the way ``mandates build --store URL``
writes: the version is staged in memory, then sent by the Graph Store Protocol and SPARQL
Update. bench/run.py calls :func:`build_virtuoso` and :func:`virtuoso_endpoint`; both raise
:class:`Skipped` when Virtuoso is not installed (``make virtuoso`` installs it).
"""

from __future__ import annotations

import os
import secrets
import shutil
import time
import urllib.parse
from contextlib import ExitStack
from pathlib import Path

import pyoxigraph as ox

from bench.peers import free_port
from mandates.ingest.build import collect_parts
from mandates.store.embedded import merge_default_graph
from mandates.store.remote import MERGED, Endpoints, RemoteRoot
from scripts import virtuoso as server  # scripts/virtuoso.py

ROOT = Path(__file__).resolve().parents[1]


class Skipped(Exception):
    """The peer is not available; the message says why (printed as "skipped: <reason>")."""


def _start(folder: Path) -> tuple[server.Instance, RemoteRoot]:
    """A fresh private Virtuoso in ``folder``, with throwaway credentials."""
    if shutil.which(server.SERVER) is None:
        raise Skipped("virtuoso-t is not installed (make virtuoso)")
    shutil.rmtree(folder, ignore_errors=True)
    user, password = "mandates", secrets.token_hex(12)
    os.environ.update(  # scripts/virtuoso.py takes credentials from the environment only
        {
            "MANDATES_VIRTUOSO_DBA_PASSWORD": secrets.token_hex(12),
            "MANDATES_STORE_USER": user,
            "MANDATES_STORE_PASSWORD": password,
        }
    )
    instance = server.start(server.Instance(folder, free_port(), free_port()))
    base = f"http://127.0.0.1:{instance.http_port}"
    endpoints = Endpoints(
        instance.sparql, f"{base}/sparql-auth", f"{base}/sparql-graph-crud-auth", user, password
    )
    return instance, RemoteRoot(instance.sparql, endpoints)


def _peak_mb(pid: int | None) -> float | None:
    """The peak resident memory (VmHWM) of a running process, in MB."""
    if pid is None:
        return None
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def build_virtuoso(nquads: Path, work: Path) -> tuple[float, float | None, str]:
    """Build the synthetic graph (plus the ontology parts) into a fresh Virtuoso, as
    ``mandates build --store URL`` does, without validation. Returns (seconds, the server's
    peak RSS in MB, detail)."""
    instance, root = _start(work / "virtuoso-build")
    try:
        started = time.perf_counter()
        with root.new_version() as store:
            for part in collect_parts(work / "no-data"):
                store.bulk_extend(part.quads)
            store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
            merge_default_graph(store)
            staged = time.perf_counter() - started
        seconds = time.perf_counter() - started
        peak = _peak_mb(instance.pid())
    finally:
        server.stop(instance)
    detail = (
        f"mandates.remote: staged in memory {staged:.1f} s, then sent (GSP + Update);"
        " RSS is the server's"
    )
    return seconds, peak, detail


def virtuoso_endpoint(all_quads: Path, work: Path, stack: ExitStack) -> str | None:
    """A Virtuoso holding ``all_quads`` (its default graph, the merge, goes to the backend's
    merged graph), and the URL that queries it as the explorer does: the merged graph as
    ``default-graph-uri``. Stopped when ``stack`` closes."""
    instance, root = _start(work / "virtuoso-endpoint")
    stack.callback(server.stop, instance)
    with root.new_version() as store:
        store.bulk_load(path=str(all_quads), format=ox.RdfFormat.N_QUADS)
        merge_default_graph(store)  # the same merge again: also right for a file without it
    return f"{instance.sparql}?{urllib.parse.urlencode({'default-graph-uri': MERGED})}"
