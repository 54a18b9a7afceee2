"""``mandates validate``, ``mandates query`` and ``mandates export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox
from rdflib import Graph

from .. import graph_export
from ..cli import Context, fail, main
from ..errors import MandatesError
from ..intake import kind_of
from ..loading import read_files
from ..network import build_graph
from ..query import run, serialize
from ..rdfio import rdf_files, rdf_format, triples_to_graph
from ..staging import check
from ..validation import ENGINES, validate_graph
from ..validation.engine import read_shapes, validate_alone

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
@click.option(
    "--shapes",
    "shapes",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A SHACL shapes file (repeatable) to use instead of the project's shapes; the files"
    " are then validated on their own, as `pyshacl -s` does.",
)
@click.pass_obj
def validate_command(
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
        try:
            text, source = path.read_text(encoding="utf-8"), query
        except UnicodeDecodeError as err:
            fail(MandatesError(f"not UTF-8 text: byte 0x{err.object[err.start]:02x}", query))
    try:
        results = run(obj.root.open_read_only(), text, source)
        click.echo(serialize(results, fmt), nl=False)
    except MandatesError as err:
        fail(err)


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(EXPORT_FORMATS) + list(graph_export.FORMATS)),
    default="trig",
    help="trig or nquads: every named graph; graphml, nodelink (JSON) or csv (edges with"
    " quotes): the graph of resources and their mandate and structural links.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (standard output if omitted).",
)
@click.option(
    "--iri",
    default=None,
    help="With graphml, nodelink or csv: only this resource and its neighbours.",
)
@click.pass_obj
def export_command(obj: Context, fmt: str, output: Path | None, iri: str | None) -> None:
    """Write the whole store as TriG or N-Quads, or its graph as GraphML, node-link or CSV."""
    try:
        store = obj.root.open_read_only()
        if fmt in EXPORT_FORMATS:
            if iri is not None:
                raise MandatesError("--iri goes with graphml, nodelink or csv", "--iri")
            named = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
            data = ox.serialize(named, format=EXPORT_FORMATS[fmt])
        else:
            graph = build_graph(store)
            if iri is not None:
                if iri not in graph:
                    raise MandatesError("no such resource in the graph", iri)
                graph = graph_export.around(graph, iri)
            data = graph_export.export(graph, fmt)
    except MandatesError as err:
        fail(err)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
