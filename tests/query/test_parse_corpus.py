"""Queries the project really sends: every saved query (with the project's prefixes
predeclared, as the endpoint does), the requests of the W3C SPARQL 1.1 Protocol tests, and the
queries the other tests send to the endpoint. All parse, with the form they say they have;
the ones meant to be broken do not."""

from __future__ import annotations

import urllib.parse

import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

from mandates.namespaces import PREFIXES
from mandates.query import saved
from mandates.query.parse import SparqlSyntaxError, analyse

from support import SHARED

SAVED = saved.load_all()


def test_the_saved_queries_are_found() -> None:
    assert len(SAVED) >= 14


@pytest.mark.parametrize("query", SAVED, ids=lambda q: q.id)
def test_every_saved_query_parses_with_the_project_prefixes(query: saved.SavedQuery) -> None:
    info = analyse(query.text, PREFIXES)
    assert info.form == query.form
    assert (info.services, info.update, info.volatile) == ((), None, frozenset())
    assert info.prefixes_used <= set(PREFIXES)


@pytest.mark.parametrize("query", SAVED, ids=lambda q: q.id)
def test_every_saved_query_parses_as_sent_elsewhere(query: saved.SavedQuery) -> None:
    """With its PREFIX lines written out (``full_text``), as another endpoint receives it."""
    assert analyse(query.full_text).form == query.form


# The W3C protocol tests ----------------------------------------------------------------------

MANIFEST = SHARED / "conformance/sparql11-protocol/manifest.ttl"
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
#: The protocol tests whose text is broken on purpose.
BROKEN = {"bad_query_syntax", "bad_update_syntax"}


def protocol_requests() -> list[tuple[str, str, str]]:
    """(test name, ``query`` or ``update``, text) for every text the manifest's requests
    carry: in the URL's query string, in a form body, or as the body itself."""
    graph = Graph().parse(MANIFEST)
    found = []
    for test in sorted(graph.subjects(RDF.type, MF.ProtocolTest)):
        name = str(test).rsplit("#", 1)[1]
        requests = Collection(graph, graph.value(graph.value(test, MF.action), HT.requests))
        for request in requests:
            path = str(graph.value(request, HT.absolutePath))
            params = urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query)
            body = graph.value(graph.value(request, HT.body), CNT.chars)
            types = [
                str(graph.value(h, HT.fieldValue))
                for h in Collection(graph, graph.value(request, HT.headers) or RDF.nil)
                if str(graph.value(h, HT.fieldName)).lower() == "content-type"
            ]
            if body is not None and str(body).startswith(("query=", "update=")):
                params += urllib.parse.parse_qsl(str(body))
            elif body is not None:
                update = any("update" in t for t in types) or "update" in name
                kind = (
                    "query" if any("sparql-query" in t for t in types) or not update else "update"
                )
                params.append((kind, str(body)))
            found += [(name, k, v) for k, v in params if k in ("query", "update")]
    return found


PROTOCOL = protocol_requests() if MANIFEST.exists() else []


def test_the_protocol_requests_are_found() -> None:
    assert len(PROTOCOL) >= 40, MANIFEST


@pytest.mark.parametrize(
    ("name", "kind", "text"), PROTOCOL, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(PROTOCOL)]
)
def test_every_protocol_request_parses(name: str, kind: str, text: str) -> None:
    if name in BROKEN:
        with pytest.raises(SparqlSyntaxError):
            analyse(text)
        return
    info = analyse(text)
    assert (info.form == "UPDATE") == (kind == "update"), text
    assert not info.uses_service


# The queries the other tests send to the endpoint (tests/web, tests/attacks, tests/ingest,
# tests/store), copied here: they must keep parsing once the endpoint reads them this way.

