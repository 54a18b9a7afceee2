"""Resolve mentions of bodies, instruments and meetings to canonical names.

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
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    limit = max(limit, _title_end(words, limit))
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
