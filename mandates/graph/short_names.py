"""Short names for drawings and tight lists, distinct from one another: a resolution by its
number (``65/230``, ``CCPCJ 22/7``), a meeting by its ordinal (``4th meeting``), a body by its
acronym or its shortest proper alias (``Expert Group``), a declaration by its first words
(``Salvador Declaration``), anything else by its label cut at a word."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from mandates.query.run import select, sparql_values
from mandates.store.contract import ReadableStore

from .labels import fallback

MAX = 30  #: characters of a label kept before it is cut
_FACTS = """SELECT ?s ?label ?symbol ?number ?acronym ?by ?ordinal ?date ?item WHERE {
  VALUES ?s { $values }
  OPTIONAL { ?s rdfs:label ?label FILTER(LANG(?label) = "" || LANGMATCHES(LANG(?label), "en")) }
  OPTIONAL { ?s mnd:symbol ?symbol } OPTIONAL { ?s mnd:resolutionNumber ?number }
  OPTIONAL { ?s mnd:acronym ?acronym } OPTIONAL { ?s mnd:adoptedBy/mnd:acronym ?by }
  OPTIONAL { ?s mnd:ordinal ?ordinal } OPTIONAL { ?s mnd:date|mnd:startDate ?date }
  OPTIONAL { ?s mnd:itemNumber ?item }
}"""


_ALIASES = """SELECT ?s ?alias WHERE {
  VALUES ?s { $values } ?s a ?kind . ?kind rdfs:subClassOf* mnd:Body . ?s skos:altLabel ?alias
}"""


def _alias(names: list[str]) -> str | None:
    """A body's shortest alias of two words or more that starts with a capital (``Expert
    Group``, ``Twelfth Congress``; not ``Assembly``, ``the Office`` or a lower-case phrase).

    >>> _alias(["Assembly", "General Assembly", "United Nations General Assembly"])
    'General Assembly'
    >>> _alias(["the Office", "open-ended ad hoc intergovernmental committee"]) is None
    True
    """
    fit = [n for n in names if len(n.split()) >= 2 and n[:1].isupper() and not n.startswith("The ")]
    return min(fit, key=lambda n: (len(n), n)) if fit and len(min(fit, key=len)) <= MAX else None


def ordinal(n: int) -> str:
    """A number as an ordinal.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 22, 26)]
    ['1st', '2nd', '3rd', '4th', '11th', '22nd', '26th']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def cut(label: str, limit: int = MAX) -> str:
    """A label of at most ``limit`` characters, cut at a word.

    >>> cut("draft comprehensive study of the problem of cybercrime")
    'draft comprehensive study of…'
    """
    if len(label) <= limit:
        return label
    head = label[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return head + "…"


def short_name(facts: dict[str, str | None]) -> str:
    """The short name of one resource from its facts (see :data:`_FACTS`).

    >>> short_name({"symbol": "A/RES/65/230", "label": "General Assembly resolution 65/230"})
    '65/230'
    >>> short_name({"number": "22/7", "by": "CCPCJ", "label": "Commission … resolution 22/7"})
    'CCPCJ 22/7'
    >>> short_name({"ordinal": "4", "label": "fourth meeting of the Expert Group"})
    '4th meeting'
    >>> short_name({"ordinal": "26", "label": "twenty-sixth session of the Commission"})
    '26th session'
    >>> short_name({"label": "Salvador Declaration on Comprehensive Strategies for Global …"})
    'Salvador Declaration'
    >>> short_name({"acronym": "CCPCJ", "label": "Commission on Crime Prevention …"})
    'CCPCJ'
    >>> short_name({"item": "1 (c)", "label": "agenda item 1 (c) of the fourth meeting …"})
    'agenda item 1 (c)'
    """
    label = facts.get("label") or ""
    symbol = facts.get("symbol")
    if symbol:
        m = re.fullmatch(r"A/RES/(\S+)", symbol)
        return m.group(1) if m else symbol
    if facts.get("number"):
        by = facts.get("by")
        return f"{by} {facts['number']}" if by else f"resolution {facts['number']}"
    if facts.get("ordinal") and str(facts["ordinal"]).isdigit():
        word = "session" if "session" in label.split(" of ", 1)[0] else "meeting"
        return f"{ordinal(int(str(facts['ordinal'])))} {word}"
    if facts.get("item"):
        return f"agenda item {facts['item']}"
    if facts.get("acronym"):
        return str(facts["acronym"])
    m = re.match(r"(.+? Declaration) on ", label)
    if m:
        return m.group(1)
    return cut(label)


def short_names(store: ReadableStore, iris: Iterable[str]) -> dict[str, str]:
    """The short name of each IRI, made distinct: two that would read alike get their date, or
    more of their label."""
    todo = sorted(set(iris))
    facts: dict[str, dict[str, str | None]] = {i: {} for i in todo}
    for start in range(0, len(todo), 300):
        text = _FACTS.replace("$values", sparql_values(todo[start : start + 300]))
        for row in select(store, text):
            found = facts[row["s"].value]
            for key in ("label", "symbol", "number", "acronym", "by", "ordinal", "date", "item"):
                if row[key] is not None and not found.get(key):
                    found[key] = row[key].value
    aliases: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(todo), 300):
        text = _ALIASES.replace("$values", sparql_values(todo[start : start + 300]))
        for row in select(store, text):
            aliases[row["s"].value].append(row["alias"].value)
    names = {}
    for i, f in facts.items():
        if not (f.get("label") or f.get("symbol")):
            names[i] = cut(fallback(i))
        elif any(f.get(k) for k in ("acronym", "symbol", "number", "ordinal", "item")):
            names[i] = short_name(f)
        else:
            names[i] = _alias(aliases[i]) or short_name(f)
    same: dict[str, list[str]] = defaultdict(list)
    for iri, name in names.items():
        same[name].append(iri)
    for name, alike in same.items():
        if len(alike) > 1:
            for iri in alike:
                date, label = facts[iri].get("date"), facts[iri].get("label")
                if date:
                    names[iri] = f"{name} ({date[:10]})"
                elif label and cut(label, 2 * MAX) != name:
                    names[iri] = cut(label, 2 * MAX)
    return names
