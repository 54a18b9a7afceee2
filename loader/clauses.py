"""Pass 2, clauses: what each sentence of a paragraph is about, across sentences.

A :class:`Context` walks the document sentence by sentence and gives each clause its frame: the
resolution it reports on ("In its resolution 26/4, …", "In the same resolution, …"), the
meeting ("At that meeting, …"), the body whose "its" it is, the titles and aliases named so far.

Reference across sentences: the resolution and meeting a sentence is about.

A :class:`Context` follows a document from sentence to sentence. It remembers the last
resolution named ("In its resolution 26/4, …" → "In the same resolution, …"), the last meeting
("The first meeting … was held …" → "At that meeting, …") and the body that owns "its".

    >>> ctx = Context(default_body="General Assembly")
    >>> ctx.frame("In its resolution 22/7, the Commission took note of the study")
    ('CCPCJ 22/7', 'Commission on Crime Prevention and Criminal Justice')
    >>> ctx.frame("In the same resolution, the Commission decided that")
    ('CCPCJ 22/7', 'Commission on Crime Prevention and Criminal Justice')
    >>> ctx.meeting_frame("At that meeting, the Expert Group adopted")
    >>> ctx.see_meetings("The first meeting of the Expert Group was held in Vienna.")
    >>> ctx.meeting_frame("At that meeting, the Expert Group adopted")
    'Expert Group meeting 1'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .mentions import (
    EXPERT_GROUP,
    MEETING_MENTION,
    NUMBER,
    ORDINAL,
    RESOLUTION_PREFIX,
    actors,
    find_citations,
    instrument_name,
    meeting_name,
    ordinal,
    resolution_id,
    resolve_body,
    unquote,
)

# --- coref: Reference across sentences: the resolution and meeting a sentence is about.

_RES_FRAME = re.compile(
    rf"^(?:Also\s+|Further(?:more)?,?\s+)?(?:In|By)\s+(?:(?:its|their)\s+|(?:paragraph|section|"
    rf"the annex)[^,]{{0,60}}?(?:(?:its|General Assembly|Commission|Council)\s+)?)resolutions?\s+"
    rf"(?P<num>{NUMBER})"
)
_SAME_FRAME = re.compile(
    r"^(?:Also\s+|Further(?:more)?,?\s+)?(?:In|By)\s+(?:the same|that)\s+resolution\b"
)
_DECL_FRAME = re.compile(r"^(?:In|By)\s+the\s+(?P<decl>(?:[A-Z][\w-]*\s+){1,3}Declaration)\b")
_NTH = r"\d{1,3}(?:st|nd|rd|th)"
_MEETING_FRAME = re.compile(
    rf"(?:^|,\s+)(?:(?:Also|Further)\s+)?[Aa]t\s+(?:(?:its|the)\s+(?P<ord>{ORDINAL})"
    rf"(?:\s*-\s*\w+\s*-)?\s+meeting\b|(?:that|the same|this)\s+meeting\b|its\s+\[?(?P<nums>"
    rf"{_NTH}(?:(?:,\s*|\s+and\s+){_NTH})+)\]?\s+meetings\b)"
)


_IN_PARTICULAR = re.compile(r"\bin particular\s+(?:its|their)\s+resolutions?\s*$")
_TITLE = re.compile(
    r"(?<=\bthe )[A-Z][a-z]+(?:\s+(?:for|of|on|against|and|to|the|in)?\s*[A-Z][a-z]+){3,}"
)


def _is_subject(sentence: str, start: int) -> bool:
    """True when the body mentioned at ``start`` is the subject of a clause: it opens the
    sentence or follows "that", "which", "In …," ("that the Commission, in its resolution …")."""
    before = sentence[:start].rstrip()
    return not before or bool(re.search(r"(?:\bthat|\bwhich|,)$", before))


@dataclass
class Context:
    """What the text has established so far: resolutions, meetings, the default body."""

    default_body: str | None = None
    own_meeting: int | None = None
    report: bool = False  # a report of its own meeting: acts without a frame are of that meeting
    last_resolution: tuple[str, str] | None = None
    last_meeting: tuple[str, int | None] | None = None
    meetings_seen: list[tuple[str, int]] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    carry: tuple[str, str] | None = None  # resolution the current paragraph is reporting on
    titles: list[str] = field(default_factory=list)  # capitalised titles seen ("Practical Guide")
    voice: str | None = None  # the body whose own paragraph is read: "its" is that body's
    footnotes: dict[str, str] = field(default_factory=dict)  # mark → the footnote's text
    acts: list[tuple[str, str, str]] = field(default_factory=list)  # (subject, verb, object) so far

    def see_titles(self, sentence: str) -> None:
        """Remember Title Case names of four words or more, for "the Guide"-style anaphora, and
        the Congresses named in full, for "the Fifteenth Congress"."""
        for m in _TITLE.finditer(unquote(sentence)):
            name = m.group()
            if (not resolve_body(name) or "Congress" in name) and name not in self.titles:
                self.titles.append(name)

    def resolution_body(self) -> str:
        """The body whose resolutions an unqualified number is, by default."""
        body = self.default_body
        return body if body in RESOLUTION_PREFIX else "General Assembly"

    def citations(self, sentence: str) -> list[tuple[int, int, str]]:
        """Resolution citations of a sentence with their identifiers, the body resolved."""
        if "esolution" not in sentence and "/RES/" not in sentence:
            return []
        found = actors(sentence)
        out = []
        for c in find_citations(sentence):
            body = None
            if c.qualifier:
                body = resolve_body(c.qualifier)
            elif re.search(r"\b(?:its|their)\s+(?:\w+\s+){0,3}$", sentence[: c.start][-60:]):
                before = [a for a in found if a[1] <= c.start and a[2] != "Member States"]
                after = [a for a in found if a[0] >= c.end]
                if before and _IN_PARTICULAR.search(sentence[: c.start]):
                    body = before[-1][2]  # "resolutions of A, B and C, in particular its …": C's
                elif self.voice and not (before and _is_subject(sentence, before[-1][0])):
                    body = self.voice  # "Requests the Commission, in accordance with its
                    # resolution 73/184, …": the Assembly's own resolution
                elif before:
                    body = before[-1][2]
                elif _RES_FRAME.match(sentence) and after:
                    body = after[0][2]
                else:
                    body = self.default_body
            rid = resolution_id(c.number, body if body in RESOLUTION_PREFIX else None)
            if rid and not c.qualifier and body not in RESOLUTION_PREFIX:
                rid = resolution_id(c.number, self.resolution_body())
            if rid:
                out.append((c.start, c.end, rid))
        return out

    def frame(self, sentence: str) -> tuple[str, str] | None:
        """The instrument a sentence reports acts of: (identifier, adopting body), if any."""
        m = _RES_FRAME.match(sentence)
        if m:
            cited = self.citations(sentence)
            if cited:
                rid = cited[0][2]
                later = [a for a in actors(sentence[m.end() :])]
                body = later[0][2] if later else self.resolution_body()
                self.last_resolution = (rid, body)
                return self.last_resolution
        if _SAME_FRAME.match(sentence) and self.last_resolution:
            return self.last_resolution
        if self.carry and not re.match(r"\s*(?:In|At|By)\b", sentence):
            return self.carry
        d = _DECL_FRAME.match(sentence)
        if d:
            name = instrument_name(d.group("decl")) or d.group("decl")
            return (name, "Member States")
        return None

    def alias(self, phrase: str, symbol: str | None = None) -> str | None:
        """Learn that ``phrase`` names ``symbol``; or, without ``symbol``, look a phrase up."""
        key = " ".join(re.sub(r"[^\w\s]", "", re.sub(r"\s*[’']s\b", "s", phrase.lower())).split())
        if symbol:
            if len(key.split()) >= 4:
                self.aliases[key] = symbol
            return symbol
        for known, sym in self.aliases.items():
            if known in key:
                return sym
        return None

    def see_meetings(self, sentence: str) -> None:
        """Remember meetings a sentence names as subject ("The first meeting of X was held")."""
        if "meeting" not in sentence:
            return
        for m in MEETING_MENTION.finditer(sentence):
            n = ordinal(m.group("ord") or "")
            if n is None or m.group("kind") != "meeting" or m.group("ord")[0].isdigit():
                continue
            tail = sentence[m.end() : m.end() + 120]
            body_m = re.match(r"\s+of\s+(?:the\s+)?(?P<b>[^,.;]+)", tail)
            body = resolve_body(body_m.group("b")) if body_m else None
            if body is None and body_m:
                hit = actors(body_m.group("b"))
                body = hit[0][2] if hit else None
            body = body or self.default_body or EXPERT_GROUP
            self.last_meeting = (body, n)
            if (body, n) not in self.meetings_seen:
                self.meetings_seen.append((body, n))
            return

    def meeting_frame(self, sentence: str, upto: int | None = None) -> str | None:
        """The meeting an "At its fourth meeting" / "At that meeting" frame names, if any."""
        if "meeting" not in sentence:
            return None
        for m in _MEETING_FRAME.finditer(sentence[:upto]):
            if m.group("nums") and self.own_meeting:
                body = self.default_body or EXPERT_GROUP
                self.last_meeting = (body, self.own_meeting)
                return meeting_name(body, self.own_meeting)
            if m.group("ord"):
                n = ordinal(m.group("ord"))
                if m.group("ord")[0].isdigit():
                    if not self.own_meeting:
                        continue  # "its 1st meeting" is a sitting, never a session's ordinal
                    n = self.own_meeting  # a numbered sitting of the session reported on
                body = self.default_body or EXPERT_GROUP
                self.last_meeting = (body, n or 0)
                return meeting_name(body, n)
            if self.last_meeting:
                return meeting_name(*self.last_meeting)
        return None

    def meeting_of(self, phrase: str) -> str | None:
        """The meeting a phrase names ("the dates for the fifth meeting of the Expert Group")."""
        m = MEETING_MENTION.search(phrase)
        if not m or m.group("kind") != "meeting":
            return None
        if m.group("ord") and not m.group("ord")[0].isdigit():
            return meeting_name(self.default_body or EXPERT_GROUP, ordinal(m.group("ord")))
        if m.group("same") or m.group("ref") or (m.group("det") or "").lower() in ("that",):
            return meeting_name(*self.last_meeting) if self.last_meeting else None
        return None
