"""How resources and values read to a person: labels, with a fallback, and readable dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pyoxigraph as ox

from mandates.namespaces import ID, PREFIXES, short
from mandates.query.run import select
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
  VALUES ?s { %s }
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
        values = " ".join(str(ox.NamedNode(i)) for i in todo[start : start + 400])
        rows = select(store, _LABELS % values)
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
