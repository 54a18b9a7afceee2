"""Issue 17: a `%` in a loaded predicate IRI made `/id/doc/A/RES/65/230` a 500 for everyone
until the load was undone: a page query was built with `%` formatting after the IRI had been
put into it. Queries built from IRIs now go through one helper (``mandates.query.run.bind``),
which puts every term in once, escaped by the engine's own writer."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from mandates.query.run import bind, sparql_term
from mandates.web import create_app

from support import crafted_store

ID = "https://w3id.org/un-mandates/id/"
ODD = f"""\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix mnd: <https://w3id.org/un-mandates/ontology#> .
<{ID}doc/X/1> a mnd:Resolution ; rdfs:label "X 1"@en ;
    <http://e.org/p%25s%41%7B%7D> <{ID}body/x> ;
    rdfs:comment "a \\"quoted\\" {{brace}} $r %s\\nnew line"@en .
<{ID}body/x> a mnd:Body ; rdfs:label "x"@en .
"""


def test_pages_with_percent_braces_and_quotes_in_iris_and_values(tmp_path: Path) -> None:
    store = crafted_store(tmp_path / "data", tmp_path / "store", ODD, "odd")
    client = create_app({"STORE": str(store)}).test_client()
    for url in ("/id/body/x", "/id/doc/X/1", f"/graph?iri={ID}body/x", "/search?q=x"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "p%25s%41%7B%7D" in client.get("/id/body/x").get_data(as_text=True)


@pytest.mark.parametrize(
    "value",
    [
        ox.Literal('"; DROP ALL; #'),
        ox.Literal("line\nbreak } { $x %s"),
        ox.Literal("tab\t and back\\slash", language="en"),
    ],
)
def test_literals_stay_one_term(value: ox.Literal) -> None:
    store = ox.Store()
    text = bind("SELECT ?v WHERE { BIND($v AS ?v) }", v=value)
    [row] = list(store.query(text))
    assert row["v"] == value


def test_iris_that_are_not_iris_are_refused() -> None:
    for bad in ("http://e.org/a b", "http://e.org/>{", 'http://e.org/"'):
        with pytest.raises(ValueError, match="not an IRI"):
            sparql_term(bad)
