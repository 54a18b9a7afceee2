"""Who may write: the server's write token (off by default) and the writer's name."""

from __future__ import annotations

import hmac

from flask import abort, current_app, request


def writer() -> str:
    """Who writes: 403 unless the server allows writing and the form carries its token."""
    secret = current_app.config["WRITE_TOKEN"]
    given = request.form.get("token", "")
    if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
        abort(403, "loading needs the write token configured on this server")
    by = request.form.get("by", "").strip()
    if not by or len(by) > 100:
        abort(400, "give your name (at most 100 characters)")
    return by
