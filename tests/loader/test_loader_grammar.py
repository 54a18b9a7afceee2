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


NOTE = (
    "United Nations A/C.9/90/L.1\n\nGeneral Assembly Distr.: Limited\n3 May 2035\n\n"
    "Organization of the work of the Ninth Committee\nNote by the Secretariat\n\n"
)


def test_a_note_acts_in_the_present_passive() -> None:
    got = rows(
        "1. The draft timetable (see annex) has been prepared in the light of past practice.\n"
        "2. Delegations are invited to register their speakers early.\n"
        "3. Main sponsors are requested to submit their drafts by Friday.\n"
        "4. In its resolution 60/2, the General Assembly decided that the item entitled "
        "“Fisheries crime” should be considered in plenary.\n",
        head=NOTE,
    )
    assert got[:3] == [
        ("A/C.9/90/L.1", "prepared", "draft timetable", "1"),
        ("A/C.9/90/L.1", "invited", "delegations", "2"),
        ("A/C.9/90/L.1", "requested", "main sponsors", "3"),
    ]
    assert got[3][:2] == ("A/RES/60/2", "decided")


def test_an_act_reported_inside_a_clause_has_its_own_subject() -> None:
    got = rows(
        "Recalling its resolution 80/4 of 1 May 2025, in which it established the Panel on "
        "Fisheries Crime,\n"
        "Noting WCO resolution WCO-2030-12-RES-3, in which the WCO Council recognized the "
        "role of customs,\n"
        "Recalling its resolutions 81/1 and 81/2, by which it adopted the Port Rules and the "
        "Coastal Rules,\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert [r[:3] for r in got if r[3] in ("pp1", "pp2", "pp3")] == [
        ("A/RES/91/7", "recalled", "A/RES/80/4"),
        ("A/RES/80/4", "established", "Panel on Fisheries Crime"),
        ("A/RES/91/7", "noted", "WCO-2030-12-RES-3"),
        ("WCO-2030-12-RES-3", "recognized", "role of customs"),
        ("A/RES/91/7", "recalled", "A/RES/81/1"),
        ("A/RES/91/7", "recalled", "A/RES/81/2"),
    ]  # which of 81/1 and 81/2 adopted which Rules is not said: no act is guessed


def test_a_decision_that_names_what_it_concerns() -> None:
    got = rows(
        "1. Decides that the Panel shall continue its work in 2038;\n"
        "2. Also decides that the fund will be administered by the United Nations Office on "
        "Drugs and Crime;\n"
        "3. Further decides that 4 May should be designated World Fisheries Crime Day.\n"
    )
    assert [o for _, v, o, p in got if v == "decided"] == [
        "Panel",
        "United Nations Office on Drugs and Crime",
        "World Fisheries Crime Day",
    ]


def test_a_footnote_mark_names_the_documents_of_its_note() -> None:
    got = rows(
        "Having considered the report of the Secretary-General on fisheries crime, 1\n"
        "Taking note of the reports of the regional meetings, 2 and of the study on ports, 3\n"
        "__________________\n"
        "1 E/CN.15/2037/4.\n"
        "2 A/CONF.300/RPM.1/2 and A/CONF.300/RPM.2/2.\n"
        "3 Resolution 80/9, annex.\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert [(v, o) for _, v, o, p in got if p in ("pp1", "pp2")] == [
        ("considered", "E/CN.15/2037/4"),
        ("noted", "A/CONF.300/RPM.1/2"),
        ("noted", "A/CONF.300/RPM.2/2"),
    ]


def test_a_short_name_is_the_full_name_the_text_gave() -> None:
    got = rows(
        "Recalling its resolution 80/2, in which it decided to hold the Sixteenth United "
        "Nations Congress on Crime Prevention and Criminal Justice in 2031,\n"
        "1. Decides that the duration of the Sixteenth Congress shall not exceed five days;\n"
        "2. Welcomes the discussion guide for the Sixteenth Congress;\n"
    )
    full = "Sixteenth United Nations Congress on Crime Prevention and Criminal Justice"
    assert ("A/RES/91/7", "decided", full, "op1") in got
    assert ("A/RES/91/7", "welcomed", f"discussion guide for the {full}", "op2") in got


def test_named_things_inside_a_clause() -> None:
    got = rows(
        "Recalling the United Nations Convention against Fisheries Crime, and recalling in this "
        "regard article 12 of the Convention,\n"
        "Recalling also the applicable provisions of Economic and Social Council resolution "
        "2030/7 of 2 July 2030,\n"
        "Recalling further its request to the Secretary-General to prepare a study,\n"
        "1. Decides to designate 9 June as the International Day against Fisheries Crime;\n"
        "2. Reiterates its invitation to Governments to report;\n"
    )
    article = "article 12 of the United Nations Convention against Fisheries Crime"
    assert ("A/RES/91/7", "recalled", article, "pp1") in got
    assert ("A/RES/91/7", "recalled", "E/RES/2030/7", "pp2") in got
    assert ("General Assembly", "requested", "Secretary-General", "pp3") in got  # reported
    assert ("A/RES/91/7", "decided", "International Day against Fisheries Crime", "op1") in got
    assert ("A/RES/91/7", "invited", "Governments", "op2") in got
