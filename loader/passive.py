"""Passive statements of acts: with an agent ("were decided by the extended Bureau") or without
one ("The first meeting … was held …", "… was adopted." at a meeting).

    >>> from mandates.loader.coref import Context
    >>> from mandates.loader.verbs import find_triggers
    >>> ctx = Context(default_body="Expert Group to Conduct a Comprehensive Study on Cybercrime")
    >>> s = "The Guide was drafted by UNODC, the Council of Europe and the IAP (IAP)."
    >>> [f.subject for f in agentive(s, find_triggers(s)[0], ctx, None, [], None)]
    ['United Nations Office on Drugs and Crime', 'Council of Europe', 'IAP']
"""

from __future__ import annotations

import re

from .coref import ACTOR_RE, Context
from .names import EXPERT_GROUP, meeting_name, resolve_body
from .objects import footnoted, name_object
from .spans import Found, words_back, words_on
from .verbs import Trigger

_NAME = re.compile(
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:of|on|for|to|against|de)\s+(?:the\s+)?)?"
    r"[A-Z][\w’'-]*){0,12}(?:\s+\([A-Z]{2,}\))?"
)
_AT_MEETING = {"adopted", "approved", "decided", "considered"}


def agents(text: str) -> list[tuple[int, int, str]]:
    """Agents at the start of ``text`` (after "by"): "A, B and C", bodies or proper names."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    while True:
        found = [m for m in (ACTOR_RE.match(text, pos), _NAME.match(text, pos)) if m]
        if not found:
            break
        m = max(found, key=lambda x: x.end())
        phrase = m.group()
        name = resolve_body(phrase) or re.sub(r"^the\s+|\s+\([A-Z]+\)$", "", phrase)
        out.append((m.start(), m.end(), name))
        nxt = re.match(
            r",\s+(?:and\s+)?(?=(?:the\s+)?[A-Z])|\s+and\s+(?=(?:the\s+)?[A-Z])", text[m.end() :]
        )
        if not nxt:
            break
        pos = m.end() + nxt.end()
    return out


def _patient(
    pre: str, frame, prev_object, first: bool, participle: bool, ctx: Context
) -> str | None:
    """The phrase a passive verb acts on: the clause subject, or the frame's instrument."""
    stripped = pre.rstrip(" ,")
    if participle and first and frame:
        return frame[0]
    tail = pre.rstrip().split()[-3:]
    if (
        participle
        and prev_object
        and (re.search(r"(?:\band|\bas|,)$", pre.rstrip(), re.I) or prev_object.split()[-1] in tail)
    ):
        return prev_object  # "… took note of the study(, as) prepared by …"
    if participle:  # "… the working paper prepared by …": the noun phrase right before
        chunk = re.split(r"[,;()]", pre.rstrip(" ,"))[-1]
        if ctx.alias(chunk):  # a document named earlier with its symbol
            return chunk
        heads = list(re.finditer(r"(?:^|(?<=\s))(?:the|a|an)\s", chunk))
        free = [
            m
            for m in heads
            if not re.search(r"\b(?:of|for|on|to|in|at|by|with)\s+$", chunk[: m.start()])
        ]
        if heads:
            start = (free or heads[-1:])[0].start()
            return re.sub(r"\s+as$", "", chunk[start:].strip())
    clause = re.split(r"(?:,\s+(?:and\s+)?|;\s+|\b[Aa]s\s+)", stripped)
    text = clause[-1].strip() if clause else ""
    text = re.sub(
        r"^(?:as|and)\b|\s*\b(?:was|were|had been|has been|have been|as)\s*$", "", text, flags=re.I
    )
    return text.strip() or None


def _bare_plural(phrase: str) -> bool:
    """A plural noun phrase without article: "and relevant resolutions and decisions"."""
    words = re.sub(r"^(?:and|or)\s+", "", re.split(r"\)\s+", phrase.strip())[-1]).split()
    return (
        bool(words)
        and words[0].islower()
        and words[0]
        not in ("the", "a", "an", "its", "their", "this", "that", "these", "those", "it")
        and words[-1].endswith("s")
    )


