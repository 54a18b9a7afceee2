"""Issue 14, "One graph, one truth": after loading UN texts, the ontology class
``mnd:AdHocCommittee`` was the object of statements. A loaded document's names were resolved
against every label in the store, the ontology's included, and "the Ad Hoc Committee" matched the
class labelled "ad hoc committee". Names now resolve only against data, never the vocabulary.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import DATA, Cli

TERMS_AS_ENDS = """SELECT ?statement ?term WHERE {
  { ?statement a mnd:Statement ; mnd:subject|mnd:object ?term }
  UNION { ?statement mnd:meetingOf ?term }
  GRAPH ?g { ?term a ?kind } FILTER(?kind IN (owl:Class, owl:ObjectProperty, skos:Concept))
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/un-mandates/graph/ontology"))
}"""


@pytest.mark.slow
def test_a_loaded_document_never_names_an_ontology_term(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "curated", data / "curated")
    cli = Cli(tmp_path / "store")
    assert cli("build", "--data", str(data)).code == 0
    document = tmp_path / "agenda.txt"
    shutil.copy(sorted((DATA / "sources").glob("*.txt"))[0], document)  # names meetings, bodies
    loaded = cli("load", str(document))
    assert loaded.code == 0, loaded.err
    found = cli("query", TERMS_AS_ENDS, "--format", "csv")
    assert found.code == 0, found.err
    assert found.out.split() == ["statement,term"], found.out
