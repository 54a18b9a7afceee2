"""Pass 3, acts: subject, verb and object of each clause, with the span of its quote.

The grammar of acts: a resolution's own paragraphs (the resolution is the subject), the reported
past, passives with and without an agent, participles ("…, held in Kyoto", "…, prepared by the
Secretary-General"), fixed phrasings, objects (phrase boundaries, addressees, coordinated and
listed objects, footnoted documents) and what may be minted (complete noun phrases only).
:func:`document_acts` walks a document's paragraphs and returns its rows.

A relation found in a sentence, and word-based spans for its quote.

>>> s = "In its resolution 1/2, the Assembly requested the Council to act."
>>> s[words_back(s, 36, 2):words_on(s, 36, 3)]
'the Assembly requested the Council'

What may stand as the subject or object of a statement: a complete noun phrase.

A wrong fact is worse than a missing one, so an act whose object is a fragment is dropped
rather than minted: a bare date or date range ("6 to 8 April 2020"), a clause ("the Congress
would adopt …"), a participle or infinitive cut from its phrase ("held in New Delhi …",
"transmit", "account referred"), a head noun cut from its complement ("request", "need"), or
a phrase that ends on a preposition, a conjunction or an article.

    >>> [complete(x) for x in ("Member States", "delegations", "A/RES/79/243",
    ...                        "draft programme of work", "role of the Office", "corruption")]
    [True, True, True, True, True, True]
    >>> [complete(x) for x in ("6 to 8 April 2020", "transmit", "account referred", "need",
    ...     "held in New Delhi from 18 to 21 October 2022", "all relevant resolutions recognizing",
    ...     "Fifteenth Congress would adopt a single declaration", "importance of the")]
    [False, False, False, False, False, False, False, False]

The object of an act: the phrase after (or, in the passive, before) the verb, named.

>>> from mandates.loader.clauses import Context
>>> ctx = Context(default_body="Expert Group to Conduct a Comprehensive Study on Cybercrime")
>>> name_object("the Commission on Crime Prevention and Criminal Justice to establish", ctx)
'Commission on Crime Prevention and Criminal Justice'
>>> name_object("the Salvador Declaration on Comprehensive Strategies", ctx)
'Salvador Declaration'
>>> name_object("the Chair's proposal for the workplan (UNODC/CCPCJ/EG.4/2018/CRP.1)", ctx)
'UNODC/CCPCJ/EG.4/2018/CRP.1'
>>> name_object("The provisional agenda for the fifth meeting", ctx)
'provisional agenda of Expert Group meeting 5'
>>> [p for _, p in conjuncts("the adoption of the summaries by the Rapporteur, the draft "
...     "study of the problem and comments thereto, and the way forward on the draft study")]
... # doctest: +NORMALIZE_WHITESPACE
['the adoption of the summaries by the Rapporteur',
 'the draft study of the problem and comments thereto', 'the way forward on the draft study']

Passive statements of acts: with an agent ("were decided by the extended Bureau") or without
one ("The first meeting … was held …", "… was adopted." at a meeting).

    >>> from mandates.loader.clauses import Context
    >>> from mandates.loader.mentions import find_triggers
    >>> ctx = Context(default_body="Expert Group to Conduct a Comprehensive Study on Cybercrime")
    >>> s = "The Guide was drafted by UNODC, the Council of Europe and the IAP (IAP)."
    >>> [f.subject for f in agentive(s, find_triggers(s)[0], ctx, None, [], None)]
    ['United Nations Office on Drugs and Crime', 'Council of Europe', 'IAP']

Acts stated without a finite verb of the lexicon: fixed UN phrasings.

- "in his role as Chair of the fourth meeting" → *chaired*;
- "the adoption by the General Assembly of resolution 74/247" → *adopted*;
- "In its resolution 26/4, adopted at its twenty-sixth session, the Commission" → *adopted*.

    >>> from mandates.loader.clauses import Context
    >>> ctx = Context(default_body="Expert Group to Conduct a Comprehensive Study on Cybercrime")
    >>> s = ("The meeting was opened by Ann Lee (Chile), Vice-Chair, in her role as Chair of the "
    ...      "fourth meeting of the Expert Group.")
    >>> [(f.subject, f.relation, f.object) for f in phrase_acts(s, ctx)]
    [('Ann Lee', 'chaired', 'Expert Group meeting 4')]
    >>> s = "It led to the adoption by the General Assembly of resolution 74/247."
    >>> [(f.subject, f.relation, f.object) for f in phrase_acts(s, ctx)]
    [('General Assembly', 'adopted', 'A/RES/74/247')]

Relations: who did which act to what, with the span of the sentence that states it.

Styles handled: a resolution's operative and preambular paragraphs (the resolution itself is
the subject), the reported past ("In its resolution 65/230, the General Assembly endorsed …"),
passives with an agent ("were decided by the extended Bureau"), acts at meetings ("At that
meeting, the Expert Group adopted …"), fixed phrasings (above) and reference across
sentences (:mod:`.clauses`).

    >>> from mandates.loader.clauses import Context
    >>> ctx = Context(default_body="General Assembly")
    >>> s = "In its resolution 1/2, the Assembly requested the Council to act."
    >>> [(r.subject, r.relation, r.object) for r in sentence_relations(s, ctx)]
    [('A/RES/1/2', 'requested', 'Council')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from .clauses import Context
from .mentions import (
    ACTOR,
    ACTOR_RE,
    ADVERB,
    EXPERT_GROUP,
    MONTHS,
    NUMBER,
    OFFICERS,
    ORDINAL,
    Trigger,
    actors,
    find_symbols,
    find_triggers,
    instrument_name,
    meeting_name,
    qualified,
    resolution_id,
    resolve_body,
    tidy,
)

# --- spans: A relation found in a sentence, and word-based spans for its quote.


@dataclass(frozen=True)
class Found:
    """One relation found in a sentence: names, and the quote's span within the sentence.

    ``key`` identifies the act, so that an act restated later in a document is kept once.
    """

    subject: str
    relation: str
    object: str | None
    lo: int
    hi: int
    anchor: int
    primary: bool
    key: str


_WORD = re.compile(r"\S+")


def words_back(text: str, pos: int, n: int) -> int:
    """Offset of the ``n``-th word before ``pos`` (0 when there are fewer)."""
    starts = [m.start() for m in re.finditer(r"\S+", text[:pos])]
    return starts[-n] if len(starts) >= n else 0


def words_on(text: str, pos: int, n: int) -> int:
    """Offset just after the ``n``-th word from ``pos`` (the text's end when there are fewer)."""
    end = pos
    for m in islice(_WORD.finditer(text, pos), n):  # only the words wanted, not the rest
        end = m.end()
    return end


# --- minting: What may stand as the subject or object of a statement: a complete noun phrase.

_DATE = re.compile(
    rf"(?:(?:from|on)\s+)?\d{{1,2}}(?:\s+(?:{'|'.join(MONTHS)}))?(?:\s*(?:–|-|to|and)\s*\d{{1,2}})?"
    rf"\s+(?:{'|'.join(MONTHS)})(?:\s+\d{{4}})?(?:\s*\(.*\))?"
)
_FINITE_WORD = re.compile(
    r"\b(?:shall|should|will|would|must|may|is|are|was|were|has|have|had|be|been)\b"
)
_DANGLING = re.compile(
    r"\b(?:of|on|for|to|in|at|by|with|from|and|or|the|an?|that|which|under|between|into|"
    r"against|through|within|among)$"
)
_TRAILING_PARTICIPLE = re.compile(r"\b[a-z]+s\s+[a-z]+(?:ing|ed)$|^[a-z]+\s+[a-z]+ed$")
_VERBS = {"transmit", "include", "establish", "adopt", "consider", "convene", "hold", "continue",
          "remain", "designate", "submit", "prepare", "request", "invite"}  # fmt: skip


# nouns that name nothing without their complement: "the role", "the need"
_HEADS = {"role", "need", "importance", "contribution", "part", "use", "way", "kind", "number",
          "work", "basis", "view", "light", "order", "respect", "regard", "time"}  # fmt: skip


def complete(name: str | None) -> bool:
    """True when ``name`` can be a resource of the graph (see the module docstring)."""
    if not name or not name.strip():
        return False
    text = name.strip()
    if "/" in text or text[:1].isupper() and not _FINITE_WORD.search(text):
        return not _DATE.fullmatch(text)  # symbols, resolution numbers, proper names
    words = text.split()
    if _DATE.fullmatch(text) or _FINITE_WORD.search(text) or _DANGLING.search(text):
        return False
    if len(words) == 1:  # "delegations", "corruption"; not "request", "transmit", "referred"
        word = words[0]
        return word not in _VERBS | _HEADS and not word.endswith("ed") and len(word) > 3
    if words[0] in ("held", "convened", "adopted", "referred", "prepared", "submitted"):
        return False  # a participle cut from the noun it follows
    if words[0] in _VERBS and len(words) < 3:
        return False  # "transmit to": the verb without its object
    return not _TRAILING_PARTICIPLE.search(text)


# --- objects: The object of an act: the phrase after (or, in the passive, before) the verb, named.

# nouns whose complement is "to …" (not an infinitive): "response to cybercrime"
_TO_NOUNS = (
    r"response|responses|contribution|contributions|access|commitment|commitments|support|"
    r"assistance|threat|threats|approach|approaches|related|relating|pertaining|respect|regard|"
    r"addition|reference|contrary|prior|due|pursuant|according|thanks|attention|relevance|"
    r"need|needs|efforts|determination|ability|capacity|obligation|obligations|opportunity"
)
_STOP = re.compile(
    r"(?<!\d)\s+to\s+(?!\d|the\b|an?\b|its\b|their\b|[A-Z])"
    r"|\s+(?:that|so that|in order to|with a view to|pursuant to|"
    r"in line with|with the|"
    r"at the request of|in accordance with|on the basis of|in (?:cooperation|collaboration|"
    r"consultation) with)\s+"
    r"|,?\s+(?:as\s+)?(?:prepared|adopted|drafted|compiled|submitted|endorsed)"
    r"(?:\s+or\s+[a-z]+ed)?\s+by\b"
    # trailing adjuncts of place, manner and extent: never part of what is named
    r"|\s+(?:throughout|pertaining to)\s+|\s+within\s+(?=(?:its|their)\s)"
    r"|\s+in the (?:field|area|areas|context|framework) of\s+"
    r"|(?<!such)(?<!well)\s+as\s+(?=(?:being|the|an?|one)\s)"
    r"|,?\s+and\s+in\s+[a-z]+ing\s+"
    r"|;|:|\.\s|\.$"
)
# asides set off by commas inside an object phrase: "the cooperation of the Commission, within
# its existing mandate, with …", "between the United Nations, in particular the Office, and …"
_PHRASE_ASIDE = re.compile(
    r",\s*(?:within|as appropriate|where appropriate|inter alia|\*inter alia\*|in particular|"
    r"subject to|as applicable)\b[^,;:]*,(?=\s)"
)
_BETWEEN_OPEN = re.compile(r"\bbetween\s+(?:(?!\band\b)[^;:])*$")
# a comma inside a capitalised title: "to Prevent, Combat and Eradicate", "Trace, in a Timely"
_TITLE_COMMA = re.compile(r"[A-Z][\w-]*$")
_TITLE_NEXT = re.compile(r"\s*(?:in an?\s+)?[A-Z][\w-]*")


def _to_complement(text: str, m: re.Match) -> bool:
    """True when a stop at " to " follows a noun that takes a "to" complement."""
    return m.group().strip() == "to" and bool(re.search(rf"\b(?:{_TO_NOUNS})$", text[: m.start()]))


def object_phrase(text: str, relation: str) -> str:
    """The object phrase at the start of ``text`` (the words after the verb)."""
    text = re.sub(r"^\s*,?\s*\*?inter alia\*?,?\s*", " ", text)
    text = re.sub(rf"^\s*,?\s*(?:{ADVERB}\b,?\s*)+", " ", text)
    text = re.sub(r"^\s*,\s*in (?:its|their) resolution [^,]{1,20},\s*", " ", text)
    text = re.sub(r"^\s*,?\s*in addition to\s+", " ", text)
    text = re.sub(
        r"^\s*(?:with (?:appreciation|satisfaction|concern)\s*)?(?:of|upon|on)?\s+", " ", text
    )
    designated = re.match(
        r"\s*to\s+(?:designate|declare|proclaim)\s+\d{1,2}\s+[A-Z][a-z]+\s+(?:as\s+)?", text
    )
    if relation == "decided" and designated:  # "to designate 15 November the World Day": the Day
        text = " " + text[designated.end() :]
    elif relation == "decided" and re.match(
        r"\s*to\s+[a-z]+\s+(?:the|an?|its|their|to|\d|[A-Z])", text
    ):
        # "decided to establish a committee": the object of the infinitive, past any
        # "to the Commission" it is addressed to
        text = re.sub(r"^\s*to\s+[a-z]+\s+", " ", text)
        text = re.sub(rf"^\s*to\s+(?:the\s+)?(?:{ACTOR})\s+", " ", text)
    elif relation == "decided" and re.match(rf"\s*[a-z]+\s+to\s+(?:the\s+)?(?:{ACTOR})\s+", text):
        # "agreed to transmit to the Commission … conclusions": what is transmitted
        text = re.sub(rf"^\s*[a-z]+\s+to\s+(?:the\s+)?(?:{ACTOR})\s+", " ", text)
    elif relation in ("decided", "requested", "invited") and re.match(r"\s*to\b", text):
        text = re.sub(r"^\s*to\b\s*", "", text)
    that = re.match(r"\s*that\b", text)
    text = re.sub(r"^\s*that\b,?\s*", "", text)
    text = re.sub(
        r"^\s*(?:in accordance with|pursuant to|in line with|during|until|subject to|in order to)"
        r"\b[^,;]{0,120},\s*",
        "",
        text,
    )
    if that and relation == "decided":
        return _that_object(text)
    if that and not re.match(r"\s*(?:in|during|by|at|under|through)\b", text):
        return _that_object(text, subject_only=True)  # "that INTERPOL is …": INTERPOL
    text = re.sub(r"^\s*in (?:its|their) resolution", "resolution", text)
    event = _EVENT.match(text.strip())
    if event:  # "the development, in 2023, by X of the Toolkit …": the Toolkit
        text = event.group("what")
    text = _PHRASE_ASIDE.sub("", text)
    masked = _mask_quotes(text)  # a quoted title is never cut
    stop = _first_stop(text, masked)
    phrase = text[:stop] if stop is not None else text
    stopped = stop is not None
    depth = 0
    for i, ch in enumerate(masked[: len(phrase)]):  # cut at the first comma outside brackets
        depth += (ch in "([") - (ch in ")]")
        if ch == "," and depth <= 0 and i > 0:
            nxt = phrase[i + 1 : i + 12]
            if re.match(r"\s*(?:annex|para|inter alia|\*inter|entitled)", nxt):
                continue
            if _between_open(phrase[:i]):
                continue  # "between the United Nations, INTERPOL and Member States"
            if _in_title(phrase, i):
                continue
            phrase = phrase[:i]
            stopped = False
            break
    whole_name = re.search(rf"(?:{ACTOR})$", phrase)  # "… Office on Drugs and Crime"
    if (
        stopped
        and re.search(r"\s+and\s+\w+$", phrase)
        and phrase.count(" and ") == 1
        and not whole_name
        and not re.search(r"\bbetween\b", phrase)
    ):
        phrase = re.sub(r"\s+and\s+\w+$", "", phrase)  # a coordination cut short by the stop
    return re.sub(r"(?:\s*,|\s+(?:and|or))+$", "", phrase.strip())


# nouns whose complement may be an infinitive: "the commitment made by States to contribute to
# …", "the election of Morocco to host …" (not "cooperation … to combat …": a purpose)
_INFINITIVE_HEAD = re.compile(
    r"\b(?:commitments?|election|decision|offer|proposal|ability|readiness|willingness|"
    r"intention|determination|attempts?)\b"
)
# a footnote mark ends the phrase it stands after: "the 2030 Agenda, 2 through …"
_NOTE_MARK = re.compile(r"(?:\b[A-Z][\w’'-]*|[”)])(?P<at>\s+\d{1,2})(?=\s+[a-z])")
_NOT_MARKED = re.compile(
    r"\b(?:[Aa]rticle|[Aa]nnex|[Cc]hapter|[Pp]art|[Ss]ection|[Gg]oal|[Tt]arget|"
    r"[Rr]ule|[Ii]tem|[Pp]aragraph|[Pp]rinciple|[Pp]rotocol|[Tt]ables?|of)$"
)
# after a quoted title, "and the …" is another phrase: "the topic “X” and the subtopics"
_AFTER_TITLE = re.compile(r"(?<=”)\s+and\s+(?=(?:the|its|their)\s)")
# "in accordance with" a dated agreement identifies what was done under it: "the efforts
# undertaken in accordance with the arrangement on cooperation of 1 May 2030 between A and B"
_DATED_AGREEMENT = re.compile(
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:arrangement|agreement|memorandum|accord)\b[^,;]{0,40}?"
    r"\bof\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b"
)
# a purpose or manner adjunct after the head's closed between-list: "cooperation between A and
# B in assisting States …"
_GERUND_ADJUNCT = re.compile(r"\s+in\s+[a-z]+ing\b")
_CLOSED_BETWEEN = re.compile(r"\bbetween\s.*\sand\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$")


