"""A small in-memory search index of the graph: names, symbols and facets of each resource.

Built once per store version (a few hundred resources: milliseconds). Every typed resource is
indexed except attestations (their statements are). Each entry keeps its names as search
keys, by kind: ``symbol``, ``number`` (resolution number), ``acronym``, ``label``, ``alias``
(``skos:altLabel``), ``title`` and ``derived`` ("resolution 65/230", "Commission resolution
22/7": the number after the name, alias or acronym of the adopting body), and its facets:
types, bodies, years and verbs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from mandates.graph.labels import fallback
from mandates.namespaces import ID, PREFIXES
from mandates.query.run import select
from mandates.store.contract import ReadableStore

_NAMES = """SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel mnd:acronym mnd:symbol
              mnd:resolutionNumber mnd:title }
  ?s ?p ?o }"""
_TYPES = "SELECT DISTINCT ?s ?o WHERE { ?s a ?o }"
_YEARS = "SELECT DISTINCT ?s ?o WHERE { ?s mnd:date|mnd:startDate ?o }"
_VERBS = "SELECT DISTINCT ?s ?o WHERE { ?s a mnd:Statement ; mnd:verb ?o }"
_BODIES = """SELECT DISTINCT ?s ?o WHERE {
  { ?s mnd:meetingOf|mnd:adoptedBy|mnd:subsidiaryOf|mnd:bureauOf ?o }
  UNION { ?s mnd:agendaOf|mnd:issuedFor|mnd:reportOf ?m . ?m mnd:meetingOf ?o }
  UNION { ?s a mnd:Statement ; mnd:subject|mnd:object ?o }
  UNION { ?s a mnd:Statement ; mnd:subject|mnd:object ?m . ?m mnd:meetingOf ?o }
  UNION { ?s a ?type . BIND(?s AS ?o) }
  FILTER(STRSTARTS(STR(?o), "%s"))
}""" % (str(ID) + "body/")
_KIND = {"rdfs:label": "label", "skos:prefLabel": "label", "skos:altLabel": "alias"}
_KIND |= {"mnd:acronym": "acronym", "mnd:symbol": "symbol", "mnd:title": "title"}
_KIND |= {"mnd:resolutionNumber": "number"}
_RES_SYMBOL = re.compile(r"^[A-Z]+(?:/[A-Z0-9.]+)*/RES/(\d+/\d+)$")
_LAST = ("mnd:Attestation",)
#: Order among equally good matches: things first, then their parts, terms, statements.
TIERS = {"mnd:AgendaItem": 1, "mnd:Recommendation": 1, "mnd:Matter": 1, "mnd:Statement": 3}
TERM_TYPES = {"owl:Class", "owl:ObjectProperty", "owl:DatatypeProperty", "mnd:Verb"}


def normalize(text: str) -> str:
    """Lower case, one space between words, typographic quotes and dashes made plain.

    >>> normalize("  General  Assembly’s Resolution – 65/230 ")
    "general assembly's resolution - 65/230"
    """
    text = text.replace("’", "'").replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    return " ".join(text.lower().split())


@dataclass
class Entry:
    iri: str
    label: str = ""
    keys: dict[str, str] = field(default_factory=dict)  # normalized key -> kind
    types: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    verbs: set[str] = field(default_factory=set)
    tier: int = 0
    words: set[str] = field(default_factory=set)


def _pairs(store: ReadableStore, text: str) -> list[tuple[str, ox.NamedNode | ox.Literal]]:
    rows = select(store, text)
    return [(row["s"].value, row["o"]) for row in rows if isinstance(row["s"], ox.NamedNode)]


def build_index(store: ReadableStore) -> tuple[list[Entry], dict[str, str]]:
    """Every entry of the index, and the label of every IRI a facet may show."""
    entries: dict[str, Entry] = defaultdict(lambda: Entry(""))
    for s, t in _pairs(store, _TYPES):
        entries[s].types.add(t.value)
    names: dict[str, str] = {}
    rows = select(store, _NAMES)
    for row in rows:
        s, kind = row["s"].value, _KIND[_prefixed(row["p"].value)]
        if kind == "label":
            names.setdefault(s, row["o"].value)
        if s in entries:
            entries[s].keys.setdefault(normalize(row["o"].value), kind)
    for field_name, text in (("bodies", _BODIES), ("years", _YEARS), ("verbs", _VERBS)):
        for s, o in _pairs(store, text):
            if s in entries:
                getattr(entries[s], field_name).add(
                    o.value[:4] if field_name == "years" else o.value
                )
    found = []
    for iri, e in entries.items():
        kinds = {_prefixed(t) for t in e.types}
        if kinds & set(_LAST):
            continue
        e.iri, e.label = iri, names.get(iri) or fallback(iri)
        e.tier = 2 if kinds & TERM_TYPES else max((TIERS.get(k, 0) for k in kinds), default=0)
        _derive(e, entries, names)
        e.words = {w for key in e.keys for w in re.findall(r"[\w/.]+", key)}
        found.append(e)
    return found, names


def _derive(e: Entry, entries: dict[str, Entry], names: dict[str, str]) -> None:
    """Add "resolution N" and "<body> resolution N" keys to a resolution."""
    numbers = {k for k, kind in e.keys.items() if kind == "number"}
    for key, kind in list(e.keys.items()):
        match = _RES_SYMBOL.match(key.upper()) if kind == "symbol" else None
        if match:
            numbers.add(match.group(1))
    bodies = [b for b in e.bodies if b != e.iri]
    body_names = {k for b in bodies for k in entries[b].keys if b in entries}
    for number in numbers:
        e.keys.setdefault(number, "number")
        e.keys.setdefault(f"resolution {number}", "derived")
        for name in body_names:
            e.keys.setdefault(f"{name} resolution {number}", "derived")


def _prefixed(iri: str) -> str:
    for prefix, base in PREFIXES.items():
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base) :]}"
    return iri