def agentive(
    s: str, t: Trigger, ctx: Context, frame, cited, prev_object, first: bool = True
) -> list[Found]:
    """One relation per agent of a passive with "by"."""
    by = re.search(r"\bby\s+", s[t.end :])
    if not by:
        return []
    start = t.end + by.end()
    found = agents(s[start:])
    participle = not re.match(r"(?:was|were|had|has|have|be)\b", s[t.start :])
    opening = frame if re.match(r"\s*(?:In|By)\s", s) else None  # "In the X Declaration, …"
    patient = _patient(s[: t.start], opening, prev_object, first, participle, ctx)
    if patient is None:  # "As approved by the Bureau, it was held …"
        after = s[start + found[-1][1] :] if found else ""
        m = re.match(r",\s*(?P<p>it|the [\w ]+?)\s+(?:was|were)\b", after)
        patient = m.group("p") if m else None
    if patient and patient != prev_object and _bare_plural(patient):
        return []  # "relevant resolutions adopted by the Assembly": no specific act
    if patient in ("it", "It") and ctx.last_meeting:
        patient = meeting_name(*ctx.last_meeting)
    obj = (
        patient
        if frame and patient == frame[0] or patient == meeting_name(*(ctx.last_meeting or ("", 0)))
        else (name_object(patient, ctx) if patient else None)
    )
    out = []
    if found and (noted := footnoted(s[start + found[-1][1] :], ctx)):
        obj = noted[0] if len(noted) == 1 else obj  # "the paper prepared by X, 8": note 8's
    for a_lo, a_hi, agent in found:
        tail = s[start + a_hi : start + a_hi + 60]
        subject = agent
        res = [c for c in cited if 0 <= c[0] - (start + a_hi) <= 30]
        if re.match(r"\s+in\s+its\s+resolution", tail) and res:
            subject = res[0][2]
        elif re.match(r"\s+at\s+its\s+[\w-]+\s+meeting", tail) and agent == EXPERT_GROUP:
            subject = ctx.meeting_frame(tail.strip()) or agent
        q_lo = max(words_back(s, t.start, 6), words_back(s, start + a_lo, 12))
        q_hi = words_on(s, start + a_hi, 3)
        short = obj if obj and ("meeting" in obj or "/" in obj) else " ".join(str(obj).split()[:3])
        out.append(
            Found(
                subject,
                t.relation,
                obj,
                q_lo,
                q_hi,
                t.start,
                False,
                f"{t.relation}|{subject}|{short}|",
            )
        )
    return out


def _meeting_in(clause: str, ctx: Context) -> str | None:
    if re.fullmatch(r"\s*(?:it|It)\s*", clause) and ctx.last_meeting:
        return meeting_name(*ctx.last_meeting)
    if re.search(r"\bmeeting\b", clause):
        ctx.see_meetings(clause)
        return ctx.meeting_of(clause)
    return None


def agentless(s: str, t: Trigger, ctx: Context, mframe, prev_passive) -> list[Found]:
    """Passives without agent: meetings held or postponed, acts at a meeting."""
    rel = t.relation
    pre = s[: t.start]
    hi = words_on(s, t.end, 14)
    clauses = re.split(r"[,;]\s+(?:but\s+|and\s+)?", pre)
    clause = clauses[-1]
    if not clause.strip() and len(clauses) > 1:  # "…, but had to be postponed": same subject
        clause = clauses[0]
    meeting = _meeting_in(clause, ctx)
    q_lo = max(s.find(clause.strip()[:30]), 0) if clause.strip() else words_back(s, t.start, 3)
    if rel == "held":
        if not meeting:
            return []
        body = ctx.last_meeting[0] if ctx.last_meeting else ctx.default_body or EXPERT_GROUP
        return [Found(body, rel, meeting, q_lo, hi, t.start, False, f"held|{meeting}")]
    if rel == "postponed":  # the meeting's body postponed the meeting; a date is no object
        if not meeting:
            return []
        body = ctx.last_meeting[0] if ctx.last_meeting else ctx.default_body or EXPERT_GROUP
        return [Found(body, rel, meeting, q_lo, hi, t.start, False, f"postponed|{meeting}")]
    if prev_passive and re.search(r"(?:,|\band)\s*$", pre[-8:]):  # "…, and confirmed at …"
        agent, obj = prev_passive
        return [
            Found(
                agent,
                rel,
                meeting or obj,
                words_back(s, t.start, 4),
                hi,
                t.start,
                False,
                f"{rel}|{agent}|{meeting or obj}",
            )
        ]
    if not mframe or not clause.strip() or rel not in _AT_MEETING:
        return []
    if re.fullmatch(r"\s*(?:it|It|there|There)\s*", clause):
        return []
    obj = name_object(clause, ctx)
    return [Found(mframe, rel, obj, q_lo, hi, t.start, False, f"{rel}|{mframe}|{obj}")]


