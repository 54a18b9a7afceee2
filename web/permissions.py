"""Who may write: the server's write token (off by default) and the writer's name.

Guessing the token is slowed per client: after a wrong token, that client must wait before
trying again (1 s, then twice as long after each further failure, up to 5 minutes), and is
told how long with ``429`` and ``Retry-After``; a right token clears the count. Without this
the token could be tried ~30 times a second.
"""

from __future__ import annotations

import hmac
import threading
import time

from flask import abort, current_app, request
from werkzeug.exceptions import TooManyRequests

from .workers.service import client_of

FIRST_WAIT = 1.0
LONGEST_WAIT = 300.0
REMEMBERED = 10_000  #: clients whose failures are remembered (the oldest are forgotten)


class Attempts:
    """Failed token attempts per client, and until when each must wait."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}

    def wait(self, client: str) -> float:
        """Seconds ``client`` must still wait before trying again (0: may try now)."""
        with self._lock:
            _count, until = self._failures.get(client, (0, 0.0))
        return max(0.0, until - time.monotonic())

    def failed(self, client: str) -> float:
        """Count a failure; the wait it brings."""
        with self._lock:
            count = self._failures.pop(client, (0, 0.0))[0] + 1
            wait = min(LONGEST_WAIT, FIRST_WAIT * 2 ** (count - 1))
            self._failures[client] = (count, time.monotonic() + wait)
            while len(self._failures) > REMEMBERED:
                del self._failures[next(iter(self._failures))]
        return wait

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


def _slow_down(seconds: float) -> None:
    wait = max(1, round(seconds))
    message = f"too many wrong write tokens from your address: wait {wait} s before trying again"
    raise TooManyRequests(message, retry_after=wait)


def writer() -> str:
    """Who writes: 403 unless the server allows writing and the form carries its token (429
    while this client waits after wrong tokens)."""
    secret = current_app.config["WRITE_TOKEN"]
    if not secret:
        abort(403, "loading needs the write token configured on this server")
    attempts: Attempts = current_app.extensions["mandates.attempts"]
    client = client_of(request.environ)
    if (left := attempts.wait(client)) > 0:
        _slow_down(left)
    given = request.form.get("token", "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        attempts.failed(client)
        abort(403, "loading needs the write token configured on this server")
    attempts.succeeded(client)
    by = request.form.get("by", "").strip()
    if not by or len(by) > 100:
        abort(400, "give your name (at most 100 characters)")
    return by
