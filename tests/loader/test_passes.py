"""Each pass of the loader alone, and the grammar classes of this round, on sentences we wrote.

Pass 1 (``mentions``) and pass 2 (``clauses``) are called on one string; pass 3 (``acts``) is
read through ``extract_text`` on a small resolution, so that its rows are those the loader
gives: subject, verb, object and quote.
"""

from __future__ import annotations

import pytest

from mandates.loader import extract_text
from mandates.loader.acts import complete, name_object, object_phrase
from mandates.loader.clauses import Context
from mandates.loader.mentions import actors, find_triggers, tidy

HEAD = (
    "United Nations A/RES/90/1\n\nGeneral Assembly Distr.: General\n\n2 January 2036\n\n"
    "Resolution adopted by the General Assembly on 1 January 2036\n\n"
    "90/1. On invented matters\n\nThe General Assembly,\n\n"
)


def acts(*paragraphs: str) -> list[tuple[str, str, str | None]]:
    """(subject, verb, object) of each row of a resolution made of ``paragraphs``."""
    rows = extract_text(HEAD + "\n\n".join(paragraphs) + "\n", "r.txt").to_json()["relations"]
    return [(r["subject"], r["relation"], r["object"]) for r in rows if r["paragraph"] != "header"]


def rows(*paragraphs: str) -> list[dict]:
    x = extract_text(HEAD + "\n\n".join(paragraphs) + "\n", "r.txt").to_json()
    return [r for r in x["relations"] if r["paragraph"] != "header"]


# --- pass 1: mentions


def test_a_lexicon_verb_after_an_operative_verb_outside_it_is_a_trigger() -> None:
    s = "Emphasizes the importance of the workshops, and invites Member States to give support;"
    assert [(t.relation, t.style) for t in find_triggers(s, "operative")] == [
        ("invited", "operative")
    ]


def test_a_participle_held_with_a_place_or_date_is_a_trigger_and_at_a_workshop_is_not() -> None:
    held = find_triggers("the Summit, held in Rome in 2030, marked", "preamble")
    assert [(t.relation, t.participle) for t in held] == [("held", True)]
    assert find_triggers("the discussions held at the workshop on the topic", "preamble") == []


def test_an_agentive_participle_in_an_operative_paragraph_is_a_trigger() -> None:
    s = "Takes note of the plan for the documentation, prepared by the Secretary-General;"
    found = [(t.relation, t.agentive) for t in find_triggers(s, "operative")]
    assert found == [("noted", False), ("prepared", True)]


def test_body_mentions_are_a_mention() -> None:
    assert [name for *_, name in actors("the Commission and the Office met")] == [
        "Commission on Crime Prevention and Criminal Justice",
        "United Nations Office on Drugs and Crime",
    ]


# --- pass 2: clauses


def test_in_particular_its_resolution_after_a_list_of_bodies_is_the_last_bodys() -> None:
    ctx = Context(default_body="General Assembly", voice="General Assembly")
    s = (
        "Recalling also previous resolutions of the Commission and the Conference of the "
        "Parties to the Convention, in particular its resolution 3/4 of 1 May 2030,"
    )
    assert [rid for *_, rid in ctx.citations(s)] == ["CTOC/COP 3/4"]


# --- pass 3: acts, object phrases


@pytest.mark.parametrize(
    ("after", "relation", "phrase"),
    [
        (" the cooperation between the United Nations and the Agency to combat fraud;",
         "welcomed", "the cooperation between the United Nations and the Agency"),
        (" the need for cooperation between the Council, the Office and States in combating "
         "fraud;", "noted", "the need for cooperation between the Council, the Office and States "
         "in combating fraud"),
        (" the cooperation of the Commission, within its existing mandate, with other "
         "commissions;", "welcomed", "the cooperation of the Commission with other commissions"),
        (" the role of the Council in fostering trust throughout the region;", "recognized",
         "the role of the Council in fostering trust"),
        (" the importance of the Convention as the main tool available;", "reaffirmed",
         "the importance of the Convention"),
        (" the role of States in preventing crime and in defining their policies;", "recognized",
         "the role of States in preventing crime"),
        (" the contribution of the Office to the Conference to Prevent, Combat and Eradicate the "
         "Illicit Trade in All Its Aspects;", "acknowledged", "the contribution of the Office to "
         "the Conference to Prevent, Combat and Eradicate the Illicit Trade in All Its Aspects"),
    ],
)  # fmt: skip
def test_object_phrase_boundaries(after: str, relation: str, phrase: str) -> None:
    assert object_phrase(after, relation) == phrase


def test_names_drop_evaluative_adjectives_so_far_and_short_forms() -> None:
    ctx = Context(default_body="General Assembly")
    assert name_object("the important role of the Office in assisting States", ctx) == (
        "role of the Office in assisting States"
    )
    assert name_object("the progress made thus far in the preparations", ctx) == (
        "progress made in the preparations"
    )
    assert name_object("the Global Forum on Fraud (GFF)", ctx) == "Global Forum on Fraud"
    assert name_object(
        "the discussions on the implementation of the Lisbon Declaration on Advancing Justice, "
        "Fairness and the Rule of Law: Towards Peace",
        ctx,
    ) == ("discussions on the implementation of the Lisbon Declaration")
    # a limit on the length of a name never cuts a capitalised title
    title = "Fourth Conference to Review Progress Made in the Implementation of the Programme " * 2
    assert tidy(f"the contribution of the Office to the {title.strip()}").endswith("Programme")


