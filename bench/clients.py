"""HTTP clients of bench/run.py: one checked request, wrk for load, and a budgeted Python client.

wrk (C, epoll) drives fast queries: a Python client cannot send the ~30,000 req/s Oxigraph's
server answers. Its Lua script cycles through the POST bodies and prints exact figures as JSON
from ``done()``. Queries slower than :data:`SLOW_MS` (whole-graph aggregates: at most a few
hundred requests per second even at 16 clients) go to :func:`python_load`, which stops sending
when the budget is spent and reports how many queries finished within it. Nothing here talks to
anything but 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

WRK = "/usr/bin/wrk"
SLOW_MS = 50.0
HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded",
    "Accept": "application/sparql-results+json",
}


@dataclass
class Load:
    """One load measurement."""

    tool: str
    clients: int
    seconds: float  #: length of the measurement window
    requests: int  #: answered with 2xx within the window
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    errors: int = 0  #: non-2xx answers, socket errors, timeouts
    unfinished: int = 0  #: requests still running when the budget ended (abandoned)
    budget: float | None = None  #: the Python client's budget (``seconds`` is its last answer)


def post(url: str, body: str, timeout: float = 600) -> tuple[int, bytes, float]:
    """One POST; returns status, body and seconds."""
    started = time.perf_counter()
    request = urllib.request.Request(url, data=body.encode(), headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), time.perf_counter() - started
    except urllib.error.HTTPError as err:
        return err.code, err.read(), time.perf_counter() - started


def solutions(payload: bytes) -> list[dict[str, str]]:
    """The rows of a SPARQL JSON result, each as variable → value."""
    document = json.loads(payload)
    return [
        {name: term["value"] for name, term in row.items()}
        for row in document["results"]["bindings"]
    ]


def _lua_string(text: str) -> str:
    level = "=" * 4
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


def lua_script(bodies: list[str], path: Path) -> Path:
    """A wrk script: POST the bodies in turn (each thread from its own offset), JSON figures."""
    items = ",\n".join(_lua_string(b) for b in bodies)
    headers = ", ".join(f'["{k}"] = "{v}"' for k, v in HEADERS.items())
    path.write_text(
        f"local bodies = {{\n{items}\n}}\n"
        f"local headers = {{{headers}}}\n"
        "local threads = 0\n"
        "function setup(thread)\n"
        "  threads = threads + 1\n"
        "  thread:set('offset', threads * 7919)\n"
        "end\n"
        "function init(args)\n"
        "  i = offset or 0\n"
        "end\n"
        "function request()\n"
        "  i = i + 1\n"
        "  return wrk.format('POST', nil, headers, bodies[(i % #bodies) + 1])\n"
        "end\n"
        "function done(summary, latency, requests)\n"
        "  local e = summary.errors\n"
        '  io.write(string.format(\'WRK-JSON {"requests": %d, "duration_us": %d, \'\n'
        '    .. \'"p50_us": %d, "p99_us": %d, "connect": %d, "read": %d, \'\n'
        '    .. \'"write": %d, "status": %d, "timeout": %d}\\n\',\n'
        "    summary.requests, summary.duration, latency:percentile(50),\n"
        "    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))\n"
        "end\n",
        encoding="utf-8",
    )
    return path


def wrk(url: str, script: Path, clients: int, seconds: float, timeout: float = 60) -> Load:
    """``wrk -t -c -d --latency`` with the script; figures from its ``done()``."""
    threads = min(clients, 2)
    command = [WRK, f"-t{threads}", f"-c{clients}", f"-d{max(1, round(seconds))}s"]
    command += ["--latency", f"--timeout={timeout:.0f}s", "-s", str(script), url]
    run = subprocess.run(command, capture_output=True, text=True, timeout=seconds + timeout + 30)
    line = next((x for x in run.stdout.splitlines() if x.startswith("WRK-JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no figures: {run.stdout[-500:]} {run.stderr[-500:]}")
    found = json.loads(line[len("WRK-JSON ") :])
    errors = sum(found[k] for k in ("connect", "read", "write", "status", "timeout"))
    window = found["duration_us"] / 1e6
    answered = found["requests"] - found["status"]
    return Load(
        "wrk",
        clients,
        window,
        answered,
        answered / window if window else 0.0,
        found["p50_us"] / 1000 if found["requests"] else None,
        found["p99_us"] / 1000 if found["requests"] else None,
        errors,
    )


def python_load(url: str, bodies: list[str], clients: int, seconds: float, drain: float) -> Load:
    """Closed-loop clients (one keep-alive connection each) that start requests until the budget
    ends, then wait up to ``drain`` s for those still running.

    Throughput is the requests answered within the budget over the time of the last of them
    (so one 32 s query in a 60 s budget counts as 1/32 req/s, not 1/60).
    """
    split = urllib.parse.urlsplit(url)
    path = split.path + (f"?{split.query}" if split.query else "")
    started = time.perf_counter()
    deadline = started + seconds
    done: list[tuple[float, float, bool]] = []  # (end, latency, ok)
    lock = threading.Lock()

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection(
            split.hostname, split.port, timeout=seconds + drain + 5
        )
        i = offset
        try:
            while time.perf_counter() < deadline:
                i += 1
                sent = time.perf_counter()
                connection.request("POST", path, bodies[i % len(bodies)].encode(), HEADERS)
                response = connection.getresponse()
                response.read()
                end = time.perf_counter()
                with lock:
                    done.append((end, end - sent, 200 <= response.status < 300))
        except (OSError, http.client.HTTPException):
            with lock:
                done.append((time.perf_counter(), 0.0, False))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=client, args=(k * 7919,), daemon=True) for k in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline + drain - time.perf_counter()))
    unfinished = sum(thread.is_alive() for thread in threads)
    with lock:
        within = [(end, lat) for end, lat, ok in done if ok and end <= deadline]
        errors = sum(1 for _, _, ok in done if not ok)
    latencies = sorted(lat * 1000 for _, lat in within)
    window = (max(end for end, _ in within) - started) if within else seconds
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else None
    return Load(
        "python",
        clients,
        window,
        len(within),
        len(within) / window if within else 0.0,
        statistics.median(latencies) if latencies else None,
        p99,
        errors,
        unfinished,
        seconds,
    )
