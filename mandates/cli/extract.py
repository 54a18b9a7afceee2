"""``mandates extract``: what the loader finds in one UN document."""

from __future__ import annotations

import json
from pathlib import Path

import click

from mandates.errors import InputError, MandatesError
from mandates.ingest.load import naming_graph
from mandates.loader import extract_file
from mandates.loader.emit import emit
from mandates.loader.entities import Registry
from mandates.namespaces import PREFIXES

from .context import Context, fail


@click.command("extract")
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
def extract(obj: Context, file: Path, fmt: str) -> None:
    """Extract symbols, meetings and mandate relations from one UN document.

    Reads plain or markdown-ish text, PDF (text layer) and HTML. Each relation has its
    subject, verb, object, exact quote, paragraph, assertion status and evidence kind. With
    --format turtle, names are resolved against the store in service when there is one.
    """
    try:
        if not file.is_file():
            raise InputError(str(file), "no such file")
        extraction = extract_file(file).to_json()
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
