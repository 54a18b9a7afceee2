"""The endpoint's guards, read from the parsed query: SERVICE, updates and volatile functions
are found wherever the grammar puts them, and only there.

The first case is the red team's bypass of the text-based guard: ``ex:a\\#`` (an escaped ``#``
in a prefixed name) was taken for the start of a comment, hiding what followed on the line.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from mandates.namespaces import PREFIXES
from mandates.query.parse import SparqlSyntaxError, analyse

EX = "PREFIX ex: <http://example.org/>\n"
SERVICE = "SERVICE <http://127.0.0.1:5199/> { ?x ?y ?z }"

HIDDEN_SERVICES = {
    "escaped hash in a local name": EX + r"SELECT ?x { BIND(ex:a\# AS ?b) " + SERVICE + " }",
    "escaped dot in a local name": EX + r"SELECT ?x { BIND(ex:a\. AS ?b) " + SERVICE + " }",
    "escaped slash, tilde and quote": EX + r"SELECT * { ?x ex:a\/b\~c\'d ?z " + SERVICE + " }",
    "percent-encoded hash": EX + "SELECT ?x { BIND(ex:a%23 AS ?b) " + SERVICE + " }",
    "hash inside an IRI": "SELECT * { ?x <http://x/#> ?z . " + SERVICE + " }",
    "hash inside a string": "SELECT * { ?x ?y '# not a comment' . " + SERVICE + " }",
    "after a comment naming SERVICE": "SELECT * { # SERVICE <http://a/> {}\n" + SERVICE + " }",
    "after a string naming SERVICE": 'SELECT * { ?x ?y "SERVICE <http://a/> {}" ' + SERVICE + "}",
    "after a long string with quotes": "SELECT * { ?x ?y '''it's ''quoted'' '''. " + SERVICE + "}",
    "after a long string with a newline": 'SELECT * { ?x ?y """a\n"b"\n""" ' + SERVICE + " }",
    "after an escaped quote": r"SELECT * { ?x ?y 'it\'s' " + SERVICE + " }",
    "lower case": "select * { service <http://127.0.0.1:5199/> { ?x ?y ?z } }",
    "mixed case": "SELECT * { sErViCe <http://127.0.0.1:5199/> { ?x ?y ?z } }",
    "SILENT": "SELECT * { SERVICE SILENT <http://127.0.0.1:5199/> { ?x ?y ?z } }",
    "a variable bound by VALUES": "SELECT * { VALUES ?e { <http://127.0.0.1:5199/> } "
    "SERVICE ?e { ?x ?y ?z } }",
    "a variable bound by a trailing VALUES": "SELECT * { SERVICE ?e { ?x ?y ?z } } "
    "VALUES ?e { <http://127.0.0.1:5199/> }",
    "in a sub-select": "SELECT * { { SELECT ?x { " + SERVICE + " } } }",
    "in a bare sub-select": "SELECT * { SELECT ?x { " + SERVICE + " } }",
    "in FILTER EXISTS": "SELECT * { ?x ?y ?z FILTER EXISTS { " + SERVICE + " } }",
    "in FILTER NOT EXISTS": "SELECT * { ?x ?y ?z FILTER (NOT EXISTS { " + SERVICE + " }) }",
    "in an expression's EXISTS": "SELECT (EXISTS { " + SERVICE + " } AS ?e) {}",
    "in a nested group": "SELECT * { { { { " + SERVICE + " } } } }",
    "in OPTIONAL": "SELECT * { OPTIONAL { " + SERVICE + " } }",
    "in MINUS": "SELECT * { ?x ?y ?z MINUS { " + SERVICE + " } }",
    "in a UNION branch": "SELECT * { { ?x ?y ?z } UNION { " + SERVICE + " } }",
    "in GRAPH": "SELECT * { GRAPH ?g { " + SERVICE + " } }",
    "in SERVICE": "SELECT * { SERVICE <http://a/> { " + SERVICE + " } }",
    "in HAVING's EXISTS": "SELECT (COUNT(*) AS ?n) { ?x ?y ?z } HAVING (EXISTS { "
    + SERVICE
    + " })",
    "in ORDER BY": "SELECT * { ?x ?y ?z } ORDER BY (EXISTS { " + SERVICE + " })",
    "in ASK": "ASK { " + SERVICE + " }",
    "in CONSTRUCT WHERE": "CONSTRUCT { ?x ?y ?z } WHERE { " + SERVICE + " }",
    "in DESCRIBE": "DESCRIBE ?x WHERE { " + SERVICE + " }",
    "after a comment without a newline before it": "SELECT * {#\n" + SERVICE + "}",
    "after a carriage return": "SELECT * { # c\r" + SERVICE + " }",
    "without spaces": "SELECT*{SERVICE<http://127.0.0.1:5199/>{?x ?y ?z}}",
    "in an update's WHERE": "DELETE { ?x ?y ?z } WHERE { " + SERVICE + " }",
}


@pytest.mark.parametrize("text", HIDDEN_SERVICES.values(), ids=HIDDEN_SERVICES.keys())
def test_service_is_found_wherever_the_grammar_puts_it(text: str) -> None:
    info = analyse(text)
    assert info.uses_service
    assert len(info.services) == (2 if text.startswith("SELECT * { SERVICE <http://a/>") else 1)


def test_service_targets_are_named() -> None:
    info = analyse("SELECT * { SERVICE ?e {} SERVICE SILENT <http://x/> {} }")
    assert sorted(info.services) == ["<http://x/>", "?e"]


NOT_SERVICES = {
    "a prefixed name": EX + "SELECT * { ?x ex:service ex:SERVICE }",
    "a prefix named service": "PREFIX service: <http://x/> SELECT * { ?x service:a ?z }",
    "a variable": "SELECT ?service { ?service ?y $SERVICE }",
    "a string": "SELECT * { ?x ?y 'SERVICE <http://a/> { ?s ?p ?o }' }",
    "a long string": "SELECT * { ?x ?y '''\nSERVICE <http://a/> {}\n''' }",
    "an IRI": "SELECT * { ?x <http://x/SERVICE> <http://a/#SERVICE> }",
    "a comment": "SELECT * { ?x ?y ?z } # SERVICE <http://a/> { }",
    "a language tag": "SELECT * { ?x ?y 'a'@service }",
    "a blank node label": "SELECT * { _:SERVICE ?y ?z }",
    "a function's local name": EX + "SELECT * { FILTER(ex:SERVICE(?x)) }",
    "an escaped local name": EX + r"SELECT * { ?x ex:a\#SERVICE ?z }",
}


@pytest.mark.parametrize("text", NOT_SERVICES.values(), ids=NOT_SERVICES.keys())
def test_service_as_part_of_names_and_strings_is_not_flagged(text: str) -> None:
    info = analyse(text)
    assert (info.services, info.update, info.volatile) == ((), None, frozenset())


VOLATILE_CASES = {
    "NOW": ("SELECT (NOW() AS ?t) {}", {"NOW"}),
    "RAND": ("SELECT * { BIND(RAND() AS ?r) }", {"RAND"}),
    "UUID": ("SELECT * { BIND(UUID() AS ?u) }", {"UUID"}),
    "STRUUID": ("SELECT * { BIND(STRUUID() AS ?u) }", {"STRUUID"}),
    "BNODE without argument": ("SELECT * { BIND(BNODE() AS ?b) }", {"BNODE"}),
    "BNODE with an argument": ("SELECT * { BIND(BNODE('x') AS ?b) }", {"BNODE"}),
    "lower case with spaces": ("SELECT (now ( ) AS ?t) {}", {"NOW"}),
    "after an escaped hash": (EX + r"SELECT * { BIND(ex:a\# AS ?b) BIND(NOW() AS ?t) }", {"NOW"}),
    "after %23": (EX + "SELECT * { BIND(ex:a%23 AS ?b) FILTER(RAND() < 1) }", {"RAND"}),
    "after a long string": ("SELECT * { ?x ?y '''a''b''' FILTER(RAND() < 1) }", {"RAND"}),
    "in a sub-select": ("SELECT * { { SELECT (UUID() AS ?u) {} } }", {"UUID"}),
    "in FILTER EXISTS": ("ASK { FILTER EXISTS { BIND(NOW() AS ?t) } }", {"NOW"}),
    "in ORDER BY": ("SELECT * { ?x ?y ?z } ORDER BY RAND()", {"RAND"}),
    "in GROUP BY": ("SELECT ?g { ?x ?y ?z } GROUP BY (RAND() AS ?g)", {"RAND"}),
    "in a CONSTRUCT": ("CONSTRUCT { ?x ?y ?t } WHERE { BIND(NOW() AS ?t) }", {"NOW"}),
    "in function arguments": (EX + "SELECT * { FILTER(ex:f(STRUUID())) }", {"STRUUID"}),
    "two of them": ("SELECT (NOW() AS ?t) (RAND() AS ?r) {}", {"NOW", "RAND"}),
    "in an update": ("INSERT { ?x ?y ?t } WHERE { BIND(NOW() AS ?t) }", {"NOW"}),
}


@pytest.mark.parametrize(("text", "names"), VOLATILE_CASES.values(), ids=VOLATILE_CASES.keys())
def test_volatile_functions_are_found(text: str, names: set[str]) -> None:
    info = analyse(text)
    assert (info.volatile, info.cacheable) == (names, False)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { ?x ?y 'NOW()' } # RAND()",
        "SELECT * { ?x <http://x/UUID()> ?z }",
        EX + "SELECT * { ?x ex:now ex:RAND }",
        EX + "SELECT * { FILTER(ex:NOW()) }",
        "SELECT ?now ?rand { ?now ?rand ?bnode }",
        "SELECT * { _:bnode ?p ?o }",
    ],
)
def test_volatile_names_in_names_strings_and_iris_are_not_flagged(text: str) -> None:
    assert analyse(text).cacheable


UPDATES = {
    "INSERT DATA { <http://x/s> <http://x/p> 1 }": ("INSERT", ("INSERT DATA",)),
    "DELETE DATA { <http://x/s> <http://x/p> 1 }": ("DELETE", ("DELETE DATA",)),
    "DELETE WHERE { ?s ?p ?o }": ("DELETE", ("DELETE WHERE",)),
    "INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }": ("INSERT", ("MODIFY",)),
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } USING <http://g/> WHERE { ?s ?p ?o }": (
        "DELETE",
        ("MODIFY",),
    ),
    "WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }": ("WITH", ("MODIFY",)),
    "WITH <http://g/> INSERT { ?s ?p 1 } WHERE {}": ("WITH", ("MODIFY",)),
    "LOAD <file:///etc/passwd>": ("LOAD", ("LOAD",)),
    "LOAD SILENT <http://x/> INTO GRAPH <http://g/>": ("LOAD", ("LOAD",)),
    "CLEAR ALL": ("CLEAR", ("CLEAR",)),
    "CLEAR SILENT GRAPH <http://g/>": ("CLEAR", ("CLEAR",)),
    "DROP DEFAULT": ("DROP", ("DROP",)),
    "DROP NAMED": ("DROP", ("DROP",)),
    "CREATE GRAPH <http://g/>": ("CREATE", ("CREATE",)),
    "ADD <http://a/> TO <http://b/>": ("ADD", ("ADD",)),
    "MOVE DEFAULT TO GRAPH <http://b/>": ("MOVE", ("MOVE",)),
    "COPY SILENT GRAPH <http://a/> TO DEFAULT": ("COPY", ("COPY",)),
    "insert data { <http://x/s> <http://x/p> 1 }": ("INSERT", ("INSERT DATA",)),
    "PREFIX ex: <http://x/> DELETE DATA { GRAPH ex:g { ex:s ex:p ex:o } }": (
        "DELETE",
        ("DELETE DATA",),
    ),
    "CLEAR DEFAULT ; PREFIX ex: <http://x/> DROP GRAPH ex:g ;": ("CLEAR", ("CLEAR", "DROP")),
    "# comment\nDROP ALL": ("DROP", ("DROP",)),
    "INSERT DATA { <http://x/s> <http://x/p> 'SELECT' }": ("INSERT", ("INSERT DATA",)),
}


@pytest.mark.parametrize(("text", "expected"), UPDATES.items(), ids=UPDATES.keys())
def test_every_update_form_is_recognised(text: str, expected: tuple) -> None:
    info = analyse(text)
    assert (info.form, info.update, info.operations) == ("UPDATE", *expected)


@pytest.mark.parametrize(
    "text",
    [
        "PREFIX copy: <http://x/> SELECT * { ?s copy:p ?o }",
        "SELECT ?drop ?insert { ?drop ?load ?insert }",
        "SELECT * { ?s ?p 'DELETE'@en-add }",
        "SELECT * { ?s <http://x/CLEAR> ?o } # INSERT",
        "ASK { ?s ?p ?o } # DROP ALL",
    ],
)
def test_update_words_in_queries_are_not_updates(text: str) -> None:
    assert analyse(text).update is None


def test_an_update_hidden_behind_an_escape_is_still_an_update() -> None:
    text = EX + r"INSERT DATA { ex:a\# ex:b ex:c }"
    assert analyse(text).update == "INSERT"


def test_a_query_followed_by_an_update_is_refused() -> None:
    with pytest.raises(SparqlSyntaxError, match="expected the end of the query"):
        analyse("ASK {} ; DROP ALL")


def test_predeclared_prefixes() -> None:
    info = analyse('SELECT ?s WHERE { ?s mnd:symbol "A/RES/65/230" }', PREFIXES)
    assert (info.prefixes_used, info.prefixes_declared) == ({"mnd"}, {})
    info = analyse("PREFIX mnd: <http://other/> ASK { ?s mnd:x ?o }", PREFIXES)
    assert info.prefixes_declared == {"mnd": "http://other/"}
    with pytest.raises(SparqlSyntaxError, match=r"unknown prefix `mnd:` at line 1, column 10"):
        analyse("ASK { ?s mnd:x ?o }")


def test_dataset_clauses() -> None:
    info = analyse("SELECT * FROM <http://a/> FROM <http://b/> FROM NAMED <http://c/> { ?s ?p ?o }")
    assert (info.default_graphs, info.named_graphs) == (("http://a/", "http://b/"), ("http://c/",))
    assert analyse("ASK {}").default_graphs == ()
    assert analyse("DELETE {} USING NAMED <http://g/> WHERE {}").named_graphs == ("http://g/",)


CALL = "SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c }"  # a port the engine refuses to call
ENGINE_CASES = [
    "ASK { " + CALL + " }",
    EX + r"ASK { BIND(ex:a\# AS ?b) " + CALL + " }",
    EX + "ASK { BIND(ex:a%23 AS ?b) # " + CALL + "\n }",
    r'ASK { BIND("\u0022 } ' + CALL + r' #" AS ?x) }',
    r"ASK { BIND('\u0027 " + CALL + r" \u0027' AS ?x) }",
    r"ASK { BIND('''a\u0027\u0027\u0027 " + CALL + " ''' AS ?x) }",
    "ASK { BIND('''it's ''" + CALL + "'' ''' AS ?x) }",
    "ASK { # \u2028 " + CALL + "\n }",
    "ASK { # \x0b " + CALL + "\n }",
    "ASK { # \x85 " + CALL + "\n }",
    "ASK { # \r " + CALL + " }",
    "ASK { ?s <http://x/#> ?o } # " + CALL,
    "ASK { GRAPH ?g { " + CALL + " } }",
    "ASK { { SELECT * { " + CALL + " } } }",
]


@pytest.mark.parametrize("text", ENGINE_CASES, ids=[repr(t[6:40]) for t in ENGINE_CASES])
def test_the_engine_calls_service_exactly_when_found(text: str) -> None:
    """The engine evaluates an ASK at once; a SERVICE it reads where evaluation must reach it
    (at the top, in GRAPH, in a sub-select) is called, which it refuses on port 9 before
    connecting (an OSError). So whether it reads one there can be seen."""
    try:
        ox.Store().query(text)
        called = False
    except OSError as error:
        assert "port 9 is not allowed" in str(error)
        called = True
    assert analyse(text).uses_service == called