_PRESENT = re.compile(r"(?:is|are|has been|have been)\s")
_OWN_ACTS = {"invited", "requested", "prepared", "decided", "approved"}


def present_passive(s: str, t: Trigger, own: str | None) -> list[Found]:
    """The text's own act, stated in the present passive without an agent: in a note,
    "Delegations are invited to …" is the note inviting the delegations."""
    if not own or t.agentive or t.relation not in _OWN_ACTS or not _PRESENT.match(s[t.start :]):
        return []
    clause = re.split(r"[;:]|,\s+(?:and\s+)?|\.\s", s[: t.start])[-1]
    clause = re.sub(r"\s*\([^)]*\)", "", clause).strip()  # "(see annex)"
    patient = re.sub(r"^(?:The|the|All|all)\s+", "", clause)
    if not patient or len(patient.split()) > 12:
        return []
    lo = s.find(clause[:20]) if clause else t.start
    hi = words_on(s, t.end, 10)
    if not resolve_body(patient) and re.match(r"[A-Z][a-z]+\b(?!\s+[A-Z])", patient):
        patient = patient[0].lower() + patient[1:]  # capital only because it opens the sentence
    return [Found(own, t.relation, patient, max(lo, 0), hi, t.start, True,
                  f"{t.relation}|{own}|{patient}")]  # fmt: skip


_MEETING_WORDS = re.compile(
    r"\b(?:Congress|Summit|[Ss]essions?|[Mm]eetings?|Conferences?|[Ff]orums?|[Ww]orkshops?|"
    r"[Ss]ymposi(?:um|a)|[Dd]ebates?|[Dd]iscussions|[Dd]ialogues?)\b"
)
_AUSPICES = re.compile(
    r"\s+under the auspices of\s+(?P<b>(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+|on\s+|and\s+)?"
    r"[A-Z][\w-]*){0,8})"
)
_SESSION_OF = re.compile(
    r"\b(?:session|meeting)\s+of\s+(?:the\s+)?(?P<b>[A-Z][\w-]*(?:\s+(?:of\s+|on\s+|and\s+)?"
    r"(?:the\s+)?[A-Z][\w-]*){0,8})\s*$"
)


def _held_patient(pre: str, prev_object: str | None) -> str | None:
    """The meeting a participle "held" follows: the last noun phrase before it that names a
    meeting ("the outcome of the Fourteenth Congress, held in Kyoto": the Congress)."""
    pre = pre.rstrip(" ,")
    for m in reversed(list(re.finditer(r"(?:^|(?<=\s))(?:the|a|an|its|their)\s", pre))):
        phrase = pre[m.start() :]
        if re.search(r"[;(]", phrase) or len(phrase.split()) > 25:
            break
        body = resolve_body(phrase)
        if _MEETING_WORDS.search(phrase) and (not body or "Congress" in body):
            return phrase
    return prev_object if prev_object and _MEETING_WORDS.search(prev_object) else None


def held_participle(s: str, t: Trigger, ctx: Context, prev_object: str | None) -> list[Found]:
    """A meeting reported by the participle "held" with its auspices, place or date: "the
    Summit, held under the auspices of the General Assembly" (the Assembly held it), "the
    ninetieth session of the INTERPOL General Assembly, held in New Delhi" (its body held it),
    "the Fourteenth United Nations Congress …, held in Kyoto" (the United Nations held it).
    Without a body to hold it, no act."""
    patient = _held_patient(s[: t.start], prev_object)
    if not patient:
        return []
    obj = patient if patient == prev_object else name_object(patient, ctx)
    auspices = _AUSPICES.match(s, t.end)
    session = _SESSION_OF.search(patient)
    if auspices:
        name = auspices.group("b")
        subject = resolve_body(name) or re.sub(r"^the\s+", "", name)
    elif session:
        subject = resolve_body(session.group("b")) or session.group("b")
    elif obj and ("Congress" in obj or obj.startswith("United Nations")):
        subject = "United Nations"  # a United Nations meeting with no organiser printed
    else:
        return []
    at = s.rfind(patient, 0, t.start)
    lo = at if at >= 0 and len(s[at : t.start].split()) <= 15 else words_back(s, t.start, 8)
    hi = words_on(s, t.end, 8)
    return [Found(subject, "held", obj, lo, hi, t.start, False, f"held|{obj}")]
