"""The shapes compiler skips nothing in silence: every SHACL term of a shapes graph is read, or
validation does not start, or (for terms SHACL says take no part) a warning names it. Also:
recursion, deactivation and what each constraint component reports, on small real graphs."""

from __future__ import annotations

import warnings

import pyoxigraph as ox
import pytest
from rdflib import Graph

from mandates.package_data import shapes_graph
from mandates.validation import (
    IllFormedShape,
    ShapesError,
    ShapesWarning,
    UnsupportedShape,
    compile_shapes,
)
from mandates.validation.sparql_engine import load, validate_store
from mandates.validation.terms import to_rdflib
from mandates.validation.vocabulary import CORE_PARAMETERS, SH

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def graph(text: str) -> Graph:
    """Turtle read as the CLI reads shapes: every literal as written (see terms.py)."""
    parsed = Graph()
    for quad in ox.parse((PREFIXES + text).encode(), format=ox.RdfFormat.TURTLE):
        parsed.add(tuple(to_rdflib(t) for t in (quad.subject, quad.predicate, quad.object)))
    return parsed


def compile_text(text: str):
    return compile_shapes(graph(text))


def results(shapes: str, data: str) -> set[tuple[str, ...]]:
    """(focus, component, value) of each result, local names only."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ShapesWarning)
        compiled = compile_text(shapes)
    store, encoding = load([graph(data)])
    report = validate_store(store, compiled, encoding)
    return {
        (r.focus.rsplit("/", 1)[-1], r.component.removeprefix("sh:"), r.value.rsplit("/")[-1])
        for r in report.results
    }


def test_the_project_shapes_compile_without_a_single_note() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        shapes = compile_shapes(shapes_graph())
    assert shapes.notes == []
    assert len(shapes.targeted) == 12  # the twelfth: source paragraphs


@pytest.mark.parametrize(
    "text, words",
    [
        ("ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:minCont 1 .", "not a term of SHACL"),
        ("ex:S sh:targetNode ex:a ; sh:select 'SELECT $this {}' .", "not read for this shape"),
        ("ex:S sh:targetNode ex:a ; sh:prefix 'ex' .", "not read for this shape"),
        ("ex:S sh:target [ a ex:MyTarget ] .", "not supported"),
        ("ex:S sh:targetNode ex:a ; sh:rule [ sh:subject ex:a ] .", "not supported"),
        ("ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:p ] .", "not supported"),
        ("ex:S sh:targetNode ex:a ; sh:sparql [ sh:ask 'ASK {}' ] .", "not supported"),
        ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:js [] .", "not supported"),
        ("ex:x a sh:Rectangle .", "not a term of SHACL"),
    ],
)
def test_a_term_the_compiler_does_not_run_stops_validation(text: str, words: str) -> None:
    with pytest.raises(UnsupportedShape, match=words):
        compile_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "ex:S a sh:PropertyShape ; sh:targetNode ex:a ; sh:minCount 1 .",  # no path
        "ex:S a sh:NodeShape ; sh:path ex:p ; sh:targetNode ex:a .",
        "ex:S sh:targetNode ex:a ; sh:path ex:p ; sh:minCount 'one' .",
        "ex:S sh:targetNode ex:a ; sh:minCount 1 .",  # minCount on a node shape
        "ex:S sh:targetNode ex:a ; sh:path [ sh:alternativePath ( ex:p ) ] ; sh:class ex:C .",
        "ex:S sh:targetNode ex:a ; sh:node [ sh:path ex:p ; sh:minCount 1 ] .",
        "ex:S sh:targetNode ex:a ; sh:in ( ex:a ex:b ) ; sh:in ex:c .",
    ],
)
def test_a_broken_shape_stops_validation(text: str) -> None:
    with pytest.raises(IllFormedShape):
        compile_text(text)


@pytest.mark.parametrize(
    "text, words",
    [
        ("_:p sh:inversePath ex:p .", "not part of any shape"),
        ("ex:S sh:targetNode ex:a ; sh:path ex:p ; sh:qualifiedMinCount 1 .", "no effect"),
        ("ex:S sh:targetNode ex:a ; sh:path ex:p ; sh:uniqueLang '1'^^xsd:boolean .", "false"),
        ("ex:S sh:targetNode ex:a ; sh:ignoredProperties ( ex:p ) .", "no effect"),
        ("ex:a sh:nodeShape ex:S .", "not a term of SHACL"),
    ],
)
def test_a_term_that_takes_no_part_is_named_in_a_warning(text: str, words: str) -> None:
    with pytest.warns(ShapesWarning, match=words):
        shapes = compile_text(text)
    assert any(words in note for note in shapes.notes)


def test_every_core_parameter_is_read() -> None:
    """A shape with each Core parameter compiles with no note: the compiler read them all."""
    text = """
    ex:S a sh:PropertyShape ; sh:targetNode ex:a ; sh:path ex:p ;
        sh:class ex:C ; sh:datatype xsd:string ; sh:nodeKind sh:Literal ;
        sh:minCount 1 ; sh:maxCount 2 ; sh:minExclusive 0 ; sh:minInclusive 1 ;
        sh:maxExclusive 9 ; sh:maxInclusive 8 ; sh:minLength 1 ; sh:maxLength 9 ;
        sh:pattern "a" ; sh:flags "i" ; sh:languageIn ( "en" ) ; sh:uniqueLang true ;
        sh:equals ex:q ; sh:disjoint ex:r ; sh:lessThan ex:s ; sh:lessThanOrEquals ex:t ;
        sh:not ex:N ; sh:and ( ex:N ) ; sh:or ( ex:N ) ; sh:xone ( ex:N ) ; sh:node ex:N ;
        sh:property ex:P ; sh:qualifiedValueShape ex:N ; sh:qualifiedMinCount 1 ;
        sh:qualifiedMaxCount 2 ; sh:qualifiedValueShapesDisjoint true ;
        sh:closed true ; sh:ignoredProperties ( ex:p ) ; sh:hasValue "a" ; sh:in ( "a" ) ;
        sh:sparql [ a sh:SPARQLConstraint ; sh:select "SELECT $this WHERE { }" ] ;
        sh:severity sh:Warning ; sh:message "m" ; sh:deactivated false ;
        sh:name "n" ; sh:description "d" ; sh:order 1 ; sh:group ex:G ;
        rdfs:label "a label, which is no SHACL term" .
    ex:G a sh:PropertyGroup ; rdfs:label "group" ; sh:order 2 .
    ex:N sh:class ex:C .
    ex:P sh:path ex:p .
    """
    used = {str(p).removeprefix(str(SH)) for p in graph(text).predicates()}
    assert CORE_PARAMETERS <= used
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        shapes = compile_text(text)
    assert shapes.notes == []
    names = {c.name for s in shapes.targeted for c in s.components}
    assert len(names) == 30  # one component per parameter group, sh:property included


def test_a_deactivated_shape_reports_nothing_and_conforms_wherever_used() -> None:
    shapes = """
    ex:Off a sh:NodeShape ; sh:deactivated true ; sh:targetNode ex:a ; sh:datatype xsd:int .
    ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:node ex:Off ; sh:not ex:Off .
    """
    assert results(shapes, "ex:a ex:p 1 .") == {("a", "NotConstraintComponent", "a")}


def test_recursive_shapes_settle_on_the_largest_answer() -> None:
    """A person's friends are people: on a cycle of friends, everyone conforms; a friend
    without a name makes everyone who reaches them not conform."""
    shapes = """
    ex:Person a sh:NodeShape ; sh:targetClass ex:P ;
        sh:property [ sh:path ex:name ; sh:minCount 1 ] ;
        sh:property [ sh:path ex:friend ; sh:node ex:Person ] .
    """
    cycle = "ex:a a ex:P ; ex:name 'a' ; ex:friend ex:b . ex:b ex:name 'b' ; ex:friend ex:a ."
    assert results(shapes, cycle) == set()
    broken = cycle + " ex:b ex:friend ex:c . ex:c ex:friend ex:a ."
    assert results(shapes, broken) == {("a", "NodeConstraintComponent", "b")}


def test_recursion_through_negation_that_never_settles_is_an_error() -> None:
    shapes = "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:not ex:S ."
    with pytest.raises(ShapesError, match="do not settle"):
        results(shapes, "ex:a ex:p 1 .")
