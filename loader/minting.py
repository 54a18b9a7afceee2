"""What may stand as the subject or object of a statement: a complete noun phrase.

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
"""

from __future__ import annotations

import re

from .meetings import MONTHS

_DATE = re.compile(
    rf"(?:(?:from|on)\s+)?\d{{1,2}}(?:\s+(?:{'|'.join(MONTHS)}))?(?:\s*(?:–|-|to|and)\s*\d{{1,2}})?"
    rf"\s+(?:{'|'.join(MONTHS)})(?:\s+\d{{4}})?(?:\s*\(.*\))?"
)
_FINITE = re.compile(
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
          "work", "basis", "view", "light", "order", "respect", "regard", "time", "level"}  # fmt: skip


def complete(name: str | None) -> bool:
    """True when ``name`` can be a resource of the graph (see the module docstring)."""
    if not name or not name.strip():
        return False
    text = name.strip()
    if "/" in text or text[:1].isupper() and not _FINITE.search(text):
        return not _DATE.fullmatch(text)  # symbols, resolution numbers, proper names
    words = text.split()
    if _DATE.fullmatch(text) or _FINITE.search(text) or _DANGLING.search(text):
        return False
    if len(words) == 1:  # "delegations", "corruption"; not "request", "transmit", "referred"
        word = words[0]
        return word not in _VERBS | _HEADS and not word.endswith("ed") and len(word) > 3
    if words[0] in ("held", "convened", "adopted", "referred", "prepared", "submitted"):
        return False  # a participle cut from the noun it follows
    if words[0] in _VERBS and len(words) < 3:
        return False  # "transmit to": the verb without its object
    return not _TRAILING_PARTICIPLE.search(text)
