"""The authority file of entities (``data/curated/authority.ttl``) and the names of all the
curated data: no name shared by two resources, every entity labelled, typed and sourced, every
resolution and declaration dated, the canonical names of the seed annotations resolved, one
resource for the two names of the Ad Hoc Committee, and the facts the team found wrong kept right.

Names are compared as the loader compares them, only more strictly: without case, with runs of
whitespace (U+00A0 included) collapsed, typographic apostrophes straightened and every word
"the" dropped. Statements and attestations are left out: their labels describe them, they are not
names anything is resolved by.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from mandates.namespaces import GRAPH, ID, MND
from mandates.package_data import ontology_graph
from mandates.store.embedded import StoreRoot

from support import DATA, SHARED

AUTHORITY = DATA / "curated" / "authority.ttl"
CANONICAL = SHARED / "annotations" / "README.md"
NAMING = (RDFS.label, SKOS.altLabel, MND.acronym)
UNNAMED = {MND.Statement, MND.Attestation}
DATED = (MND.Resolution, MND.Declaration)
DATE_TYPES = {XSD.date, XSD.gYearMonth}
#: Names of the annotation README's list that are templates, not names: the loader reads
#: "Expert Group meeting 5" and its agenda items by pattern (iris.meeting, iris.agenda_item).
TEMPLATES = {
    "Expert Group meeting N",
    "Expert Group meeting N, agenda item X",
    "provisional agenda of Expert Group meeting N",
}
#: Every IRI of the former bodies.ttl: other files, tests and stored loads refer to them.
KEPT = """body/general-assembly body/ecosoc body/secretariat officer/secretary-general body/ccpcj
body/expert-group-cybercrime body/expert-group-cybercrime-extended-bureau
officer/expert-group-cybercrime-chair officer/expert-group-cybercrime-vice-president
officer/expert-group-cybercrime-rapporteur person/andre-rypl body/unodc body/cted
body/ad-hoc-committee-cybercrime body/thirteenth-crime-congress body/fourteenth-crime-congress
group/member-states group/observers org/international-association-of-prosecutors
org/council-of-europe org/european-union org/organization-of-american-states
org/african-union""".split()
AD_HOC_NAMES = (
    "Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use"
    " of Information and Communications Technologies for Criminal Purposes",
    "open-ended ad hoc intergovernmental committee of experts to elaborate a comprehensive"
    " international convention on countering the use of information and communications"
    " technologies for criminal purposes",
)


def name_key(name: str) -> str:
    """A name as compared here.

    >>> name_key("  The Nelson\\u00a0Mandela Rules") == name_key("the nelson mandela rules")
    True
    >>> name_key("United Nations Children’s Fund") == name_key("United Nations Children's Fund")
    True
    """
    text = name.replace("\u00a0", " ").replace("\u2019", "'").lower()
    return " ".join(word for word in text.split() if word != "the")


def named_resources(graph: Graph) -> dict[str, set[URIRef]]:
    """Each name (label, alias, acronym) → the resources that carry it."""
    unnamed = {s for t in UNNAMED for s in graph.subjects(RDF.type, t)}
    found: dict[str, set[URIRef]] = defaultdict(set)
    for predicate in NAMING:
        for s, name in graph.subject_objects(predicate):
            if isinstance(s, URIRef) and s not in unnamed:
                found[name_key(str(name))].add(s)
    return found


def shared_names(graph: Graph) -> dict[str, set[URIRef]]:
    return {name: found for name, found in named_resources(graph).items() if len(found) > 1}


def undated(graph: Graph) -> list[str]:
    """Resolutions and declarations without exactly one date that is a day or a month."""
    wrong = []
    for kind in DATED:
        for s in set(graph.subjects(RDF.type, kind)):
            dates = list(graph.objects(s, MND.date))
            if len(dates) != 1 or getattr(dates[0], "datatype", None) not in DATE_TYPES:
                wrong.append(str(s))
    return sorted(set(wrong))


def incomplete(entities: Graph, classes: set[URIRef]) -> list[str]:
    """Entities without exactly one English label, a type of the ontology or a dct:source."""
    wrong = []
    for s in sorted(set(entities.subjects()), key=str):
        labels = list(entities.objects(s, RDFS.label))
        if len(labels) != 1 or getattr(labels[0], "language", None) != "en":
            wrong.append(f"{s}: label")
        if not set(entities.objects(s, RDF.type)) & classes:
            wrong.append(f"{s}: type")
        if (s, DCTERMS.source, None) not in entities:
            wrong.append(f"{s}: source")
    return wrong


@cache
def curated() -> Graph:
    graph = Graph()
    for path in sorted((DATA / "curated").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def authority() -> Graph:
    return Graph().parse(AUTHORITY, format="turtle")


@cache
def ontology_classes() -> set[URIRef]:
    graph = ontology_graph()
    return {c for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(str(MND))}


def one_resource(name: str) -> URIRef:
    found = named_resources(curated()).get(name_key(name), set())
    assert len(found) == 1, f"{name!r} names {len(found)} resources: {sorted(found)}"
    return next(iter(found))


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


# ---- The checks can fail: each helper on a small graph that breaks its rule ------------------

BROKEN = """
@prefix mnd: <https://w3id.org/un-mandates/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://example.org/a> a mnd:Body ; rdfs:label "The  Commission"@en .
<http://example.org/b> a mnd:Body ; rdfs:label "Commission on Narcotic Drugs"@en ;
    skos:altLabel "commission"@en .
