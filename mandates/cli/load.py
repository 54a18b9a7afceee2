"""``mandates load``: documents and RDF files added to the store in service, all or nothing."""

from __future__ import annotations

import getpass
from pathlib import Path

import click

from mandates.errors import MandatesError
from mandates.ingest.load import load as load_submissions
from mandates.ingest.load import read_files
from mandates.validation import NotConforming

from .context import Context, fail

REPORT_FORMATS = click.Choice(["text", "json", "turtle"])


@click.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--by", default=getpass.getuser, show_default="your user name", help="Who loads.")
@click.option(
    "--format",
    "fmt",
    type=REPORT_FORMATS,
    default="text",
    show_default=True,
    help="Format of the validation report, printed on standard error when it has results.",
)
@click.pass_obj
def load(obj: Context, files: tuple[Path, ...], by: str, fmt: str) -> None:
    """Add UN documents or RDF files to the store in service: validate, load, all or nothing.

    Documents (.txt, .md, .pdf, .html) go through the loader into the graph
    …/graph/source/<stem>; RDF files into …/graph/loaded/<stem>. Loading a file again replaces
    its graph. The report is `mandates validate`'s: if any file cannot be read or brings a
    Violation, nothing is loaded. Each load is recorded in the load log (`mandates loads`) and
    can be undone (`mandates unload`). Exit status: 0 loaded, 1 violations, 2 unreadable input.
    """
    try:
        submissions = read_files(obj.root, list(files))
        _entries, report = load_submissions(obj.root, submissions, by)
    except NotConforming as err:
        click.echo(err.report.dumps(fmt), err=True, nl=False)
        fail(err)
    except MandatesError as err:
        fail(err)
    if report.results:
        click.echo(report.dumps(fmt), err=True, nl=False)
    for s in submissions:
        counts = f"{s.relations} relations, " if s.relations is not None else ""
        click.echo(f"loaded {s.name}: {counts}{s.triples} triples into <{s.graph_iri}>")
