"""Parse and normalise UN document symbols and resolution citations.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
