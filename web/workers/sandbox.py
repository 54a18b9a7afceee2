"""What a worker process gives up before it touches anything a visitor sent.

A worker parses and evaluates untrusted input (a SPARQL query, an uploaded file, a search
text). Whatever that input does, it must not take the server down, read the network, or eat the
machine. So, once, at start:

- its address space is capped (``RLIMIT_AS``): a query that sorts a cross join or a file that
  expands without end fails with an allocation error in this process, not in the server;
- it loses the network (a new, empty network namespace: no interface but a loopback that is
  down), so a SERVICE call or a remote JSON-LD context that slipped past the checks reaches
  nothing; the socket pair to the server, opened before, keeps working;
- it may not gain privileges (``PR_SET_NO_NEW_PRIVS``) nor dump core;

and for each job, its CPU time is capped (``RLIMIT_CPU``, reset before every job: the kernel
sends ``SIGXCPU`` past it), besides the wall-clock deadline that the server enforces by killing
the process.

The network is kept only when the store itself is on a SPARQL server (the worker must reach
it); there, the checks on the parsed query are the guard (see ``mandates.query``).
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
from dataclasses import dataclass

_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Limits:
    """What a worker may use: memory for the whole process, CPU seconds per job, network."""

    memory_mb: int = 2048
    cpu_seconds: float = 60.0
    network: bool = False


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def cut_network() -> bool:
    """Move this process into a new, empty network namespace; whether it worked.

    As root a network namespace alone is allowed; otherwise a user namespace is made with it
    (unprivileged user namespaces). Both fail on a kernel that forbids them: the caller decides.
    """
    libc = _libc()
    if libc.unshare(_CLONE_NEWNET) == 0:
        return True
    return libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0


def confine(limits: Limits) -> None:
    """Apply ``limits`` to this process for the rest of its life (see the module docstring).

    Raises :class:`OSError` when the network cannot be cut although ``limits`` says so: a
    worker that would run untrusted queries with the network is not started at all.
    """
    libc = _libc()
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # never outlive the server
    libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    memory = limits.memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    if not limits.network and not cut_network():
        raise OSError(
            ctypes.get_errno(),
            "cannot cut the worker's network: " + os.strerror(ctypes.get_errno()),
        )


def cpu_budget(seconds: float) -> None:
    """Allow this process ``seconds`` more of CPU time (the next job's budget)."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = used.ru_utime + used.ru_stime
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    limit = int(spent + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (limit, hard))


#: How a worker's end reads to a person, by the signal that ended it.
ENDINGS = {
    signal.SIGKILL: "it was stopped",
    signal.SIGXCPU: "it used more CPU time than allowed",
    signal.SIGABRT: "it needed more memory than allowed",
    signal.SIGSEGV: "it crashed (input nested too deep?)",
    signal.SIGBUS: "it crashed",
}


def ending(returncode: int | None) -> str:
    """Why a worker process ended, from its return code (a negative signal number)."""
    if returncode is None or returncode >= 0:
        return "it ended"
    try:
        return ENDINGS.get(signal.Signals(-returncode), f"it was ended by signal {-returncode}")
    except ValueError:
        return f"it was ended by signal {-returncode}"