def _mask_quotes(text: str) -> str:
    """``text`` with the inside of quoted titles blanked (same length): no stop or comma in a
    title cuts a phrase ("the workshop on the topic “Fraud: risks and answers”")."""
    if "“" not in text and '"' not in text:
        return text
    return re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: m.group()[0] + "x" * (len(m.group()) - 2)
                  + m.group()[-1], text)  # fmt: skip


def _first_stop(text: str, masked: str) -> int | None:
    """Where the object phrase at the start of ``text`` ends at a stop (:data:`_STOP`), if it
    does: not at a "to" that a noun governs or that stands inside a body's name, not at an
    infinitive that completes a noun of :data:`_INFINITIVE_HEAD` (nor at a "to" inside that
    infinitive), not at "in accordance with" a dated agreement; and at an "in …ing" adjunct
    after a closed between-list."""
    infinitive = False
    end = None
    for m in _STOP.finditer(masked):
        word = m.group().strip()
        if infinitive and word == "as":
            continue  # "… to serve as a hub": inside the infinitive
        if word == "to":
            if infinitive or _to_complement(masked, m) or _in_name(text, m):
                continue
            if _INFINITIVE_HEAD.search(masked, 0, m.start()):
                infinitive = True
                continue
        if word == "in accordance with" and _DATED_AGREEMENT.match(masked, m.end()):
            continue
        end = m.start()
        break
    upto = end if end is not None else len(masked)
    note = _NOTE_MARK.search(masked, 0, upto)
    for at in (_AFTER_TITLE.search(masked, 0, upto), note and note.start("at")):
        if isinstance(at, re.Match):
            at = at.start()
        if at and not _NOT_MARKED.search(masked, 0, at):
            upto = end = at
    for g in _GERUND_ADJUNCT.finditer(masked, 0, upto):
        before = masked[: g.start()]
        head = before[: before.find("between")]
        if (
            _CLOSED_BETWEEN.search(before)
            and not _between_open(before)
            and not re.search(r"\b(?:of|for|to|in|on|with)\s", head)
        ):  # the head's own between-list; not "the need for cooperation between A and B in …"
            return g.start()
    return end


