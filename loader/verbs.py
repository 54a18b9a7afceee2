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
# relation -> operative present forms (resolutions' numbered paragraphs)
OPERATIVE: dict[str, list[str]] = {
    "requested": ["Requests"],
    "endorsed": ["Endorses"],
    "noted": ["Takes note", "Notes"],
    "established": ["Establishes"],
    "decided": ["Decides"],
    "adopted": ["Adopts"],
    "invited": ["Invites"],
    "welcomed": ["Welcomes"],
    "recognized": ["Recognizes"],
    "acknowledged": ["Acknowledges"],
    "reaffirmed": ["Reaffirms"],
    "recalled": ["Recalls"],
    "approved": ["Approves"],
}
# relation -> preambular participles
PREAMBULAR: dict[str, list[str]] = {
    "noted": ["Taking note", "Noting"],
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
    rf"\b(?P<aux>(?:was|were|had been|has been|have been|be|had to be)\s+(?:\w+ly\s+)?)?"
    rf"(?P<form>{_alternation(PAST)})\b(?P<by>\s+(?:\w+\s+){{0,4}}?by\b)?"
)
_OPERATIVE_RE = re.compile(
    rf"^(?:(?:Also|Further|Again|Once again|Strongly)\s+)?"
    rf"(?P<form>(?i:{_alternation(OPERATIVE)}))\b"
)
_PREAMBULAR_RE = re.compile(
    rf"^(?:(?:[A-Z][a-z]+ly)\s+)?(?P<form>{_alternation(PREAMBULAR)})\b(?:\s+(?:also|further))?"
)
_CONJOINED_OPERATIVE = re.compile(
    rf"(?:,|;)\s+and\s+(?:(?:also|further)\s+)?(?P<form>{_alternation(OPERATIVE).lower()})\b"
)
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


def find_triggers(sentence: str, paragraph_kind: str = "text") -> list[Trigger]:
    """Verb forms of the lexicon in one sentence, in order."""
    out: list[Trigger] = []
    m = _OPERATIVE_RE.match(sentence) if paragraph_kind in ("operative", "numbered") else None
    if m:
        rel = _LOOKUP["operative"][m.group("form").lower()]
        out.append(Trigger(rel, "operative", m.start("form"), m.end("form")))
        for c in _CONJOINED_OPERATIVE.finditer(sentence):
            rel = _LOOKUP["operative"][c.group("form").lower()]
            out.append(Trigger(rel, "operative", c.start("form"), c.end("form")))
        return out
    if paragraph_kind == "preamble":
        m = _PREAMBULAR_RE.match(sentence)
        if m:
            rel = _LOOKUP["preamble"][m.group("form").lower()]
            out.append(Trigger(rel, "preamble", m.start("form"), m.end("form")))
    for m in _PAST_RE.finditer(sentence):
        form = m.group("form").lower()
        rel = _LOOKUP["past"][form]
        passive = bool(m.group("aux")) or bool(m.group("by"))
        if rel == "held" and form == "held" and not m.group("aux"):
            continue  # "held in 2018" (participle), not "was held"
        if out and out[0].style == "preamble" and m.start() < out[0].end:
            continue  # "Having considered": the participle already counted
        start = m.start("aux") if m.group("aux") else m.start("form")
        out.append(Trigger(rel, "past", start, m.end("form"), passive, bool(m.group("by"))))
    return out
