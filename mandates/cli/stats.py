"""``mandates stats``: the counts of the store in service."""

from __future__ import annotations

import json

import click
import pyoxigraph as ox

from mandates.errors import MandatesError
from mandates.namespaces import short
from mandates.store.stats import Stats, store_stats

from .context import Context, fail


def print_stats(stats: Stats) -> None:
    click.echo(f"{stats.triples} triples in {len(stats.graphs)} named graphs")
    click.echo("\nper graph:")
    for graph, n in stats.graphs:
        click.echo(f"  {n:>8}  {graph}")
    click.echo("\nper class:")
    for cls, n in stats.classes:
        click.echo(f"  {n:>8}  {short(ox.NamedNode(cls))}")
    if stats.verbs:
        click.echo("\nmandate statements per verb:")
        for verb, n in stats.verbs:
            click.echo(f"  {n:>8}  {verb}")


@click.command("stats")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def stats(obj: Context, fmt: str) -> None:
    """Print the counts of the store in service: triples, graphs, classes, verbs."""
    try:
        stats = store_stats(obj.root.open_read_only())
    except MandatesError as err:
        fail(err)
    if fmt == "json":
        click.echo(json.dumps(stats.to_json(), indent=2))
    else:
        print_stats(stats)
