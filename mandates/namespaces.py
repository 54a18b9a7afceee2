"""The namespaces of the project and the prefixes every query and file may use."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox
from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/un-mandates/"
MND = Namespace(BASE + "ontology#")
VERB = Namespace(BASE + "ontology/verb#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")

#: Prefixes declared in saved queries, the endpoint's editor and serialisations.
PREFIXES: dict[str, str] = {
    "mnd": str(MND),
    "verb": str(VERB),
    "id": str(ID),
    "body": str(ID) + "body/",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "dct": str(DCTERMS),
    "prov": str(PROV),
    "sh": "http://www.w3.org/ns/shacl#",
}


def sparql_prologue(prefixes: Mapping[str, str] = PREFIXES, base: str | None = None) -> str:
    r"""The BASE line (if any) and a PREFIX line per prefix, the project's by default.

    >>> sparql_prologue().splitlines()[0]
    'PREFIX mnd: <https://w3id.org/un-mandates/ontology#>'
    >>> sparql_prologue({"ex": "http://e.org/"}, base="http://e.org/b/")
    'BASE <http://e.org/b/>\nPREFIX ex: <http://e.org/>\n'
    """
    lines = [f"BASE <{base}>\n"] if base else []
    return "".join(lines + [f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items()])


def short(term: object) -> str:
    """A term for a person: a prefixed name where a prefix fits, a literal's plain value."""
    if isinstance(term, ox.NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri) and re.fullmatch(r"[\w.-]*", term.value[len(iri) :]):
                return f"{prefix}:{term.value[len(iri) :]}"
        return term.value
    if isinstance(term, ox.Literal | ox.BlankNode):
        return term.value if isinstance(term, ox.Literal) else f"_:{term.value}"
    return "" if term is None else str(term)
