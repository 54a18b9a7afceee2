"""The object of an act: the phrase after (or, in the passive, before) the verb, named.

>>> from mandates.loader.coref import Context
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
"""

from __future__ import annotations

import re

from .coref import Context, actors
from .names import ACTOR, instrument_name, resolve_body, tidy
from .symbols import find_symbols
from .verbs import ADVERB

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
    m = next((m for m in _STOP.finditer(text) if not _to_complement(text, m)), None)
    phrase = text[: m.start()] if m else text
    stopped = m is not None
    depth = 0
    for i, ch in enumerate(phrase):  # cut at the first comma outside parentheses
        depth += (ch in "([") - (ch in ")]")
        if ch == "," and depth <= 0 and i > 0:
            nxt = phrase[i + 1 : i + 12]
            if re.match(r"\s*(?:annex|para|inter alia|\*inter|entitled)", nxt):
                continue
            if _BETWEEN_OPEN.search(phrase[:i]):
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
        and not re.match(r",\s*(?:and\s+)?(?:the\s+)?[A-Z][\w-]*\s+(?:and|or)\b", phrase[comma:])
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
        rf"(?:the\s+)?(?P<b>{ACTOR})$",
        phrase,
    )
    if work and resolve_body(work.group("b")):
        return resolve_body(work.group("b"))
    anaphor = re.fullmatch(r"(?:[Tt]he\s+)?([A-Z][a-z]+)", phrase)
    if anaphor:
        for title in reversed(ctx.titles):
            if re.search(rf"\b{anaphor.group(1)}\b", title):
                return title
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

    >>> from mandates.loader.coref import Context
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