def _between_open(prefix: str) -> bool:
    """True when ``prefix`` ends inside a between-list: no "and" has closed it yet, an "and"
    inside a body's name aside ("between the Office on Drugs and Crime, INTERPOL and …")."""
    if not _BETWEEN_OPEN.search(prefix):
        if "between" not in prefix or " and " not in prefix:
            return False
        spans = actors(prefix)
        if not spans:
            return False
        chars = list(prefix)
        for a, b, _ in spans:
            chars[a:b] = prefix[a:b].replace(" and ", " &&& ")
        return bool(_BETWEEN_OPEN.search("".join(chars)))
    return True


def _in_name(text: str, m: re.Match) -> bool:
    """True when a stop at " to " stands inside a body's name ("the expert group to conduct a
    study of …", "Ad Hoc Committee to Elaborate …"): a name is never cut."""
    if m.group().strip() != "to":
        return False
    lo = max(0, m.start() - 120)  # no body's name is longer: read only around the stop
    at = m.start() - lo
    return any(a < at < b for a, b, _ in actors(text[lo : m.end() + 120]))


def _in_title(phrase: str, comma: int) -> bool:
    """True when the comma at ``comma`` stands inside a capitalised title: the three words
    before it and the next content word after it are capitalised."""
    words = phrase[:comma].split()[-3:]
    caps = [w for w in words if w[:1].isupper()]
    return (
        len(words) == 3
        and len(caps) >= 2
        and words[-1][:1].isupper()
        and bool(_TITLE_COMMA.search(phrase[:comma]))
        and bool(_TITLE_NEXT.match(phrase, comma + 1))
        and (
            # "the Office, INTERPOL and the Committee" is a list; "to Prevent, Combat and …" not
            not re.match(r",\s*(?:and\s+)?(?:the\s+)?[A-Z][\w-]*\s+(?:and|or)\b", phrase[comma:])
            or bool(re.search(r"\bto\s+[A-Z][a-z]+$", phrase[:comma]))
        )
    )


