"""``mandates loads``: the load log, newest first."""

from __future__ import annotations

import json

import click

from mandates.errors import MandatesError
from mandates.ingest.log import entries

from .context import Context, fail


@click.command("loads")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def loads(obj: Context, fmt: str) -> None:
    """List the load log, newest first: when, load or undo, who, graph, triples, file."""
    try:
        log = entries(obj.root.open_read_only())
    except MandatesError as err:
        fail(err)
    if fmt == "json":
        click.echo(json.dumps([e.to_json() for e in log], indent=2, ensure_ascii=False))
        return
    for e in log:
        who = f"{e.by} ({e.address})" if e.address else e.by
        click.echo(f"{e.at}  {e.action:4}  {who}  <{e.graph}>  {e.triples} triples  {e.source}")
