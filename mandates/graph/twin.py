"""A resource's description as RDF, the machine-readable twin of its page.

The description holds every triple with the resource as subject, then the triples of each
``mnd:Statement`` that backs one of its mandate edges (the resource as ``mnd:subject`` or
``mnd:object``, or the statement itself) and of each of that statement's ``mnd:Attestation``s.
Triples are merged over all named graphs, without duplicates.
"""

from __future__ import annotations

import pyoxigraph as ox

from mandates.namespaces import PREFIXES
from mandates.rdfio import rdf_bytes
from mandates.store.contract import ReadableStore

from .evidence import statements_about

#: ``?format=`` names and their serializations.
FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdf": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES = {name: fmt.media_type for name, fmt in FORMATS.items()}


def description(store: ReadableStore, iri: str) -> list[ox.Triple]:
    """The triples of the description of ``iri`` (see the module docstring)."""
    subjects = [iri]
    for statement in statements_about(store, iri):
        subjects.append(statement.iri)
        subjects.extend(a.iri for a in statement.attestations)
    found: dict[ox.Triple, None] = {}
    for subject in dict.fromkeys(subjects):
        for q in store.quads_for_pattern(ox.NamedNode(subject), None, None, None):
            found.setdefault(ox.Triple(q.subject, q.predicate, q.object))
    return list(found)


def serialize(triples: list[ox.Triple], name: str) -> bytes:
    """The triples in the format called ``name`` (a key of :data:`FORMATS`)."""
    fmt = FORMATS[name]
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return rdf_bytes(triples, fmt, prefixes)
