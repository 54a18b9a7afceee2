"""The saved analyst queries: one ``queries/NNN_slug.rq`` file each, read as typed objects and
as RDF (``sh:SPARQLExecutable`` resources, after SIB's sparql-examples), checked by a shape.

A file opens with a header of ``#+ key: value`` lines: ``id`` (the slug of the file name),
``description`` (the analyst's question), ``tags`` (comma-separated) and optionally
``endpoint``. The query may use every prefix of :data:`mandates.namespaces.PREFIXES`; use
:attr:`SavedQuery.full_text` to send it anywhere else. Unknown header keys are kept and become
``schema:<key>`` in RDF, where the metadata shape (``queries/spex-shape.ttl``) reports them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD

from mandates.errors import MandatesError
from mandates.namespaces import BASE, PREFIXES, sparql_prologue
from mandates.rdfio import results_bytes
from mandates.store.contract import QueryResult, ReadableStore

from .parse import SparqlSyntaxError, analyse
from .run import run as run_text

PACKAGE = "mandates.queries"
SHAPES = "spex-shape.ttl"
QUERY = Namespace(BASE + "query/")
SCHEMA = Namespace("https://schema.org/")
FORMS = {"SELECT": SH.select, "ASK": SH.ask, "CONSTRUCT": SH.construct}

_FILENAME = re.compile(r"(\d{3})_([a-z0-9]+(?:-[a-z0-9]+)*)\.rq")
_HEADER = re.compile(r"#\+\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


class SavedQueryError(MandatesError):
    """A saved query file that does not follow the ``NNN_slug.rq`` + ``#+`` header layout."""


