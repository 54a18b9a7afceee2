"""The verb lexicon: which printed forms express which relation, and in which style.

Three styles of UN text state acts: the *reported* past tense ("the Assembly requested"),
the *operative* present of a resolution's numbered paragraphs ("1. Requests the
Secretary-General …") and the *preambular* participle ("Recalling its resolution …").

    >>> [(t.relation, t.style) for t in find_triggers("the Expert Group adopted a")]
    [('adopted', 'past')]
    >>> [(t.relation, t.style) for t in find_triggers("Also requests the Council", "operative")]
    [('requested', 'operative')]
    >>> [(t.relation, t.passive) for t in find_triggers("The dates were decided by the Bureau")]
    [('decided', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# relation -> past-tense forms (reported style); longest forms first within each entry
PAST: dict[str, list[str]] = {
    "requested": ["requested"],
    "endorsed": ["endorsed"],
    "noted": ["took note of", "took note", "noted"],
    "established": ["established"],
    "decided": ["decided", "agreed to"],
    "adopted": ["adopted"],
    "invited": ["invited"],
    "welcomed": ["welcomed"],
    "recognized": ["recognized"],
    "acknowledged": ["acknowledged"],
    "reaffirmed": ["reaffirmed"],
    "recalled": ["recalled"],
    "considered": ["considered", "had before it", "finalized the reading of"],
    "approved": ["approved", "agreed upon", "agreed on", "confirmed"],
    "prepared": ["prepared", "drafted", "compiled"],
    "held": ["held", "took place"],
    "chaired": ["chaired"],
    "postponed": ["postponed"],
}
# relation -> operative present forms (resolutions' numbered paragraphs); "Reiterates its
# invitation to Member States to …" renews the act: it is invited, addressed to Member States
OPERATIVE: dict[str, list[str]] = {
    "requested": ["Requests", "Reiterates its request", "Renews its request"],
    "endorsed": ["Endorses"],
    "noted": ["Takes note", "Notes"],
    "established": ["Establishes"],
    "decided": ["Decides"],
    "adopted": ["Adopts"],
    "invited": ["Invites", "Reiterates its invitation", "Renews its invitation"],
    "welcomed": ["Welcomes"],
    "recognized": ["Recognizes"],
    "acknowledged": ["Acknowledges"],
    "reaffirmed": ["Reaffirms"],
    "recalled": ["Recalls"],
    "approved": ["Approves"],
}
# relation -> preambular participles
PREAMBULAR: dict[str, list[str]] = {
    "noted": [
        "Taking note",
        "Taking further note",
        "Taking particular note",
        "Taking also note",
        "Noting",
    ],
    "welcomed": ["Welcoming"],
    "recognized": ["Recognizing"],
    "acknowledged": ["Acknowledging"],
    "reaffirmed": ["Reaffirming"],
    "recalled": ["Recalling"],
    "considered": ["Having considered", "Having examined"],
    "endorsed": ["Endorsing"],
    "adopted": ["Having adopted"],
}


def _alternation(table: dict[str, list[str]]) -> str:
    forms = sorted(((f, r) for r, fs in table.items() for f in fs), key=lambda x: -len(x[0]))
    return "|".join(re.escape(f) for f, _ in forms)


def _lookup(table: dict[str, list[str]]) -> dict[str, str]:
    return {f.lower(): r for r, fs in table.items() for f in fs}


_PAST_RE = re.compile(
    rf"\b(?P<aux>(?:was|were|had been|has been|have been|be|had to be|is|are)\s+(?:\w+ly\s+)?)?"
    rf"(?P<form>{_alternation(PAST)})\b(?P<by>\s+(?:(?!to\b)\w+\s+){{0,4}}?by\b"
    rf"(?!\s+(?:consensus|acclamation|(?:a\s+)?(?:recorded\s+)?vote|means|way)\b))?"
)
_OPERATIVE_RE = re.compile(
    rf"^(?:(?:Also|Further|Again|Once again|Strongly)\s+)?"
    rf"(?P<form>(?i:{_alternation(OPERATIVE)}))\b"
)
_PREAMBULAR_RE = re.compile(
    rf"^(?:(?:[A-Z][a-z]+ly)\s+)?(?P<form>{_alternation(PREAMBULAR)})\b(?:\s+(?:also|further))?"
)
# what may stand between "and" and a verb that coordinates a new clause of a paragraph
ADVERB = (
    r"(?:also|further|furthermore|moreover|again|in this regard|in that regard|"
    r"in this context|in that context|to this end|to that end|at the same time|in particular|"
    r"with appreciation|with satisfaction)"
)
ADVERBIAL = rf"(?:{ADVERB}\s*,?\s+)*"
_CONJOINED_OPERATIVE = re.compile(
    rf"(?:,|;)?\s+and\s+{ADVERBIAL}(?P<form>{_alternation(OPERATIVE).lower()})\b"
)
# a participle that opens a further clause of a preambular paragraph: "…, and recalling …",
# "…, taking note with appreciation of …", "… and welcoming also …"
_CONJOINED_PARTICIPLE = re.compile(
    rf"(?:,\s+(?:and\s+)?|\s+and\s+){ADVERBIAL}(?P<form>{_alternation(PREAMBULAR).lower()})\b"
)
# an operative paragraph opened by a verb outside the lexicon: "Emphasizes", "Urges", "Also
# encourages"
_OTHER_OPERATIVE = re.compile(r"^(?:(?:Also|Further|Again|Once again|Strongly)\s+)?[A-Z][a-z]+s\b")
# what follows a participle "held" that reports a meeting: its auspices, place or date
HELD_AFTER = re.compile(
    r"\s+(?:under the auspices of\b|in\s+(?:[A-Z]|\d{4})|from\s+\d|on\s+\d|since\s+\d)"
)
_HELD_ITS = re.compile(r"\s+(?:its|their)\s+(?:[\w-]+\s+)?(?:session|meeting)\b")
_LOOKUP = {"past": _lookup(PAST), "operative": _lookup(OPERATIVE), "preamble": _lookup(PREAMBULAR)}


@dataclass(frozen=True)
class Trigger:
    """A verb form in a sentence: the relation it expresses, its style and span."""

    relation: str
    style: str  # past | operative | preamble
    start: int
    end: int
    passive: bool = False
    agentive: bool = False  # followed by "by <agent>"
    participle: bool = False  # no auxiliary: "…, prepared by X", "the Summit, held in Rome"


def find_triggers(sentence: str, paragraph_kind: str = "text") -> list[Trigger]:
    """Verb forms of the lexicon in one sentence, in order."""
    out: list[Trigger] = []
    m = _OPERATIVE_RE.match(sentence) if paragraph_kind in ("operative", "numbered") else None
    if m:
        rel = _LOOKUP["operative"][m.group("form").lower()]
        out.append(Trigger(rel, "operative", m.start("form"), m.end("form")))
        out.extend(_conjoined(sentence, _CONJOINED_OPERATIVE, "operative"))
        out.extend(t for t in _past(sentence, out) if t.participle)  # "…, prepared by X"
        return sorted(out, key=lambda t: t.start)
    if paragraph_kind == "operative" and _OTHER_OPERATIVE.match(sentence):
        # "Emphasizes …, and invites Member States …": a verb outside the lexicon opens the
        # paragraph, one of the lexicon opens its next clause
        out.extend(_conjoined(sentence, _CONJOINED_OPERATIVE, "operative"))

    if paragraph_kind == "preamble":
        m = _PREAMBULAR_RE.match(sentence)
        if m:
            rel = _LOOKUP["preamble"][m.group("form").lower()]
            out.append(Trigger(rel, "preamble", m.start("form"), m.end("form")))
        out.extend(_conjoined(sentence, _CONJOINED_PARTICIPLE, "preamble"))
        # "…, and in this regard takes note of …": an operative verb inside a preamble
        out.extend(_conjoined(sentence, _CONJOINED_OPERATIVE, "operative"))
    out.extend(_past(sentence, out))
    return sorted(out, key=lambda t: t.start)


def _past(sentence: str, found: list[Trigger]) -> list[Trigger]:
    """The reported verbs of a sentence ("decided", "was held", "prepared by"), those already
    ``found`` aside."""
    out = []
    for m in _PAST_RE.finditer(sentence):
        form = m.group("form").lower()
        rel = _LOOKUP["past"][form]
        passive = bool(m.group("aux")) or bool(m.group("by"))
        participle = not m.group("aux") and bool(
            m.group("by") or (form == "held" and HELD_AFTER.match(sentence, m.end()))
        )
        if (
            rel == "held"
            and form == "held"
            and not m.group("aux")
            and not _HELD_ITS.match(sentence, m.end())
            and not participle
        ):
            continue  # "the discussions held at the workshop", not "was held", "held its session"
        if any(t.start <= m.start() < t.end for t in found):
            continue  # "Having considered": the participle already counted
        start = m.start("aux") if m.group("aux") else m.start("form")
        out.append(
            Trigger(rel, "past", start, m.end("form"), passive, bool(m.group("by")), participle)
        )
    return out


def _conjoined(sentence: str, pattern: re.Pattern, style: str) -> list[Trigger]:
    """Verbs that open a coordinated clause inside a paragraph, in the style given."""
    table = _LOOKUP["preamble" if style == "preamble" else "operative"]
    return [
        Trigger(table[m.group("form").lower()], style, m.start("form"), m.end("form"))
        for m in pattern.finditer(sentence)
        if m.start() > 0
    ]
