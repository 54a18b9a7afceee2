"""One label per verb everywhere: a verb concept's preferred label is its property's label
(``ontology/README.md``, "One label per verb"); "noted" reads "took note of"."""

from __future__ import annotations

from mandates.graph.terms import read_terms
from mandates.namespaces import sparql_prologue
from mandates.store.embedded import StoreRoot

PAIRS = """SELECT ?verb ?concept ?property WHERE {
  ?v mnd:verbProperty ?p ; skos:notation ?verb ; skos:prefLabel ?concept . ?p rdfs:label ?property
}"""


def test_each_verb_has_one_label(built_store: StoreRoot) -> None:
    store = built_store.open_read_only()
    rows = list(store.query(sparql_prologue() + PAIRS))
    assert len(rows) == 18
    labels = {row["verb"].value: (row["concept"].value, row["property"].value) for row in rows}
    assert {v for v, (c, p) in labels.items() if c != p} == set(), "concept and property agree"
    assert labels["noted"] == ("took note of", "took note of")
    assert labels["requested"] == ("requested", "requested")
    terms = read_terms(store)
    assert terms.name("https://w3id.org/un-mandates/ontology#noted") == "took note of"
