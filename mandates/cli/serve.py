"""``mandates serve``: the explorer under a production WSGI server (waitress), supervised."""

from __future__ import annotations

import sys

import click

from mandates.errors import MandatesError

from .context import SETTINGS, Context, fail


@click.command("serve")
@click.option("--host", default=SETTINGS.host, show_default=True, envvar="MANDATES_HOST")
@click.option("--port", default=SETTINGS.port, show_default=True, type=int, envvar="MANDATES_PORT")
@click.option(
    "--threads",
    default=24,
    show_default=True,
    type=int,
    help="Server threads (at least the work admitted at once plus 4, kept for pages).",
)
@click.option(
    "--timeout",
    default=SETTINGS.timeout,
    show_default=True,
    type=float,
    envvar="MANDATES_TIMEOUT",
    help="Seconds a SPARQL query may run.",
)
@click.option(
    "--row-limit",
    default=SETTINGS.row_limit,
    show_default=True,
    type=int,
    envvar="MANDATES_ROW_LIMIT",
    help="Rows (or triples) a query may return on the endpoint; more are cut.",
)
@click.option(
    "--query-workers",
    default=2,
    show_default=True,
    type=int,
    help="Worker processes that run SPARQL queries under the deadline.",
)
@click.option(
    "--result-cache",
    default=SETTINGS.result_cache,
    show_default=True,
    type=float,
    envvar="MANDATES_RESULT_CACHE",
    help="MB of small SPARQL answers kept for repeated queries on the same store version (0: off).",
)
@click.option(
    "--base-url",
    default=SETTINGS.base_url,
    envvar="MANDATES_BASE_URL",
    help="The explorer's public address, written in its descriptions (default: http://HOST:PORT/).",
)
@click.option(
    "--trusted-proxy",
    default=SETTINGS.trusted_proxy,
    envvar="MANDATES_TRUSTED_PROXY",
    help="Address of a reverse proxy whose X-Forwarded-For names the client.",
)
@click.option("--child", is_flag=True, hidden=True, help="Run the server itself (supervised).")
@click.pass_obj
def serve(
    obj: Context,
    host: str,
    port: int,
    threads: int,
    timeout: float,
    row_limit: int,
    query_workers: int,
    result_cache: float,
    base_url: str,
    trusted_proxy: str,
    child: bool,
) -> None:
    """Serve the explorer and the SPARQL endpoint (waitress, never a debug server).

    The server runs in a child process that is started again if it ever dies; visitors' work
    runs in worker processes under limits (see ARCHITECTURE.md).
    """
    from mandates.web import server

    try:
        obj.root.current()
    except MandatesError as err:
        fail(err)
    if not child:
        click.echo(f"Serving the UN Mandates Graph explorer at http://{host}:{port}/", err=True)
        options = {
            "--host": host,
            "--port": port,
            "--threads": threads,
            "--timeout": timeout,
            "--row-limit": row_limit,
            "--query-workers": query_workers,
            "--result-cache": result_cache,
            "--base-url": base_url,
            "--trusted-proxy": trusted_proxy,
        }
        command = [sys.executable, "-m", "mandates", "--store", str(obj.root.root), "serve"]
        command += [str(a) for option, value in options.items() for a in (option, value)]
        sys.exit(server.supervise([*command, "--child"]))
    config = {
        "STORE": str(obj.root.root),
        "QUERY_TIMEOUT": timeout,
        "ROW_LIMIT": row_limit,
        "QUERY_WORKERS": query_workers,
        "RESULT_CACHE_MB": result_cache,
        "BASE_URL": base_url or f"http://{host}:{port}/",
    }
    try:
        server.serve(config, host, port, threads, trusted_proxy or None)
    except (MandatesError, ValueError) as err:
        fail(MandatesError(str(err)))
