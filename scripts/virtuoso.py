"""A private Virtuoso (open source, Debian package ``virtuoso-opensource``) for the graph.

Starts ``virtuoso-t`` in the foreground of a process of its own, with its own data folder, its
own ``virtuoso.ini`` and both ports bound to 127.0.0.1; waits until its SPARQL endpoint
answers; and stops it. Credentials come from the environment, never from this file:

- ``MANDATES_VIRTUOSO_DBA_PASSWORD``: the administrator's password. A fresh database ships
  with the well-known ``dba``/``dba`` login; the first start replaces it at once.
- ``MANDATES_STORE_USER`` / ``MANDATES_STORE_PASSWORD``: the account ``mandates build|load
  --store URL`` writes with (created on the first start, with the SPARQL_UPDATE role only).
- ``MANDATES_VIRTUOSO_HTTP_PORT`` (8890) and ``MANDATES_VIRTUOSO_SQL_PORT`` (1111).

    python scripts/virtuoso.py start --dir var/virtuoso
    python scripts/virtuoso.py status --dir var/virtuoso
    python scripts/virtuoso.py stop --dir var/virtuoso

The settings that would change answers are lifted: SELECTs are not capped at 10,000 rows and
queries are not cut into partial "anytime" answers (the explorer applies its own limits).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SERVER = "virtuoso-t"
ISQL = "isql-vt"
PID = "virtuoso.pid"
INI = "virtuoso.ini"
FRESH_DBA_PASSWORD = "dba"  # the password of a fresh database: replaced at the first start

_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
DisableUnixSocket        = 1
MaxClientConnections     = 20
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., {dir}
NumberOfBuffers          = {buffers}
MaxDirtyBuffers          = {dirty}
MaxQueryMem              = 1G
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 10

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {dir}/vsp
MaxClientConnections        = 20
ServerThreads               = 20
MaxKeepAlives               = 20
KeepAliveTimeout            = 10
Charset                     = UTF-8
EnabledGzipContent          = 0

[SPARQL]
ResultSetMaxRows           = 0
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 0
MaxSortedTopRows           = 1000000
"""


#: Servers this process started, kept so that they are waited for when they stop.
_STARTED: dict[int, subprocess.Popen] = {}


@dataclass(frozen=True)
class Instance:
    """Where a private Virtuoso lives and how to reach it."""

    folder: Path
    http_port: int = 8890
    sql_port: int = 1111
    buffers: int = 170000  # 8 KiB pages: ~1.3 GB of cache, Virtuoso's figure for 2 GB free

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def pid_file(self) -> Path:
        return self.folder / PID

    def pid(self) -> int | None:
        """The server's process id, if it runs."""
        try:
            pid = int(self.pid_file.read_text())
            os.kill(pid, 0)
        except (FileNotFoundError, ValueError, ProcessLookupError):
            return None
        return pid

    def answers(self) -> bool:
        query = urllib.parse.urlencode({"query": "ASK {}"})
        try:
            with urllib.request.urlopen(f"{self.sparql}?{query}", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False


def from_environment(folder: Path) -> Instance:
    return Instance(
        folder.resolve(),
        int(os.environ.get("MANDATES_VIRTUOSO_HTTP_PORT", "8890")),
        int(os.environ.get("MANDATES_VIRTUOSO_SQL_PORT", "1111")),
    )


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"error: set {name} (credentials are never taken from defaults)")
    return value


