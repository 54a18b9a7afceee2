"""Work done for a page by a worker process (:mod:`.workers`): what views call.

A view never parses or evaluates what a visitor sent in the server process: it asks
:func:`task` for the result, which a worker computes under the kind's limits. Failures become
HTTP answers (503 with ``Retry-After`` when busy or past the deadline, 429 past the client's
share); bad input becomes :class:`Invalid`, which the view shows as a 4xx with the message.
"""

from __future__ import annotations

from typing import Any, cast

from flask import current_app, request

from .store import get_root
from .workers.messages import Outcome, Task
from .workers.service import FAILURES, WorkError, Workers, client_of, gone_of, http_error


class Invalid(Exception):
    """The visitor's input is at fault: ``message`` says why; ``value`` is what the worker
    gave with it (a validation report, for a load that does not conform)."""

    def __init__(self, message: str, value: Any = None, code: int = 400) -> None:
        super().__init__(message)
        self.message, self.value, self.code = message, value, code


def workers() -> Workers:
    return cast(Workers, current_app.extensions["mandates.workers"])


def task(kind: str, handler: str, what: str, /, **args: Any) -> Any:
    """The value of the task ``handler`` run by a worker of ``kind`` for this request; ``what``
    names the work in messages ("the search")."""
    root = get_root()
    job = Task(handler, root.location(), args, root=str(root.root))
    pool = workers()
    try:
        outcome = pool.run(kind, job, client_of(request.environ), gone_of(request.environ))
    except FAILURES as err:
        raise http_error(err, what, pool.kinds[kind].timeout) from None
    if outcome.status == "invalid":
        assert isinstance(outcome, Outcome)
        raise Invalid(outcome.message, outcome.value, outcome.code)
    if outcome.status != "ok":
        raise WorkError(500, f"{what} failed: {outcome.message}")
    return getattr(outcome, "value", None)
