"""``mandates validate``, ``mandates query`` and ``mandates export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox

from ..cli import Context, fail, main
from ..errors import MandatesError
from ..query import run, serialize
from ..validation import ENGINES, validate_paths

EXPORT_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
    help="text for people, json for programs, turtle for the standard SHACL report.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="sparql",
    show_default=True,
    help="sparql: the shapes as queries on an embedded store (fast); pyshacl: the reference.",
)
def validate_command(paths: tuple[Path, ...], fmt: str, engine: str) -> None:
    """Validate RDF files and folders against the project's shapes.

    Reads Turtle (.ttl), TriG (.trig), N-Triples (.nt), N-Quads (.nq), JSON-LD (.jsonld) and
    RDF/XML (.rdf, .owl), all together as one graph. Exit status: 0 conforms (warnings
    allowed), 1 violations, 2 unreadable input.
    """
    try:
        report = validate_paths(list(paths), engine)
    except MandatesError as err:
        fail(err)
    click.echo(report.dumps(fmt), nl=False)
    sys.exit(0 if report.conforms else 1)


def _is_file(text: str) -> bool:
    """Whether a QUERY argument names a file (a long query string is not a path)."""
    try:
        return "\n" not in text and len(text) < 4096 and Path(text).is_file()
    except OSError:
        return False


@main.command("query")
@click.argument("query")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def query_command(obj: Context, query: str, fmt: str) -> None:
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
        text, source = path.read_text(encoding="utf-8"), query
    try:
        results = run(obj.root.open_read_only(), text, source)
        click.echo(serialize(results, fmt), nl=False)
    except MandatesError as err:
        fail(err)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="trig")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (standard output if omitted).",
)
@click.pass_obj
def export_command(obj: Context, fmt: str, output: Path | None) -> None:
    """Write the whole store, every named graph, as TriG or N-Quads."""
    try:
        store = obj.root.open_read_only()
    except MandatesError as err:
        fail(err)
    named = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    data = ox.serialize(named, format=EXPORT_FORMATS[fmt])
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
