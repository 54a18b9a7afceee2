"""Errors: one exception class, a plain message and the line and column of the token where the
query went wrong (columns count characters from 1). Each case is the input and the exact text
expected, so that a change of wording shows as a reviewed diff."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable

import pyoxigraph as ox
import pytest

from mandates.errors import QueryError
from mandates.query.parse import MAX_DEPTH, SparqlSyntaxError, analyse, parse

CASES = {
    "SELECT * WHERE {\n  ?s ?p }": "expected a term at line 2, column 9",
    "SELECT * {\n  ?s ?p ?o\n": "expected `}` at line 3, column 1",
    "SELECT ?x { ?x ?y ?z } ORDER": "expected `BY` at line 1, column 29",
    "ASK { ?s ?p ?o ?a ?b ?c }": "expected `.` between two triples at line 1, column 16",
    "PREFIX ex: <http://x/>\nSELECT *\nWHERE {\n    foo:bar ?p ?o }": "unknown prefix `foo:` "
    "at line 4, column 5",
    "ASK { ?s : ?o }": "unknown prefix `:` at line 1, column 10",
    "SELECT * { FILTER(STR(?a, ?b)) }": "`STR` takes 1 argument at line 1, column 25",
    "SELECT * { FILTER(REGEX(?a)) }": "`REGEX` takes 2 to 3 arguments at line 1, column 27",
    "SELECT * { FILTER(IF(1, 2)) }": "`IF` takes 3 arguments at line 1, column 26",
    "SELECT * { FILTER(RAND(1)) }": "expected `()` at line 1, column 23",
    "SELECT * { FILTER(STR()) }": "`STR` takes 1 argument at line 1, column 22",
    "SELECT * { FILTER(CONCAT(?a ?b)) }": "expected `,` or `)` at line 1, column 29",
    "SELECT * { ?s ?p 'abc\n' }": "string not closed on its line at line 1, column 18",
    'SELECT * { ?s ?p """abc }': "long string never closed at line 1, column 18",
    "SELECT * { ?s ?p 'a\\qb' }": "bad escape `\\q` in a string at line 1, column 18",
    "SELECT * { ?s ?p <http://x/> \\u0041 }": "a codepoint escape (`\\u`) is only allowed "
    "inside an IRI or a string at line 1, column 30",
    "SELECT * { ?s ?p ?o } LIMIT 1.5": "expected an integer at line 1, column 29",
    "SELECT * { ?s ?p ?o } LIMIT -1": "expected an integer at line 1, column 29",
    "SELECT * { BIND(1 AS ?x) BIND(2 AS ?x) }": "BIND assigns ?x, which is already in scope "
    "at line 1, column 36",
    "SELECT * { ?x ?p ?o BIND(1 AS ?x) }": "BIND assigns ?x, which is already in scope "
    "at line 1, column 31",
    "SELECT ?x (1 AS ?x) { ?x ?p ?o }": "?x is already bound: `AS` needs a new variable "
    "at line 1, column 17",
    "SELECT * { ?s ?p ?o } GROUP BY ?s": "SELECT * cannot be used with GROUP BY or aggregates "
    "at line 1, column 8",
    "SELECT (COUNT(*) AS ?n) ?s { ?s ?p ?o }": "?s is neither grouped on nor in an aggregate "
    "at line 1, column 25",
    "SELECT * { FILTER(COUNT(?x) > 1) }": "`COUNT` (an aggregate) is only allowed in SELECT, "
    "HAVING, ORDER BY at line 1, column 19",
    "SELECT (SUM(MAX(?x)) AS ?y) {}": "`MAX` (an aggregate) is only allowed in SELECT, "
    "HAVING, ORDER BY at line 1, column 13",
    "SELECT * { VALUES (?a ?b) { (1) } }": "this row has 1 value for 2 variables "
    "at line 1, column 29",
    "SELECT * { VALUES (?a ?a) {} }": "?a is named twice in VALUES at line 1, column 23",
    "SELECT": "expected a variable, `(` or `*` at line 1, column 7",
    "": "expected `SELECT`, `CONSTRUCT`, `DESCRIBE` or `ASK` at line 1, column 1",
    "  # only a comment": "expected `SELECT`, `CONSTRUCT`, `DESCRIBE` or `ASK` "
    "at line 1, column 19",
    "PREFIX ex <http://x/> ASK {}": "expected a prefix such as `ex:` at line 1, column 8",
    "SELECT * { ?s ?p ?o } }": "expected the end of the query at line 1, column 23",
    "SELECT * { ?s ?p ?o FILTER(?o < 1 < 2) }": "expected `)` at line 1, column 35",
    "SELECT * { ?s ?p \u0007 }": "unexpected character `U+0007` at line 1, column 18",
    "DELETE { ?s ?p ?o }": "expected `WHERE` at line 1, column 20",
    "WITH <http://g/> SELECT": "expected `DELETE` or `INSERT` at line 1, column 18",
    "CLEAR": "expected `GRAPH`, `DEFAULT`, `NAMED` or `ALL` at line 1, column 6",
    "SELECT * { ?s !() ?o }": "expected an IRI or `a` at line 1, column 16",
    "SELECT * { OPTIONAL ?s }": "expected `{` at line 1, column 21",
    "SELECT * { SERVICE 'x' {} }": "expected a variable or an IRI at line 1, column 20",
    "ASK { [ ?p ?o }": "expected `;`, `,` or `]` at line 1, column 15",
    "ASK { FILTER NOT ?x }": "expected `EXISTS` at line 1, column 18",
    "ASK { ?s ?p 'a'@1 }": "a language tag must start with a letter at line 1, column 16",
    "ASK {\r\n ?s ?p ?o ?o }": "expected `.` between two triples at line 2, column 11",
    "ASK { ?s ?p 'é' ; ?q ! }": "expected a term at line 1, column 22",
}