_FINITE = re.compile(
    r"\s+(?:shall|should|will|would|may|must|is|are|was|were|has|have)\s+(?:also\s+|not\s+)?"
    r"(?P<passive>be\s+(?P<participle>\w+ed)\b(?:\s+(?P<by>by\s+))?)?"
)


def _that_object(clause: str, subject_only: bool = False) -> str:
    """What a decision "that …" is about: the agent of a passive ("… will be operated by the
    Office" → the Office), what is designated ("24 December should be designated World Day"
    → World Day), else the clause's subject ("the Committee shall continue …").

    >>> _that_object("the account will be operated by the Office on Drugs and Crime;")
    'the Office on Drugs and Crime'
    >>> _that_object("24 December should be designated International Anti-Fraud Day.")
    'International Anti-Fraud Day'
    >>> _that_object("the Committee shall continue its work")
    'the Committee'
    """
    m = _FINITE.search(clause)
    if not m:
        return ""
    if subject_only:
        return re.split(r",\s", clause[: m.start()])[0].strip()
    rest = clause[m.end() :]
    if m.group("by"):
        return re.split(r"[,;.]|\s+(?:to|in|for|with|until)\s", rest)[0].strip()
    if m.group("participle") in ("designated", "named", "declared", "proclaimed"):
        return re.split(r"[,;]|\.(?:\s|$)|\s+(?:to|in|for|with|until)\s", rest)[0].strip()
    return clause[: m.start()].strip()


