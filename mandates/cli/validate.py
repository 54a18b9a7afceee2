"""``mandates validate``: RDF files and UN documents checked against the shapes."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rdflib import Graph

from mandates.errors import MandatesError
from mandates.ingest.load import read_files
from mandates.ingest.naming import kind_of
from mandates.ingest.staging import check
from mandates.rdfio import rdf_files, rdf_format, triples_to_graph
from mandates.validation import ENGINES, validate_graph
from mandates.validation.engine import read_shapes, validate_alone

from .context import Context, fail


@click.command("validate")
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
@click.option(
    "--shapes",
    "shapes",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A SHACL shapes file (repeatable) to use instead of the project's shapes; the files"
    " are then validated on their own, as `pyshacl -s` does.",
)
@click.pass_obj
def validate(
    obj: Context, paths: tuple[Path, ...], fmt: str, engine: str, shapes: tuple[Path, ...]
) -> None:
    """Validate RDF files and UN documents against the project's shapes, as `load` would.

    Reads Turtle (.ttl), TriG (.trig), N-Triples (.nt), N-Quads (.nq), JSON-LD (.jsonld),
    RDF/XML (.rdf, .owl) and, named one by one, documents (.txt, .md, .pdf, .html) through the
    loader; folders give their RDF files. When a store has been built, the files are checked
    in its context, as `mandates load` and the web page do (references to what the store
    knows resolve; the report lists only what the files add); otherwise, and with --engine
    pyshacl, on their own with the ontology. With --shapes, against those shapes only, on
    their own. Exit status: 0 conforms (warnings allowed), 1 violations, 2 unreadable input
    or shapes this engine cannot run.
    """
    try:
        for path in rdf_files(list(paths)):
            if kind_of(path.name) is None:
                rdf_format(path)  # raises: neither RDF nor a document
        if shapes:
            compiled = read_shapes(list(shapes))
            submissions = read_files(None, list(paths))
            quads = [q for s in submissions for q in s.quads]
            report = validate_alone(quads, compiled, engine)
            report.files = [s.name for s in submissions]
            for note in report.notes:
                click.echo(f"note: {note}", err=True)
            click.echo(report.dumps(fmt), nl=False)
            sys.exit(0 if report.conforms else 1)
        in_context = engine == "sparql" and obj.root.exists()
        submissions = read_files(obj.root if in_context else None, list(paths))
        if in_context:
            report = check(obj.root, submissions)
        else:
            graph = Graph()
            for s in submissions:
                triples_to_graph(s.quads, graph)
            report = validate_graph(graph, engine)
            report.files = [s.name for s in submissions]
    except MandatesError as err:
        fail(err)
    click.echo(report.dumps(fmt), nl=False)
    sys.exit(0 if report.conforms else 1)