def isql(instance: Instance, password: str, statements: str) -> str:
    """Run SQL statements as the administrator; the statements go through standard input."""
    done = subprocess.run(
        [ISQL, f"127.0.0.1:{instance.sql_port}", "dba", password],
        input=statements,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0 or "*** Error" in done.stdout:
        raise RuntimeError(f"isql failed: {done.stdout.strip()} {done.stderr.strip()}")
    return done.stdout


def _fresh_credentials(instance: Instance) -> None:
    """Replace the well-known administrator password and create the writing account."""
    dba = _required("MANDATES_VIRTUOSO_DBA_PASSWORD")
    user = _required("MANDATES_STORE_USER")
    password = _required("MANDATES_STORE_PASSWORD")
    for value in (dba, user, password):
        if "'" in value or '"' in value or ";" in value:
            raise SystemExit("error: credentials may not contain quotes or semicolons")
    isql(  # one session: the new password holds from the next login on
        instance,
        FRESH_DBA_PASSWORD,
        f"DB.DBA.USER_CREATE('{user}', '{password}');\n"
        f'GRANT SPARQL_UPDATE TO "{user}";\n'
        f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{user}', 3);\n"
        f"DB.DBA.USER_CHANGE_PASSWORD('dba', '{FRESH_DBA_PASSWORD}', '{dba}');\n"
        "checkpoint;\n",
    )
    isql(instance, dba, "select 1;\n")  # the administrator's new password works


def start(instance: Instance, wait: float = 120.0) -> Instance:
    """Start the server (a fresh database gets its credentials first) and wait until it answers."""
    if shutil.which(SERVER) is None:
        raise SystemExit(
            "error: virtuoso-t not found: install the Debian package virtuoso-opensource"
        )
    if instance.pid() is not None:
        raise SystemExit(
            f"error: Virtuoso already runs for {instance.folder} (pid {instance.pid()})"
        )
    folder = instance.folder
    (folder / "vsp").mkdir(parents=True, exist_ok=True)
    fresh = not (folder / "virtuoso.db").exists()
    buffers = instance.buffers
    (folder / INI).write_text(
        _INI.format(
            dir=folder,
            sql_port=instance.sql_port,
            http_port=instance.http_port,
            buffers=buffers,
            dirty=buffers * 3 // 4,
        )
    )
    with open(folder / "server.out", "ab") as out:
        process = subprocess.Popen(
            [SERVER, "+configfile", str(folder / INI), "+foreground"],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    instance.pid_file.write_text(str(process.pid))
    _STARTED[process.pid] = process
    deadline = time.monotonic() + wait
    while not instance.answers():
        if process.poll() is not None:
            instance.pid_file.unlink(missing_ok=True)
            log = (folder / "virtuoso.log").read_text(errors="replace")[-2000:]
            raise SystemExit(f"error: Virtuoso stopped while starting:\n{log}")
        if time.monotonic() > deadline:
            stop(instance)
            raise SystemExit(f"error: Virtuoso did not answer within {wait:.0f} s")
        time.sleep(0.2)
    if fresh:
        try:
            _fresh_credentials(instance)
        except BaseException:
            stop(instance)
            raise
    return instance


def stop(instance: Instance, wait: float = 60.0) -> None:
    """Stop the server: a clean shutdown (checkpoint), then signals if it does not go."""
    pid = instance.pid()
    if pid is None:
        instance.pid_file.unlink(missing_ok=True)
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + wait
    while instance.pid() is not None and time.monotonic() < deadline:
        _reap(pid)
        time.sleep(0.2)
    if instance.pid() is not None:
        os.killpg(pid, signal.SIGKILL)
        _reap(pid)
    instance.pid_file.unlink(missing_ok=True)


def _reap(pid: int) -> None:
    process = _STARTED.get(pid)
    if process is not None:
        if process.poll() is not None:
            del _STARTED[pid]
        return
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop", "status"))
    parser.add_argument("--dir", type=Path, default=Path("var/virtuoso"), help="data folder")
    args = parser.parse_args(argv)
    instance = from_environment(args.dir)
    if args.action == "start":
        start(instance)
        print(f"Virtuoso answers at {instance.sparql} (pid {instance.pid()})")
    elif args.action == "stop":
        stop(instance)
        print("Virtuoso stopped")
    else:
        pid = instance.pid()
        state = "answers" if instance.answers() else "does not answer"
        print(f"pid {pid}: {instance.sparql} {state}" if pid else "not running")
        return 0 if pid else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