<http://example.org/r> a mnd:Resolution ; rdfs:label "a resolution" ; mnd:date "2013"^^xsd:gYear .
<http://example.org/d> a mnd:Declaration ; rdfs:label "a declaration" .
<http://example.org/s> a mnd:Statement ; rdfs:label "The Commission" .
"""


def test_the_helpers_find_what_breaks_the_rules() -> None:
    graph = Graph().parse(data=BROKEN, format="turtle")
    ex = "http://example.org/"
    assert shared_names(graph) == {"commission": {URIRef(ex + "a"), URIRef(ex + "b")}}
    assert undated(graph) == [ex + "d", ex + "r"]
    assert incomplete(graph, {MND.Body}) == [
        f"{ex}a: source",
        f"{ex}b: source",
        f"{ex}d: label",
        f"{ex}d: type",
        f"{ex}d: source",
        f"{ex}r: label",
        f"{ex}r: type",
        f"{ex}r: source",
        f"{ex}s: label",
        f"{ex}s: type",
        f"{ex}s: source",
    ]


# ---- The curated data ----------------------------------------------------------------------


def test_no_two_resources_share_a_name() -> None:
    assert len(named_resources(curated())) > 100, "the curated data names too little"
    assert shared_names(curated()) == {}


def test_every_entity_is_labelled_typed_and_sourced() -> None:
    entities = authority()
    assert len(set(entities.subjects())) >= 60, "the authority file describes too little"
    assert incomplete(entities, ontology_classes()) == []


def test_the_former_bodies_keep_their_iris() -> None:
    described = set(authority().subjects(RDF.type, None))
    assert [p for p in KEPT if iri(p) not in described] == []


def test_every_resolution_and_declaration_has_a_date() -> None:
    graph = curated()
    assert len(set(graph.subjects(RDF.type, MND.Resolution))) >= 10
    assert undated(graph) == []


@pytest.mark.skipif(not CANONICAL.is_file(), reason="../shared/annotations is absent")
def test_each_canonical_name_of_the_annotations_is_one_resource() -> None:
    section = CANONICAL.read_text(encoding="utf-8").split("## Canonical names used", 1)[1]
    text = " ".join(section.split("\n## ", 1)[0].split())
    names = [n.strip().rstrip(".") for n in text.split(";")]
    # "collection of topics ... for the study (E/CN.15/2011/19, annexes I and II)": the
    # parenthesis says where it is printed; it is not part of the name.
    names = [re.sub(r"\s*\([^)]*\)$", "", n) for n in names if n not in TEMPLATES]
    assert len(names) >= 15
    for name in names:
        one_resource(name)


def test_the_two_names_of_the_ad_hoc_committee_are_one_resource() -> None:
    committee = iri("body/ad-hoc-committee-cybercrime")
    assert {one_resource(name) for name in (*AD_HOC_NAMES, "Ad Hoc Committee")} == {committee}
    graph = curated()
    assert list(graph.objects(committee, RDFS.label)) == [Literal(AD_HOC_NAMES[0], lang="en")]
    assert (committee, MND.establishedBy, iri("doc/A/RES/74/247")) in graph
    assert (committee, MND.subsidiaryOf, iri("body/general-assembly")) in graph


def test_the_chain_from_65_230_uses_one_iri_per_body() -> None:
    """65/230 → the Commission → the Expert Group → 74/247 → the Ad Hoc Committee → 79/243."""
    graph = curated()
    commission, group = iri("body/ccpcj"), iri("body/expert-group-cybercrime")
    assert (iri("doc/A/RES/65/230"), MND.requested, commission) in graph
    assert (commission, MND.established, group) in graph
    assert one_resource("the Commission") == commission
    assert one_resource("Expert Group on Cybercrime") == group
    assert (iri("doc/convention/cybercrime"), MND.annexedTo, iri("doc/A/RES/79/243")) in graph


def test_the_built_graph_uses_the_curated_iris(built_store: StoreRoot) -> None:
    """The names the loader reads in the seeds resolve to the curated resources: in every graph
    of the build, resolution 74/247 decided the Ad Hoc Committee itself (not a new resource
    named after the head of its descriptive name), and no two data resources share a name."""
    store = built_store.open_read_only()
    resolution = iri("doc/A/RES/74/247")
    decided = store.query(
        f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ <{resolution}> <{MND.decided}> ?o }} }}"
    )
    assert [row["o"].value for row in decided] == [str(iri("body/ad-hoc-committee-cybercrime"))]
    naming = " ".join(f"<{p}>" for p in NAMING)
    unnamed = " ".join(f"<{t}>" for t in UNNAMED)
    data_graphs = f"STRSTARTS(STR(?g), '{GRAPH}curated/') || STRSTARTS(STR(?g), '{GRAPH}source/')"
    query = (
        f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} VALUES ?p {{ {naming} }} "
        f"FILTER ({data_graphs}) FILTER NOT EXISTS {{ ?s a ?t . VALUES ?t {{ {unnamed} }} }} }}"
    )
    names = Graph()
    for row in store.query(query):
        names.add((URIRef(row["s"].value), URIRef(row["p"].value), Literal(row["o"].value)))
    assert len(names) > 200
    assert {n: sorted(found) for n, found in shared_names(names).items()} == {}


# ---- The facts the team found wrong ---------------------------------------------------------


def test_the_expert_group_was_established_by_the_commission() -> None:
    """003 item 3: "It was the Commission that established the Expert Group at the request of
    the General Assembly": resolution 65/230 asked for it, the Commission set it up."""
    graph = curated()
    group = iri("body/expert-group-cybercrime")
    assert list(graph.objects(group, MND.establishedBy)) == [iri("body/ccpcj")]


def test_the_fourth_meeting_had_its_own_chair() -> None:
    """001 para. 20: André Rypl, Vice-President of the Expert Group, chaired the fourth meeting;
    he did not hold the chair of the Expert Group."""
    graph = curated()
    held = set(graph.objects(iri("person/andre-rypl"), MND.holds))
    meeting_chair = iri("officer/expert-group-cybercrime-meeting-4-chair")
    assert held == {iri("officer/expert-group-cybercrime-vice-president"), meeting_chair}
    assert list(graph.objects(meeting_chair, MND.officerOf)) == [
        iri("meeting/expert-group-cybercrime/4")
    ]


def test_observers_are_not_a_group_of_states() -> None:
    types = set(curated().objects(iri("group/observers"), RDF.type))
    assert types == {MND.Group}


def test_the_commission_resolutions_are_dated_as_precisely_as_their_sources() -> None:
    graph = curated()
    assert graph.value(iri("resolution/ccpcj/22/7"), MND.date) == Literal(
        "2013-04", datatype=XSD.gYearMonth
    )
    assert graph.value(iri("resolution/ccpcj/26/4"), MND.date) == Literal(
        "2017-05-26", datatype=XSD.date
    )
