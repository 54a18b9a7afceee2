"""Emit: an extraction as RDF per the ontology, for the source document's own named graph.

Each relation becomes a qualified statement (subject, verb, object), its direct edge, and one
attestation carrying the source document, paragraph, exact quote, assertion status and
evidence kind. Resources the registry does not know are described just enough to be valid
(type and label; a resolution's number and adopting body; a meeting's body and ordinal).
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from mandates import iris
from mandates.namespaces import MND, VERB

from .entities import SYMBOL, Entity, Registry

STATUS = {
    "adopted": MND.AdoptedText,
    "suggested": MND.SuggestedNotEndorsed,
    "reported": MND.ReportedBySecretariat,
    "proposed": MND.ProposedText,
}
EVIDENCE = {"primary": MND.PrimaryEvidence, "secondary": MND.SecondaryEvidence}
KINDS = {
    "resolution": MND.Resolution,
    "draft resolution": MND.DraftResolution,
    "annotated provisional agenda": MND.Agenda,
    "provisional agenda": MND.Agenda,
    "report": MND.Report,
    "draft report": MND.Report,
    "report addendum": MND.ReportAddendum,
    "web summary": MND.WebSummary,
    "note by the Secretariat": MND.Note,
    "note": MND.Note,
}


def source_iri(document: dict, name: str) -> str:
    """The source document's IRI: by its own symbol where it prints one, else by file name."""
    symbol = document.get("symbol")
    return iris.document(symbol) if symbol and SYMBOL.match(symbol) else iris.source(name)


class Emitter:
    """Builds the graph of one extraction."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.graph = Graph()
        self.described: set[str] = set()

    def _add(self, s: str, p: URIRef, o: URIRef | Literal | str) -> None:
        self.graph.add((URIRef(s), p, o if isinstance(o, URIRef | Literal) else URIRef(o)))

    def describe(self, entity: Entity) -> URIRef:
        """Add the minimal description of an entity the graph does not know yet."""
        iri = entity.iri
        if entity.known or iri in self.described:
            return URIRef(iri)
        self.described.add(iri)
        label = Literal(entity.name, lang="en")
        if entity.kind in ("resolution", "document"):
            kind = MND.Resolution if entity.kind == "resolution" else MND.Document
            self._add(iri, RDF.type, kind)
            self._add(iri, RDFS.label, label)
            if SYMBOL.match(entity.name):
                self._add(iri, MND.symbol, Literal(iris.ods_symbol(entity.name)))
                self._add(iri, MND.officialText, iris.official_text(entity.name))
            elif entity.number:
                self._add(iri, MND.resolutionNumber, Literal(entity.number))
            if entity.body:
                body = self.describe(self.registry.resolve_body_slug(entity.body))
                self._add(iri, MND.adoptedBy, body)
        elif entity.kind == "meeting" and entity.body:
            body = self.describe(self.registry.resolve_body_iri(entity.body))
            self._add(iri, RDF.type, MND.Meeting)
            self._add(iri, RDFS.label, label)
            self._add(iri, MND.meetingOf, body)
            self._add(iri, MND.ordinal, Literal(entity.ordinal, datatype=XSD.integer))
        elif entity.kind == "agenda item":
            meeting = iri.rsplit("/item/", 1)[0]
            self.describe(self.registry.resolve(entity.name.split(",", 1)[0]))
            self._add(iri, RDF.type, MND.AgendaItem)
            self._add(iri, RDFS.label, label)
            self._add(iri, MND.agendaOf, meeting)
            self._add(iri, MND.itemNumber, Literal(entity.item))
        elif entity.kind == "body":
            self._add(iri, RDF.type, MND.Body)
            self._add(iri, RDFS.label, label)
        else:
            self._add(iri, RDF.type, MND.Matter)
            self._add(iri, RDFS.label, label)
        return URIRef(iri)

    def document(self, document: dict, name: str) -> URIRef:
        iri = source_iri(document, name)
        if iri in self.registry.known:
            return URIRef(iri)
        self._add(iri, RDF.type, KINDS.get(document.get("kind") or "", MND.Document))
        title = document.get("title")
        self._add(iri, RDFS.label, Literal(title or name, lang="en"))
        if title:
            self._add(iri, MND.title, Literal(title))
        if document.get("symbol") and SYMBOL.match(document["symbol"]):
            self._add(iri, MND.symbol, Literal(document["symbol"]))
            self._add(iri, MND.officialText, iris.official_text(document["symbol"]))
        if document.get("date"):
            self._add(iri, MND.date, Literal(document["date"], datatype=XSD.date))
        if document.get("issued") and document["issued"] != document.get("date"):
            self._add(iri, MND.issueDate, Literal(document["issued"], datatype=XSD.date))
        return URIRef(iri)

    def relation(self, source: URIRef, row: dict) -> None:
        if not (row.get("subject") and row.get("object") and row.get("quote")):
            return
        verb = row["relation"]
        paragraph = row.get("paragraph") or ""
        known = self.registry.attested(str(source), verb, row["quote"])
        if known:  # the passage is attested already: the same act, its subject and object
            subject, obj = URIRef(known.subject), URIRef(known.object)
            if known.paragraph == paragraph:
                return  # and the same passage: one attestation is enough
        else:
            subject = self.describe(self.registry.resolve(row["subject"]))
            obj = self.describe(self.registry.resolve(row["object"]))
        statement = iris.statement(str(subject), verb, str(obj))
        attestation = iris.attestation(statement, str(source), paragraph, row["quote"])
        self._add(statement, RDF.type, MND.Statement)
        self._add(statement, MND.subject, subject)
        self._add(statement, MND.verb, VERB[verb])
        self._add(statement, MND.object, obj)
        self._add(statement, MND.attestedBy, attestation)
        self.graph.add((subject, MND[verb], obj))
        self._add(attestation, RDF.type, MND.Attestation)
        self._add(attestation, MND.source, source)
        if paragraph:
            self._add(attestation, MND.paragraph, Literal(paragraph))
        self._add(attestation, MND.quote, Literal(row["quote"]))
        self._add(attestation, MND.assertionStatus, STATUS[row.get("status") or "reported"])
        self._add(attestation, MND.evidenceKind, EVIDENCE[row.get("evidence") or "secondary"])


def emit(extraction: dict, name: str, registry: Registry | None = None) -> Graph:
    """The RDF of one extraction (``to_json()`` form) of the source file named ``name``."""
    emitter = Emitter(registry or Registry())
    source = emitter.document(extraction["document"], name)
    for cited in extraction.get("resolutions_cited", []) + extraction.get("symbols_cited", []):
        target = emitter.describe(emitter.registry.resolve(cited))
        if target != source:
            emitter.graph.add((source, MND.cites, target))
    for row in extraction.get("relations", []):
        emitter.relation(source, row)
    return emitter.graph
