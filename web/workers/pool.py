"""A pool of worker processes, so that work a visitor sent can be stopped at its deadline.

The embedded engine has no timeout and a Python thread cannot be killed, so everything that
parses or evaluates what a visitor sends runs in worker processes: ``python -m
mandates.web.workers.worker``, a clean interpreter talking over a socket pair (never a fork of
the threaded server; and unlike ``multiprocessing``'s spawn, it never re-imports the server's
main script). Each worker confines itself first (:mod:`.sandbox`: memory, network, CPU) and
opens the store read-only itself. Work past its deadline, or whose client has gone away, gets
its worker killed (SIGKILL) and replaced at once; the other workers keep serving. A worker that
dies (a crash in the engine, a limit reached) fails only the request it was running. Workers
die with the server, and :meth:`Pool.close` stops them at exit.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict

from .channel import Channel
from .messages import Answer, Job, Outcome, Prefixes, Task
from .sandbox import Limits, ending

#: How often a waiting request looks whether its client is still there (seconds).
CHECK_EVERY = 0.25


class WorkTimeout(Exception):
    """The work ran past its deadline; its worker was killed."""


class PoolBusy(Exception):
    """No worker became free before the deadline."""


class WorkerFailed(Exception):
    """The worker process ended while running the work; ``reason`` says how (a limit?)."""

    def __init__(self, reason: str = "it ended") -> None:
        super().__init__(reason)
        self.reason = reason


class Cancelled(Exception):
    """The client went away: the work was stopped and its worker replaced."""


class Worker:
    def __init__(self, prefixes: Prefixes, limits: Limits) -> None:
        ours, theirs = socket.socketpair()
        self.channel = Channel(ours)
        with theirs:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "mandates.web.workers.worker",
                    str(theirs.fileno()),
                    str(os.getpid()),
                    json.dumps(asdict(limits)),
                ],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
            )
        self.channel.send(prefixes)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.channel.close()

    def stop(self) -> None:
        try:
            self.channel.send(None)
            self.process.wait(1)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
        self.channel.close()

    def reason(self) -> str:
        """Why the process ended (waits a moment for it to be reaped)."""
        try:
            return ending(self.process.wait(2))
        except subprocess.TimeoutExpired:
            return "it stopped answering"


class Pool:
    """``size`` workers under ``limits``, started together on first use; one piece of work
    per worker at a time."""

    def __init__(self, size: int, prefixes: Prefixes, limits: Limits | None = None) -> None:
        self.size, self.prefixes, self.limits = size, prefixes, limits or Limits()
        self._idle: queue.SimpleQueue[Worker | None] = queue.SimpleQueue()
        self._workers: set[Worker] = set()
        self._lock, self._set_lock = threading.Lock(), threading.Lock()
        self._started = self._closed = False

    def _start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
            atexit.register(self.close)
            for _ in range(self.size):
                self._idle.put(self._new_worker())

    def _new_worker(self) -> Worker:
        worker = Worker(self.prefixes, self.limits)
        with self._set_lock:
            self._workers.add(worker)
        return worker

    def _discard(self, worker: Worker) -> None:
        worker.kill()
        with self._set_lock:
            self._workers.discard(worker)

    def _replace(self, worker: Worker) -> Worker | None:
        self._discard(worker)
        if self._closed:
            return None
        try:
            return self._new_worker()
        except OSError:
            return None  # started again on the next use

    def run(
        self, job: Job | Task, deadline: float, gone: Callable[[], bool] | None = None
    ) -> Answer | Outcome:
        """Run ``job`` on a free worker and return its answer.

        Raises :class:`PoolBusy` when no worker was free by ``deadline``, :class:`WorkTimeout`
        when the work passed it, :class:`Cancelled` when ``gone()`` says the client left, and
        :class:`WorkerFailed` when the worker ended under it.
        """
        if not self._started:
            self._start()
        try:
            worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise PoolBusy() from None
        try:
            worker = self._send(worker, job)
            return self._receive(worker, deadline, gone)
        except (WorkTimeout, Cancelled):
            worker = self._replace(worker) if worker else None
            raise
        except (EOFError, OSError):  # the worker ended while running the work
            reason = worker.reason() if worker else "it ended"
            worker = self._replace(worker) if worker else None
            raise WorkerFailed(reason) from None
        finally:
            self._idle.put(worker)

    @staticmethod
    def _receive(
        worker: Worker, deadline: float, gone: Callable[[], bool] | None
    ) -> Answer | Outcome:
        """The worker's answer; waits in steps when there is a client to look after."""
        while True:
            step = deadline if gone is None else min(deadline, time.monotonic() + CHECK_EVERY)
            try:
                answer = worker.channel.receive(step)
            except TimeoutError:
                if time.monotonic() >= deadline:
                    raise WorkTimeout() from None
                if gone is not None and gone():
                    raise Cancelled() from None
                continue
            assert isinstance(answer, Answer | Outcome)
            return answer

    def _send(self, worker: Worker | None, job: Job | Task) -> Worker:
        """The worker that took ``job``: a new one if this one had ended (or failed to start)
        since its last job, which is then not lost."""
        if worker is not None:
            try:
                worker.channel.send(job)
                return worker
            except OSError:
                pass
        fresh = self._replace(worker) if worker else self._new_worker()
        if fresh is None:
            raise WorkerFailed()
        try:
            fresh.channel.send(job)
        except OSError:
            self._discard(fresh)  # the next job starts another
            raise WorkerFailed() from None
        return fresh

    def pids(self) -> list[int]:
        return sorted(w.process.pid for w in self._workers)

    def close(self) -> None:
        """Stop every worker (at exit, or when an application is discarded)."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            worker.stop()