LATER = {
    "SELECT * { ?s ?p ?o . ?o ?p << ?a ?b ?c >> }": "`<<` (a SPARQL 1.2 triple term) is not "
    "SPARQL 1.1 at line 1, column 29",
    "SELECT * { <<( ?a ?b ?c )>> ?p ?o }": "`<<(` (a SPARQL 1.2 triple term) is not SPARQL 1.1 "
    "at line 1, column 12",
    "SELECT * { ?s ?p ?o {| ?a ?b |} }": "`{|` (a SPARQL 1.2 annotation) is not SPARQL 1.1 "
    "at line 1, column 21",
    "SELECT * { ?s ?p ?o ~ ?r }": "`~` (a SPARQL 1.2 reifier) is not SPARQL 1.1 "
    "at line 1, column 21",
    "SELECT * { ?s ?p 'x'@en--ltr }": "a base direction (`--ltr`, SPARQL 1.2) is not SPARQL 1.1 "
    "at line 1, column 21",
    "VERSION '1.2' ASK {}": "`VERSION` (a SPARQL 1.2 declaration) is not SPARQL 1.1 "
    "at line 1, column 1",
    "SELECT * { BIND(TRIPLE(?s, ?p, ?o) AS ?t) }": "`TRIPLE` (a SPARQL 1.2 function) is not "
    "SPARQL 1.1 at line 1, column 17",
    "SELECT * { ?s ?p ?o FILTER(isTRIPLE(?o)) }": "`isTRIPLE` (a SPARQL 1.2 function) is not "
    "SPARQL 1.1 at line 1, column 28",
    "SELECT * { ?s ?p ?o LATERAL { } }": "`LATERAL` (an extension of SPARQL, not SPARQL 1.1) "
    "is not SPARQL 1.1 at line 1, column 21",
}


@pytest.mark.parametrize(("text", "message"), CASES.items(), ids=list(CASES))
def test_error_message_and_position(text: str, message: str) -> None:
    with pytest.raises(SparqlSyntaxError) as error:
        parse(text)
    assert str(error.value) == message


@pytest.mark.parametrize(("text", "message"), LATER.items(), ids=list(LATER))
def test_sparql_12_syntax_is_refused_by_name(text: str, message: str) -> None:
    with pytest.raises(SparqlSyntaxError) as error:
        parse(text)
    assert str(error.value) == message


def test_the_error_carries_its_parts() -> None:
    with pytest.raises(SparqlSyntaxError) as error:
        analyse("ASK {\n  ?s ?p ?o\n  FILTER( }")
    err = error.value
    assert (err.message, err.line, err.column, err.offset) == ("expected an expression", 3, 11, 27)
    assert isinstance(err, QueryError)  # the CLI and the web app already handle these


def test_errors_come_in_the_order_of_the_text() -> None:
    """A lexical error after a syntax error is not reported first."""
    with pytest.raises(SparqlSyntaxError, match="expected `}` at line 1, column 16"):
        parse("ASK { ?s ?p ?o ) ~ }")


