"""``mandates query``: a SPARQL query on the store in service."""

from __future__ import annotations

from pathlib import Path

import click

from mandates.errors import MandatesError
from mandates.query.results import serialize
from mandates.query.run import run

from .context import Context, fail


def _is_file(text: str) -> bool:
    """Whether a QUERY argument names a file (a long query string is not a path)."""
    try:
        return "\n" not in text and len(text) < 4096 and Path(text).is_file()
    except OSError:
        return False


@click.command("query")
@click.argument("query")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def query(obj: Context, query: str, fmt: str) -> None:
    """Run a SPARQL query (a string, or a .rq file) on the store in service.

    The project's prefixes (mnd:, verb:, id:, body:, rdfs:, skos:, dct:, prov:, xsd: …) are declared
    for you; the query sees the union of all named graphs.
    """
    source = "query"
    text = query
    if query.endswith(".rq") or _is_file(query):
        path = Path(query)
        if not path.is_file():
            fail(MandatesError("no such query file", query))
        try:
            text, source = path.read_text(encoding="utf-8"), query
        except UnicodeDecodeError as err:
            fail(MandatesError(f"not UTF-8 text: byte 0x{err.object[err.start]:02x}", query))
    try:
        results = run(obj.root.open_read_only(), text, source)
        click.echo(serialize(results, fmt), nl=False)
    except MandatesError as err:
        fail(err)
