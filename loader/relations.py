"""Relations: who did which act to what, with the span of the sentence that states it.

Styles handled: a resolution's operative and preambular paragraphs (the resolution itself is
the subject), the reported past ("In its resolution 65/230, the General Assembly endorsed …"),
passives with an agent ("were decided by the extended Bureau"), acts at meetings ("At that
meeting, the Expert Group adopted …"), fixed phrasings (:mod:`.patterns`) and reference across
sentences (:mod:`.coref`).

    >>> from mandates.loader.coref import Context
    >>> ctx = Context(default_body="General Assembly")
    >>> s = "In its resolution 1/2, the Assembly requested the Council to act."
    >>> [(r.subject, r.relation, r.object) for r in sentence_relations(s, ctx)]
    [('A/RES/1/2', 'requested', 'Council')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .coref import ACTOR_RE, Context, qualified
from .names import EXPERT_GROUP, OFFICERS, meeting_name, resolve_body
from .objects import (
    addressees,
    concerned,
    conjuncts,
    footnoted,
    name_object,
    object_phrase,
)
from .passive import agentive, agentless, held_participle, present_passive
from .patterns import phrase_acts
from .spans import Found, words_back, words_on
from .verbs import Trigger, find_triggers

_PREP = re.compile(
    r"\b(?:of|by|to|for|with|from|on|at|in|into|under|among|between|through|about|including|"
    r"and|as|than)\s*$",
    re.I,
)
_ADVERBS = re.compile(
    r"(?:\s*(?:,\s*)?\b(?:also|further|subsequently|then|had|has|have|unanimously|jointly|"
    r"thereafter|inter alia|\*inter alia\*|however|therefore)\b,?)+\s*$"
)
_PAREN = re.compile(r",[^,]{1,80},\s*$")
_SPLIT = {"noted", "considered"}
# "…, in which the INTERPOL General Assembly recognized …": an act of the instrument just cited
_RELATIVE = re.compile(
    r"\b(?:in|by|under|through) which\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}$"
)


_WHICH = re.compile(r"\b(?:in|by|under) which(?:,\s*(?:inter alia|\*inter alia\*),)?\s*$")


@dataclass
class _State:
    """What earlier verbs of the same sentence established."""

    subject: str | None = None  # of the last active verb
    passive: tuple[str, str | None] | None = None  # agent and object of the last passive
    objects: list[tuple[int, str | None]] = field(default_factory=list)  # (offset, object)
    end: int = 0


def _subject_before(pre: str) -> tuple[str, int] | str | None:
    """The actor ending ``pre`` as (name, offset), or "inherit", "which", "it", or None."""
    cleft = re.search(r"\bIt was (?:also )?(?:the )?(?P<a>[\w -]+?) that\s*$", pre)
    if cleft and (body := resolve_body(cleft.group("a"))):
        return body, cleft.start("a")
    pre = _ADVERBS.sub("", pre)
    pre = re.sub(r"\s+[a-z]+ed\s+and\s*$", " ", pre)  # "the Group reviewed and adopted"
    for attempt in (pre, _PAREN.sub("", pre)):
        for m in ACTOR_RE.finditer(attempt):
            if (
                m.end() == len(attempt.rstrip())
                and not _PREP.search(attempt[: m.start()])
                and not qualified(attempt, m.start())
            ):
                name = resolve_body(m.group("actor"))
                if name:
                    which = _WHICH.search(attempt[: m.start()])
                    return (name, m.start()) if not which else "which"
    stripped = pre.rstrip()
    if re.search(r"\b(?:(?:which|whom)\s+)?(?:it|they)$", stripped) or _RELATIVE.search(stripped):
        return "which"
    if not stripped or re.search(r"(?:,|;|\band|\bor)$", stripped):
        return "inherit"
    return None


def sentence_relations(
    s: str, ctx: Context, own: str | None = None, kind: str = "text", meeting: str | None = None
) -> list[Found]:
    """Relations stated in one sentence ``s`` of a paragraph of kind ``kind``."""
    frame = ctx.frame(s)
    if frame and frame[1] != "Member States":
        ctx.carry = frame
    mframe = ctx.meeting_frame(s) or meeting
    cited = ctx.citations(s)
    out: list[Found] = [
        Found(a.subject, a.relation, a.object, a.lo, a.hi, a.lo, False, a.key)
        for a in phrase_acts(s, ctx)
    ]
    state = _State()
    triggers = [t for t in find_triggers(s, kind) if not _skip(s, t)]
    for i, t in enumerate(triggers):
        nxt = next((u.start for u in triggers[i + 1 :] if not u.passive), len(s))
        if t.style in ("operative", "preamble"):
            clause_end = next(
                (u.start for u in triggers[i + 1 :] if u.style != "past"), len(s)
            )  # the paragraph's next clause; reported acts inside this one are its objects' own
            found = _resolution_style(s, t, nxt, clause_end, ctx, own)
        elif t.passive and (own_act := present_passive(s, t, own)):
            found = own_act
        elif t.relation == "held" and t.participle and not t.agentive:
            before = [o for at, o in state.objects if at < t.start]
            found = held_participle(s, t, ctx, before[-1] if before else None)
        elif t.agentive:
            before = [o for at, o in state.objects if at < t.start]
            found = agentive(s, t, ctx, frame, cited, before[-1] if before else None, first=not out)
        elif (
            t.passive
            or t.relation == "held"
            or (state.passive and not state.subject and re.search(r"(?:,|\band)\s*$", s[: t.start]))
        ):
            found = agentless(s, t, ctx, mframe, state.passive)
        else:
            found = _active(s, t, s[t.end : nxt], ctx, frame, mframe, cited, state)
        ctx.see_meetings(s[: t.start])
        state.end = t.end
        if not found:
            if not t.passive:
                state.subject = None
            continue
        out.extend(found)
        state.objects.extend((f.lo if f.lo > t.start else t.end, f.object) for f in found)
        if t.passive or t.agentive:
            state.passive = (found[0].subject, found[0].object)
        else:
            state.subject = found[0].subject
    ctx.see_meetings(s)
    return out


def _skip(s: str, t: Trigger) -> bool:
    """Participles that restate an act ("as adopted at the first meeting"), and plans."""
    pre = s[: t.start]
    if t.style != "past":
        return False
    if re.search(r"\bas\s*$", pre) and not t.agentive:
        return True
    if not t.passive and re.search(
        r"\b(?:all|the|a|an|its|their|these|those|of|newly)\s*$", pre, re.I
    ):
        return True  # an adjective: "all compiled conclusions"
    if re.search(r"\b(?:will|shall|should|would|may|might|could|must|to)\s+(?:\w+\s+)?$", pre):
        return True
    return bool(re.search(r"\bresolution\s+\S+,\s*$", pre))  # see patterns.py


def _resolution_style(s: str, t: Trigger, nxt: int, clause_end: int, ctx: Context, own):
    """The acts of a resolution's paragraph: one per cited resolution of an enumeration, one
    per addressee of a request or invitation, else one with the object phrase named."""
    subject = own or ctx.default_body or "General Assembly"
    after = s[t.end : nxt]
    phrase = object_phrase(after, t.relation)
    groups = _cited_objects(s, t, phrase, clause_end, ctx)
    if groups:
        out = []
        for k, (lo, group) in enumerate(groups):
            q_lo = t.start if k == 0 else lo
            if len(s[q_lo : group[0][0]].split()) > 22:  # the citation far from the verb
                q_lo, q_hi = _window(s, q_lo, group[0][0], group[-1][1])
            else:
                q_hi = max(group[-1][1], words_on(s, q_lo, 8))
                q_hi = q_hi if len(s[q_lo:q_hi].split()) <= 25 else words_on(s, q_lo, 25)
            for _, _, rid in group:
                key = f"{t.relation}|{rid}|{q_lo}"
                anchor = t.start if q_lo <= t.start else group[0][0]
                out.append(Found(subject, t.relation, rid, q_lo, q_hi, anchor, True, key))
        return out
    at = after.find(phrase) if phrase else -1
    spans: list[tuple[str | None, int]] = [(name_object(phrase, ctx), at)]
    if t.relation == "decided" and (about := concerned(phrase, ctx)):
        spans = [(about, at)]  # the body or meeting the decision concerns
    if t.relation in ("requested", "invited"):
        parts = addressees(after)
        found, pos = [], 0
        for part in parts:
            k = after.find(part, pos)
            found.append((name_object(part, ctx), k))
            pos = k + len(part) if k >= 0 else pos
        spans = found or spans
    elif phrase and (noted := footnoted(after[at + len(phrase) :], ctx)):
        spans = [(n, at) for n in noted]  # "the reports of the regional meetings, 3": note 3's
    elif phrase and t.relation != "decided":
        spans = [(obj, k) for obj, k in _coordinated(after, phrase, at, ctx)] or spans
    if phrase and t.relation not in ("requested", "invited", "decided"):
        spans += _examples(after, at + len(phrase), ctx)
    out = []
    for obj, k in spans:
        end = t.end + k + len(phrase if len(spans) == 1 and k == at else str(obj))
        lo, hi = _window(s, t.start, t.end + k, end) if k >= 0 else (t.start, words_on(s, t.end, 14))
        key = f"{t.relation}|{obj}|{after[:40]}"
        anchor = t.start if lo <= t.start else t.end + k  # the side of a page break to keep
        out.append(Found(subject, t.relation, obj, lo, hi, anchor, True, key))
    return out


_POSSESSIVE_AND = re.compile(r"\s+and\s+(?:its|their)\s+(?=\S)")
_NEXT_CONJUNCT = re.compile(r",\s+and\s+(?:(?:also|further)\s+)?(?=(?:the|its|their)\s+\S)")


def _coordinated(after: str, phrase: str, at: int, ctx: Context) -> list[tuple[str | None, int]]:
    """The objects of one verb coordinated as noun phrases, one row each: "the Forum and its
    Memorandum", "the efforts of X …, and the contribution of Y …" (empty when there is one)."""
    parts = [(phrase, at)]
    m = _POSSESSIVE_AND.search(phrase)
    if m:
        parts = [(phrase[: m.start()], at), (phrase[m.end() :], at + m.end())]
    rest_at = at + len(phrase)
    rest = after[rest_at:]
    for m in _NEXT_CONJUNCT.finditer(rest):
        if ";" in rest[: m.start()] or len(rest[: m.start()].split()) > 30:
            break
        nxt = object_phrase(" " + rest[m.end() :], "noted")
        if nxt:
            parts.append((nxt, rest_at + m.end()))
    if len(parts) == 1:
        return []
    return [(name_object(p, ctx), k) for p, k in parts]


