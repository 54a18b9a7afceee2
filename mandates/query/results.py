"""Query results written for people (an aligned table, a spreadsheet) or programs (CSV, JSON)."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox

from mandates.namespaces import short
from mandates.rdfio import results_bytes
from mandates.store.contract import QueryResult


def as_table(results: QueryResult, width: int = 60) -> str:
    """Solutions as an aligned text table, booleans as yes/no, graphs as N-Triples."""
    if isinstance(results, ox.QueryBoolean):
        return ("yes" if bool(results) else "no") + "\n"
    if isinstance(results, ox.QueryTriples):
        return results_bytes(results, ox.RdfFormat.N_TRIPLES).decode()
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


def serialize(results: QueryResult, fmt: str) -> str:
    """Results as ``table``, ``csv`` or ``json`` (SPARQL 1.1 results formats)."""
    if fmt == "table":
        return as_table(results)
    if isinstance(results, ox.QueryTriples):
        return results_bytes(results, GRAPH_FORMATS[fmt]).decode()
    return results_bytes(results, RESULT_FORMATS[fmt]).decode()


#: What a spreadsheet takes for the start of a formula (tab and CR too: some strip them first).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMERIC = ("#integer", "#decimal", "#double", "#float")


def spreadsheet_cell(value: object, numeric: bool = False) -> str:
    r"""A CSV cell a spreadsheet shows as text, never runs (a number stays a number).

    >>> spreadsheet_cell('=HYPERLINK("http://x")'), spreadsheet_cell("-1"), spreadsheet_cell("a")
    ('\'=HYPERLINK("http://x")', "'-1", 'a')
    >>> spreadsheet_cell("-1", numeric=True), spreadsheet_cell("\tx")
    ('-1', "'\tx")
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) and not numeric else text


def spreadsheet_csv(results: ox.QuerySolutions) -> str:
    """SPARQL 1.1 CSV, with the cells a spreadsheet would run as a formula made inert."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = [v.value for v in results.variables]
    writer.writerow(names)
    for row in results:
        cells = []
        for name in names:
            term = row[name]
            numeric = isinstance(term, ox.Literal) and term.datatype.value.endswith(_NUMERIC)
            cells.append(spreadsheet_cell(None if term is None else term.value, numeric))
        writer.writerow(cells)
    return out.getvalue()
