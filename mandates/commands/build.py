"""``mandates build`` and ``mandates stats``."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click
import pyoxigraph as ox

from ..build import BuildError, prepare, write
from ..cli import SETTINGS, Context, fail, main
from ..errors import MandatesError
from ..query import short
from ..stats import Stats, store_stats


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


@main.command("build")
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=SETTINGS.data,
    show_default=True,
    envvar="MANDATES_DATA",
    help="Folder of source texts (sources/) and curated RDF files (curated/, one named graph"
    " per file; N-Triples, N-Quads, Turtle and TriG of any size are streamed into the store).",
)
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check before loading.")
@click.pass_obj
def build_command(obj: Context, data: Path, no_validate: bool) -> None:
    """Build a new store from DATA and swap it in when complete.

    Reads the ontology, the curated data and the source texts, validates them against the
    shapes, writes a new store beside the one in service and replaces it only at the end: a
    failed build leaves the previous store serving. Prints counts per graph and per class.

    Big data goes in DATA/curated/ as N-Triples, N-Quads, Turtle or TriG: those files are
    streamed into the store by pyoxigraph, never held in memory whole (the graph names of
    N-Quads and TriG files are replaced by the file's graph, as for every curated file). On
    big data the validation takes longer than the loading (about twice, measured on 1M
    triples): --no-validate skips it.
    """
    started = time.perf_counter()
    try:
        parts = prepare(data)
        with click.progressbar(
            parts,
            label="loading graphs",
            item_show_func=lambda p: p.graph.rsplit("/graph/", 1)[-1] if p else "",
            file=click.get_text_stream("stderr"),
        ) as bar:
            stats = write(obj.root, bar, validate=not no_validate)
    except BuildError as err:
        click.echo(err.report.to_text(), err=True)
        fail(err)
    except MandatesError as err:
        fail(err)
    print_stats(stats)
    click.echo(f"\nbuilt {obj.root.current()} in {time.perf_counter() - started:.2f} s")


@main.command("stats")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def stats_command(obj: Context, fmt: str) -> None:
    """Print the counts of the store in service: triples, graphs, classes, verbs."""
    try:
        stats = store_stats(obj.root.open_read_only())
    except MandatesError as err:
        fail(err)
    if fmt == "json":
        click.echo(json.dumps(stats.to_json(), indent=2))
    else:
        print_stats(stats)