_INCLUDING = re.compile(r",\s+including\s+(?=(?:the\s+)?[A-Z])")
# between the items of a list, with the footnote marks that follow an item ("Rules), 4 the …")
_ITEM_SEP = re.compile(r",\s+(?:\d{1,2}\s+)?(?:and\s+)?|\s+(?:\d{1,2}\s+)?and\s+(?=the\s+[A-Z])")
_PROPER = re.compile(r"(?:the\s+)?[A-Z][\w’'-]*\b")


def _examples(after: str, rest_at: int, ctx: Context) -> list[tuple[str | None, int]]:
    """The proper-named items of an "including" list after the object ("standards and norms
    …, including the Nelson Mandela Rules, the Bangkok Rules and …"), one row each; a list of
    common nouns ("including civil society, the private sector") gives none."""
    rest = after[rest_at:]
    m = _INCLUDING.search(rest)
    if not m or ";" in rest[: m.start()] or len(rest[: m.start()].split()) > 12:
        return []
    out: list[tuple[str | None, int]] = []
    pos = m.end()
    depth_free = re.sub(r"\([^)]*\)", lambda x: " " * len(x.group()), rest)  # no split inside ( )
    while pos < len(rest):
        sep = _ITEM_SEP.search(depth_free, pos)
        end = sep.start() if sep else len(rest)
        item = re.sub(r"(?:\s+\d{1,2})?[;.]?\s*$", "", rest[pos:end]).strip()
        if not _PROPER.match(item) or len(item.split()) > 20:
            break
        out.append((name_object(item, ctx), rest_at + pos))
        if not sep or re.match(r";", rest[end:]):
            break
        pos = sep.end()
    return out if len(out) >= 2 else []


