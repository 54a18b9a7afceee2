"""``mandates unload``: a load undone."""

from __future__ import annotations

import getpass

import click

from mandates.errors import MandatesError
from mandates.ingest.load import unload as unload_graph
from mandates.validation import NotConforming

from .context import Context, fail


@click.command("unload")
@click.argument("graph")
@click.option("--by", default=getpass.getuser, show_default="your user name", help="Who removes.")
@click.pass_obj
def unload(obj: Context, graph: str, by: str) -> None:
    """Undo a load: remove a loaded graph (its IRI, or the file name it was loaded from).

    All or nothing, in a new store version, recorded in the load log. Refused when what
    remains would not pass the shapes (another load uses the graph). Exit status: 0 removed,
    1 violations, 2 not a loaded graph.
    """
    try:
        entry = unload_graph(obj.root, graph, by)
    except NotConforming as err:
        click.echo(err.report.to_text(), err=True, nl=False)
        fail(err)
    except MandatesError as err:
        fail(err)
    click.echo(f"removed <{entry.graph}>: {entry.triples} triples")
