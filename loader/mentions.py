"""Pass 1, mentions: what a sentence names, before any act is read.

The recognisers of the loader, stateless and testable on one string each: meeting ordinals,
dates and places; document symbols and resolution citations; the bodies, instruments and
meetings a text names (and their canonical names); the verb lexicon and the verbs (triggers) a
sentence holds. Later passes read their results; nothing here looks at another sentence.

Ordinals, dates, date ranges and places of meetings and sessions.

>>> ordinal("fourth"), ordinal("twenty-sixth"), ordinal("1st"), ordinal("Seventy-ninth")
(4, 26, 1, 79)
>>> [d.span for d in find_dates("held in Vienna from 17 to 21 January 2011")]
[('2011-01-17', '2011-01-21')]
>>> [d.span for d in find_dates("Vienna, 27–29 March 2019; 3 to 5 April 2018")]
[('2019-03-27', '2019-03-29'), ('2018-04-03', '2018-04-05')]
>>> [d.span for d in find_dates("from 30 March to 2 April 2021, on 2 November 2018")]
[('2021-03-30', '2021-04-02'), ('2018-11-02', '2018-11-02')]
>>> [d.span for d in find_dates("Distr.: Limited 3 April 2018")]
[('2018-04-03', '2018-04-03')]
>>> [d.span for d in find_dates("Friday, 29 March", year=2019)]
[('2019-03-29', '2019-03-29')]
>>> find_place("The first meeting was held in Vienna from 17 to 21 January 2011.")
'Vienna'

Parse and normalise UN document symbols and resolution citations.

Identifiers follow the annotation conventions: General Assembly ``A/RES/N/M``, the Commission on
Crime Prevention and Criminal Justice ``CCPCJ N/M``, the Economic and Social Council
``E/RES/YYYY/N``.

    >>> resolution_id("65/230")
    'A/RES/65/230'
    >>> resolution_id("[65/230](#)")
    'A/RES/65/230'
    >>> resolution_id("A/RES/65/230")
    'A/RES/65/230'
    >>> resolution_id("Commission resolution 22/7")
    'CCPCJ 22/7'
    >>> resolution_id("resolution 75/290 B")
    'A/RES/75/290 B'
    >>> resolution_id("Economic and Social Council resolution 2025/15")
    'E/RES/2025/15'
    >>> resolution_id("2025/15")
    'E/RES/2025/15'
    >>> resolution_id("E/RES/2025/15")
    'E/RES/2025/15'
    >>> resolution_id("General Assembly resolution 415 (V)")
    'A/RES/415 (V)'
    >>> resolution_id("26/4", body="Commission on Crime Prevention and Criminal Justice")
    'CCPCJ 26/4'
    >>> resolution_id("GA-2022-90-RES-01")
    'GA-2022-90-RES-01'
    >>> find_symbols("see UNODC/CCPCJ/EG.4/2019/2 and [E/CN.15/2011/19](#), A/C.3/80/L.7;")
    ['UNODC/CCPCJ/EG.4/2019/2', 'E/CN.15/2011/19', 'A/C.3/80/L.7']
    >>> find_symbols("(A/CONF.241/RPM.1/2) E/CN.15/2017/CRP.5 UNODC/CCPCJ/EG.4/2018/L.1.")
    ['A/CONF.241/RPM.1/2', 'E/CN.15/2017/CRP.5', 'UNODC/CCPCJ/EG.4/2018/L.1']
    >>> find_symbols("http://undocs.org/A/RES/65/230 www.unodc.org/unodc/en/x.html 2018/2021")
    ['A/RES/65/230']

Resolve mentions of bodies, instruments and meetings to canonical names.

Canonical names are those of the annotation conventions ("Canonical names used"): the full name
of a body, "Expert Group meeting 5" for a meeting, "Salvador Declaration" for a declaration.

    >>> resolve_body("the Commission")
    'Commission on Crime Prevention and Criminal Justice'
    >>> resolve_body("CCPCJ")
    'Commission on Crime Prevention and Criminal Justice'
    >>> resolve_body("the Expert Group")
    'Expert Group to Conduct a Comprehensive Study on Cybercrime'
    >>> resolve_body("Open-ended Intergovernmental Expert Group Meeting on Cybercrime")
    'Expert Group to Conduct a Comprehensive Study on Cybercrime'
    >>> resolve_body("the Thirteenth United Nations Congress on Crime Prevention and Criminal "
    ...              "Justice")
    'Thirteenth United Nations Congress on Crime Prevention and Criminal Justice'
    >>> meeting_name("Expert Group to Conduct a Comprehensive Study on Cybercrime", 5)
    'Expert Group meeting 5'
    >>> instrument_name("the Doha Declaration on Integrating Crime Prevention")
    'Doha Declaration'

The verb lexicon: which printed forms express which relation, and in which style.

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
from functools import lru_cache

# --- meetings: Ordinals, dates, date ranges and places of meetings and sessions.

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]
ORDINALS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
ORDINALS |= {w: i + 10 for i, w in enumerate(_TEENS)}
for _i, _stem in enumerate(_TENS):
    ORDINALS[_stem + "ieth"] = (_i + 2) * 10
    for _j, _unit in enumerate(_UNITS):
        ORDINALS[f"{_stem}y-{_unit}"] = (_i + 2) * 10 + _j + 1
ORDINAL = (
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + "|".join(sorted((w for w in ORDINALS if "-" not in w), key=len, reverse=True))
    + r")\b"
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "|".join(MONTHS)
_DATE_RANGE = re.compile(
    rf"(?:\b(?:from|on)\s+)?\b(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}))?)?"
    rf"(?:\s*(?:–|-|to|and)\s*(?P<d2>\d{{1,2}}))?\s+(?P<m2>{_MONTH})\b(?:,?\s+(?P<y2>\d{{4}}))?"
)


def ordinal(word: str) -> int | None:
    """The number of an ordinal written in words or figures, or None."""
    w = word.lower().strip()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w)
    return int(m.group(1)) if m else ORDINALS.get(w)


@dataclass(frozen=True)
class DateMention:
    """A date or date range in a text, as ISO dates (``end`` equals ``start`` for one day)."""

    start: int
    end: int
    first: str
    last: str

    @property
    def span(self) -> tuple[str, str]:
        return self.first, self.last

    @property
    def printed(self) -> str:
        """The date in the usual UN form: "6–8 April 2020", "30 March–2 April 2021".

        >>> find_dates("from 6 to 8 April 2020")[0].printed
        '6–8 April 2020'
        """
        y1, m1, d1 = (int(x) for x in self.first.split("-"))
        y2, m2, d2 = (int(x) for x in self.last.split("-"))
        if self.first == self.last:
            return f"{d2} {MONTHS[m2 - 1]} {y2}"
        if (y1, m1) == (y2, m2):
            return f"{d1}–{d2} {MONTHS[m2 - 1]} {y2}"
        head = f"{d1} {MONTHS[m1 - 1]}" + (f" {y1}" if y1 != y2 else "")
        return f"{head}–{d2} {MONTHS[m2 - 1]} {y2}"


def find_dates(text: str, year: int | None = None) -> list[DateMention]:
    """Dates and date ranges; a missing year comes from ``year`` (else the mention is skipped)."""
    out: list[DateMention] = []
    for m in _DATE_RANGE.finditer(text):
        y2 = int(m.group("y2")) if m.group("y2") else year
        if y2 is None:
            continue
        y1 = int(m.group("y1")) if m.group("y1") else y2
        m2 = MONTHS.index(m.group("m2")) + 1
        m1 = MONTHS.index(m.group("m1")) + 1 if m.group("m1") else m2
        d1 = int(m.group("d1"))
        d2 = int(m.group("d2")) if m.group("d2") else None
        if m.group("m1") and d2 is None:  # "30 December 2020" alone matched as d1 m1 y1 … m2?
            continue
        first = f"{y1:04d}-{m1:02d}-{d1:02d}"
        last = f"{y2:04d}-{m2:02d}-{(d2 or d1):02d}"
        if not (1 <= d1 <= 31 and 1 <= (d2 or d1) <= 31):
            continue
        out.append(DateMention(m.start(), m.end(), first, last))
    return out


def find_place(text: str) -> str | None:
    """The place a meeting was or will be held, when the text says "in <Place>"."""
    m = re.search(
        r"\b(?:held|take place|took place|convened|opened)\s+(?:\w+\s+)?in\s+"
        r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b(?! (?:format|manner))",
        text,
    )
    if m and m.group("place") not in MONTHS:
        return m.group("place")
    m = re.match(
        rf"\s*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+\d{{1,2}}\s*(?:–|-|{_MONTH})", text
    )
    return m.group("place") if m else None


MEETING_MENTION = re.compile(
    rf"\b(?:(?P<det>[Tt]he|[Ii]ts|[Tt]hat|[Tt]his)\s+)?(?:(?P<ord>{ORDINAL})|(?P<same>same)|"
    rf"(?P<ref>that|this))?\s*(?:-\s*\w+\s*-\s*)?(?P<kind>meeting|session)\b"
)


def is_hybrid(text: str) -> bool:
    """True when a text says a meeting was held in a hybrid format."""
    return bool(re.search(r"\bhybrid (?:meeting )?format\b", text))


# --- symbols: Parse and normalise UN document symbols and resolution citations.

# Body (canonical name) -> how its resolution numbers are written.
RESOLUTION_PREFIX = {
    "General Assembly": "A/RES/{}",
    "Commission on Crime Prevention and Criminal Justice": "CCPCJ {}",
    "Economic and Social Council": "E/RES/{}",
    "Human Rights Council": "A/HRC/RES/{}",
    "Security Council": "S/RES/{}",
    "Commission on Narcotic Drugs": "CND {}",
    "Conference of the Parties": "CTOC/COP {}",
    "Conference of the States Parties": "CAC/COSP {}",
}
_QUALIFIER = {
    "general assembly": "General Assembly",
    "assembly": "General Assembly",
    "commission": "Commission on Crime Prevention and Criminal Justice",
    "commission on crime prevention and criminal justice": (
        "Commission on Crime Prevention and Criminal Justice"
    ),
    "ccpcj": "Commission on Crime Prevention and Criminal Justice",
    "economic and social council": "Economic and Social Council",
    "council": "Economic and Social Council",
    "human rights council": "Human Rights Council",
    "security council": "Security Council",
    "commission on narcotic drugs": "Commission on Narcotic Drugs",
}
_COMPONENT = r"(?:[A-Za-z]{1,12}(?:\.\d+)*|\d{1,4}(?:\.\d+)?)"
_SYMBOL = re.compile(rf"(?<![\w/.\-])[A-Z]{{1,8}}(?:\.\d+)?(?:/{_COMPONENT}){{2,}}(?![\w/])")
_RES_SYMBOL = re.compile(r"(?P<prefix>A|E|S|A/HRC)/RES/(?P<num>\d{1,4}/\d{1,4}(?: [A-Z]\b)?)")
# A resolution number: "65/230", "75/290 B", "2025/15", "415 (V)", "155 C (VII)", "[65/230](#)".
NUMBER = r"\[?(?:\d{1,4}/\d{1,4}(?: [A-H]\b)?|\d{1,4}(?: [A-H])? \([IVXL]+\))\]?(?:\(#\))?"
_NUMBER = re.compile(NUMBER)
_FOREIGN_ID = r"[A-Z]+(?:-\w+)*-\d\w*"  # "GA-2022-90-RES-01"


@dataclass(frozen=True)
class Citation:
    """A resolution number as printed, its span, and the body named right before it, if any."""

    start: int
    end: int
    number: str
    qualifier: str | None


def find_symbols(text: str) -> list[str]:
    """Document symbols printed in a text, without spaces, in order of first appearance."""
    out: list[str] = []
    text = re.sub(r"undocs\.org/(?:[a-z]{2}/)?", lambda m: " " * len(m.group()), text)
    for m in _SYMBOL.finditer(text):
        symbol = m.group().rstrip(".")
        if not re.search(r"\d", symbol) or symbol in out:
            continue
        out.append(symbol)
    return out


def clean_number(number: str) -> str:
    """A resolution number without Markdown link markup: ``[65/230](#)`` -> ``65/230``."""
    return number.replace("(#)", "").strip("[] ")


def resolution_id(citation: str, body: str | None = None) -> str | None:
    """Normalise a resolution citation to its identifier, or None if it is not one.

    ``body`` is the canonical name of the adopting body when the context says it; otherwise a
    body named in the citation is used, then the number's form (a four-digit year is ECOSOC),
    then the General Assembly.
    """
    text = citation.strip()
    if re.fullmatch(_FOREIGN_ID, text):
        return text  # another organization's own numbering, as printed
    m = _RES_SYMBOL.search(text)
    if m:
        return f"{m.group('prefix')}/RES/{m.group('num')}"
    n = _NUMBER.search(text)
    if not n:
        return None
    number = clean_number(n.group())
    if body is None:
        head = re.sub(r"\s+resolutions?\s*$", "", text[: n.start()].strip(), flags=re.I)
        body = _QUALIFIER.get(head.lower())
    if body is None:
        body = "Economic and Social Council" if re.match(r"\d{4}/", number) else "General Assembly"
    prefix = RESOLUTION_PREFIX.get(body)
    return prefix.format(number) if prefix else f"{body} resolution {number}"


_CITATION = re.compile(
    rf"(?:(?P<qual>General Assembly|Assembly|Commission(?: on Crime Prevention and Criminal "
    rf"Justice)?|Economic and Social Council|Human Rights Council|Security Council|Commission "
    rf"on Narcotic Drugs|Council)\s+)?(?:its\s+|the\s+)?[Rr]esolutions?\s+(?P<list>{NUMBER}"
    rf"(?:(?:\s+of\s+\d{{1,2}}\s+\w+\s+\d{{4}})?(?:,\s*|\s+and\s+)(?:resolutions?\s+)?{NUMBER})*)"
)


# another organization's resolution, numbered its own way: "INTERPOL resolution GA-2022-90-RES-01"
_FOREIGN = re.compile(rf"\b(?P<org>[A-Z]{{3,}})\s+resolution\s+(?P<id>{_FOREIGN_ID})")


def find_citations(text: str) -> list[Citation]:
    """Resolution numbers cited after the word "resolution(s)", and printed A/RES symbols.

    >>> [(c.number, c.qualifier) for c in find_citations(
    ...     "its resolutions 55/25 of 15 November 2000 and 55/255, Commission resolution 22/7")]
    [('55/25', None), ('55/255', None), ('22/7', 'Commission')]
    """
    return list(_find_citations(text))


@lru_cache(maxsize=4096)
def _find_citations(text: str) -> tuple[Citation, ...]:
    out: list[Citation] = []
    for m in _CITATION.finditer(text):
        base = m.start("list")
        for n in _NUMBER.finditer(m.group("list")):
            if re.fullmatch(r"\d{1,2} \w+ \d{4}", n.group()):
                continue
            out.append(
                Citation(base + n.start(), base + n.end(), clean_number(n.group()), m.group("qual"))
            )
    for m in _RES_SYMBOL.finditer(text):
        out.append(Citation(m.start(), m.end(), m.group(), None))
    for m in _FOREIGN.finditer(text):
        out.append(Citation(m.start("id"), m.end("id"), m.group("id"), m.group("org")))
    return tuple(sorted(out, key=lambda c: c.start))


# --- names: Resolve mentions of bodies, instruments and meetings to canonical names.

EXPERT_GROUP = "Expert Group to Conduct a Comprehensive Study on Cybercrime"

# canonical name, short name used for its meetings, alias pattern (matched case-sensitively)
BODIES: list[tuple[str, str, str]] = [
    ("General Assembly", "General Assembly", r"General Assembly|Assembly"),
    (
        "Commission on Crime Prevention and Criminal Justice",
        "Commission on Crime Prevention and Criminal Justice",
        r"Commission on Crime Prevention and Criminal Justice|CCPCJ|Commission(?! on)",
    ),
    (
        "Economic and Social Council",
        "Economic and Social Council",
        r"Economic and Social Council|ECOSOC",
    ),
    (
        EXPERT_GROUP,
        "Expert Group on Cybercrime",
        r"Expert Group to Conduct a Comprehensive Study on Cybercrime"
        r"|[Oo]pen-ended [Ii]ntergovernmental [Ee]xpert [Gg]roup(?: [Mm]eeting)? on Cybercrime"
        r"|(?<=the )[Oo]pen-ended intergovernmental expert group to conduct a comprehensive "
        r"study of the problem of cybercrime|(?<=the )[Ee]xpert [Gg]roup|Expert Group",
    ),
    ("extended Bureau", "extended Bureau", r"extended Bureau|[Ee]xtended [Bb]ureau"),
    ("Bureau", "Bureau", r"Bureau"),
    ("Secretary-General", "Secretary-General", r"Secretary-General"),
    ("Secretariat", "Secretariat", r"[Ss]ecretariat"),
    ("Rapporteur", "Rapporteur", r"Rapporteur"),
    ("Chair", "Chair", r"Chair(?:person)?"),
    (
        "United Nations Office on Drugs and Crime",
        "UNODC",
        r"United Nations Office on Drugs and Crime|UNODC|Office(?= on| of the)?",
    ),
    ("Member States", "Member States", r"Member States|States Members"),
    ("Third Committee", "Third Committee", r"Third Committee"),
    ("Human Rights Council", "Human Rights Council", r"Human Rights Council"),
    ("Security Council", "Security Council", r"Security Council"),
    ("Ad Hoc Committee", "Ad Hoc Committee", r"Ad Hoc Committee"),
    (
        "Conference of the States Parties",
        "Conference of the States Parties",
        r"Conference of the States Parties",
    ),
    ("Conference of the Parties", "Conference of the Parties", r"Conference of the Parties"),
    ("Congress", "Congress", r"Congress"),
    ("Committee", "Committee", r"Committee"),
    ("Council", "Council", r"Council"),
]
_CONGRESS = re.compile(
    r"(?P<ord>[A-Z][a-z]+(?:-[a-z]+)?) United Nations Congress on Crime Prevention and Criminal"
    r" Justice"
)
_BODY_RES = [
    (name, re.compile(rf"(?:{pattern.replace('(?<=the )', '')})")) for name, _, pattern in BODIES
]
# Alternation for finding actor mentions in running text (longest alternatives first).
ACTOR = (
    "(?:"
    + "|".join([_CONGRESS.pattern.replace("?P<ord>", "?:")] + [f"(?:{p})" for _, _, p in BODIES])
    + r")(?:\s+\([A-Z]{2,}\))?"
)
SHORT = {name: short for name, short, _ in BODIES}
# officers named by their title alone: whose they are depends on the document
OFFICERS = frozenset({"Chair", "Rapporteur", "Vice-Chair", "Vice-President", "Bureau"})


@lru_cache(maxsize=4096)
def resolve_body(mention: str) -> str | None:
    """Canonical name of a body mention, or None if it names no known body."""
    text = re.sub(r"^(?:the|its|an?)\s+", "", mention.strip(), flags=re.I)
    text = re.sub(r"\s*\([A-Z]{2,}\)$", "", text)
    m = _CONGRESS.fullmatch(text)
    if m:
        return text
    for name, pattern in _BODY_RES:
        if pattern.fullmatch(text):
            return name
    return None


def meeting_name(body: str | None, ordinal: int | None) -> str:
    """Canonical name of a meeting: "Expert Group meeting 5", "<body> session 26"."""
    if body == EXPERT_GROUP:
        return f"Expert Group meeting {ordinal}" if ordinal else "Expert Group meeting"
    if body == "extended Bureau":
        return "extended Bureau meeting"
    base = body or "meeting"
    return f"{base} session {ordinal}" if ordinal else f"{base} meeting"


def instrument_name(mention: str) -> str | None:
    """Short name of a declaration, convention or programme: "the Doha Declaration on …"."""
    m = re.match(r"(?:the\s+)?(?P<name>(?:[A-Z][\w-]*\s+){1,3}Declaration)\b", mention)
    return m.group("name") if m else None


# an evaluative adjective before a head and its complement names nothing: "the important role
# of X" is the role of X
_EVALUATIVE = re.compile(
    r"^(?:important|relevant|valuable|crucial|vital|significant|essential|critical)\s+"
    r"(?=[a-z]+\s+(?:of|to|in|for|between|by)\s)"
)
_SO_FAR = re.compile(r"\s+(?:thus far|so far|to date)\b(?=\s)")
_FUNCTION_WORDS = {"of", "on", "for", "to", "and", "the", "in", "against", "a", "an", "its", "all"}


def _title_end(words: list[str], at: int) -> int:
    """Where a capitalised title running over word ``at`` ends (``at`` itself when none does):
    a limit on a name never cuts a title ("… the Programme of Action to Prevent, Combat …")."""
    if at >= len(words) or not (words[at - 1][:1].isupper() or words[at][:1].isupper()):
        return at
    end = at
    while end < len(words) and end < at + 30:
        w = words[end].strip(",:")
        if w[:1].isupper() or w[:1].isdigit() or w.lower() in _FUNCTION_WORDS:
            end += 1
        else:
            break
    while end > at and words[end - 1].strip(",:").lower() in _FUNCTION_WORDS:
        end -= 1
    return end


def _quote_end(words: list[str], at: int) -> int:
    """Where a quoted title open at word ``at`` closes (``at`` when none is open): a limit on a
    name never cuts a quoted title."""
    opened = sum(w.count("“") - w.count("”") for w in words[:at])
    if opened <= 0:
        return at
    end = at
    while end < len(words) and end < at + 30:
        end += 1
        if "”" in words[end - 1]:
            return end
    return at


def tidy(phrase: str, limit: int = 20) -> str:
    """A free-text object: no leading article, Markdown links unwrapped, at most ``limit`` words.

    >>> tidy("the draft comprehensive study ([E/CN.15/2011/19](#))")
    'draft comprehensive study (E/CN.15/2011/19)'
    """
    text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", phrase)
    text = re.sub(r"^(?:the|a|an|its|their)\s+", "", text.strip(" ,;:.-"), flags=re.I)
    text = _EVALUATIVE.sub("", text)
    # "X (ABC)", "X (the Nelson Mandela Rules)": the name without its short form in brackets
    text = re.sub(r"^([A-Z].*?)\s+\((?:[A-Z]{2,}|the [A-Z][^()]*)\)$", r"\1", text)
    text = _SO_FAR.sub("", text)
    words = text.split()
    limit = max(limit, _title_end(words, limit), _quote_end(words, limit))
    if 1 < limit < len(words) and words[limit - 2].lower() in ("and", "or"):
        limit += 1  # "small arms and light weapons": a pair is not cut after its "and"
    if len(words) > limit:  # cut, and do not end on a preposition or conjunction
        words = words[:limit]
        while words and words[-1].lower() in (
            "of",
            "on",
            "for",
            "to",
            "and",
            "or",
            "the",
            "in",
            "at",
            "by",
            "with",
            "a",
            "an",
            "under",
            "between",
            "into",
            "against",
            "through",
            "within",
            "among",
            "from",
        ):
            words.pop()
    return " ".join(words).rstrip(" ,;:")


# --- verbs: The verb lexicon: which printed forms express which relation, and in which style.

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
        if " by " in sentence or " held " in sentence:  # "…, prepared by X", "…, held in Rome"
            out.extend(t for t in _past(sentence, out) if t.participle)
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


# --- bodies named in running text, outside quoted titles

ACTOR_RE = re.compile(rf"(?<![\w-])(?:(?:the|its|an?)\s+)?(?P<actor>{ACTOR})(?![\w-])(?!\s*[’']s)")
_NOT_QUALIFIERS = {
    "The",
    "In",
    "At",
    "By",
    "Also",
    "As",
    "And",
    "Its",
    "That",
    "This",
    "On",
    "Further",
    "Recalling",
    "Noting",
    "Welcoming",
    "Requests",
    "Invites",
}


def qualified(text: str, start: int) -> bool:
    """True when a body name is qualified by a capitalised word: "INTERPOL General Assembly".

    ``start`` is where the mention begins; a mention opening with an article never is.
    """
    if re.match(r"(?:the|its|an?)\s", text[start : start + 4]):
        return False
    head = text[max(0, start - 40) : start]
    m = re.search(r"(?:^|[\s(])([A-Z][\w-]*)\s+$", head)
    return m is not None and m.group(1) not in _NOT_QUALIFIERS and (m.start(1) > 0 or start > 40)


def unquote(text: str) -> str:
    """The text with quoted titles blanked out (same length), so names in titles are skipped."""
    return re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m.group()), text)


def actors(text: str) -> list[tuple[int, int, str]]:
    """Body mentions in a text, outside quoted titles: (start, end, canonical name)."""
    return list(_actors(unquote(text)))


@lru_cache(maxsize=4096)
def _actors(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for m in ACTOR_RE.finditer(text):
        name = resolve_body(m.group("actor"))
        if name and not qualified(text, m.start()):
            out.append((m.start(), m.end(), name))
    return tuple(out)