def _window(s: str, start: int, obj_lo: int, obj_hi: int) -> tuple[int, int]:
    """The quote of an act: from the verb at ``start`` on, taking in the object as far as 25
    words allow; a window around the object when it begins too far from the verb."""
    if len(s[start:obj_lo].split()) <= 22:
        hi = max(words_on(s, start, 15), obj_hi)
        return start, min(hi, words_on(s, start, 25))
    lo = words_back(s, obj_lo, 4)
    return lo, min(max(obj_hi, words_on(s, lo, 18)), words_on(s, lo, 25))


_GROUP_JOIN = re.compile(
    r"(?:\s+of\s+\d{1,2}\s+\w+\s+\d{4})?(?:,\s*(?:and\s+)?|\s+and\s+)(?:resolutions?\s+)?"
)
_GROUP_INTRO = re.compile(
    r"(?:^|,|\band|\bas well as|\bin particular|\bincluding|\bnotably)\s+(?:(?:its|their|the)\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*\s+)?resolutions?\s+$"
)
_GENERIC = re.compile(
    r"(?:all\s+)?(?:(?:previous|other|its|relevant|United Nations)\s+)*(?:resolutions|decisions)\b"
)


def _cited_objects(s: str, t: Trigger, phrase: str, end: int, ctx: Context):
    """Enumerated resolutions that are the verb's objects: the groups ("its resolutions 1/2 of
    …, 3/4 and 5/6") coordinated at the level of the clause, each as (intro offset, citations).
    Used when the object is a cited resolution, or a generic "relevant resolutions" that
    specific ones follow ("…, in particular its resolutions …")."""
    cited = [c for c in ctx.citations(s) if t.end <= c[0] < end]
    if not cited:
        return []
    first = re.sub(r"^\s*(?:also|further)\s+", "", s[t.end : cited[0][0]])
    generic = _GENERIC.match(phrase.strip())
    if not (
        re.fullmatch(
            r"\s*(?:(?:its|the|their)\s+)?(?:[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*"
            r"\s+)?resolutions?\s+",
            first,
        )
        or generic
    ):
        return []
    groups: list[tuple[int, list]] = []
    for c in cited:
        if groups and _GROUP_JOIN.fullmatch(s[groups[-1][1][-1][1] : c[0]]):
            groups[-1][1].append(c)
            continue
        before = s[t.end : c[0]]
        intro = _GROUP_INTRO.search(before) if groups or generic else None
        if groups or generic:
            if not intro:
                continue
            groups.append((t.end + intro.start(), [c]))
        else:
            groups.append((t.start, [c]))
    return groups


