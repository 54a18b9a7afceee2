"""The SPARQL servers bench/run.py compares, started and stopped as process groups.

Each server runs in its own session (``start_new_session``), so :meth:`Server.stop` ends it with
every process it started (our query workers, rdflib's served child). Two peers are run from
this file:

    .venv/bin/python -m bench.peers flask --port 5100 --threads 8
        a bare Flask route returning constant JSON under waitress: the ceiling of a Flask app;
    .venv/bin/python -m bench.peers flask-pyoxigraph --port 5300 --threads 8 --data STORE
        a minimal Flask route running each query on a read-only pyoxigraph store in the request
        thread under waitress (no deadline, no row cap, no cache): what a plain Flask endpoint
        over this engine serves;
    .venv/bin/python -m bench.peers rdflib --port 5200 --data NAMED.nq
        rdflib-endpoint over an rdflib Dataset whose default graph is the union (a set) of the
        named graphs. The graph is read once; the server runs in a forked child, and SIGHUP
        replaces that child at once (rdflib-endpoint answers one query at a time and cannot
        abandon one: a replaced child is how a run stops a 30-second GROUP BY queue).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
PING = "ASK { }"
CONSTANT = b'{"head":{"vars":["resource"]},"results":{"bindings":[]}}'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A server process group on 127.0.0.1 and the URL its SPARQL endpoint answers at."""

    def __init__(
        self, name: str, command: list[str], url: str, log: Path, restartable: bool = False
    ) -> None:
        self.name, self.command, self.url, self.log = name, command, url, log
        self.restartable = restartable  #: SIGHUP drops its queued queries (rdflib only)
        self.process: subprocess.Popen | None = None

    def start(self, ready_timeout: float) -> float:
        """Start and wait until a query is answered; returns the seconds it took."""
        started = time.perf_counter()
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.wait_ready(ready_timeout)
        return time.perf_counter() - started

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        body = urllib.parse.urlencode({"query": PING}).encode()
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited ({self.process.returncode}): see {self.log}"
                )
            try:
                request = urllib.request.Request(self.url, data=body)
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        return
            except (OSError, urllib.error.HTTPError):
                pass
            time.sleep(0.25)
        raise RuntimeError(f"{self.name} not ready after {timeout:.0f} s: see {self.log}")

    def restart(self, timeout: float) -> None:
        """Drop every queued query (rdflib only): the supervisor forks a fresh server."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGHUP)
        time.sleep(1.0)
        self.wait_ready(timeout)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        except ProcessLookupError:
            pass
        finally:
            try:  # whatever the leader left behind in its group
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def ours(
    store_root: Path,
    port: int,
    threads: int,
    log: Path,
    name: str = "ours",
    options: tuple[str, ...] = (),
) -> Server:
    command = [str(VENV_BIN / "mandates"), "--store", str(store_root), "serve"]
    command += ["--port", str(port), "--threads", str(threads), *options]
    return Server(name, command, f"http://127.0.0.1:{port}/sparql", log)


def serve_options() -> str:
    """``mandates serve --help``: which options this version of the explorer has."""
    command = [str(VENV_BIN / "mandates"), "serve", "--help"]
    return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout


def oxigraph(location: Path, port: int, log: Path) -> Server:
    command = [str(VENV_BIN / "oxigraph"), "serve-read-only", "--location", str(location)]
    command += ["--bind", f"127.0.0.1:{port}"]
    return Server("oxigraph", command, f"http://127.0.0.1:{port}/query", log)


def bare_flask(port: int, threads: int, log: Path) -> Server:
    command = [sys.executable, "-m", "bench.peers", "flask", "--port", str(port)]
    command += ["--threads", str(threads)]
    return Server("bare-flask", command, f"http://127.0.0.1:{port}/sparql", log)


def flask_pyoxigraph(store: Path, port: int, threads: int, log: Path) -> Server:
    command = [sys.executable, "-m", "bench.peers", "flask-pyoxigraph", "--port", str(port)]
    command += ["--threads", str(threads), "--data", str(store)]
    return Server("flask-pyoxigraph", command, f"http://127.0.0.1:{port}/sparql", log)


def rdflib_endpoint(named_quads: Path, port: int, log: Path) -> Server:
    command = [sys.executable, "-m", "bench.peers", "rdflib", "--port", str(port)]
    command += ["--data", str(named_quads)]
    url = f"http://127.0.0.1:{port}/sparql"
    return Server("rdflib-endpoint", command, url, log, restartable=True)


def serve_flask(port: int, threads: int) -> None:
    import waitress
    from flask import Flask, Response

    app = Flask(__name__)

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        return Response(CONSTANT, mimetype="application/sparql-results+json")

    waitress.serve(app, host="127.0.0.1", port=port, threads=threads, ident="bare")


def serve_flask_pyoxigraph(store_folder: Path, port: int, threads: int) -> None:
    """``store_folder``: a pyoxigraph store (our store root's ``current`` version)."""
    import pyoxigraph as ox
    import waitress
    from flask import Flask, Response, request

    store = ox.Store.read_only(str(store_folder))
    app = Flask(__name__)

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        results = store.query(request.values["query"])
        body = results.serialize(format=ox.QueryResultsFormat.JSON)
        return Response(body, mimetype="application/sparql-results+json")

    waitress.serve(app, host="127.0.0.1", port=port, threads=threads, ident="flask-pyoxigraph")


def serve_rdflib(data: Path, port: int) -> None:
    import uvicorn
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(str(data), format="nquads")
    print(f"{len(dataset):,} quads read in {time.perf_counter() - started:.1f} s", flush=True)
    app = SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)
    wanted = {signal.SIGHUP, signal.SIGTERM, signal.SIGINT, signal.SIGCHLD}
    signal.pthread_sigmask(signal.SIG_BLOCK, wanted)
    while True:
        child = os.fork()
        if child == 0:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, wanted)
            uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
            os._exit(0)
        received = signal.sigwait(wanted)
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(child, 0)
        signal.sigtimedwait({signal.SIGCHLD}, 0)  # that child's own SIGCHLD, now pending
        if received != signal.SIGHUP:
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer", choices=("flask", "flask-pyoxigraph", "rdflib"))
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--data", type=Path)
    args = parser.parse_args()
    if args.peer == "flask":
        serve_flask(args.port, args.threads)
    elif args.peer == "flask-pyoxigraph":
        serve_flask_pyoxigraph(args.data, args.port, args.threads)
    else:
        serve_rdflib(args.data, args.port)


if __name__ == "__main__":
    main()