@dataclass(frozen=True)
class SavedQuery:
    """One saved query: its metadata and its text (the header lines left out)."""

    id: str
    number: int
    filename: str
    description: str
    tags: tuple[str, ...]
    text: str
    form: str
    endpoint: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def full_text(self) -> str:
        """The query with its PREFIX lines, for a standard endpoint or the editor."""
        return sparql_prologue() + self.text

    @property
    def iri(self) -> URIRef:
        return QUERY[self.id]


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form of the parsed query (the project's
    prefixes declared).

    >>> query_form('# SELECT in a comment\\nASK { ?s ?p "SELECT" }')
    'ASK'
    """
    try:
        form = analyse(text, PREFIXES).form
    except SparqlSyntaxError as err:
        raise SavedQueryError(f"not a SPARQL 1.1 query: {err}") from None
    if form == "UPDATE":
        raise SavedQueryError("an update, not a query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    return form


def parse(filename: str, source: str) -> SavedQuery:
    """Read one saved query file; errors name the file and the line."""
    name = _FILENAME.fullmatch(filename)
    if not name:
        raise SavedQueryError("a saved query file is named NNN_slug.rq", filename)
    meta: dict[str, str] = {}
    lines = source.splitlines(keepends=True)
    body = 0
    while body < len(lines) and lines[body].startswith("#+"):
        header = _HEADER.fullmatch(lines[body].rstrip("\r\n"))
        if not header:
            raise SavedQueryError("a header line reads '#+ key: value'", f"{filename}:{body + 1}")
        meta[header.group(1)] = header.group(2)
        body += 1
    for key in ("id", "description", "tags"):
        if not meta.get(key):
            raise SavedQueryError(f"the header has no '#+ {key}:' line", f"{filename}:1")
    if meta["id"] != name.group(2):
        raise SavedQueryError(f"'#+ id: {meta['id']}' differs from the file name", f"{filename}:1")
    text = "".join(lines[body:])
    try:
        form = query_form(text)
    except SavedQueryError as err:
        raise SavedQueryError(err.message, filename) from None
    tags = tuple(t.strip() for t in meta["tags"].split(",") if t.strip())
    known = {"id", "description", "tags", "endpoint"}
    return SavedQuery(
        id=meta["id"],
        number=int(name.group(1)),
        filename=filename,
        description=meta["description"],
        tags=tags,
        text=text,
        form=form,
        endpoint=meta.get("endpoint") or None,
        extra={k: v for k, v in meta.items() if k not in known},
    )


@cache
def load_all() -> tuple[SavedQuery, ...]:
    """Every saved query of the package, in file order; ids and numbers are unique."""
    folder = files(PACKAGE)
    found = sorted(p.name for p in folder.iterdir() if p.name.endswith(".rq"))
    queries = tuple(parse(n, folder.joinpath(n).read_text(encoding="utf-8")) for n in found)
    for attribute in ("id", "number"):
        seen: dict[object, str] = {}
        for query in queries:
            value = getattr(query, attribute)
            if value in seen:
                message = f"{attribute} {value} is also used by {seen[value]}"
                raise SavedQueryError(message, query.filename)
            seen[value] = query.filename
    return queries


def by_id(query_id: str) -> SavedQuery | None:
    return next((q for q in load_all() if q.id == query_id), None)


def as_graph(queries: tuple[SavedQuery, ...] | None = None) -> Graph:
    """The saved queries as ``sh:SPARQLExecutable`` resources sharing one prefix declaration."""
    graph = Graph()
    for prefix, namespace in (("sh", SH), ("schema", SCHEMA), ("query", QUERY), ("dct", DCTERMS)):
        graph.bind(prefix, namespace)
    prefixes = QUERY["prefixes"]
    for prefix, iri in PREFIXES.items():
        declaration = BNode()
        graph.add((prefixes, SH.declare, declaration))
        graph.add((declaration, SH.prefix, Literal(prefix)))
        graph.add((declaration, SH.namespace, Literal(iri, datatype=XSD.anyURI)))
    for query in load_all() if queries is None else queries:
        node = query.iri
        graph.add((node, RDF.type, SH.SPARQLExecutable))
        if query.form in FORMS:
            kind = query.form.capitalize()
            graph.add((node, RDF.type, SH[f"SPARQL{kind}Executable"]))
            graph.add((node, FORMS[query.form], Literal(query.text)))
        graph.add((node, DCTERMS.identifier, Literal(query.id)))
        graph.add((node, RDFS.comment, Literal(query.description, lang="en")))
        graph.add((node, SH.prefixes, prefixes))
        for tag in query.tags:
            graph.add((node, SCHEMA.keywords, Literal(tag)))
        if query.endpoint:
            graph.add((node, SCHEMA.target, Literal(query.endpoint, datatype=XSD.anyURI)))
        for key, value in query.extra.items():
            graph.add((node, SCHEMA[key], Literal(value)))
    return graph


def shapes_graph() -> Graph:
    """The SHACL shape for the metadata of saved queries."""
    return Graph().parse(data=files(PACKAGE).joinpath(SHAPES).read_text("utf-8"), format="turtle")


def run(store: ReadableStore, query: SavedQuery) -> QueryResult:
    """Run a saved query on a pyoxigraph store (prefixes declared, union of the named graphs)."""
    return run_text(store, query.text, source=query.filename)


def results_document(results: QueryResult) -> str:
    """Results as reviewable text: SPARQL JSON with one row a line, or sorted N-Triples."""
    if isinstance(results, ox.QueryTriples):
        lines = results_bytes(results, ox.RdfFormat.N_TRIPLES).decode().splitlines()
        return "".join(f"{line}\n" for line in sorted(set(lines)))
    data = json.loads(results_bytes(results, ox.QueryResultsFormat.JSON))
    if "boolean" in data:
        return json.dumps(data, sort_keys=True) + "\n"
    rows = [
        json.dumps(row, ensure_ascii=False, sort_keys=True) for row in data["results"]["bindings"]
    ]
    head = json.dumps(data["head"])
    body = ",\n  ".join(rows)
    return f'{{\n "head": {head},\n "results": {{"bindings": [\n  {body}\n ]}}\n}}\n'


def expected_name(query: SavedQuery) -> str:
    """The name of the file of expected results: ``NNN_slug.expected.json`` (``.nt`` for graphs)."""
    suffix = "nt" if query.form == "CONSTRUCT" else "json"
    return f"{query.filename.removesuffix('.rq')}.expected.{suffix}"
