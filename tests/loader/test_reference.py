"""Objects named by reference to what the text said before or after them, in reports of
meetings: an act restated by "as adopted at …", the agenda "following" a sentence, and the
work of a body described at length (texts we wrote, in the reported past of a report)."""

from __future__ import annotations

from mandates.loader import extract_text

REPORT = "Annotated provisional agenda\n\nBackground\n\n"


def acts(*paragraphs: str) -> list[tuple[str, str, str | None]]:
    rows = extract_text(REPORT + "\n\n".join(paragraphs) + "\n", "x.txt").to_json()["relations"]
    return [(r["subject"], r["relation"], r["object"]) for r in rows]


def test_as_adopted_at_a_meeting_names_what_that_meeting_was_said_to_adopt() -> None:
    found = acts(
        "The first meeting of the Expert Group was held in Vienna from 2 to 4 May 2030. At that "
        "meeting, the Expert Group adopted a list of questions and a timetable for the survey.",
        "The second meeting of the Expert Group was held from 5 to 7 June 2031. At that meeting, "
        "the Expert Group took note of the progress report on the survey, and the list of "
        "questions on the conduct of a survey of fraud and the timetable for that survey, as "
        "adopted at the first meeting of the Expert Group.",
    )
    assert (
        "Expert Group meeting 2",
        "noted",
        "list of questions and a timetable for the survey",
    ) in (found)


def test_as_adopted_names_nothing_new_when_no_such_act_was_reported() -> None:
    found = acts(
        "The second meeting of the Expert Group was held from 5 to 7 June 2031. At that meeting, "
        "the Expert Group took note of the list of questions on the conduct of a survey of "
        "fraud, as adopted at the first meeting of the Expert Group."
    )
    noted = [o for _, v, o in found if v == "noted"]
    assert noted == ["list of questions on the conduct of a survey of fraud"]


def test_the_following_agenda_adopted_at_a_meeting_is_that_meetings_agenda() -> None:
    found = acts(
        "The third meeting of the Expert Group was held in Vienna from 1 to 3 March 2032. At "
        "that meeting, the Expert Group adopted the following provisional agenda:",
        "1. Opening of the meeting.",
    )
    assert (
        "Expert Group meeting 3",
        "adopted",
        "provisional agenda of Expert Group meeting 3",
    ) in (found)


def test_the_activities_of_a_body_described_in_lower_case_are_the_bodys() -> None:
    """A body described at length in lower case is not cut at its "to" and may run on with its
    description; the activities of a body are the body."""
    found = acts(
        "In its resolution 80/5, the General Assembly noted the activities of the open-ended "
        "intergovernmental expert group to conduct a comprehensive study of the problem of "
        "cybercrime and responses to it by States."
    )
    assert (
        "A/RES/80/5",
        "noted",
        "Expert Group to Conduct a Comprehensive Study on Cybercrime",
    ) in (found)
