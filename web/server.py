"""The explorer under a production HTTP server, kept alive by a supervisor.

:func:`serve` runs waitress with the settings that keep the server answering under abuse:

- more connections than a handful of idle clients can hold (``connection_limit``), closed when
  idle (``channel_timeout``): 200 connections that send nothing do not lock others out;
- a request body refused from its ``Content-Length`` before it is read
  (``max_request_body_size``, twice the largest the app takes: a body a little over the app's
  limit still gets the app's own page, which says what the limit is and keeps the form);
- requests read ahead while one is answered (``channel_request_lookahead``), which lets the
  server see a client hang up and stop the work done for it;
- enough threads that work waiting for workers never takes the last ones (checked by
  ``create_app``): pages and static files are always served.

:func:`supervise` runs that server in a child process and starts it again if it ever dies
(a crash in a library, an out-of-memory kill), so that no request can take the site down for
longer than a restart; SIGTERM and SIGINT stop both.
"""

from __future__ import annotations

import logging
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from typing import Any

LOG = logging.getLogger("mandates.server")

#: Open connections the server keeps (each is a file descriptor, not a thread).
CONNECTIONS = 1000
#: Seconds a connection may stay idle before it is closed.
IDLE_SECONDS = 30
#: Restarts of a dying server allowed within a minute before the supervisor gives up.
RESTARTS_PER_MINUTE = 5


def _more_files(wanted: int) -> None:
    """Raise the soft limit of open files towards ``wanted`` (the hard limit caps it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def serve(
    config: Mapping[str, Any],
    host: str,
    port: int,
    threads: int,
    trusted_proxy: str | None = None,
) -> None:
    """Serve the explorer made from ``config`` until the process is stopped."""
    import waitress

    from mandates.web import create_app

    _more_files(CONNECTIONS + 64)
    app = create_app({**config, "THREADS": threads})
    body = 2 * max(int(app.config["MAX_UPLOAD"]), int(app.config["MAX_CONTENT_LENGTH"]))
    proxy: dict[str, Any] = {
        "trusted_proxy": trusted_proxy,
        "trusted_proxy_headers": {"x-forwarded-for"},
    }
    waitress.serve(
        app,
        host=host,
        port=port,
        threads=threads,
        ident="mandates",
        connection_limit=CONNECTIONS,
        channel_timeout=IDLE_SECONDS,
        max_request_body_size=body,
        channel_request_lookahead=5,
        clear_untrusted_proxy_headers=True,
        **(proxy if trusted_proxy else {}),
    )


def supervise(command: list[str]) -> int:
    """Run ``command`` (the server) and run it again whenever it dies; returns when stopped."""
    stopping = False
    child: subprocess.Popen | None = None

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        if child is not None and child.poll() is None:
            child.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    starts: list[float] = []
    while not stopping:
        starts = [t for t in starts if time.monotonic() - t < 60] + [time.monotonic()]
        child = subprocess.Popen(command)
        code = child.wait()
        if stopping:
            return 0
        if len(starts) > RESTARTS_PER_MINUTE:
            print(f"the server died {len(starts)} times in a minute: giving up", file=sys.stderr)
            return 1
        print(f"the server stopped (exit status {code}): starting it again", file=sys.stderr)
        time.sleep(0.5)
    return 0
