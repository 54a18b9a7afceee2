"""Acts stated without a finite verb of the lexicon: fixed UN phrasings.

- "in his role as Chair of the fourth meeting" → *chaired*;
- "the adoption by the General Assembly of resolution 74/247" → *adopted*;
- "In its resolution 26/4, adopted at its twenty-sixth session, the Commission" → *adopted*.

    >>> from mandates.loader.coref import Context
    >>> ctx = Context(default_body="Expert Group to Conduct a Comprehensive Study on Cybercrime")
    >>> s = ("The meeting was opened by Ann Lee (Chile), Vice-Chair, in her role as Chair of the "
    ...      "fourth meeting of the Expert Group.")
    >>> [(f.subject, f.relation, f.object) for f in phrase_acts(s, ctx)]
    [('Ann Lee', 'chaired', 'Expert Group meeting 4')]
    >>> s = "It led to the adoption by the General Assembly of resolution 74/247."
    >>> [(f.subject, f.relation, f.object) for f in phrase_acts(s, ctx)]
    [('General Assembly', 'adopted', 'A/RES/74/247')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .coref import Context, actors
from .meetings import ORDINAL
from .names import resolve_body
from .objects import addressees
from .symbols import NUMBER, resolution_id

_CHAIR = re.compile(
    r"(?P<who>(?:[A-Z][\w.’'-]+\s+){1,3}[A-Z][\w.’'-]+)(?:\s+\([^)]{2,40}\))?,[^.;]{0,80}?"
    r"\bin (?:his|her|their) (?:role|capacity) as Chair(?:person)? of (?P<m>the (?:"
    + ORDINAL
    + r") (?:meeting|session))"
)
_NOMINAL = re.compile(
    rf"\badoption by (?P<agent>the [A-Z][\w ]+?|[A-Z]{{2,}}) of (?:its )?resolution (?P<n>{NUMBER})"
)
_ADOPTED_AT = re.compile(
    rf"\b(?:its|their) resolution (?P<n>{NUMBER}),\s+adopted at its (?P<ord>[\w-]+) session"
)


@dataclass(frozen=True)
class Act:
    """An act found by a fixed phrasing: names and its span within the sentence."""

    subject: str
    relation: str
    object: str | None
    lo: int
    hi: int
    key: str


_RECALLED_REQUEST = re.compile(
    r"\b[Rr]ecall(?:ing|s)\s+(?:also\s+|further\s+)?(?:its|their)\s+(?P<n>request|invitation)\s+"
    r"to\s+(?P<rest>.+)"
)


def recalled_requests(s: str, ctx: Context) -> list[Act]:
    """ "Recalling also its request to the Office …, to convene …": the body's earlier request,
    an act of its own (its resolution unnamed), beside the recall.

    >>> ctx = Context(default_body="General Assembly")
    >>> [(a.subject, a.relation, a.object) for a in recalled_requests(
    ...     "Recalling its request to the Secretary-General to report,", ctx)]
    [('General Assembly', 'requested', 'Secretary-General')]
    """
    m = _RECALLED_REQUEST.search(s)
    body = ctx.voice or ctx.default_body
    if not m or not body:
        return []
    relation = "requested" if m.group("n") == "request" else "invited"
    out = []
    for part in addressees(" " + m.group("rest")):
        name = resolve_body(part) or part
        out.append(
            Act(body, relation, name, m.start("n") - 4, m.end(), f"{relation}|{body}|{name}")
        )
    return out


def phrase_acts(s: str, ctx: Context) -> list[Act]:
    """Acts a sentence states by one of the fixed phrasings of the module docstring."""
    out: list[Act] = (
        recalled_requests(s, ctx) if "its request" in s or "its invitation" in s else []
    )
    if "Chair" not in s and "adopt" not in s:
        return out
    for m in _CHAIR.finditer(s):
        meeting = ctx.meeting_of(m.group("m"))
        out.append(
            Act(
                m.group("who").strip(),
                "chaired",
                meeting,
                m.start("who"),
                m.end(),
                f"chaired|{m.group('who')}|{meeting}",
            )
        )
    for m in _NOMINAL.finditer(s):
        agent = resolve_body(m.group("agent")) or m.group("agent")
        rid = resolution_id(m.group("n"), agent)
        lo = max(0, m.start() - 60)
        lo = s.find(" ", lo) + 1 if lo else 0
        out.append(Act(agent, "adopted", rid, lo, m.end(), f"adopted|{agent}|{rid}"))
    for m in _ADOPTED_AT.finditer(s):
        later = [a for a in actors(s[m.end() :]) if a[2] != "Member States"]
        body = later[0][2] if later else ctx.resolution_body()
        rid = resolution_id(m.group("n"), body)
        hi = m.end() + (later[0][1] if later else 0)
        out.append(Act(body, "adopted", rid, max(0, m.start() - 3), hi, f"adopted|{body}|{rid}"))
    return out
