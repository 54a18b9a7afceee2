"""RDF terms between rdflib, the store and SPARQL text, without losing what SHACL compares.

Oxigraph writes literals in a canonical form, in the store and in query constants alike:
``"4.0"^^xsd:decimal`` comes back as ``"4"``, ``"none"^^xsd:boolean`` as ``"false"``,
``"2011-01-01"^^xsd:dateTime`` as ``"2011-01-01T00:00:00"``, and the derived integer types
(``xsd:byte``, ``xsd:int`` …) lose their name to ``xsd:integer``. SHACL compares terms
(sh:datatype, sh:in, sh:hasValue) and reports them as the data has them, so a store that
rewrote them would give wrong answers: a false violation for ``sh:datatype xsd:int``, an
ill-formed ``xsd:boolean`` found well-formed. When this engine fills a store itself
(:func:`.sparql_engine.load`), each literal that Oxigraph would rewrite is written with a
stand-in datatype that Oxigraph keeps as it is (:class:`Encoding`), shape constants are
written the same way, comparisons cast them back to their value (:meth:`Encoding.numeric`),
and the report reads them back as the data had them (:func:`decode`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .vocabulary import UnsupportedShape

XSD_NS = str(XSD)
KEPT = "https://w3id.org/un-mandates/shapes/kept-datatype#"
#: The cast that gives a kept literal back its value, where it is not the datatype itself.
_CASTS = {
    **{
        name: "integer"
        for name in (
            "byte short int long unsignedByte unsignedShort unsignedInt unsignedLong "
            "positiveInteger nonNegativeInteger negativeInteger nonPositiveInteger"
        ).split()
    },
    "dateTimeStamp": "dateTime",
}

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def _candidate(term: object) -> bool:
    """Only XSD datatypes other than xsd:string are ever rewritten."""
    return (
        isinstance(term, ox.Literal)
        and term.language is None
        and term.datatype.value.startswith(XSD_NS)
        and term.datatype.value != XSD_NS + "string"
    )


def rewritten(literals: Iterable[ox.Literal]) -> set[ox.Literal]:
    """The literals that Oxigraph would store in another form (found by storing them)."""
    candidates = list(dict.fromkeys(t for t in literals if _candidate(t)))
    if not candidates:
        return set()
    scratch = ox.Store()
    predicate = ox.NamedNode("urn:x-mandates:p")
    scratch.bulk_extend(
        ox.Quad(ox.NamedNode(f"urn:x-mandates:{i}"), predicate, t, ox.DefaultGraph())
        for i, t in enumerate(candidates)
    )
    changed = set(candidates)
    for quad in scratch:
        original = candidates[int(quad.subject.value.rsplit(":", 1)[1])]
        if quad.object == original:
            changed.discard(original)
    return changed


def stand_in(literal: ox.Literal) -> ox.Literal:
    name = literal.datatype.value.removeprefix(XSD_NS)
    return ox.Literal(literal.value, datatype=ox.NamedNode(KEPT + name))


def decode(term: OxTerm) -> OxTerm:
    """The term as the data had it (undoes :func:`stand_in`)."""
    if isinstance(term, ox.Literal) and term.datatype.value.startswith(KEPT):
        name = term.datatype.value.removeprefix(KEPT)
        return ox.Literal(term.value, datatype=ox.NamedNode(XSD_NS + name))
    return term


@dataclass
class Encoding:
    """How a store filled by this engine holds literals: the XSD datatypes (local names)
    written with a stand-in because Oxigraph would have rewritten some of their literals."""

    datatypes: set[str] = field(default_factory=set)

    def encode(self, terms: list[OxTerm]) -> list[OxTerm]:
        changed = rewritten(t for t in terms if isinstance(t, ox.Literal))
        self.datatypes.update(t.datatype.value.removeprefix(XSD_NS) for t in changed)
        return [stand_in(t) if t in changed else t for t in terms]  # type: ignore[arg-type]

    def constant(self, term: Node) -> str:
        """A shapes-graph constant as this store holds it."""
        if isinstance(term, Literal):
            literal = from_rdflib(term)
            if literal in rewritten([literal]):  # type: ignore[list-item]
                kept = stand_in(literal)  # type: ignore[arg-type]
                return f"{_string(kept.value)}^^{iri(kept.datatype.value)}"
        return sparql(term)

    def numeric(self, var: str) -> str:
        """``var`` as a value that compares with ``<``: kept literals cast back."""
        expression = var
        for name in sorted(self.datatypes):
            cast = iri(XSD_NS + _CASTS.get(name, name))
            expression = (
                f"IF(datatype({var}) = {iri(KEPT + name)}, {cast}(STR({var})), {expression})"
            )
        return expression


def from_rdflib(term: Node) -> OxTerm:
    if type(term) is URIRef:  # the common case first: this runs once per term loaded
        return ox.NamedNode(term)
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    raise TypeError(f"not an RDF term: {term!r}")


def plain(term: object) -> OxTerm:
    """A term of RDF 1.1 (an IRI, a blank node, a literal); an RDF 1.2 triple term, which
    SHACL Core does not know, is refused."""
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    raise TypeError(f"not an RDF 1.1 term: {term!r}")


def quad(subject: OxTerm, predicate: OxTerm, obj: OxTerm, graph: ox.DefaultGraph) -> ox.Quad:
    """A quad of three plain terms, checked to be one (no literal subject or predicate)."""
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"not an RDF triple: {subject} {predicate} {obj}")
    return ox.Quad(subject, predicate, obj, graph)


def to_rdflib(term: OxTerm) -> Node:
    """An rdflib term, with a kept literal as the data had it."""
    term = decode(term)
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    # normalize=False: rdflib would otherwise rewrite the literal too ("yes"^^xsd:boolean
    # becomes "false"), and the report must show the value the data has.
    if term.language:
        return Literal(term.value, lang=term.language, normalize=False)
    if term.datatype.value == XSD_NS + "string":
        return Literal(term.value, normalize=False)  # as rdflib reads a plain literal
    return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)


def _string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


_NOT_IN_IRI = set('<>"{}|^`\\ \n\t\r')


def iri(text: str) -> str:
    """An IRI written for a SPARQL query; characters SPARQL cannot hold in one are refused."""
    if any(c in _NOT_IN_IRI or ord(c) < 0x20 for c in text):
        raise UnsupportedShape(f"the IRI {text!r} cannot be written in a SPARQL query")
    return f"<{text}>"


def sparql(term: Node) -> str:
    """A term written as a SPARQL constant. Blank nodes have no constant form in SPARQL;
    callers compare them another way."""
    if isinstance(term, URIRef):
        return iri(str(term))
    if isinstance(term, Literal):
        if term.language:
            return f"{_string(str(term))}@{term.language}"
        return f"{_string(str(term))}^^{iri(str(term.datatype or XSD.string))}"
    raise TypeError(f"no SPARQL constant for {term!r}")
