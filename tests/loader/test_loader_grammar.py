"""The grammar of UN paragraphs, one class of construction per test, on sentences written for
these tests (none is copied from a seed or an unseen text)."""

from __future__ import annotations

from mandates.loader import extract_text

MASTHEAD = (
    "United Nations A/RES/91/7\n\nGeneral Assembly Distr.: General\n12 March 2037\n\n"
    "Resolution adopted by the General Assembly on 2 March 2037\n\n"
    "91/7. Cooperation on fisheries crime\n\nThe General Assembly,\n"
)


def rows(body: str, head: str = MASTHEAD) -> list[tuple[str, str, str | None, str]]:
    x = extract_text(head + body, "t.txt").to_json()
    return [(r["subject"], r["relation"], r["object"], r["paragraph"]) for r in x["relations"]]


def test_the_adoption_line_is_the_assemblys_act_with_its_date() -> None:
    x = extract_text(MASTHEAD + "1. Requests the Secretary-General to report.\n", "t.txt")
    doc = x.to_json()["document"]
    assert (doc["symbol"], doc["date"], doc["issued"]) == ("A/RES/91/7", "2037-03-02", "2037-03-12")
    first = x.to_json()["relations"][0]
    assert (first["subject"], first["relation"], first["object"]) == (
        "General Assembly",
        "adopted",
        "A/RES/91/7",
    )
    assert (first["paragraph"], first["evidence"]) == ("header", "primary")
    assert first["quote"] == "Resolution adopted by the General Assembly on 2 March 2037"


def test_participles_coordinated_inside_a_preambular_paragraph() -> None:
    got = rows(
        "Welcoming the report of the Secretary-General on fisheries crime, taking note with "
        "appreciation of the work of the Food Council, and recalling in this regard the "
        "guidelines on port inspections, and welcoming also the study of the Office,\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert [(v, o) for _, v, o, p in got if p == "pp1"] == [
        ("welcomed", "report of the Secretary-General on fisheries crime"),
        ("noted", "work of the Food Council"),
        ("recalled", "guidelines on port inspections"),
        ("welcomed", "study of the Office"),
    ]


def test_a_finite_verb_inside_a_preambular_paragraph() -> None:
    got = rows(
        "Acknowledging the role of port States in fighting fisheries crime, and in this "
        "regard takes note of the guidelines on port inspections,\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert ("A/RES/91/7", "noted", "guidelines on port inspections", "pp1") in got


def test_operative_forms_beyond_the_first_verb() -> None:
    got = rows(
        "1. Reiterates its invitation to Member States to share their data;\n"
        "2. Reiterates its request to the Secretary-General to report on fisheries crime;\n"
        "3. Also requests the Food Council to assist, and in this regard invites donors to "
        "contribute;\n"
        "4. Further invites the Food Council to report;\n"
    )
    assert [(v, o, p) for _, v, o, p in got if p.startswith("op")] == [
        ("invited", "Member States", "op1"),
        ("requested", "Secretary-General", "op2"),
        ("requested", "Food Council", "op3"),
        ("invited", "donors", "op3"),
        ("invited", "Food Council", "op4"),
    ]


def test_an_enumeration_of_resolutions_gives_one_act_each() -> None:
    got = rows(
        "Recalling its resolutions 80/1 of 2 May 2025, 81/3 of 4 June 2026 and 82/9 of "
        "1 July 2027, and Economic and Social Council resolutions 2026/4 and 2026/5,\n"
        "Reaffirming previous relevant resolutions, in particular its resolutions 70/2 and "
        "70/8, as well as its resolution 71/5 of 3 March 2017,\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert [(v, o) for _, v, o, p in got if p == "pp1"] == [
        ("recalled", "A/RES/80/1"),
        ("recalled", "A/RES/81/3"),
        ("recalled", "A/RES/82/9"),
        ("recalled", "E/RES/2026/4"),
        ("recalled", "E/RES/2026/5"),
    ]
    assert [(v, o) for _, v, o, p in got if p == "pp2"] == [
        ("reaffirmed", "A/RES/70/2"),
        ("reaffirmed", "A/RES/70/8"),
        ("reaffirmed", "A/RES/71/5"),
    ]


def test_addressees_are_split_and_share_their_modifiers() -> None:
    got = rows(
        "1. Invites Member States, relevant intergovernmental and non-governmental "
        "organizations, within existing resources, and other donors to support the Office;\n"
        "2. Requests the United Nations Office on Drugs and Crime, in cooperation with "
        "other entities, to assist Member States;\n"
    )
    assert [(v, o) for _, v, o, p in got if p.startswith("op")] == [
        ("invited", "Member States"),
        ("invited", "intergovernmental organizations"),
        ("invited", "non-governmental organizations"),
        ("invited", "other donors"),
        ("requested", "United Nations Office on Drugs and Crime"),
    ]
