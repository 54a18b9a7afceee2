"""Reading the data in service on a SPARQL server, shaped like ``pyoxigraph.Store``.

Every query is sent with the merge of the named graphs (``…/graph/merged``) as its default
graph and the store's named graphs as named graphs, unless it names its own dataset, so that it
sees what it sees on the embedded store. Answers are parsed into pyoxigraph's result types, so
every reader of the store runs unchanged.
"""

from __future__ import annotations

import re
import urllib.error
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from mandates.namespaces import sparql_prologue
from mandates.query.parse import QueryInfo, SparqlSyntaxError, analyse
from mandates.query.run import construct, select

from .endpoints import MERGED, Endpoints, ServerError, _unreachable

#: Beyond this many named graphs, queries are not sent the list (too long a request): GRAPH ?g
#: then also sees the backend's own two graphs.
MAX_LISTED_GRAPHS = 2000
#: Virtuoso names blank nodes "nodeID://b123" in JSON results: not a blank node label.
_VIRTUOSO_BNODE = re.compile(rb'("type": ?"bnode", ?"value": ?")nodeID://')


def _info(text: str, prefixes: dict[str, str] | None) -> QueryInfo | None:
    """What the parsed query asks for; None when it does not parse (the server says why)."""
    try:
        return analyse(text, prefixes or {})
    except SparqlSyntaxError:
        return None


def _form(info: QueryInfo | None) -> str:
    """The query form (SPARQLWrapper's own guess reads comments: "… to load elsewhere" made
    it a LOAD, sent as an update)."""
    return info.form if info is not None and info.form != "UPDATE" else "SELECT"


def _uses_dataset_clause(info: QueryInfo | None) -> bool:
    """Whether the query names its own dataset (FROM / FROM NAMED)."""
    return info is not None and bool(info.default_graphs or info.named_graphs)


class RemoteStore:
    """Read access to the data in service on a SPARQL server, shaped like ``pyoxigraph.Store``:
    ``query``, ``quads_for_pattern``, ``contains_named_graph`` and iteration over all quads."""

    def __init__(self, endpoints: Endpoints, graphs: tuple[str, ...]) -> None:
        self.endpoints = endpoints
        self.graphs = graphs

    # -- queries -------------------------------------------------------------------------------

    def query(
        self,
        query: str,
        *,
        prefixes: dict[str, str] | None = None,
        base_iri: str | None = None,
        default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None,
        named_graphs: list[ox.NamedNode | ox.BlankNode] | None = None,
        use_default_graph_as_union: bool = False,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a query on the server; the answer is parsed into pyoxigraph's result types."""
        if use_default_graph_as_union:
            raise ValueError("the default graph is the merge of the named graphs already")
        text = sparql_prologue(prefixes or {}, base_iri) + query
        info = _info(text, None)
        wrapper = self._wrapper(text, _form(info))
        if default_graph is not None or named_graphs is not None:
            for g in default_graph or ():
                if isinstance(g, ox.BlankNode):
                    raise ValueError("a SPARQL server names no graph by a blank node")
                wrapper.addDefaultGraph(MERGED if isinstance(g, ox.DefaultGraph) else g.value)
            for g in named_graphs or ():
                if isinstance(g, ox.BlankNode):
                    raise ValueError("a SPARQL server names no graph by a blank node")
                wrapper.addNamedGraph(g.value)
        elif not _uses_dataset_clause(info):
            self._dataset(wrapper)
        graph_form = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if graph_form else JSON)
        body = self._send(wrapper)
        if graph_form:
            return _as_query_triples(ox.parse(body, format=ox.RdfFormat.TURTLE))
        body = _VIRTUOSO_BNODE.sub(rb"\1", body)
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def _wrapper(self, text: str, form: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.endpoints.query)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setTimeout(int(self.endpoints.timeout))
        wrapper.setQuery(text)
        wrapper.queryType = form  # a query, never sent as an update
        return wrapper

    def _dataset(self, wrapper: SPARQLWrapper) -> None:
        """The dataset of the embedded store: the merge as default graph, the named graphs."""
        wrapper.addDefaultGraph(MERGED)
        if len(self.graphs) <= MAX_LISTED_GRAPHS:
            for g in self.graphs:
                wrapper.addNamedGraph(g)

    def _send(self, wrapper: SPARQLWrapper) -> bytes:
        try:
            return wrapper.query().response.read()
        except QueryBadFormed as err:
            raise SyntaxError(_server_message(err)) from None
        except SPARQLWrapperException as err:
            raise ServerError(
                f"the SPARQL server refused the query: {err.msg}", self.endpoints.query
            ) from None
        except (urllib.error.URLError, OSError) as err:
            raise _unreachable(self.endpoints.query, err) from None

    # -- patterns ------------------------------------------------------------------------------

    def quads_for_pattern(
        self,
        subject: ox.NamedNode | ox.BlankNode | None,
        predicate: ox.NamedNode | None,
        object: ox.NamedNode | ox.BlankNode | ox.Literal | None,
        graph_name: ox.NamedNode | ox.DefaultGraph | None = None,
    ) -> Iterator[ox.Quad]:
        """Quads matching a pattern, as pyoxigraph gives them (None: any graph, default too)."""
        terms = [subject, predicate, object]
        if any(isinstance(t, ox.BlankNode) for t in terms):
            return iter(())  # blank node labels do not survive a round trip to the server
        pattern = " ".join(
            str(t) if t is not None else f"?{v}" for t, v in zip(terms, "spo", strict=True)
        )
        if isinstance(graph_name, ox.DefaultGraph):
            where = f"{{ {pattern} }}"
        elif isinstance(graph_name, ox.NamedNode):
            where = f"{{ GRAPH {graph_name} {{ {pattern} }} }}"
        else:
            where = f"{{ {{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }} }}"
        rows = select(self, f"SELECT * WHERE {where}", prefixes={})
        return (_quad(row, terms, graph_name) for row in rows)

    def contains_named_graph(self, graph_name: ox.NamedNode) -> bool:
        return graph_name.value in self.graphs

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return (ox.NamedNode(g) for g in self.graphs)

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern(None, None, None, None)

    def __len__(self) -> int:
        text = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        return int(next(iter(select(self, text, prefixes={})))[0].value)


def _server_message(err: SPARQLWrapperException) -> str:
    text = str(err)
    return text.split("Response:", 1)[-1].strip() or text


def _quad(row: ox.QuerySolution, terms: list, graph_name: object) -> ox.Quad:
    s, p, o = (t if t is not None else row[v] for t, v in zip(terms, "spo", strict=True))
    graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph
    if isinstance(graph_name, ox.NamedNode):
        graph = graph_name
    elif isinstance(graph_name, ox.DefaultGraph) or row["g"] is None:
        graph = ox.DefaultGraph()
    else:
        graph = row["g"]
    return ox.Quad(s, p, o, graph)


def _as_query_triples(triples: Iterable[ox.Triple]) -> ox.QueryTriples:
    """Triples parsed from a server's answer, as the result of a CONSTRUCT on the embedded store."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return construct(scratch, "CONSTRUCT WHERE { ?s ?p ?o }", prefixes={})
