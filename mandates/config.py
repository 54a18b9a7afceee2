"""Settings shared by the command line and the explorer: the one place the environment is read.

Every setting has a command-line option too; the environment only changes the defaults.

==================== ======================= ==========================================
variable             default                 meaning
==================== ======================= ==========================================
MANDATES_STORE       ``var/store``           folder of the embedded store, or a SPARQL server's URL
MANDATES_DATA        ``data``                folder the graph is built from
MANDATES_HOST        ``127.0.0.1``           address the explorer listens on
MANDATES_PORT        ``5000``                port the explorer listens on
MANDATES_TIMEOUT     ``30``                  seconds a SPARQL query may run
MANDATES_ROW_LIMIT   ``10000``               rows a SELECT may return on the endpoint
MANDATES_WRITE_TOKEN (none: no loading)      secret the web forms must carry to load/undo
MANDATES_MAX_UPLOAD  ``1048576``             bytes a submission to ``/validate`` may have
MANDATES_RESULT_CACHE ``64``                 MB of small SPARQL answers kept per server (0: off)
MANDATES_ANSWER_LIMIT ``16``                 MB a SPARQL answer may have (more rows are cut)
MANDATES_WORKER_MEMORY ``2048``              MB of address space per worker process
MANDATES_BASE_URL    ``http://HOST:PORT/``   the explorer's public address, for the URLs it writes
MANDATES_TRUSTED_PROXY (none)                a reverse proxy whose X-Forwarded-For is believed
==================== ======================= ==========================================

With a SPARQL server as the store (see :mod:`mandates.store.remote`), these say where and as whom
it is written to: ``MANDATES_STORE_UPDATE_URL`` (SPARQL Update endpoint; default: the store's
URL), ``MANDATES_STORE_GRAPH_URL`` (Graph Store Protocol endpoint; default: none, writes by
SPARQL Update), ``MANDATES_STORE_USER`` and ``MANDATES_STORE_PASSWORD`` (HTTP Digest or Basic).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


@dataclass(frozen=True)
class Settings:
    store: Path = field(default_factory=lambda: Path(_env("MANDATES_STORE", "var/store")))
    data: Path = field(default_factory=lambda: Path(_env("MANDATES_DATA", "data")))
    host: str = field(default_factory=lambda: _env("MANDATES_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: int(_env("MANDATES_PORT", "5000")))
    timeout: float = field(default_factory=lambda: float(_env("MANDATES_TIMEOUT", "30")))
    row_limit: int = field(default_factory=lambda: int(_env("MANDATES_ROW_LIMIT", "10000")))
    write_token: str = field(default_factory=lambda: _env("MANDATES_WRITE_TOKEN", ""))
    max_upload: int = field(default_factory=lambda: int(_env("MANDATES_MAX_UPLOAD", "1048576")))
    result_cache: float = field(default_factory=lambda: float(_env("MANDATES_RESULT_CACHE", "64")))
    answer_limit: float = field(default_factory=lambda: float(_env("MANDATES_ANSWER_LIMIT", "16")))
    worker_memory: int = field(default_factory=lambda: int(_env("MANDATES_WORKER_MEMORY", "2048")))
    trusted_proxy: str = field(default_factory=lambda: _env("MANDATES_TRUSTED_PROXY", ""))
    base_url: str = field(default_factory=lambda: _env("MANDATES_BASE_URL", ""))
    store_update_url: str = field(default_factory=lambda: _env("MANDATES_STORE_UPDATE_URL", ""))
    store_graph_url: str = field(default_factory=lambda: _env("MANDATES_STORE_GRAPH_URL", ""))
    store_user: str = field(default_factory=lambda: _env("MANDATES_STORE_USER", ""))
    store_password: str = field(
        default_factory=lambda: _env("MANDATES_STORE_PASSWORD", ""), repr=False
    )
