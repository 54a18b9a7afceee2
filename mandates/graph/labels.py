"""How resources and values read to a person: labels, with a fallback, and readable dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pyoxigraph as ox

from mandates.namespaces import ID, PREFIXES, short
from mandates.query.run import select, sparql_values
from mandates.store.contract import ReadableStore

XSD = PREFIXES["xsd"]
#: Names for the common terms of other vocabularies, whose labels the graph does not hold.
COMMON = {
    PREFIXES["rdf"] + "type": "type",
    PREFIXES["rdfs"] + "label": "label",
    PREFIXES["rdfs"] + "comment": "comment",
    PREFIXES["rdfs"] + "seeAlso": "see also",
    PREFIXES["rdfs"] + "subClassOf": "subclass of",
    PREFIXES["rdfs"] + "subPropertyOf": "subproperty of",
    PREFIXES["rdfs"] + "domain": "domain",
    PREFIXES["rdfs"] + "range": "range",
    PREFIXES["skos"] + "prefLabel": "preferred label",
    PREFIXES["skos"] + "altLabel": "also known as",
    PREFIXES["skos"] + "definition": "definition",
    PREFIXES["skos"] + "notation": "notation",
    PREFIXES["skos"] + "inScheme": "in scheme",
    PREFIXES["skos"] + "closeMatch": "close match",
    PREFIXES["dct"] + "source": "source",
}
_LABELS = """
SELECT ?s ?label WHERE {
  VALUES ?s { $values }
  { ?s rdfs:label ?label } UNION { ?s skos:prefLabel ?label }
  FILTER(LANG(?label) = "" || LANGMATCHES(LANG(?label), "en"))
} ORDER BY ?s STR(?label)
"""


def fallback(iri: str) -> str:
    """A readable name for an IRI without a label: a prefixed name, else the last segment.

    >>> fallback("https://w3id.org/un-mandates/ontology#Resolution")
    'mnd:Resolution'
    >>> fallback("http://www.w3.org/2000/01/rdf-schema#label")
    'label'
    >>> fallback("https://w3id.org/un-mandates/id/attestation/87d4260dab411d3c")
    'attestation/87d4260dab411d3c'
    >>> fallback("https://undocs.org/A/RES/65/230")
    'https://undocs.org/A/RES/65/230'
    """
    if iri in COMMON:
        return COMMON[iri]
    if iri.startswith(str(ID)) and len(iri) > len(str(ID)):
        return iri[len(str(ID)) :]
    return short(ox.NamedNode(iri))


def labels(store: ReadableStore, iris: Iterable[str]) -> dict[str, str]:
    """The English (or untagged) label of each IRI that has one; others are left out."""
    found: dict[str, str] = {}
    todo = sorted(i for i in set(iris) if is_iri(i))
    for start in range(0, len(todo), 400):
        text = _LABELS.replace("$values", sparql_values(todo[start : start + 400]))
        rows = select(store, text)
        for row in rows:
            found.setdefault(row["s"].value, row["label"].value)
    return found


def is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def readable_date(value: str, datatype: str) -> str | None:
    """An ``xsd:date``, ``xsd:dateTime`` or ``xsd:gYearMonth`` as people write it, else None.

    >>> readable_date("2019-03-27", XSD + "date")
    '27 March 2019'
    >>> readable_date("2017-05", XSD + "gYearMonth")
    'May 2017'
    >>> readable_date("27 March", XSD + "date") is None
    True
    """
    try:
        if datatype == XSD + "date":
            day = dt.date.fromisoformat(value[:10])
            return f"{day.day} {day:%B %Y}"
        if datatype == XSD + "dateTime":
            moment = dt.datetime.fromisoformat(value)
            return f"{moment.day} {moment:%B %Y, %H:%M}"
        if datatype == XSD + "gYearMonth":
            month = dt.date.fromisoformat(value[:7] + "-01")
            return f"{month:%B %Y}"
    except ValueError:
        return None
    return None


def readable(term: ox.Literal) -> str:
    """A literal's value for a page: dates spelled out, everything else as written."""
    return readable_date(term.value, term.datatype.value) or term.value


def spelled_date(value: str | None) -> str:
    """A date as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, spelled out; anything else as given.

    >>> spelled_date("2019-03-27"), spelled_date("2013-04"), spelled_date("2010")
    ('27 March 2019', 'April 2013', '2010')
    """
    if not value:
        return ""
    if len(value) >= 10:
        return readable_date(value[:10], XSD + "date") or value
    if len(value) == 7:
        return readable_date(value, XSD + "gYearMonth") or value
    return value


def date_range(start: str | None, end: str | None = None) -> str:
    """Two dates as people write a span of days.

    >>> date_range("2019-03-27", "2019-03-29"), date_range("2020-07-27", "2020-08-02")
    ('27–29 March 2019', '27 July – 2 August 2020')
    >>> date_range("2011-12-30", "2012-01-02"), date_range("2013-04", None)
    ('30 December 2011 – 2 January 2012', 'April 2013')
    """
    if not start:
        return ""
    if not end or end[:10] == start[:10] or len(start) < 10 or len(end) < 10:
        return spelled_date(start)
    a, b = spelled_date(start).split(" "), spelled_date(end).split(" ")
    if a[1:] == b[1:]:
        return f"{a[0]}–{b[0]} {b[1]} {b[2]}"
    if a[2] == b[2]:
        return f"{a[0]} {a[1]} – {spelled_date(end)}"
    return f"{spelled_date(start)} – {spelled_date(end)}"
