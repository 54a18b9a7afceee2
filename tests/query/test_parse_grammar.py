"""Every production of the SPARQL 1.1 grammar (§19.8), each read by the parser; the engine
(pyoxigraph) is asked too, as a second reader of the same text, except where the two are known
to differ (``ENGINE_DIFFERS``, with the reason)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from mandates.query.parse import parse
from mandates.query.parse.forms import Query, Update
from mandates.query.parse.tree import (
    Bind,
    BlankNodeList,
    Call,
    Collection,
    Exists,
    Filter,
    GraphPattern,
    Group,
    Iri,
    Literal,
    Minus,
    Operation,
    Optional,
    Path,
    Select,
    Service,
    Triples,
    Union,
    Values,
    Var,
)

P = "PREFIX ex: <http://example.org/> PREFIX : <http://example.org/d#>\n"
REMOTE = "<http://127.0.0.1:9/sparql>"  # a port the engine refuses to call

PRODUCTIONS = {
    # [4]-[6] Prologue
    "BaseDecl": "BASE <http://example.org/> SELECT * { <a> ?p ?o }",
    "PrefixDecl": P + "SELECT * { ex:a :b ?o }",
    "PrefixDecl, empty prefix without space": "PREFIX:<http://x/> SELECT * { :a :b :c }",
    "PrefixDecl, several and BASE between": "PREFIX a: <http://a/> BASE <http://b/> "
    "PREFIX b: <http://c/> ASK { a:x b:y <z> }",
    # [7]-[9] SELECT
    "SelectQuery with DISTINCT": "SELECT DISTINCT ?s { ?s ?p ?o }",
    "SelectQuery with REDUCED": "SELECT REDUCED ?s ?o { ?s ?p ?o }",
    "SelectClause with expressions": "SELECT ?s (STR(?o) AS ?t) ((1 + 2) AS ?n) { ?s ?p ?o }",
    "SelectClause *": "SELECT * WHERE { ?s ?p ?o }",
    "SubSelect": "SELECT ?s { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2 } }",
    "SubSelect with VALUES": "SELECT * { { SELECT ?s { ?s ?p ?o } VALUES ?s { <http://x/> } } }",
    # [10]-[12] other forms
    "ConstructQuery": P + "CONSTRUCT { ?s ex:p ?o . ?o ex:q [ ex:r (1 2) ] } WHERE { ?s ?p ?o }",
    "ConstructQuery, empty template": "CONSTRUCT {} WHERE {}",
    "ConstructQuery WHERE": "CONSTRUCT WHERE { ?s ?p ?o . ?o ?p ?s . }",
    "ConstructQuery WHERE with dataset": "CONSTRUCT FROM <http://g/> WHERE { ?s ?p ?o } LIMIT 3",
    "DescribeQuery": P + "DESCRIBE ?s ex:a <http://x/> FROM <http://g/> WHERE { ?s ?p ?o }",
    "DescribeQuery * without WHERE": "DESCRIBE *",
    "DescribeQuery IRI only": "DESCRIBE <http://x/>",
    "AskQuery": "ASK FROM <http://g/> FROM NAMED <http://h/> WHERE { ?s ?p ?o }",
    # [13]-[17]
    "DatasetClause": "SELECT * FROM <http://a/> FROM NAMED <http://b/> { GRAPH ?g { ?s ?p ?o } }",
    "WhereClause without WHERE": "SELECT * { }",
    # [18]-[27] solution modifiers
    "GroupClause with every condition": "SELECT ?s ?l ?k (COUNT(*) AS ?n) { ?s ?p ?o } "
    "GROUP BY ?s (LCASE(?o) AS ?l) STR(?p) <http://x/f>(?o) (?p AS ?k)",
    "HavingClause": "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(?o) > 1) (SUM(?o) < 9)",
    "HavingClause with a built-in": "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING BOUND(?s)",
    "OrderClause": "SELECT * { ?s ?p ?o } ORDER BY ?s ASC(?o) DESC (?p) STR(?o) (?s + 1)",
    "LimitOffsetClauses": "SELECT * { ?s ?p ?o } LIMIT 10 OFFSET 5",
    "OffsetClause then LimitClause": "SELECT * { ?s ?p ?o } OFFSET 5 LIMIT 10",
    "OffsetClause alone": "SELECT * { ?s ?p ?o } OFFSET 0",
    # [28], [61]-[65] VALUES
    "ValuesClause one variable": "SELECT * { ?s ?p ?o } VALUES ?s { <http://x/> UNDEF }",
    "ValuesClause full": "SELECT * { ?s ?p ?o } VALUES (?s ?o) { (<http://x/> 1) (UNDEF 'a') }",
    "InlineData": "SELECT * { VALUES (?a ?b) { (1 2.5) ('x'@en 'y'^^<http://t/>) } }",
    "InlineData NIL": "SELECT * { VALUES () { () () } }",
    "DataBlockValue every kind": P + "SELECT * { VALUES ?x { ex:a <http://b/> 'c' 1 -2.0 "
    "3e1 true false UNDEF } }",
    # [53]-[60] graph patterns
    "GroupGraphPattern nested": "SELECT * { { ?s ?p ?o } { } }",
    "GroupGraphPatternSub with dots": "SELECT * { ?s ?p ?o . FILTER(?o) . ?o ?p ?s . }",
    "TriplesBlock": "SELECT * { ?s ?p ?o . ?o ?q ?r . ?r ?t ?u }",
    "OptionalGraphPattern": "SELECT * { ?s ?p ?o OPTIONAL { ?o ?q ?r } }",
    "GraphGraphPattern": P + "SELECT * { GRAPH ?g { ?s ?p ?o } GRAPH ex:g { ?s ?p ?o } }",
    "ServiceGraphPattern": f"SELECT * {{ SERVICE {REMOTE} {{ ?s ?p ?o }} }}",
    "ServiceGraphPattern SILENT variable": "SELECT * { SERVICE SILENT ?e { ?s ?p ?o } }",
    "Bind": "SELECT * { ?s ?p ?o BIND(STRLEN(?o) AS ?n) }",
    "MinusGraphPattern": "SELECT * { ?s ?p ?o MINUS { ?s ?q ?o } }",
    "GroupOrUnionGraphPattern": "SELECT * { { ?s ?p ?o } UNION { ?o ?p ?s } UNION { } }",
    "Filter bracketed": "SELECT * { ?s ?p ?o FILTER(?o > 1) }",
    "Filter built-in": "SELECT * { ?s ?p ?o FILTER isIRI(?o) }",
    "Filter function": P + "SELECT * { ?s ?p ?o FILTER ex:f(?o) }",
    # [70]-[72]
    "FunctionCall with NIL": P + "SELECT (ex:f() AS ?x) {}",
    "ArgList with DISTINCT (custom aggregate)": P + "SELECT (ex:agg(DISTINCT ?o) AS ?x) "
    "{ ?s ?p ?o }",
    "ExpressionList": "SELECT * { ?s ?p ?o FILTER(?o IN (1, 2, 3) && ?o NOT IN ()) }",
    # [75]-[87] triples
    "PropertyListNotEmpty": P + "SELECT * { ?s ex:p ?o , ?o2 ; ex:q ?r ; ; a ex:C ; }",
    "BlankNodePropertyList as subject": P + "SELECT * { [ ex:p ?o ] ex:q ?r }",
    "BlankNodePropertyList alone": P + "SELECT * { [ ex:p ?o ; ex:q [ ex:r 1 ] ] }",
    "Collection as subject": "SELECT * { (1 ?x (2)) <http://x/p> ?o }",
    "Collection alone": "SELECT * { ( ?a ?b ) }",
    "Collection as object": "SELECT * { ?s <http://x/p> ( [] () _:b 'x' ) }",
    "VerbSimple": "SELECT * { ?s ?p ?o ; ?q ?r }",
    "ObjectList in a blank node after ;": P + "SELECT * { ?s ex:p ?o ; ex:q [ ex:r ?x ] }",
    "ConstructTriples with collections": "CONSTRUCT { (1 2) <http://x/p> [ <http://x/q> 3 ] } {}",
    # [88]-[96] paths
    "PathAlternative": P + "SELECT * { ?s ex:p|ex:q|ex:r ?o }",
    "PathSequence": P + "SELECT * { ?s ex:p/ex:q/ex:r ?o }",
    "PathEltOrInverse": P + "SELECT * { ?s ^ex:p/^ex:q ?o }",
    "PathMod": P + "SELECT * { ?s ex:p? ?a . ?a ex:q* ?b . ?b ex:r+ ?o }",
    "PathPrimary a and brackets": P + "SELECT * { ?s (a/ex:p)+ ?o . ?o a* ?c }",
    "PathNegatedPropertySet": P + "SELECT * { ?s !ex:p ?o . ?s !a ?o . ?s !^ex:q ?o }",
    "PathNegatedPropertySet bracketed": P + "SELECT * { ?s !(ex:p|^ex:q|a|^a) ?o }",
    "Path in a blank node list": P + "SELECT * { [ ex:p/ex:q ?o ] ex:r ?s }",
    # [104]-[109] terms
    "GraphTerm every kind": P + "SELECT * { ?s ?p ex:a, <http://b/>, 'c', \"d\"@en-GB, "
    "'''e''', \"\"\"f\"\"\"^^ex:t, 1, 1.5, 1e5, -1, +2.5, -3E-2, true, false, _:b, [], () }",
    "Var with $": "SELECT $s { $s ?p ?o }",
    # [110]-[120] expressions
    "ConditionalOrExpression": "SELECT * { ?s ?p ?o FILTER(?o = 1 || ?o = 2 || !?o) }",
    "ConditionalAndExpression": "SELECT * { ?s ?p ?o FILTER(?o > 1 && ?o < 9 && ?o != 5) }",
    "RelationalExpression": "SELECT * { ?s ?p ?o FILTER(?o >= 1 && ?o <= 2 && ?o = ?s) }",
    "AdditiveExpression": "SELECT ((?a + ?b - 1) AS ?x) { ?s ?a ?b }",
    "AdditiveExpression with signed numbers": "SELECT ((?a -1 +2 * 3) AS ?x) { ?s ?p ?a }",
    "MultiplicativeExpression": "SELECT ((?a * 2 / ?b) AS ?x) { ?s ?a ?b }",
    "UnaryExpression": "SELECT * { ?s ?p ?o FILTER(!BOUND(?o) || -?o < +?o || - 1 < --1) }",
    "PrimaryExpression every kind": P + "SELECT ((ex:f(?o) + STRLEN('x') + ?o + 1 + (2)) AS ?x) "
    "{ ?s ?p ?o FILTER(ex:c || true || 'x' || \"y\"@en || 'z'^^ex:t) }",
    # [121]-[127] built-in calls
    "BuiltInCall one argument": "SELECT * { ?s ?p ?o FILTER(STR(?o) || LANG(?o) || "
    "DATATYPE(?o) || IRI(?o) || URI(?o) || ABS(?o) || CEIL(?o) || FLOOR(?o) || ROUND(?o) || "
    "STRLEN(?o) || UCASE(?o) || LCASE(?o) || ENCODE_FOR_URI(?o) || YEAR(?o) || MONTH(?o) || "
    "DAY(?o) || HOURS(?o) || MINUTES(?o) || SECONDS(?o) || TIMEZONE(?o) || TZ(?o) || MD5(?o) || "
    "SHA1(?o) || SHA256(?o) || SHA384(?o) || SHA512(?o) || isIRI(?o) || isURI(?o) || "
    "isBLANK(?o) || isLITERAL(?o) || isNUMERIC(?o) || BOUND(?o)) }",
    "BuiltInCall two arguments": "SELECT * { ?s ?p ?o FILTER(LANGMATCHES(?o, '*') || "
    "CONTAINS(?o, 'a') || STRSTARTS(?o, 'a') || STRENDS(?o, 'a') || STRBEFORE(?o, 'a') || "
    "STRAFTER(?o, 'a') || STRLANG(?o, 'en') || STRDT(?o, ?p) || sameTerm(?o, ?s)) }",
    "BuiltInCall variable arity": "SELECT * { ?s ?p ?o FILTER(CONCAT() || CONCAT(?o, ?s, 'x') "
    "|| COALESCE(?o) || COALESCE() || IF(?o, 1, 2) || BNODE() || BNODE(?o)) }",
    "BuiltInCall NIL": "SELECT (RAND() AS ?r) (NOW() AS ?n) (UUID() AS ?u) (STRUUID() AS ?v) {}",
    "RegexExpression": "SELECT * { ?s ?p ?o FILTER(REGEX(?o, 'a') || regex(?o, 'a', 'i')) }",
    "SubstringExpression": "SELECT * { ?s ?p ?o FILTER(SUBSTR(?o, 1) || SUBSTR(?o, 1, 2)) }",
    "StrReplaceExpression": "SELECT * { ?s ?p ?o FILTER(REPLACE(?o, 'a', 'b') || "
    "REPLACE(?o, 'a', 'b', 'i')) }",
    "ExistsFunc and NotExistsFunc": "SELECT * { ?s ?p ?o FILTER(EXISTS { ?o ?p ?s } && "
    "NOT EXISTS { ?s ?p ?s }) FILTER NOT EXISTS { } }",
    "Aggregate every kind": "SELECT (COUNT(*) AS ?a) (COUNT(DISTINCT *) AS ?b) "
    "(COUNT(?o) AS ?c) (SUM(?o) AS ?d) (MIN(?o) AS ?e) (MAX(DISTINCT ?o) AS ?f) (AVG(?o) AS ?g) "
    "(SAMPLE(?o) AS ?h) (GROUP_CONCAT(?o) AS ?i) (GROUP_CONCAT(DISTINCT ?o; SEPARATOR=', ') AS ?j)"
    " { ?s ?p ?o }",
    "Aggregate in ORDER BY": "SELECT ?s { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(COUNT(?o))",
    # lexical forms
    "Keywords in any case": "select distinct ?s where { ?s ?p ?o optional { ?o ?p ?s } "
    "filter(isiri(?s)) } order by desc(?s) limit 1",
    "Comments everywhere": "# head\nSELECT # a\n* # b\n{ # c\n?s ?p ?o # d\n} # e",
    "Prefixed names with escapes, dots and colons": P + r"SELECT * { ex:a\#b ex:c.d ex:e:f . "
    r"ex:g%20h ex:1 ex:i\~j . ex: ex: : }",
    "Strings with escapes": r"""SELECT * { ?s ?p 'a\'b', "c\"d\n\t", '''e'f''g''', """
    r'''"""h""i\u00E9""" }''',
}

#: The valid examples above the engine refuses, and why.
ENGINE_DIFFERS = {
    "ArgList with DISTINCT (custom aggregate)": "the engine has no custom aggregates",
    "GroupClause with every condition": "the engine refuses GROUP BY (?p AS ?k) with ?k projected",
}


@pytest.mark.parametrize("text", PRODUCTIONS.values(), ids=PRODUCTIONS.keys())
def test_every_production_parses(text: str) -> None:
    parse(text)


@pytest.mark.parametrize(
    "name", [name for name in PRODUCTIONS if name not in ENGINE_DIFFERS], ids=str
)
def test_the_engine_reads_the_same_examples(name: str) -> None:
    assert engine_reads(PRODUCTIONS[name])


@pytest.mark.parametrize("name", ENGINE_DIFFERS)
def test_known_engine_differences_are_still_there(name: str) -> None:
    assert not engine_reads(PRODUCTIONS[name])


def engine_reads(text: str) -> bool:
    """Whether pyoxigraph parses ``text``: a result or an error other than a syntax error
    (a custom function it does not have). A SELECT's solutions are never read, so a SERVICE in
    one is never called."""
    try:
        ox.Store().query(text)
    except SyntaxError:
        return False
    except (RuntimeError, OSError):
        pass
    return True


def where(text: str) -> list:
    tree = parse(text)
    assert isinstance(tree, Query)
    return tree.select.where.elements


def test_tree_of_a_group() -> None:
    elements = where(
        "SELECT * { ?s ?p ?o OPTIONAL { ?o ?q 1 } MINUS {} { } UNION { } GRAPH ?g {} "
        f"SERVICE SILENT {REMOTE} {{}} FILTER(?o) BIND(2 AS ?b) VALUES ?v {{ 3 }} "
        "{ SELECT * {} } }"
    )
    kinds = [type(e) for e in elements]
    assert kinds[:8] == [Triples, Optional, Minus, Union, GraphPattern, Service, Filter, Bind]
    assert kinds[8:] == [Values, Group]
    assert isinstance(elements[8], Values) and elements[8].rows == [[Literal("3", None, XSD_INT)]]
    assert isinstance(elements[9], Group) and isinstance(elements[9].elements[0], Select)
    assert elements[5] == Service(Iri("http://127.0.0.1:9/sparql"), Group([]), silent=True)


XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"


def test_tree_of_triples_paths_and_lists() -> None:
    (triples,) = where(P + "SELECT * { ( 1 [ ex:p ?x ] ) ^ex:p/ex:q* ?o, ?o2 ; a ?c }")
    assert isinstance(triples.subject, Collection)
    assert isinstance(triples.subject.items[1], BlankNodeList)
    verb = triples.properties[0].verb
    assert verb == Path(
        "/", [Path("^", [Iri("http://example.org/p")]), Path("*", [Iri("http://example.org/q")])]
    )
    assert triples.properties[0].objects == [Var("o"), Var("o2")]
    assert triples.properties[1].verb == Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def test_tree_of_expressions_follows_precedence() -> None:
    (bind,) = where("SELECT * { BIND(1 + 2 * 3 = 7 || !?a && ?b -1 AS ?x) }")
    one, two, three, seven = (Literal(str(n), None, XSD_INT) for n in (1, 2, 3, 7))
    product = Operation("*", [two, three])
    equal = Operation("=", [Operation("+", [one, product]), seven])
    right = Operation("&&", [Operation("!", [Var("a")]), Operation("-", [Var("b"), one])])
    assert bind.expression == Operation("||", [equal, right])


def test_tree_of_calls() -> None:
    (f,) = where(
        "ASK { FILTER(NOT EXISTS {} || COUNT(x) || <http://f/>(1)) }".replace("COUNT(x) || ", "")
    )
    exists, function = f.expression.operands
    assert exists == Exists(Group([]), negated=True)
    assert function == Call("http://f/", [Literal("1", None, XSD_INT)], function=True)


def test_tree_of_strings_and_literals() -> None:
    (triples,) = where(r"""ASK { ?s ?p 'a\tb', "x"@en-GB, '''q'''^^<http://t/>, true }""")
    assert triples.properties[0].objects == [
        Literal("a\tb"),
        Literal("x", "en-GB"),
        Literal("q", None, "http://t/"),
        Literal("true", None, "http://www.w3.org/2001/XMLSchema#boolean"),
    ]


def test_tree_of_an_update() -> None:
    tree = parse(
        "WITH <http://g/> DELETE { ?s ?p ?o } INSERT { GRAPH <http://h/> { ?s ?p 1 } }"
        " USING <http://u/> WHERE { ?s ?p ?o } ; CLEAR ALL"
    )
    assert isinstance(tree, Update)
    modify, clear = tree.operations
    assert (modify.kind, modify.keyword, modify.graphs) == ("MODIFY", "WITH", [Iri("http://g/")])
    assert (clear.kind, clear.graphs) == ("CLEAR", ["ALL"])


def test_query_parts() -> None:
    tree = parse(
        "SELECT DISTINCT ?s (COUNT(?o) AS ?n) FROM <http://g/> { ?s ?p ?o } GROUP BY ?s"
        " HAVING (?n > 1) ORDER BY DESC(?n) LIMIT 5 OFFSET 1 VALUES ?s { <http://x/> }"
    )
    assert isinstance(tree, Query)
    select = tree.select
    assert (select.modifier, select.limit, select.offset) == ("DISTINCT", 5, 1)
    assert [p.var.name for p in select.projection] == ["s", "n"]
    assert select.order_by[0].descending and select.values is not None
