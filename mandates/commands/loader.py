"""``mandates extract``, ``load``, ``unload`` and ``loads``: the loader on the command line."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import click

from ..build import BuildError
from ..cli import Context, fail, main
from ..errors import InputError, MandatesError
from ..load_log import entries
from ..loader import LoaderError, extract_file
from ..loader.emit import emit
from ..loader.entities import Registry
from ..loading import load, naming_graph, read_files, unload
from ..namespaces import PREFIXES


@main.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "turtle"]),
    default="json",
    show_default=True,
    help="json: the whole extraction; jsonl: one relation per line; turtle: the RDF.",
)
@click.pass_obj
def extract_command(obj: Context, file: Path, fmt: str) -> None:
    """Extract symbols, meetings and mandate relations from one UN document.

    Reads plain or markdown-ish text, PDF (text layer) and HTML. Each relation has its
    subject, verb, object, exact quote, paragraph, assertion status and evidence kind. With
    --format turtle, names are resolved against the store in service when there is one.
    """
    try:
        if not file.is_file():
            raise InputError(str(file), "no such file")
        extraction = extract_file(file).to_json()
    except LoaderError as err:
        fail(InputError(err.reference, err.message))
    except MandatesError as err:
        fail(err)
    if fmt == "json":
        click.echo(json.dumps(extraction, indent=2, ensure_ascii=False))
    elif fmt == "jsonl":
        for row in extraction["relations"]:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        registry = Registry(naming_graph(obj.root.open_read_only())) if obj.root.exists() else None
        graph = emit(extraction, file.stem, registry)
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri)
        click.echo(graph.serialize(format="turtle"), nl=False)


REPORT_FORMATS = click.Choice(["text", "json", "turtle"])


@main.command("load")
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
def load_command(obj: Context, files: tuple[Path, ...], by: str, fmt: str) -> None:
    """Add UN documents or RDF files to the store in service: validate, load, all or nothing.

    Documents (.txt, .md, .pdf, .html) go through the loader into the graph
    …/graph/source/<stem>; RDF files into …/graph/loaded/<stem>. Loading a file again replaces
    its graph. The report is `mandates validate`'s: if any file cannot be read or brings a
    Violation, nothing is loaded. Each load is recorded in the load log (`mandates loads`) and
    can be undone (`mandates unload`). Exit status: 0 loaded, 1 violations, 2 unreadable input.
    """
    try:
        submissions = read_files(obj.root, list(files))
        _entries, report = load(obj.root, submissions, by)
    except BuildError as err:
        click.echo(err.report.dumps(fmt), err=True, nl=False)
        fail(err)
    except MandatesError as err:
        fail(err)
    if report.results:
        click.echo(report.dumps(fmt), err=True, nl=False)
    for s in submissions:
        counts = f"{s.relations} relations, " if s.relations is not None else ""
        click.echo(f"loaded {s.name}: {counts}{s.triples} triples into <{s.graph_iri}>")


@main.command("unload")
@click.argument("graph")
@click.option("--by", default=getpass.getuser, show_default="your user name", help="Who removes.")
@click.pass_obj
def unload_command(obj: Context, graph: str, by: str) -> None:
    """Undo a load: remove a loaded graph (its IRI, or the file name it was loaded from).

    All or nothing, in a new store version, recorded in the load log. Refused when what
    remains would not pass the shapes (another load uses the graph). Exit status: 0 removed,
    1 violations, 2 not a loaded graph.
    """
    try:
        entry = unload(obj.root, graph, by)
    except BuildError as err:
        click.echo(err.report.to_text(), err=True, nl=False)
        fail(err)
    except MandatesError as err:
        fail(err)
    click.echo(f"removed <{entry.graph}>: {entry.triples} triples")


@main.command("loads")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def loads_command(obj: Context, fmt: str) -> None:
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