_EVENT = re.compile(
    r"(?:the\s+)?(?:development|conclusion|convening|launch|publication|establishment|"
    r"elaboration|finalization)\b(?:,[^,]{1,30},)?(?:\s+by\s+[^,]{1,120}?)?\s+of\s+"
    r"(?P<what>(?:the\s+)?(?:[A-Z0-9]|[a-z]+(?:-\s?[a-z]+)?\s+(?:session|meeting)\b).*)"
)


_PLACE_DATE = re.compile(
    r",?\s+(?:in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+)?(?:from|on)\s+\d{1,2}(?:\s+[A-Z][a-z]+)?"
    r"\s+(?:to|and|–|-)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}.*$"
)
_SHORT_CONGRESS = re.compile(r"(?:the\s+)?(?P<ord>[A-Z][a-z]+(?:-[a-z]+)?) Congress")


def _in_full(phrase: str, ctx: Context) -> str:
    """A phrase with each short "the Fifteenth Congress" replaced by the full name the
    document gave that Congress."""

    def full(m: re.Match) -> str:
        named = [t for t in ctx.titles if t.startswith(m.group("ord") + " ") and resolve_body(t)]
        return f"the {named[-1]}" if named and "Congress" in named[-1] else m.group()

    if "Congress" in phrase:
        phrase = _SHORT_CONGRESS.sub(full, phrase)
    if re.search(r"\bthe Convention\b(?! (?:on|against|for|of)\b)", phrase):
        named = [t for t in ctx.titles if re.search(r"\bConvention (?:on|against|for)\b", t)]
        if named:  # "article 30 of the Convention": the convention the text named in full
            phrase = re.sub(r"\bthe Convention\b(?! (?:on|against|for|of)\b)", f"the {named[-1]}",
                            phrase)  # fmt: skip
    return phrase


def concerned(phrase: str, ctx: Context) -> str | None:
    """What a decision on a part of a meeting or body concerns: "the duration of the Fifteenth
    Congress" → the Congress; None when the phrase names no meeting or body."""
    m = re.fullmatch(r"(?:the\s+)?[a-z][\w -]*?\s+of\s+(?P<e>(?:the\s+)?[A-Z].*)", phrase.strip())
    if not m:
        return None
    named = name_object(m.group("e"), ctx)
    return named if named and ("Congress" in named or resolve_body(named)) else None


def name_object(phrase: str, ctx: Context) -> str | None:
    """Canonical name of an object phrase: a body, symbol, meeting, declaration or the phrase."""
    phrase = phrase.strip(" ,;:")
    if not phrase:
        return None
    phrase = _PLACE_DATE.split(phrase)[0]  # "the Congress in Abu Dhabi from 25 to 30 April"
    short = _SHORT_CONGRESS.fullmatch(phrase)
    if short:  # "the Fifteenth Congress": the full name the document gave it
        full = [
            t
            for t in ctx.titles
            if t.startswith(short.group("ord") + " ") and "Congress" in t and resolve_body(t)
        ]
        if full:
            return full[-1]
    found = actors(phrase)
    if found and found[0][0] <= 4 and not re.match(r"\s*(?:the\s+)?\w+\s+(?:of|for)\s", phrase):
        return found[0][2]
    head = " ".join(phrase.split()[:30])
    symbols = find_symbols(head)
    if symbols:
        before = re.split(r"\s*\(\[?" + re.escape(symbols[0]), head)[0]
        if re.match(
            r"\s*(?:\]\(#\))?\s*,\s*annex", head[head.find(symbols[0]) + len(symbols[0]) :]
        ):
            return tidy(before)  # "topics (E/CN.15/2011/19, annexes I and II)": in the document
        return ctx.alias(before, symbols[0])
    known = ctx.alias(phrase)
    if known:
        return known
    cited = ctx.citations(phrase)
    lead = (
        re.sub(r"(?:[A-Z][\w ]*?\s+)?resolutions?\s*$", "", phrase[: cited[0][0]]) if cited else ""
    )
    if cited and len(lead.split()) <= 6:  # "the applicable provisions of … resolution 1996/31"
        return cited[0][2]
    # "the following agenda:": the determiner points at the list that follows, not a name
    phrase = re.sub(r"^(?:the\s+)?following\s+(?=\w)", "", phrase)
    agenda = re.match(r"(?:the\s+)?provisional agenda (?:for|of) (?P<m>.+)", phrase, re.I)
    if agenda and ctx.meeting_of(agenda.group("m")):
        return f"provisional agenda of {ctx.meeting_of(agenda.group('m'))}"
    meeting = (
        ctx.meeting_of(phrase)
        if re.match(r"(?:the\s+)?(?:dates? for|it\b)", phrase, re.I)
        else None
    )
    if meeting:
        return meeting
    entitled = re.fullmatch(
        r"(?:the\s+)?(?:agenda\s+)?item,?\s+entitled,?\s+“(?P<t>[^”]+)”", phrase.strip()
    )
    if entitled:  # "the item entitled “X”": an agenda item, named by its title (and meeting)
        own = ctx.meeting_frame("At that meeting")
        title = entitled.group("t")
        return f"{own}, agenda item: {title}" if own else f"agenda item “{title}”"
    item = re.match(
        r"(?:an?\s+)?agenda item\s*(?P<n>\d+(?: \([a-z]\))?)?(?:,?\s*entitled\s*"
        r"[“\"](?P<t>[^”\"]+))?",
        phrase,
    )
    if item:
        own = ctx.meeting_frame("At that meeting") or "meeting"
        if item.group("n"):
            return f"{own}, agenda item {item.group('n')}"
        title = item.group("t")
        return f"{own}, agenda item: {title}" if title else f"{own}, agenda item"
    work = re.match(
        rf"(?:the\s+)?(?:activities|work|importance of the (?:work|activities)) of "
        rf"(?:the\s+)?(?P<b>{ACTOR})(?P<more>\s.*)?$",
        phrase,
    )
    # the body whose work it is; a body described in lower case ("the open-ended expert group
    # to conduct a study of …") may run on with its description, a proper name may not
    if (
        work
        and (not work.group("more") or work.group("b")[-1].islower())
        and resolve_body(work.group("b"))
    ):
        return resolve_body(work.group("b"))
    anaphor = re.fullmatch(r"(?:[Tt]he\s+)?([A-Z][a-z]+)", phrase)
    if anaphor:
        for title in reversed(ctx.titles):
            if re.search(rf"\b{anaphor.group(1)}\b", title):
                return title
    # "under the agenda item entitled “X”": the title is the item's name, "entitled" no word of it
    phrase = re.sub(r"(?<=\S)\s+entitled,?\s+(?=“)", " ", phrase)
    return instrument_name(phrase) or tidy(_DECLARATION.sub(r"\1", _in_full(phrase, ctx)))