def _active(s, t: Trigger, after: str, ctx: Context, frame, mframe, cited, state: _State):
    rel = t.relation
    pre = s[: t.start]
    sub = _subject_before(s[state.end : t.start])
    q_from = words_back(s, t.start, 3)
    if isinstance(sub, tuple):
        subject, offset = sub
        actor_at = state.end + offset
        if t.start - actor_at < 120:
            q_from = min(q_from, actor_at)
        if frame and not state.subject and len(s[:q_from].split()) <= 6:
            q_from = 0
        subject = _instrument(subject, s, t, frame, mframe, cited, ctx)
    elif sub == "inherit" and state.subject:
        subject = state.subject
        q_from = words_back(s, t.start, 1) if re.search(r"\band\s*$", pre) else t.start
    elif sub == "which":
        before = [c for c in cited if c[1] <= t.start]
        named = [o for at, o in state.objects if at < t.start and o and "/" in o]
        if not before and named:  # "the political declaration …, 5 in which …": note 5's
            subject = named[-1]
        elif not before or _enumerated(s, before):
            return []  # "its resolutions 1/2 and 3/4, by which it …": which one did it is unsaid
        else:
            subject = before[-1][2]
    else:
        return []
    if rel == "noted" and subject in OFFICERS:
        return []  # an officer who "noted" suggestions recorded them: no act of a body
    phrase = object_phrase(after, rel)
    parts = conjuncts(after.split(";")[0]) if rel in _SPLIT else [(0, phrase)]
    results = []
    for k, (off, part) in enumerate(parts):
        obj = name_object(object_phrase(" " + part, rel) if k else phrase, ctx)
        if rel == "decided" and (about := concerned(phrase, ctx)):
            obj = about  # the body or meeting the decision concerns
        r_lo, r_hi = (q_from, words_on(s, t.end, 14)) if k == 0 else (t.end + off, 0)
        if k:
            r_hi = words_on(s, r_lo, 14)
        rest = after[after.find(phrase) + len(phrase) :] if phrase else after
        tail = " ".join(rest.split()[:4]) if rel in ("requested", "invited", "decided") else ""
        short = obj if obj and ("meeting" in obj or "/" in obj) else " ".join(str(obj).split()[:3])
        results.append(
            Found(subject, rel, obj, r_lo, r_hi, t.start, False, f"{rel}|{subject}|{short}|{tail}")
        )
    return results


def _enumerated(s: str, before: list[tuple[int, int, str]]) -> bool:
    """True when the last citation before a relative clause closes an enumeration."""
    return len(before) > 1 and bool(_GROUP_JOIN.fullmatch(s[before[-2][1] : before[-1][0]]))


def _instrument(subject: str, s: str, t: Trigger, frame, mframe, cited, ctx: Context) -> str:
    """Replace an acting body by the resolution, declaration or meeting it acted through."""
    right = [c for c in cited if 0 <= c[0] - t.end <= 25 and "its resolution" in s[t.end : c[1]]]
    if right:
        ctx.last_resolution = (right[0][2], subject)
        return right[0][2]
    if frame and (frame[1] == subject or subject == "Member States"):
        return frame[0]
    if mframe and subject == (ctx.default_body or EXPERT_GROUP):
        return mframe
    if ctx.report and ctx.own_meeting and subject == ctx.default_body:
        return meeting_name(subject, ctx.own_meeting)
    return subject
