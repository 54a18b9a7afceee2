"""Ordinals, dates, places and the meeting book."""

from __future__ import annotations

import pytest

from mandates.loader.clauses import Context
from mandates.loader.mentions import EXPERT_GROUP, find_dates, find_place, ordinal
from mandates.loader.records import MeetingBook


@pytest.mark.parametrize(
    ("word", "n"),
    [
        ("first", 1),
        ("Seventh", 7),
        ("twelfth", 12),
        ("twentieth", 20),
        ("twenty-sixth", 26),
        ("thirty-fifth", 35),
        ("eightieth", 80),
        ("seventy-eighth", 78),
        ("1st", 1),
        ("6th", 6),
        ("22nd", 22),
        ("meeting", None),
    ],
)
def test_ordinal(word: str, n: int | None) -> None:
    assert ordinal(word) == n


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("from 17 to 21 January 2011", ("2011-01-17", "2011-01-21")),
        ("27–29 March 2019", ("2019-03-27", "2019-03-29")),
        ("3 to 5 April 2018", ("2018-04-03", "2018-04-05")),
        ("from 30 March to 2 April 2021", ("2021-03-30", "2021-04-02")),
        ("from 30 December 2020 to 2 January 2021", ("2020-12-30", "2021-01-02")),
        ("Distr.: Limited 3 April 2018", ("2018-04-03", "2018-04-03")),
        ("from 25 to 28 February\n2013", ("2013-02-25", "2013-02-28")),
    ],
)
def test_dates(text: str, span: tuple[str, str]) -> None:
    assert [d.span for d in find_dates(text)] == [span]


def test_place() -> None:
    assert find_place("was held in Vienna from 17 to 21 January 2011") == "Vienna"
    assert find_place("was held from 27 to 29 July 2020 in a hybrid format") is None
    assert find_place("Vienna, 27–29 March 2019") == "Vienna"


def test_meeting_book_postponed_and_hybrid() -> None:
    ctx = Context(default_body=EXPERT_GROUP)
    book = MeetingBook(ctx)
    book.read(
        "The sixth meeting of the Expert Group was initially scheduled to take place from "
        "6 to 8 April 2020, but had to be postponed owing to the pandemic."
    )
    book.read(
        "As approved by the extended Bureau, it was held from 27 to 29 July 2020 in a "
        "hybrid format."
    )
    book.read(
        "In its resolution 26/4, adopted at its twenty-sixth session in May 2017, the "
        "Commission on Crime Prevention and Criminal Justice requested it to continue."
    )
    sixth, ccpcj = book.meetings
    assert (sixth["ordinal"], sixth["start"], sixth["end"]) == (6, "2020-07-27", "2020-07-29")
    assert "initially scheduled from 6 to 8 April 2020" in sixth["note"]
    assert "hybrid format" in sixth["note"]
    assert (ccpcj["body"], ccpcj["ordinal"], ccpcj["note"]) == (
        "Commission on Crime Prevention and Criminal Justice",
        26,
        "May 2017",
    )