# a declaration's full title inside a longer phrase: its short name ("the Kyoto Declaration")
_DECLARATION = re.compile(
    r"(?<=\S\s)(\b(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3}Declaration)\s+on\s+[A-Z][\w’'-]*"
    r"(?:[,:]?\s+(?:(?:of|on|for|to|and|the|in|against|an?)\s+)*[A-Z0-9][\w’'-]*)*"
)


_CONJ = re.compile(r",?\s+and\s+(?=the\s)|,\s+(?=the\s)")


def conjuncts(phrase: str, min_words: int = 6) -> list[tuple[int, str]]:
    """Split a list of long noun phrases ("A, B, and C") into (offset, phrase) pairs.

    A part whose head (up to its first comma) is shorter than ``min_words`` words is merged back
    into the part before it, so "the Expert Group, the international community and the private
    sector" stays one phrase.
    """
    spans: list[list[int]] = []  # [start, end] of each part
    pos = 0
    for m in _CONJ.finditer(phrase):
        spans.append([pos, m.start()])
        pos = m.end()
    spans.append([pos, len(phrase)])
    merged: list[list[int]] = []
    for span in spans:
        words = len(phrase[span[0] : span[1]].split(",")[0].split())
        if merged and words < min_words:
            merged[-1][1] = span[1]
        else:
            merged.append(span)
    if len(merged) > 1 and len(phrase[merged[0][0] : merged[0][1]].split()) < min_words:
        merged[1][0] = merged[0][0]
        merged.pop(0)
    return [(a, phrase[a:b].strip()) for a, b in merged]


_INFINITIVE = re.compile(
    r"\s+(?:not\s+)?to\s+(?!(?:the|an?|its|their|this|that|these|those|such|all|each|any)\b)"
    r"(?:be\s+)?[a-z]+\b"
)
_ASIDE = re.compile(
    r",\s*(?:within|as appropriate|where appropriate|subject to|in accordance with|pursuant to|"
    r"in line with|inter alia|in particular|including|in (?:collaboration|cooperation|"
    r"consultation|coordination) with)\b[^,;]*(?:,|$)"
)
_EXAMPLES = re.compile(
    r",?\s+including\b[^;:]*?(?=,?\s+(?:not\s+)?to\s+(?!(?:the|an?|its|their)\b)[a-z]+\b)"
)
_NEW_NP = re.compile(r"\s+and\s+(?=(?:the|all|other|relevant|its|their)\s|[A-Z])")
_ADDRESSEE_LEAD = re.compile(r"^\s*(?:all|the)\s+")


def addressees(after: str) -> list[str]:
    """The addressees of a request or invitation, one phrase each: "Member States,
    intergovernmental and non-governmental organizations and other entities to …".

    A coordination of modifiers shares the head noun ("intergovernmental and
    non-governmental organizations" → two), losing a shared "relevant" or "other"; a leading
    "all" or "the" goes.

    >>> addressees(" Member States, intergovernmental and non-governmental organizations "
    ...            "and other relevant entities to provide support")
    ['Member States', 'intergovernmental organizations', 'non-governmental organizations', \
'other relevant entities']
    >>> addressees(" all Member States and other global and regional organizations, within "
    ...            "existing resources, as well as other stakeholders, including civil society, "
    ...            "to observe the Day")
    ['Member States', 'global organizations', 'regional organizations', 'other stakeholders']
    >>> addressees(" the institutes of the crime prevention and criminal justice network to act")
    ['institutes of the crime prevention and criminal justice network']
    >>> addressees(" the Office on Drugs and Crime, subject to available resources, to act")
    ['Office on Drugs and Crime']
    """
    text = _EXAMPLES.sub("", after)  # "stakeholders, including civil society, …, to": not split
    text = _ASIDE.sub(" ", "," + text if text.lstrip().startswith(",") else text)
    text = re.sub(r"^\s*to\s+(?=[A-Za-z])", " ", text)  # "its invitation to Governments to …"
    m = _INFINITIVE.search(text)
    if not m:
        return []
    head = text[: m.start()].strip(" ,")
    parts: list[str] = []
    for chunk in re.split(r",\s*(?:and\s+|as well as\s+)?|\s+as well as\s+", head):
        for piece in _split_and(chunk.strip()):
            parts.extend(_distribute(piece))
    out = [_ADDRESSEE_LEAD.sub("", p).strip() for p in parts]
    return [p for p in out if p]