def test_a_mass_noun_is_a_complete_object_and_a_head_alone_is_not() -> None:
    assert complete("corruption")
    assert not complete("need")
    assert not complete("relating to several indicators under")


# --- pass 3: acts, rows


def test_a_participle_held_is_an_act_of_the_body_that_held_the_meeting() -> None:
    found = acts(
        "Recalling the outcome of the Ninth United Nations Congress on Crime Prevention and "
        "Criminal Justice, held in Cairo from 1 to 5 May 2030,",
        "Recalling also the 2031 Fraud Summit, held under the auspices of the General Assembly,",
        "Recalling further that, during the fortieth session of the INTERPOL General Assembly, "
        "held in Lima from 2 to 4 June 2032, the delegates met,",
    )
    assert (
        "United Nations",
        "held",
        "Ninth United Nations Congress on Crime Prevention and Criminal Justice",
    ) in found
    assert ("General Assembly", "held", "2031 Fraud Summit") in found
    assert ("INTERPOL General Assembly", "held",
            "fortieth session of the INTERPOL General Assembly") in found  # fmt: skip


def test_a_participle_held_by_a_body_in_an_operative_paragraph() -> None:
    found = acts(
        "1. Welcomes the thematic discussions on fraud, held by the Commission on Crime "
        "Prevention and Criminal Justice since 2030;"
    )
    assert found == [
        ("A/RES/90/1", "welcomed", "thematic discussions on fraud"),
        ("Commission on Crime Prevention and Criminal Justice", "held",
         "thematic discussions on fraud"),
    ]  # fmt: skip


def test_an_agentive_participle_in_an_operative_paragraph_is_its_agents_act() -> None:
    found = acts("1. Takes note of the plan for the work, prepared by the Secretary-General;")
    assert ("Secretary-General", "prepared", "plan for the work") in found


def test_the_proper_named_items_of_an_including_list_are_one_row_each() -> None:
    found = acts(
        "Recalling the rules adopted by the General Assembly, including the Lima Rules "
        "(the First Rules), 2 the Oslo Rules for Fraud and the Rome Rules, and noting the work,",
    )
    recalled = [o for s, v, o in found if v == "recalled"]
    assert recalled == ["rules", "Lima Rules", "Oslo Rules for Fraud", "Rome Rules"]
    generic = acts(
        "1. Invites Member States and other stakeholders, including civil society, the private "
        "sector and academia, to act;"
    )
    assert [o for *_, o in generic] == ["Member States", "other stakeholders"]


def test_coordinated_objects_of_one_verb_are_one_row_each() -> None:
    found = acts(
        "Noting the continued efforts of the Office to assist States in their work, and the "
        "contribution of the Council to the promotion of justice,",
        "Noting also the Global Forum on Fraud (GFF) and its Lima Memorandum on Good Practices,",
    )
    assert [o for *_, o in found] == [
        "continued efforts of the Office",
        "contribution of the Council to the promotion of justice",
        "Global Forum on Fraud",
        "Lima Memorandum on Good Practices",
    ]


def test_a_verb_coordinated_after_an_operative_verb_outside_the_lexicon() -> None:
    found = acts(
        "1. Emphasizes the importance of the workshops, and invites Member States, "
        "intergovernmental and non-governmental organizations to provide support;"
    )
    assert [o for _, v, o in found if v == "invited"] == [
        "Member States",
        "intergovernmental organizations",
        "non-governmental organizations",
    ]


def test_the_quote_takes_in_an_object_far_from_the_verb() -> None:
    found = rows(
        "1. Decides that, until the Conference of the Parties to be established under the "
        "Convention decides otherwise at one of its future sessions, the account referred to in "
        "article 9 of the Convention will be operated by the United Nations Office on Drugs and "
        "Crime;"
    )
    assert [(r["relation"], r["object"]) for r in found] == [
        ("decided", "United Nations Office on Drugs and Crime")
    ]
    assert "United Nations Office on Drugs and Crime" in found[0]["quote"]
    assert len(found[0]["quote"].split()) <= 25


def test_in_which_inter_alia_after_a_footnoted_instrument_is_that_instruments_act() -> None:
    found = acts(
        "Recalling the political declaration on fraud, 1 in which, inter alia, the General "
        "Assembly reaffirmed the contribution of the Office to the fight against fraud,",
        "__________________",
        "1 Resolution 80/2.",
    )
    assert (
        "A/RES/80/2",
        "reaffirmed",
        "contribution of the Office to the fight against fraud",
    ) in (found)


# --- pass 3, round 3: where a footnote, a name, a quoted title or a complement belongs


