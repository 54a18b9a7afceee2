"""The server's side of the workers: one pool and one admission bound per kind of work.

Three kinds, each with its own worker processes, so that one kind cannot starve another:

- ``query``: SPARQL queries sent to ``/sparql``;
- ``validate``: files checked on ``/validate``, and loads and undos (they parse and validate
  the same input, and write a new store version);
- ``pages``: searches, analytics, paths and graph exports.

:meth:`Workers.run` admits the request (:mod:`.admission`), waits for a worker until the
kind's deadline, and stops the work if the client goes away. Callers turn the exceptions into
their protocol's answers (:func:`http_error` for the pages).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from werkzeug.exceptions import HTTPException

from mandates.namespaces import ID, PREFIXES
from mandates.store.remote import is_url

from .admission import Admission, Refused
from .messages import Answer, Job, Outcome, Prefixes, Task
from .pool import Cancelled, Pool, PoolBusy, WorkerFailed, WorkTimeout
from .sandbox import Limits

KINDS = ("query", "validate", "pages")
WHAT = {"query": "SPARQL queries", "validate": "validations and loads", "pages": "searches"}


@dataclass
class Kind:
    admission: Admission
    pool: Pool
    timeout: float


def prefixes() -> Prefixes:
    """The prefixes declared for every query, and those used when writing RDF (data IRIs hold
    slashes, which a prefixed name would have to escape: they are written in full)."""
    written = {p: iri for p, iri in PREFIXES.items() if not iri.startswith(str(ID))}
    return dict(PREFIXES), written


class Workers:
    """The worker pools of one application, made from its configuration."""

    def __init__(self, config: Mapping[str, Any], store: str) -> None:
        memory = int(config["WORKER_MEMORY_MB"])
        network = is_url(store)  # a server as the store: the workers must reach it
        self.kinds: dict[str, Kind] = {}
        for kind in KINDS:
            prefix = kind.upper()
            timeout = float(config[f"{prefix}_TIMEOUT"])
            size = int(config[f"{prefix}_WORKERS"])
            limits = Limits(memory_mb=memory, cpu_seconds=timeout, network=network)
            admission = Admission(
                WHAT[kind],
                capacity=size + int(config[f"{prefix}_QUEUE"]),
                per_client=int(config[f"{prefix}_PER_CLIENT"]),
            )
            self.kinds[kind] = Kind(admission, Pool(size, prefixes(), limits), timeout)

    def admissions(self) -> list[Admission]:
        return [k.admission for k in self.kinds.values()]

    def run(
        self,
        kind: str,
        job: Job | Task,
        client: str,
        gone: Callable[[], bool] | None = None,
    ) -> Answer | Outcome:
        """Run ``job`` on a worker of ``kind`` for ``client`` (see the module docstring)."""
        chosen = self.kinds[kind]
        with chosen.admission.admit(client):
            return chosen.pool.run(job, time.monotonic() + chosen.timeout, gone)

    def close(self) -> None:
        for kind in self.kinds.values():
            kind.pool.close()


def client_of(environ: Mapping[str, Any]) -> str:
    """Who sends the request, for the admission shares: the peer's address (behind a trusted
    reverse proxy, the server sets it from the proxy's header)."""
    return str(environ.get("REMOTE_ADDR") or "unknown")


def gone_of(environ: Mapping[str, Any]) -> Callable[[], bool] | None:
    """How to tell that the client has gone away (waitress offers it), if the server can."""
    check = environ.get("waitress.client_disconnected")
    return check if callable(check) else None


class WorkError(HTTPException):
    """An HTTP error for work that could not be done, with ``Retry-After`` where it helps."""

    def __init__(self, code: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.code, self.retry_after = code, retry_after

    def get_headers(self, environ: Any = None, scope: Any = None) -> list[tuple[str, str]]:
        headers = super().get_headers(environ, scope)
        if self.retry_after is not None:
            headers.append(("Retry-After", str(self.retry_after)))
        return headers


def http_error(err: Exception, what: str, timeout: float) -> WorkError:
    """The answer to give when ``what`` could not be done by a worker."""
    if isinstance(err, Refused):
        return WorkError(err.status, err.message, err.retry_after)
    if isinstance(err, WorkTimeout):
        return WorkError(503, f"{what} stopped after {timeout:g} s (the limit here)", 10)
    if isinstance(err, PoolBusy):
        return WorkError(503, f"every worker stayed busy for {timeout:g} s: retry later", 10)
    if isinstance(err, Cancelled):
        return WorkError(499, f"{what} stopped: the client went away")
    if isinstance(err, WorkerFailed):
        return WorkError(503, f"{what} stopped: {err.reason}", 5)
    raise err


#: What callers catch around :meth:`Workers.run`.
FAILURES = (Refused, WorkTimeout, PoolBusy, Cancelled, WorkerFailed)