def _split_and(chunk: str) -> list[str]:
    """Split at an "and" that opens a new noun phrase; before a capital only after a known
    body ("Member States and INTERPOL", not "Office on Drugs and Crime")."""
    out: list[str] = []
    pos = 0
    for m in _NEW_NP.finditer(chunk):
        left = chunk[pos : m.start()]
        if chunk[m.end()].isupper() and not resolve_body(left):
            continue
        out.append(left)
        pos = m.end()
    return [*out, chunk[pos:]]


def _distribute(phrase: str) -> list[str]:
    """ "other global and regional organizations" → the two organizations, modifiers shared."""
    m = re.fullmatch(r"(?:(?:all|other|relevant)\s+)*(?P<a>[a-z][\w-]*)\s+and\s+(?P<b>[a-z][\w-]*)"
                     r"\s+(?P<head>\w[\w -]*)", phrase)  # fmt: skip
    if not m or m.group("a").endswith("s"):
        return [phrase]
    return [f"{m.group('a')} {m.group('head')}", f"{m.group('b')} {m.group('head')}"]


_MARK = re.compile(r"\s*,?\s*(?P<n>\d{1,2})(?![\d/.,]\d)\b")
_NOTE_SYMBOL = r"[A-Z][^\s,;]*/[^\s,;]*[^\s,;.]"
_NOTE_SYMBOLS = re.compile(
    rf"(?:See\s+)?(?P<s>{_NOTE_SYMBOL}(?:(?:,\s*|,?\s+and\s+){_NOTE_SYMBOL})*)\.?"
)
_NOTE_RESOLUTION = re.compile(r"(?:General Assembly\s+)?[Rr]esolution (?P<n>\d{1,4}/\d{1,4})\.?")


def footnoted(rest: str, ctx: Context) -> list[str]:
    """What a footnote mark right after an object names: the document symbols the footnote
    gives ("the report of the Secretary-General, 1" with note "1 E/CN.15/2024/12."), or the
    resolution it is ("Resolution 72/1."). A note that adds more ("Resolution 40/33, annex",
    "See A/1, chap. VII") names nothing: the object keeps its own name.

    >>> from mandates.loader.clauses import Context
    >>> ctx = Context(footnotes={"3": "A/CONF.1/RPM.1/2 and A/CONF.1/RPM.2/2.",
    ...                          "4": "Resolution 72/1.", "5": "Resolution 40/33, annex."})
    >>> footnoted(", 3 and", ctx), footnoted(" 4,", ctx), footnoted(", 5 the", ctx)
    (['A/CONF.1/RPM.1/2', 'A/CONF.1/RPM.2/2'], ['A/RES/72/1'], [])
    """
    m = _MARK.match(rest)
    note = ctx.footnotes.get(m.group("n"), "") if m else ""
    if (found := _NOTE_SYMBOLS.fullmatch(note)) and not re.search(r"\b(?:annex|chap)", note):
        return re.split(r",\s*|,?\s+and\s+", found.group("s"))
    if found := _NOTE_RESOLUTION.fullmatch(note):
        return [f"A/RES/{found.group('n')}"]
    return []


# a title ending an object phrase as the complement of a preposition ("… for the implementation
# of the 2030 Agenda for Sustainable Development")
_END_TITLE = re.compile(
    r"\b(?:of|for|towards|to|on|in|under|with)\s+(?:the\s+)?(?P<t>[A-Z0-9][\w’'-]*"
    r"(?:\s+(?:(?:for|of|on|against|and|to|the|in)\s+)*[A-Z][\w’'-]*)+)$"
)


# heads that name no document: a note after their phrase is never theirs
_ABSTRACT = {"importance", "contribution", "contributions", "role", "roles", "need", "potential",
             "commitment", "efforts", "cooperation", "collaboration", "progress", "relevance",
             "significance", "value"}  # fmt: skip


def _titled_complement(phrase: str) -> bool:
    """True when an abstract head ("importance", "contribution" …) has a complement that ends
    on a title that is not a body's name: a footnote mark after it is that title's note, not the
    object's ("the importance of … for the 2030 Agenda for Sustainable Development, 1" is no
    resolution). After a document's head or a body's name the note is the object's ("the
    political declaration on the Lima Plan, 1", "the report of the Secretary-General, 2").

    >>> _titled_complement("the importance of fighting fraud for the Lima Agenda on Fraud")
    True
    >>> _titled_complement("the report of the Secretary-General"), _titled_complement("the plan")
    (False, False)
    >>> _titled_complement("the political declaration on the Lima Plan of Action on Fraud")
    False
    """
    head = re.match(r"\s*(?:the\s+)?(?P<a>[a-z-]+)\s+(?P<h>[a-z]+)\b", phrase)
    if not head or not {head.group("a"), head.group("h")} & _ABSTRACT:
        return False  # "the political declaration on the Lima Plan, 1": the declaration's note
    m = _END_TITLE.search(phrase)
    return m is not None and not actors(m.group("t"))


