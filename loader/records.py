"""The meetings and agenda items a document records (beside its acts).

The meetings and sessions a document dates: ordinal, start, end, place, notes.

>>> from mandates.loader.clauses import Context
>>> ctx = Context(default_body="Expert Group to Conduct a Comprehensive Study on Cybercrime")
>>> book = MeetingBook(ctx)
>>> book.read("The first meeting of the Expert Group was held in Rome from 1 to 3 May 1999.")
>>> book.read("It was decided by the extended Bureau at its meeting on 2 November 2018.")
>>> for m in book.meetings:
...     print(m["body"], m["ordinal"], m["start"], m["end"], m["place"])
Expert Group on Cybercrime 1 1999-05-01 1999-05-03 Rome
extended Bureau None 2018-11-02 2018-11-02 None

Agenda items: the numbered list under "Provisional agenda" (or after "… adopted the following
agenda:"), else items named in the text ("agenda item 2, entitled “…”").

    >>> from mandates.loader.text import normalise
    >>> from mandates.loader.segment import paragraphs
    >>> t = normalise("Provisional agenda\\n\\n1. Organizational matters:\\n(a) Opening;\\n"
    ...               "2. Other matters.\\n\\nAnnotations\\n")
    >>> [(a["item"], a["title"]) for a in agenda_list(paragraphs(t), 5)]
    [('1', 'Organizational matters'), ('1 (a)', 'Opening'), ('2', 'Other matters')]
    >>> [(a["item"], a["title"]) for a in agenda_mentions(
    ...     "under agenda item 2 entitled “Law enforcement”.", 5)]
    [('2', 'Law enforcement')]
"""

from __future__ import annotations

import re

from .clauses import Context
from .mentions import (
    MEETING_MENTION,
    SHORT,
    actors,
    find_dates,
    find_place,
    is_hybrid,
    ordinal,
    resolve_body,
)
from .segment import Paragraph

# --- sessions: The meetings and sessions a document dates: ordinal, start, end, place, notes.


class MeetingBook:
    """Collects meetings sentence by sentence, merging repeated mentions of one meeting."""

    def __init__(self, ctx: Context, own: dict | None = None) -> None:
        self.ctx = ctx
        self.meetings: list[dict] = []
        if own:
            self.meetings.append(dict(own))

    def _entry(self, body: str, n: int | None, start: str | None = None) -> dict:
        short = SHORT.get(body, body)
        for m in self.meetings:
            if m["body"] == short and m["ordinal"] == n and (n is not None or m["start"] == start):
                return m
        entry = {
            "body": short,
            "ordinal": n,
            "start": None,
            "end": None,
            "place": None,
            "note": None,
        }
        self.meetings.append(entry)
        return entry

    def _note(self, entry: dict, note: str) -> None:
        entry["note"] = f"{entry['note']}; {note}" if entry["note"] else note

    def read(self, s: str) -> None:
        """Read one sentence."""
        if not re.search(r"meeting|session|took place|\bheld\b", s):
            return
        held = re.search(r"\b(?:was|were) held\b|\btook place\b|\bto take place\b", s)
        if held:
            self._held(s, held)
        for m in re.finditer(r"\b(?:at|At) its meeting on (?P<d>\d{1,2} \w+ \d{4})", s):
            found = [a for a in actors(s[: m.start()]) if a[2] in ("extended Bureau", "Bureau")]
            dates = find_dates(m.group("d"))
            if found and dates:
                entry = self._entry(found[-1][2], None, dates[0].first)
                entry["start"], entry["end"] = dates[0].span
        session = re.search(
            r"\b(?:adopted|held|convened|approved) at its (?P<ord>[\w-]+) session"
            r"(?: in (?P<when>\w+ \d{4}))?",
            s,
        )
        if session and ordinal(session.group("ord")):
            before = [a for a in actors(s[: session.start()]) if a[2] != "Member States"]
            after = [a for a in actors(s[session.end() :]) if a[2] != "Member States"]
            who = before[-1:] if re.search(r"\bIn its\b", s[: session.start()]) is None else []
            who = who or after[:1] or before[-1:]
            if who:
                entry = self._entry(who[0][2], ordinal(session.group("ord")))
                if session.group("when") and not entry["note"]:
                    self._note(entry, session.group("when"))

    def _held(self, s: str, held: re.Match) -> None:
        clause = s[: held.start()]
        mention = None
        for m in MEETING_MENTION.finditer(clause):
            if m.group("ord") and not m.group("ord")[0].isdigit() and m.group("kind") == "meeting":
                mention = m
        if mention:
            tail = clause[mention.end() :]
            of = re.match(r"\s+of\s+(?:the\s+)?(?P<b>[^,.;]+?)\s*(?:was|were|took|to|$)", tail)
            body = (resolve_body(of.group("b")) if of else None) or self.ctx.default_body
            n = ordinal(mention.group("ord"))
        elif re.search(r"\bit\s*$", clause) and self.ctx.last_meeting:
            body, n = self.ctx.last_meeting
        else:
            return
        if body is None:
            return
        self.ctx.last_meeting = (body, n)
        entry = self._entry(body, n)
        rest = s[held.start() :]
        dates = find_dates(rest)
        if "scheduled" in s[: held.end()] and dates:
            self._note(entry, f"initially scheduled {rest[dates[0].start : dates[0].end]}")
        elif dates and (entry["start"] is None or "postponed" not in s):
            entry["start"], entry["end"] = dates[0].span
        place = find_place(s[held.start() :]) if "scheduled" not in s[: held.end()] else None
        if place and not entry["place"]:
            entry["place"] = place
        if is_hybrid(s):
            self._note(entry, "hybrid format")
        if "postponed" in s:
            self._note(entry, "postponed")


# --- agenda: Agenda items: the numbered list under "Provisional agenda" (or after "… adopted the f

_LEAD = re.compile(r"(?:^\**Provisional agenda\**$|\bthe following (?:provisional )?agenda:$)")
_MARK = re.compile(r"^(?:[-•]\s+)?(?:(?P<n>\d{1,2})\.|\((?P<l>[a-z])\))\s+")
_MENTION = re.compile(
    r"\b(?:an? |the )?agenda item\s*(?P<n>\d{1,2}(?: \([a-z]\))?)?,?\s*"
    r"entitled\s*[“\"](?P<t>[^”\"]+)[”\"]"
)


def _title(text: str) -> str:
    return re.sub(r"[\s:;.,]+$", "", _MARK.sub("", text)).strip()


def agenda_list(paras: list[Paragraph], meeting: int | None) -> list[dict]:
    """The first numbered agenda list of a document, items as printed ("1", "1 (a)")."""
    out: list[dict] = []
    for i, p in enumerate(paras):
        if not _LEAD.search(p.text.strip()):
            continue
        parent = None
        for q in paras[i + 1 :]:
            m = _MARK.match(q.text)
            if not m or q.kind not in ("numbered", "item", "operative"):
                break
            if m.group("n"):
                parent = m.group("n")
                item = parent
            else:
                item = f"{parent} ({m.group('l')})" if parent else f"({m.group('l')})"
            out.append({"meeting": meeting, "item": item, "title": _title(q.text)})
        if out:
            return out
    return out


def agenda_mentions(sentence: str, meeting: int | None) -> list[dict]:
    """Agenda items a sentence names with their title."""
    return [
        {"meeting": meeting, "item": m.group("n"), "title": m.group("t").strip()}
        for m in _MENTION.finditer(sentence)
    ]
