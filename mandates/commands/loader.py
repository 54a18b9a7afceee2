"""``mandates extract`` and ``mandates load``: the loader on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..build import BuildError
from ..cli import Context, fail, main
from ..errors import InputError, MandatesError
from ..loader import LoaderError, extract_file
from ..loader.emit import emit
from ..loader.entities import Registry
from ..loading import load_documents, naming_graph
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


@main.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
def load_command(obj: Context, files: tuple[Path, ...]) -> None:
    """Add UN documents to the store in service: extract, validate, load, all or nothing.

    Each document becomes its own named graph (loading it again replaces that graph). If any
    file cannot be read or the result does not pass the shapes, nothing is loaded and the
    report says why. Exit status: 0 loaded, 1 violations, 2 unreadable input.
    """
    try:
        loaded = load_documents(obj.root, list(files))
    except BuildError as err:
        click.echo(err.report.to_text(), err=True)
        fail(err)
    except MandatesError as err:
        fail(err)
    for item in loaded:
        click.echo(
            f"loaded {item.path}: {item.relations} relations, {item.triples} triples"
            f" into <{item.graph_iri}>"
        )