def test_a_note_after_a_title_inside_an_abstract_phrase_is_the_titles() -> None:
    found = acts(
        "Recognizing the importance of fair accounting for the implementation of the Lima "
        "Agenda on Fisheries, 1",
        "Recalling the political declaration on the Lima Plan of Action on Fisheries, 2",
        "__________________",
        "1 Resolution 85/1.",
        "2 Resolution 85/2.",
    )
    assert [(v, o) for _, v, o in found] == [
        (
            "recognized",
            "importance of fair accounting for the implementation of the Lima Agenda on Fisheries",
        ),
        ("recalled", "A/RES/85/2"),
    ]


def test_a_quoted_title_is_never_cut_and_what_follows_it_with_and_the_is_another_phrase() -> None:
    found = acts(
        "Noting the debates held at the seminar on the topic “Fraud at sea: risks, rules and "
        "remedies” and the two panels, as reported by the Chair,",
    )
    assert [o for *_, o in found] == [
        "debates held at the seminar on the topic “Fraud at sea: risks, rules and remedies”"
    ]


def test_an_and_inside_a_bodys_name_does_not_close_a_between_list() -> None:
    found = acts(
        "Welcoming the partnership between the United Nations Office on Drugs and Crime, the "
        "Fishery Board and the Ocean Council, and the report on it,",
    )
    assert found[0][2] == (
        "partnership between the United Nations Office on Drugs and Crime, the Fishery Board "
        "and the Ocean Council"
    )


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Recalling the commitment made by States to contribute to reaching the goals of the "
            "Lima Plan on Fisheries 3 through their national policies,",
            "commitment made by States to contribute to reaching the goals of the Lima Plan on "
            "Fisheries",
        ),
        (
            "Welcoming the election of Chile to host the tenth session of the Fishery Board,",
            "election of Chile to host the tenth session of the Fishery Board",
        ),
        # no infinitive complement: the phrase ends before "to"
        (
            "Noting the report of the Board to inform States of new rules,",
            "report of the Board",
        ),
    ],
)
def test_an_infinitive_completing_a_noun_is_part_of_the_phrase(paragraph, expected) -> None:
    assert [o for *_, o in acts(paragraph)] == [expected]


def test_in_accordance_with_a_dated_agreement_identifies_the_efforts() -> None:
    found = acts(
        "Noting the joint efforts undertaken in accordance with the memorandum on cooperation of "
        "3 March 2031 between the Fishery Board and INTERPOL, and the results achieved,",
        "Noting also the joint efforts undertaken in accordance with existing rules,",
    )
    assert [o for *_, o in found] == [
        "joint efforts undertaken in accordance with the memorandum on cooperation of 3 March "
        "2031 between the Fishery Board and INTERPOL",
        "joint efforts undertaken",
    ]


def test_a_gerund_adjunct_after_a_closed_between_list_is_cut() -> None:
    found = acts(
        "Acknowledging the cooperation between the Fishery Board and INTERPOL in assisting "
        "coastal States,",
        "Acknowledging also the need to deepen the cooperation between the Fishery Board and "
        "INTERPOL in protecting the high seas,",
        "Recognizing the contribution of the cooperation between the Board and INTERPOL in "
        "protecting fish stocks,",
    )
    assert [o for *_, o in found] == [
        "cooperation between the Fishery Board and INTERPOL",
        "need to deepen the cooperation between the Fishery Board and INTERPOL in protecting the "
        "high seas",
        "contribution of the cooperation between the Board and INTERPOL in protecting fish stocks",
    ]


def test_a_word_limit_cuts_neither_a_quoted_title_nor_a_pair_after_its_and() -> None:
    title = tidy(
        "the notes of the Board of Auditors of Fish on its work under the agenda item "
        "“Ways and means to protect the fish stocks of the high seas”"
    )
    assert title.endswith("“Ways and means to protect the fish stocks of the high seas”")
    pair = tidy(
        "the contribution of the joint work between the Board and INTERPOL in fighting the "
        "illegal trade in rare fish and shark fins"
    )
    assert pair.endswith("rare fish and shark fins")


def test_entitled_is_no_word_of_a_titled_item() -> None:
    found = acts(
        "Noting the debates of the Board under the agenda item entitled “Fish and the law”,",
        "Recalling that in its resolution 80/4 it decided that the item entitled “Fish at sea” "
        "would be considered every year,",
    )
    assert ("noted", "debates of the Board under the agenda item “Fish and the law”") in [
        (v, o) for _, v, o in found
    ]
    assert ("A/RES/80/4", "decided", "agenda item “Fish at sea”") in found


def test_a_passive_invitation_inside_an_instruments_frame_is_the_instruments_act() -> None:
    found = acts(
        "Bearing in mind that, in the Lima Declaration on Fair Fishing and the Rule of Law, 1 the "
        "Commission was invited to report on fishing crime,",
        "Bearing in mind also that, in its resolution 80/7, the Secretary-General was requested "
        "to report on fishing crime,",
        "Bearing in mind further that Member States were invited to report on fishing crime,",
        "__________________",
        "1 Resolution 80/3, annex.",
    )
    assert found == [
        ("Lima Declaration", "invited", "Commission on Crime Prevention and Criminal Justice"),
        ("A/RES/80/7", "requested", "Secretary-General"),
    ]