SENT = [
    "SELECT ?symbol WHERE { ?r a mnd:Resolution ; mnd:symbol ?symbol } ORDER BY ?symbol",
    "CONSTRUCT WHERE { ?r a mnd:Resolution ; mnd:symbol ?symbol }",
    "ASK { ?r mnd:requested body:ccpcj }",
    "ASK { body:ccpcj mnd:requested ?x }",
    "CONSTRUCT { ?r mnd:requested ?b } WHERE { ?r mnd:requested ?b }",
    "ASK {}",
    "ASK {}" + " " * 40_000,
    "ASK { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
    "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
    "SELECT (COUNT(*) AS ?n) FROM <file:///tmp/secret.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///tmp/secret.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/un-mandates/graph/x> WHERE { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * { ?s ?p ?o } LIMIT 1",
    "SELECT * { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "SELECT * { VALUES ?x { 1 2 3 4 5 } }",
    "SELECT * { VALUES ?x { 1 2 3 4 5 6 } }",
    "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
    "ASK { GRAPH <urn:test:added> { ?s ?p ?o } }",
    "SELECT ?g { GRAPH ?g { <urn:test:x> ?p ?o } }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?class } # cache test",
    "PREFIX mnd: <https://w3id.org/un-mandates/ontology#>\n"
    "SELECT ?meeting ?n WHERE { ?meeting a mnd:Meeting ; mnd:ordinal ?n ;"
    " mnd:meetingOf <https://w3id.org/un-mandates/id/body/expert-group-cybercrime> }"
    " ORDER BY ?n",
    "SELECT (COUNT(*) AS ?n) { ?a (!<http://x/p>)* ?b . ?c (!<http://x/q>)* ?d }",
    "ASK { <http://example.org/" + "x" * 200_000 + "> ?p ?o }",
    'ASK { ?s ?p "\u202e😀 e\u0301 Ⅶ \ufeff \u200b" }',
    'ASK { ?s ?p "\ufffd\ufffd" }',
    "#" + "x" * (1024 * 1024) + "\nASK {}",
    "ASK { " + ("<http://example.org/" + "x" * 200_000 + ">")[:100_000] + "> ?p ?o }",
]

#: Sent to be refused for what they ask, not for their syntax: (text, what the parser finds).
REFUSED = {
    "SELECT (RAND() AS ?r) WHERE {}": "volatile",
    "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }": "service",
    "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }": "service",
    "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }": "update",
    "DELETE WHERE { ?s ?p ?o }": "update",
    "DELETE DATA { <http://example.org/s> <http://example.org/p> 1 }": "update",
    "CLEAR ALL": "update",
    "DROP ALL": "update",
    "LOAD <file:///etc/passwd>": "update",
}

#: Sent broken on purpose.
BROKEN_SENT = [
    "SELECT * WHERE {\n  ?s ?p }",
    "SELECT * WHERE {\n?s ?p }",
    "PREFIX ex: <http://example.org/>\nASK {\n\n ex:a ex:b }",
    "SELECT WHERE",
    "ASK { <http://x/\u202e😀 e\u0301 Ⅶ \ufeff \u200b> ?p ?o }",
]


@pytest.mark.parametrize("text", SENT, ids=[t[:40] for t in SENT])
def test_queries_sent_by_the_tests_parse(text: str) -> None:
    info = analyse(text, PREFIXES)
    assert (info.services, info.update, info.volatile) == ((), None, frozenset())


@pytest.mark.parametrize(("text", "what"), REFUSED.items(), ids=list(REFUSED))
def test_queries_sent_to_be_refused_are_found(text: str, what: str) -> None:
    info = analyse(text, PREFIXES)
    found = {"volatile": bool(info.volatile), "service": info.uses_service}
    found["update"] = info.update == text.split()[0]
    assert [k for k, v in found.items() if v] == [what]


@pytest.mark.parametrize("text", BROKEN_SENT, ids=[t[:40] for t in BROKEN_SENT])
def test_queries_sent_broken_are_refused(text: str) -> None:
    with pytest.raises(SparqlSyntaxError):
        analyse(text, PREFIXES)
