"""``mandates serve``: the explorer under a production WSGI server (waitress)."""

from __future__ import annotations

import click

from mandates.errors import MandatesError

from .context import SETTINGS, Context, fail


@click.command("serve")
@click.option("--host", default=SETTINGS.host, show_default=True, envvar="MANDATES_HOST")
@click.option("--port", default=SETTINGS.port, show_default=True, type=int, envvar="MANDATES_PORT")
@click.option("--threads", default=8, show_default=True, type=int, help="Worker threads.")
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
) -> None:
    """Serve the explorer and the SPARQL endpoint (waitress, never a debug server)."""
    import waitress

    from mandates.web import create_app

    try:
        obj.root.current()
        app = create_app(
            {
                "STORE": str(obj.root.root),
                "QUERY_TIMEOUT": timeout,
                "ROW_LIMIT": row_limit,
                "QUERY_WORKERS": query_workers,
                "RESULT_CACHE_MB": result_cache,
            }
        )
    except MandatesError as err:
        fail(err)
    click.echo(f"Serving the UN Mandates Graph explorer at http://{host}:{port}/", err=True)
    waitress.serve(app, host=host, port=port, threads=threads, ident="mandates")
