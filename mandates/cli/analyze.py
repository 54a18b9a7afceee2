"""``mandates analyze``: centrality, shortest mandate paths, components and communities."""

from __future__ import annotations

import json

import click

from mandates.errors import MandatesError
from mandates.graph import analytics
from mandates.graph.labels import fallback
from mandates.graph.network import build_graph

from .context import Context, fail

FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for people, json for programs.",
)


@click.group("analyze")
def analyze() -> None:
    """Network analytics over the graph of mandates (networkx, read-only).

    Resources may be given as IRIs, UN symbols (A/RES/65/230), numbered resolutions
    (CCPCJ 22/7) or exact labels. Exit status 2 for an unknown resource.
    """


def _graph(obj: Context):
    try:
        return build_graph(obj.root.open_read_only())
    except MandatesError as err:
        fail(err)


def _table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [headers, *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def _name(row: dict) -> str:
    return f"{row['label']} ({fallback(row['iri'])})"


@analyze.command("centrality")
@click.option("--kind", type=click.Choice(analytics.KINDS), default="degree", show_default=True)
@click.option("--top", type=click.IntRange(1), default=10, show_default=True)
@click.option("--category", help="Only nodes of one kind: body, document, meeting, agent …")
@FORMAT
@click.pass_obj
def centrality(obj: Context, kind: str, top: int, category: str | None, fmt: str) -> None:
    """The most central resources, by degree or betweenness centrality."""
    rows = analytics.centrality(_graph(obj), kind, top, category)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    body = [
        [i, f"{r['score']:.6f}", r["degree"], r["type"], _name(r)] for i, r in enumerate(rows, 1)
    ]
    click.echo(_table(["rank", "centrality", "degree", "type", "resource"], body), nl=False)


@analyze.command("path")
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option("--directed", is_flag=True, help="Follow edges only in their direction.")
@click.option("--all-links", is_flag=True, help="Also follow structural links (adopted by …).")
@FORMAT
@click.pass_obj
def path(obj: Context, source: str, target: str, directed: bool, all_links: bool, fmt: str):
    """The shortest mandate path between two resources (exit status 1 when there is none)."""
    graph = _graph(obj)
    try:
        ends = [analytics.resolve(graph, source), analytics.resolve(graph, target)]
    except MandatesError as err:
        fail(err)
    found = analytics.path(graph, ends[0], ends[1], directed, "all" if all_links else "mandate")
    if fmt == "json":
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
    elif found["length"] is None:
        click.echo(f"no path from {fallback(ends[0])} to {fallback(ends[1])}")
    else:
        lines = [_name(found["nodes"][0])]
        for step, node in zip(found["edges"], found["nodes"][1:], strict=True):
            arrow = f"--{step['label']}-->" if step["forward"] else f"<--{step['label']}--"
            lines.append(f"  {arrow} {_name(node)}")
        click.echo("\n".join(lines) + f"\nlength {found['length']}")
    raise SystemExit(0 if found["length"] is not None else 1)


def _groups(found: dict, key: str, fmt: str, header: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    rows = [
        [g["id"], g["size"], "; ".join(f"{m['label']} ({m['degree']})" for m in g["members"])]
        for g in found[key]
    ]
    click.echo(header)
    click.echo(_table(["#", "size", "best connected (degree)"], rows), nl=False)


@analyze.command("components")
@FORMAT
@click.pass_obj
def components(obj: Context, fmt: str) -> None:
    """The connected components (edge direction ignored), largest first."""
    found = analytics.components(_graph(obj))
    _groups(found, "components", fmt, f"{found['count']} components, {found['nodes']} nodes")


@analyze.command("communities")
@FORMAT
@click.pass_obj
def communities(obj: Context, fmt: str) -> None:
    """Communities of resources (greedy modularity; Louvain on large graphs), largest first."""
    found = analytics.communities(_graph(obj))
    header = f"{found['count']} communities ({found['method']}, modularity {found['modularity']})"
    _groups(found, "communities", fmt, header)
