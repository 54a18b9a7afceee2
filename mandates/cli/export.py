"""``mandates export``: the store as TriG or N-Quads, or its graph as GraphML, node-link or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox

from mandates.errors import MandatesError
from mandates.graph import export as graph_export
from mandates.graph.network import build_graph
from mandates.rdfio import rdf_bytes

from .context import Context, fail

EXPORT_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


@click.command("export")
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
def export(obj: Context, fmt: str, output: Path | None, iri: str | None) -> None:
    """Write the whole store as TriG or N-Quads, or its graph as GraphML, node-link or CSV."""
    try:
        store = obj.root.open_read_only()
        if fmt in EXPORT_FORMATS:
            if iri is not None:
                raise MandatesError("--iri goes with graphml, nodelink or csv", "--iri")
            named = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
            data = rdf_bytes(named, EXPORT_FORMATS[fmt])
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
