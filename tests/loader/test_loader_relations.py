"""Relation styles on small synthetic texts (written for these tests, not taken from a seed)."""

from __future__ import annotations

from mandates.loader import extract_text
from mandates.loader.text import collapse


def rows(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (r["subject"], r["relation"], r["object"])
        for r in extract_text(text, "t.txt").to_json()["relations"]
    ]


def test_operative_and_preambular_style() -> None:
    text = (
        "United Nations A/RES/90/12\n\nResolution adopted by the General Assembly\n\n"
        "The General Assembly,\n"
        "Recalling its resolution 80/5 of 1 May 2026, in which it established the Panel,\n"
        "Welcoming the report of the Panel,\n"
        "1. Takes note of the report of the Secretary-General;\n"
        "2. Requests the Secretary-General to submit a report, and also invites Member "
        "States to contribute;\n"
        "3. Decides to remain seized of the matter.\n"
    )
    assert rows(text) == [
        ("A/RES/90/12", "recalled", "A/RES/80/5"),
        ("A/RES/80/5", "established", "Panel"),
        ("A/RES/90/12", "welcomed", "report of the Panel"),
        ("A/RES/90/12", "noted", "report of the Secretary-General"),
        ("A/RES/90/12", "requested", "Secretary-General"),
        ("A/RES/90/12", "invited", "Member States"),
        ("A/RES/90/12", "decided", "remain seized of the matter"),
    ]


def test_status_and_evidence() -> None:
    text = (
        "United Nations A/RES/90/12\n\nResolution adopted by the General Assembly\n\n"
        "The General Assembly,\n"
        "Recalling its resolution 80/5, in which it requested the Council to act,\n"
        "1. Requests the Secretary-General to report.\n"
    )
    got = [
        (r["relation"], r["status"], r["evidence"], r["paragraph"])
        for r in extract_text(text, "t.txt").to_json()["relations"]
    ]
    assert got == [
        ("recalled", "adopted", "primary", "pp1"),
        ("requested", "adopted", "secondary", "pp1"),
        ("requested", "adopted", "primary", "op1"),
    ]


def test_reported_style_with_coordination() -> None:
    text = (
        "In its resolution 11/2, the Commission on Crime Prevention and Criminal Justice "
        "took note of the report of the Panel on Crime Statistics and requested the "
        "Secretariat to assist it.\n\n"
        "In the same resolution, the Commission decided that the Panel would meet yearly.\n"
    )
    assert rows(text) == [
        ("CCPCJ 11/2", "noted", "report of the Panel on Crime Statistics"),
        ("CCPCJ 11/2", "requested", "Secretariat"),
        ("CCPCJ 11/2", "decided", "Panel"),  # the body the decision concerns
    ]


def test_acts_at_meetings_and_coreference() -> None:
    text = (
        "Expert Group to Conduct a Comprehensive Study on Cybercrime\n\n"
        "The ninth meeting of the Expert Group was held in Geneva from 2 to 4 May 2030. "
        "At that meeting, the Expert Group adopted its workplan for the period 2030–2031 "
        "(UNODC/CCPCJ/EG.4/2030/CRP.9).\n\n"
        "The dates for the tenth meeting were decided by the extended Bureau at its meeting "
        "on 5 June 2030.\n"
    )
    x = extract_text(text, "t.txt").to_json()
    assert [(r["subject"], r["relation"], r["object"]) for r in x["relations"]] == [
        (
            "Expert Group to Conduct a Comprehensive Study on Cybercrime",
            "held",
            "Expert Group meeting 9",
        ),
        ("Expert Group meeting 9", "adopted", "UNODC/CCPCJ/EG.4/2030/CRP.9"),
        ("extended Bureau", "decided", "Expert Group meeting 10"),
    ]
    assert {(m["body"], m["ordinal"], m["start"], m["end"], m["place"]) for m in x["meetings"]} == {
        ("Expert Group on Cybercrime", 9, "2030-05-02", "2030-05-04", "Geneva"),
        ("extended Bureau", None, "2030-06-05", "2030-06-05", None),
    }


def test_assembly_continues_same_resolution() -> None:
    text = (
        "In its resolution 85/1, the General Assembly acknowledged the work of the Panel "
        "on Statistics. Also in the same resolution, the Assembly recognized the Panel as a "
        "forum. The Assembly requested the Secretary-General to support the Panel.\n"
    )
    assert [s for s, *_ in rows(text)] == ["A/RES/85/1"] * 3


def test_passive_agents_each_give_a_row() -> None:
    text = (
        "The Handbook was drafted by the United Nations Office on Drugs and Crime (UNODC), "
        "the World Bank and the International Association of Judges (IAJ).\n"
    )
    assert [s for s, *_ in rows(text)] == [
        "United Nations Office on Drugs and Crime",
        "World Bank",
        "International Association of Judges",
    ]


def test_views_and_plans_are_not_acts() -> None:
    text = (
        "Some speakers noted that the Panel had adopted nothing. It was noted that time was "
        "short. The Secretariat will prepare a list, to be adopted at the next meeting. "
        "Countries should adopt flexible approaches.\n"
        "In its resolution 1/1, the General Assembly endorsed the Plan.\n"
    )
    assert rows(text) == [("A/RES/1/1", "endorsed", "Plan")]


def test_suggestions_are_marked() -> None:
    text = (
        "1. The following recommendations were submitted by Member States and their "
        "inclusion does not imply their endorsement by the Panel:\n"
        "(a) The Panel noted that the Commission requested the Secretariat to act;\n"
    )
    statuses = {r["status"] for r in extract_text(text, "t.txt").to_json()["relations"]}
    assert statuses <= {"suggested"}


def test_quotes_exact_and_bounded() -> None:
    text = (
        "In its resolution 65/230, the General Assembly endorsed the Salvador\u00a0Declaration "
        "on\nComprehensive Strategies, and requested the Commission on Crime Prevention and "
        "Criminal Justice to establish, in line with paragraph 42 of the Salvador Declaration, "
        "an open-ended intergovernmental expert group to conduct a comprehensive study.\n"
    )
    for r in extract_text(text, "t.txt").to_json()["relations"]:
        assert r["quote"] in collapse(text)
        assert 3 <= len(r["quote"].split()) <= 25


def test_cleft_and_restatement_kept_once() -> None:
    text = (
        "In its resolution 12/3, the Commission on Crime Prevention and Criminal Justice "
        "requested the Panel to continue its work.\n\n"
        "It was the Commission that established the Panel at the request of the Council.\n\n"
        "It was also the Commission that requested, in its resolution 12/3, the Panel to "
        "continue its work.\n"
    )
    assert rows(text) == [
        ("CCPCJ 12/3", "requested", "Panel"),
        ("Commission on Crime Prevention and Criminal Justice", "established", "Panel"),
    ]


def test_participle_agent_and_meeting_frame() -> None:
    text = (
        "Expert Group to Conduct a Comprehensive Study on Cybercrime\n\n"
        "At its third meeting, the Expert Group adopted the work plan for the period "
        "2030–2032 (UNODC/CCPCJ/EG.4/2030/CRP.2). In line with the work plan for the period "
        "2030–2032, adopted by the Expert Group at its third meeting, a list was compiled.\n"
    )
    assert rows(text) == [("Expert Group meeting 3", "adopted", "UNODC/CCPCJ/EG.4/2030/CRP.2")]