# --- passive: Passive statements of acts: with an agent ("were decided by the extended Bureau") or

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


# "…, in the Lima Declaration on …, 2 the Board was invited to …": the instrument's act
_IN_DECLARATION = re.compile(r"\b[Ii]n\s+the\s+(?P<d>(?:[A-Z][\w-]*\s+){1,3}Declaration)\b")
_IN_RESOLUTION = re.compile(r"\b[Ii]n\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?resolution\s*$")


def _instrument_frame(s: str, at: int, ctx: Context) -> str | None:
    """The instrument an "in <declaration or resolution>, …" frame names, when the clause at
    ``at`` follows that frame with no other clause between (no semicolon, no verb of its own).
    """
    found: list[tuple[int, str]] = []
    for m in _IN_DECLARATION.finditer(s, 0, at):
        found.append((m.start(), instrument_name(m.group("d")) or m.group("d")))
    for lo, _, rid in ctx.citations(s[:at]):
        if _IN_RESOLUTION.search(s[:lo]):
            found.append((lo, rid))
    if not found:
        return None
    lo, name = max(found)
    between = s[lo:at]
    if ";" in between or len(between) > 300 or re.search(r"\b(?:was|were|is|are|has|had)\b",
                                                            between):  # fmt: skip
        return None
    return name


def agentless(s: str, t: Trigger, ctx: Context, mframe, prev_passive) -> list[Found]:
    """Passives without agent: meetings held or postponed, acts at a meeting, and invitations
    and requests an instrument framing the clause made ("in the Lima Declaration, 2 the Board
    was invited to …": the Declaration invited the Board)."""
    rel = t.relation
    pre = s[: t.start]
    hi = words_on(s, t.end, 14)
    clauses = re.split(r"[,;]\s+(?:but\s+|and\s+)?", pre)
    clause = clauses[-1]
    if not clause.strip() and len(clauses) > 1:  # "…, but had to be postponed": same subject
        clause = clauses[0]
    patient = re.sub(r"^\s*\d{1,2}\s+", "", clause)  # after a footnote mark
    if (
        rel in ("invited", "requested")
        and t.passive
        and patient.strip()
        and (instrument := _instrument_frame(s, s.rfind(patient), ctx))
    ):
        who = re.sub(r"\s+(?:was|were|has been|have been)\s*$", "", patient)
        obj = name_object(who, ctx)
        lo = s.rfind(who)
        key = f"{rel}|{instrument}|{obj}"
        return [Found(instrument, rel, obj, lo, words_on(s, lo, 14), lo, False, key)]
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


# --- patterns: Acts stated without a finite verb of the lexicon: fixed UN phrasings.

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


# --- relations: Relations: who did which act to what, with the span of the sentence that states it

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
    elif (
        phrase
        and not _titled_complement(phrase)
        and (noted := footnoted(after[at + len(phrase) :], ctx))
    ):
        spans = [(n, at) for n in noted]  # "the reports of the regional meetings, 3": note 3's
    elif phrase and t.relation != "decided":
        spans = [(obj, k) for obj, k in _coordinated(after, phrase, at, ctx)] or spans
    if phrase and t.relation not in ("requested", "invited", "decided"):
        spans += _examples(after, at + len(phrase), ctx)
    out = []
    for obj, k in spans:
        end = t.end + k + len(phrase if len(spans) == 1 and k == at else str(obj))
        lo, hi = (
            _window(s, t.start, t.end + k, end) if k >= 0 else (t.start, words_on(s, t.end, 14))
        )
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
    meeting = re.search(r"\s(?:meeting|session) \d+$", subject)
    for k, (off, part) in enumerate(parts):
        own = object_phrase(" " + part, rel) if k else phrase
        obj = name_object(own, ctx)
        obj = restated(part[part.find(own) + len(own) :], obj, ctx) or obj if own else obj
        if meeting and obj and re.fullmatch(r"(?:provisional\s+)?agenda", obj):
            obj = f"{obj} of {subject}"  # "the meeting adopted the agenda": its own agenda
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


# "…, as adopted at the first meeting": the participle restates an act the text reported
_RESTATED = re.compile(
    r"^[^;:]*?,\s+as\s+(?:previously\s+|earlier\s+)?(?P<verb>adopted|approved|endorsed|decided|"
    r"established|prepared)\s+(?:at|by|in)\s+(?P<who>[^,;.]+)"
)


def restated(rest: str, obj: str | None, ctx: Context) -> str | None:
    """The object of an act the text reported before, when the words after an object phrase
    say that it is that act's object: "the collection of topics for the survey, as adopted at
    the first meeting" is what the first meeting was said to adopt, if it adopted one thing of
    that head noun ("collection"). None when the text reported no such act, or several.

    >>> ctx = Context(default_body="Board")
    >>> first = ctx.meeting_of("the first meeting of the Board")
    >>> ctx.acts.append((first, "adopted", "set of rules for the survey"))
    >>> restated(", as adopted at the first meeting of the Board.", "set of rules and a plan", ctx)
    'set of rules for the survey'
    >>> restated(", as adopted at the first meeting of the Board.", "plan for the survey", ctx)
    """
    m = _RESTATED.match(rest)
    if not m or not obj or not ctx.acts:
        return None
    who = ctx.meeting_of(m.group("who")) or resolve_body(m.group("who"))
    head = obj.split()[0].lower()
    found = {
        o
        for subject, verb, o in ctx.acts
        if subject == who and verb == m.group("verb") and o.split()[0].lower() == head
    }
    return found.pop() if len(found) == 1 else None


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
