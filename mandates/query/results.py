"""Query results written for people (an aligned table) or programs (CSV, JSON)."""

from __future__ import annotations

import pyoxigraph as ox

from mandates.namespaces import short


def as_table(results: object, width: int = 60) -> str:
    """Solutions as an aligned text table, booleans as yes/no, graphs as N-Triples."""
    if isinstance(results, ox.QueryBoolean):
        return ("yes" if bool(results) else "no") + "\n"
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES).decode()
    names = [v.value for v in results.variables]
    rows = [[_clip(short(row[n]), width) for n in names] for row in results]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "json": ox.QueryResultsFormat.JSON}
GRAPH_FORMATS = {"csv": ox.RdfFormat.N_TRIPLES, "json": ox.RdfFormat.JSON_LD}


def serialize(results: object, fmt: str) -> str:
    """Results as ``table``, ``csv`` or ``json`` (SPARQL 1.1 results formats)."""
    if fmt == "table":
        return as_table(results)
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=GRAPH_FORMATS[fmt]).decode()
    return results.serialize(format=RESULT_FORMATS[fmt]).decode()
