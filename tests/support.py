"""Helpers shared by the tests: paths, the CLI runner, the live server process."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from mandates.store.embedded import StoreRoot

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"  #: the test data folders: shapes/, errors/, queries/, validation_cases/
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@dataclass
class Run:
    """The outcome of one ``mandates`` command run as a subprocess."""

    code: int
    out: str
    err: str


class Cli:
    """Runs the ``mandates`` command line as a user would, in a subprocess."""

    def __init__(
        self, store: Path | str, cwd: Path = ROOT, env: dict[str, str] | None = None
    ) -> None:
        """``store`` is a folder or a SPARQL server's URL; ``env`` adds ``MANDATES_…`` variables."""
        self.store, self.cwd, self.extra = store, cwd, env or {}

    def __call__(self, *args: str, timeout: float = 300) -> Run:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MANDATES_")} | self.extra
        proc = subprocess.run(
            [sys.executable, "-m", "mandates", "--store", str(self.store), *args],
            cwd=self.cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """``mandates serve`` in a subprocess on a free port; explains its own failures."""

    def __init__(
        self,
        store: Path,
        log_dir: Path,
        args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        """``args`` are extra options of ``serve``; ``env`` adds variables (``MANDATES_…``)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_dir / "server.log"
        self._log_file = self.log.open("w")
        env = {k: v for k, v in os.environ.items() if not k.startswith("MANDATES_")} | (env or {})
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mandates",
                "--store",
                str(store),
                "serve",
                "--port",
                str(self.port),
                *args,
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    def wait(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                urllib.request.urlopen(self.url + "/", timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not start:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log_file.close()


def call(url: str, data: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of one HTTP request, error statuses included."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, err.read()


def crafted_store(folder: Path, store: Path, turtle: str, name: str = "crafted") -> Path:
    """A store built, without validation, from one curated Turtle file: for hostile data."""
    from mandates.ingest.build import build
    from mandates.store.embedded import StoreRoot

    (folder / "curated").mkdir(parents=True)
    (folder / "curated" / f"{name}.ttl").write_text(turtle, encoding="utf-8")
    build(StoreRoot(store), folder, validate=False)
    return store


def minimal_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of the given numbered objects (1 is the catalog), with its xref computed."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def clean_env() -> dict[str, str]:
    """The environment without the project's settings, for a command run as a user would."""
    return {k: v for k, v in os.environ.items() if not k.startswith("MANDATES_")}


def sparql(server: LiveServer, text: str, **headers: str):
    """POST a query to the server's endpoint as a form: (status, headers, body)."""
    return call(server.url + "/sparql", urllib.parse.urlencode({"query": text}).encode(), headers)


def copy_store(built: StoreRoot, where: Path) -> StoreRoot:
    """A copy of a built store, for a test that changes it."""
    shutil.copytree(built.root, where, symlinks=True)
    return StoreRoot(where)