#: Ways to nest: each builds a query ``n`` levels deep (the first group counts as one).
NESTINGS: dict[str, Callable[[int], str]] = {
    "groups": lambda n: "ASK " + "{" * n + "}" * n,
    "brackets": lambda n: "ASK { FILTER" + "(" * (n - 1) + "1" + ")" * (n - 1) + " }",
    "collections": lambda n: "ASK { ?s ?p " + "(" * (n - 1) + "1" + ")" * (n - 1) + " }",
    "blank node lists": lambda n: "ASK { ?s ?p " + "[ ?p " * (n - 1) + "1" + " ]" * (n - 1) + "}",
    "paths": lambda n: "ASK { ?s " + "(" * (n - 1) + "<p>" + ")" * (n - 1) + " ?o }",
    "calls": lambda n: "ASK { FILTER(" + "STR(" * (n - 2) + "1" + ")" * (n - 2) + ") }",
    "exists": lambda n: "ASK " + "{ FILTER EXISTS " * (n - 1) + "{}" + " }" * (n - 1),
    "sub-selects": lambda n: "ASK { " + "SELECT * { " * (n - 1) + "}" * (n - 1) + " }",
    "optional": lambda n: "ASK " + "{ OPTIONAL " * (n - 1) + "{}" + " }" * (n - 1),
    "templates": lambda n: (
        "CONSTRUCT { ?s ?p " + "[ ?p " * (n - 1) + "1" + " ]" * (n - 1) + " } {}"
    ),
    "projections": lambda n: "SELECT (" + "(" * (n - 1) + "1" + ")" * (n - 1) + " AS ?x) {}",
}


@pytest.mark.parametrize("build", NESTINGS.values(), ids=list(NESTINGS))
def test_nesting_is_bounded_and_needs_few_stack_frames(build: Callable[[int], str]) -> None:
    """At MAX_DEPTH a query parses with at most 5 stack frames a level; one level more is
    refused with a clear error (never a RecursionError)."""
    budget = len(inspect.stack()) + 5 * MAX_DEPTH + 20
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(budget)
    try:
        parse(build(MAX_DEPTH))
    finally:
        sys.setrecursionlimit(limit)
    with pytest.raises(SparqlSyntaxError, match=f"nests deeper than {MAX_DEPTH} levels"):
        parse(build(MAX_DEPTH + 1))


def test_very_deep_nesting_is_refused_at_the_limit() -> None:
    with pytest.raises(SparqlSyntaxError) as error:
        parse("ASK " + "{" * 100_000)
    assert error.value.column == MAX_DEPTH + 5


BLANK_NODES = [
    "SELECT * { _:a ?p ?o . _:a ?q [ ?r _:a ] }",
    "SELECT * { _:a ?p ?o . FILTER(1) . _:a ?q ?o }",
    "SELECT * { _:a ?p ?o . BIND(1 AS ?x) _:a ?q ?o }",
    "SELECT * { _:a ?p ?o . VALUES ?x { 1 } _:a ?q ?o }",
    "SELECT * { _:a ?p ?o OPTIONAL { _:b ?y ?z } }",
    "CONSTRUCT { _:a ?p ?o } WHERE { _:a ?p ?o }",
    "CONSTRUCT WHERE { _:a ?p ?o . _:a ?q ?r }",
    "SELECT * { { _:a ?p ?o } UNION { _:a ?q ?o } }",
    "SELECT * { _:a ?p ?o FILTER EXISTS { _:a ?p ?o } }",
    "SELECT * { _:a ?p ?o . { SELECT * { _:a ?p ?o } } }",
    "SELECT * { GRAPH ?g { _:a ?p ?o } _:a ?p ?o }",
    "SELECT * { _:a ?p ?o OPTIONAL { ?x ?y ?z } _:a ?q ?o }",
]


@pytest.mark.parametrize("text", BLANK_NODES)
def test_a_blank_node_label_names_one_node_in_one_pattern_as_the_engine_has_it(
    text: str,
) -> None:
    """One label in two basic graph patterns is refused (§19.6); FILTER, BIND and VALUES do
    not end a pattern, as the engine reads them."""
    try:
        ox.Store().query(text)
        engine = True
    except SyntaxError:
        engine = False
    try:
        parse(text)
        ours = True
    except SparqlSyntaxError as error:
        assert str(error).startswith("blank node `_:a` is used in two graph patterns")
        ours = False
    assert ours == engine


LONG_AND_FLAT = {
    "a sum of 20 000 terms": "ASK { FILTER(" + "1 + " * 20_000 + "1) }",
    "20 000 conditions": "ASK { FILTER(" + "?a && " * 20_000 + "?a) }",
    "a path of 20 000 steps": "ASK { ?s " + "<p>/" * 20_000 + "<p> ?o }",
    "20 000 UNION branches": "ASK { " + "{} UNION " * 20_000 + "{} }",
    "20 000 triples": "ASK { " + "?s ?p ?o . " * 20_000 + "}",
    "20 000 objects": "ASK { ?s ?p " + "?o, " * 20_000 + "?o }",
}


@pytest.mark.parametrize("text", LONG_AND_FLAT.values(), ids=list(LONG_AND_FLAT))
def test_long_flat_queries_need_no_deep_stack(text: str) -> None:
    """Repetition is read by loops, and the tree it makes (a sum of 20 000 terms is 20 000
    levels deep) is walked without recursion."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 60)
    try:
        info = analyse(text)
    finally:
        sys.setrecursionlimit(limit)
    assert info.form == "ASK"
