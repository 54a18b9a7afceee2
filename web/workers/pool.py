"""A small pool of query worker processes, so that a query can be stopped at its deadline.

The embedded engine has no timeout and a Python thread cannot be killed, so public queries run
in worker processes: ``python -m mandates.web.workers.worker``, a clean interpreter talking over
a socket pair (never a fork of the threaded server; and unlike ``multiprocessing``'s spawn, it
never re-imports the server's main script). Each worker opens the store read-only itself. A
query that passes its deadline gets its worker killed (SIGKILL) and replaced at once; the other
workers keep serving meanwhile. Workers die with the server (see
:func:`.worker._die_with_parent`), and :meth:`QueryPool.close` stops them at exit.
"""

from __future__ import annotations

import atexit
import os
import queue
import socket
import subprocess
import sys
import threading
import time

from .channel import Channel
from .messages import Answer, Job, Prefixes


class QueryTimeout(Exception):
    """The query ran past its deadline; its worker was killed."""


class PoolBusy(Exception):
    """No worker became free before the deadline."""


class WorkerFailed(Exception):
    """The worker process ended while running the query (a crash in the engine)."""


class Worker:
    def __init__(self, prefixes: Prefixes) -> None:
        ours, theirs = socket.socketpair()
        self.channel = Channel(ours)
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mandates.web.workers.worker", str(theirs.fileno())]
                + [str(os.getpid())],
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


class QueryPool:
    """``size`` workers, started together on first use; one query per worker at a time."""

    def __init__(self, size: int, prefixes: Prefixes) -> None:
        self.size, self.prefixes = size, prefixes
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
        worker = Worker(self.prefixes)
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

    def run(self, job: Job, deadline: float) -> Answer:
        """Run ``job`` on a free worker; raise if it cannot finish by ``deadline``."""
        if not self._started:
            self._start()
        try:
            worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise PoolBusy() from None
        try:
            worker = self._send(worker, job)
            try:
                answer = worker.channel.receive(deadline)
                assert isinstance(answer, Answer)
                return answer
            except TimeoutError:
                worker = self._replace(worker)
                raise QueryTimeout() from None
        except (EOFError, OSError):  # the worker ended while running the query
            worker = self._replace(worker) if worker else None
            raise WorkerFailed() from None
        finally:
            self._idle.put(worker)

    def _send(self, worker: Worker | None, job: Job) -> Worker:
        """The worker that took ``job``: a new one if this one had ended (or failed to start)
        since its last query, which is then not lost."""
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
            self._discard(fresh)  # the next query starts another
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
