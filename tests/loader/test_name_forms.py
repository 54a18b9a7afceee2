"""Names resolved to the resources the graph already knows before anything is minted: the same
name printed with other articles, or with its meeting written out another way (names we made
up, over a graph we build here)."""

from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from mandates import iris
from mandates.loader.entities import Registry
from mandates.namespaces import MND

ID = "https://w3id.org/un-mandates/id/"


def registry(*resources: tuple[str, str, list[str]]) -> Registry:
    """A registry over a graph of ``(iri, label, [aliases])``: matters and one known body."""
    g = Graph()
    body = URIRef(iris.body("board-of-auditors-of-fish"))
    g.add((body, RDF.type, MND.Body))
    g.add((body, RDFS.label, Literal("Board of Auditors of Fish", lang="en")))
    g.add((body, SKOS.altLabel, Literal("Board", lang="en")))
    for iri, label, aliases in resources:
        g.add((URIRef(iri), RDF.type, MND.Matter))
        g.add((URIRef(iri), RDFS.label, Literal(label, lang="en")))
        for alias in aliases:
            g.add((URIRef(iri), SKOS.altLabel, Literal(alias, lang="en")))
    return Registry(g)


def test_a_name_with_other_articles_is_the_known_name() -> None:
    reg = registry((ID + "matter/x", "set of rules and timetable for the survey", []))
    assert reg.resolve("a set of rules and a timetable for the survey").iri == ID + "matter/x"
    assert reg.resolve("the set of rules and the timetable for survey").known


def test_a_meeting_written_out_or_by_its_canonical_name_is_one_name() -> None:
    reg = registry(
        (
            ID + "matter/y",
            "list of findings of the third meeting of the Board of Auditors of Fish",
            [],
        )
    )
    for printed in (
        "list of findings of Board meeting 3",
        "the list of findings of the 3rd meeting of the Board",
        "a list of findings of the third meeting of the Board of Auditors of Fish",
    ):
        assert reg.resolve(printed).iri == ID + "matter/y", printed
    # another meeting, or a session, is another thing: minted, not the known one
    assert reg.resolve("list of findings of Board meeting 4").iri != ID + "matter/y"
    assert reg.resolve("list of findings of the third session of the Board").iri != ID + "matter/y"


def test_a_form_two_resources_share_resolves_to_neither() -> None:
    """Where unsure, nothing known: a new IRI rather than one of two known ones."""
    reg = registry(
        (ID + "matter/a", "the plan for a survey", []),
        (ID + "matter/b", "a plan for the survey", []),
    )
    assert reg.resolve("plan for survey").iri not in (ID + "matter/a", ID + "matter/b")
    assert reg.resolve("the plan for a survey").iri == ID + "matter/a"  # the printed form first
