"""From the canonical names the extractor produces to the graph's IRIs.

A :class:`Registry` knows the resources already in the graph (curated data, earlier loads) by
label, alias, acronym, symbol and resolution number; what it does not know gets the IRI the
project's IRI scheme gives it, so the same act read from five documents is one statement.

>>> reg = Registry()
>>> reg.resolve("A/RES/65/230").iri
'https://w3id.org/un-mandates/id/doc/A/RES/65/230'
>>> reg.resolve("CCPCJ 22/7").iri
'https://w3id.org/un-mandates/id/resolution/ccpcj/22/7'
>>> reg.resolve("Expert Group meeting 4").kind
'meeting'
>>> reg.resolve("draft comprehensive study of the problem of cybercrime").kind
'matter'
>>> reg.names["draft study of cybercrime"] = "https://w3id.org/un-mandates/id/doc/study/x"
>>> reg.resolve("draft study of cybercrime and comments thereto").iri
'https://w3id.org/un-mandates/id/doc/study/x'

A name printed with other articles, or with a meeting written out, is the known name
(:mod:`.name_forms`):

>>> reg.names["plan of the fifth meeting of the expert group"] = "https://w3id.org/un-mandates/id/x"
>>> reg.resolve("a plan of Expert Group meeting 5").iri
'https://w3id.org/un-mandates/id/x'
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from mandates import iris
from mandates.namespaces import MND

from .name_forms import canonical

# a UN symbol, with a part letter and an old-style session: "A/RES/75/290 B", "E/RES/155 C (VII)"
SYMBOL = re.compile(r"^[A-Z][A-Z0-9.]*(/[A-Za-z0-9.()-]+)+( [A-Z])?( \([IVXLC]+\))?$")
NUMBERED = re.compile(r"^(?P<body>[A-Z]+) (?P<number>\d+/\d+(?: [A-Z])?)$")
ITEM_NUMBER = re.compile(r"^[0-9]+( \([a-z]\))?$")
MEETING = re.compile(
    r"^(?P<body>.+?) (?:meeting|session) (?P<n>\d+)(?:, agenda item:? (?P<item>.+))?$"
)
BODY_NAMES = {
    "general assembly": "general-assembly",
    "commission on crime prevention and criminal justice": "ccpcj",
    "economic and social council": "ecosoc",
    "expert group to conduct a comprehensive study on cybercrime": "expert-group-cybercrime",
    "expert group on cybercrime": "expert-group-cybercrime",
    "expert group": "expert-group-cybercrime",
    "united nations office on drugs and crime": "unodc",
    "secretariat": "secretariat",
}
ADOPTERS = {"A": "general-assembly", "E": "ecosoc", "CCPCJ": "ccpcj"}
# the ontology's own terms: a class or property is never the subject or object of a statement
TERMS = {OWL.Class, RDFS.Class, RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty,
         OWL.AnnotationProperty, OWL.Ontology, SKOS.Concept, SKOS.ConceptScheme}  # fmt: skip
ONTOLOGY = "https://w3id.org/un-mandates/ontology"
# what the registry reads of an attested passage (with the names: types, labels, aliases …)
PASSAGE_PREDICATES = (
    MND.attestedBy, MND.source, MND.quote, MND.paragraph, MND.verb, MND.subject, MND.object
)  # fmt: skip


@dataclass(frozen=True)
class Entity:
    """A resolved name: its IRI, what kind of thing it is, and whether the graph knows it."""

    iri: str
    kind: str
    known: bool
    name: str
    number: str | None = None
    body: str | None = None
    ordinal: int | None = None
    item: str | None = None


@dataclass(frozen=True)
class Passage:
    """An attested passage: its quote and paragraph, and the act's subject and object IRIs."""

    quote: str
    paragraph: str
    subject: str
    object: str


def _words(quote: str) -> list[str]:
    return [w for w in (re.sub(r"[^\w/.-]", "", t).strip(".").lower() for t in quote.split()) if w]


def overlap(a: str, b: str) -> float:
    """The longest run of words two quotes share, as a share of the shorter one.

    >>> overlap("the Group adopted its workplan", "At that meeting, the Group adopted")
    0.6
    """
    x, y = _words(a), _words(b)
    if not x or not y:
        return 0.0
    best, prev = 0, [0] * (len(y) + 1)
    for i in range(1, len(x) + 1):
        cur = [0] * (len(y) + 1)
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best / min(len(x), len(y))


def _key(name: str) -> str:
    """A name as looked up: whitespace, dashes and apostrophes as one form, lower case, no
    leading article ("2018–2021" and "2018-2021" are one name)."""
    text = name.replace("\u00a0", " ").translate(_DASHES)
    return " ".join(text.split()).lower().removeprefix("the ")


_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "’": "'"})


class Registry:
    """Names → IRIs, from a graph of known resources (empty: everything is minted)."""

    def __init__(self, graph: Graph | None = None) -> None:
        self.names: dict[str, str] = {}
        self.known: set[str] = set()
        self.items: dict[tuple[str, str], str] = {}
        self._forms: dict[str, str | None] = {}  # canonical form → IRI (None: two resources)
        self._forms_of = -1  # the number of names the forms were made from
        self._bodies_cache: dict[str, str] = {}
        # passages already attested, by (source, verb): the same passage is the same act
        self.passages: dict[tuple[str, str], list[Passage]] = defaultdict(list)
        if graph is not None:
            self.add_graph(graph)

    def add_graph(self, graph: Graph) -> None:
        terms = {str(s) for t in TERMS for s in graph.subjects(RDF.type, t)} | {
            str(s) for s in graph.subjects() if str(s).startswith(ONTOLOGY)
        }
        for s in set(graph.subjects(RDF.type, None)):
            if isinstance(s, URIRef) and str(s) not in terms:
                self.known.add(str(s))
        for predicate in (MND.acronym, SKOS.altLabel, RDFS.label, MND.symbol):
            for s, value in graph.subject_objects(predicate):
                if str(s) not in terms:
                    self.names[_key(str(value))] = str(s)
        for statement, attestation in graph.subject_objects(MND.attestedBy):
            source = graph.value(attestation, MND.source)
            verb = graph.value(statement, MND.verb)
            if source is None or verb is None:
                continue
            self.passages[(str(source), str(verb).rsplit("#", 1)[-1])].append(
                Passage(
                    str(graph.value(attestation, MND.quote) or ""),
                    str(graph.value(attestation, MND.paragraph) or ""),
                    str(graph.value(statement, MND.subject)),
                    str(graph.value(statement, MND.object)),
                )
            )
        for item, meeting in graph.subject_objects(MND.agendaOf):
            for title in graph.objects(item, MND.title):
                self.items[(str(meeting), _key(str(title)))] = str(item)

    def attested(self, source: str, verb: str, quote: str) -> Passage | None:
        """The passage of ``source`` already attested for ``verb`` that ``quote`` overlaps
        (their longest common run of words covers half the shorter), if any."""
        best, found = 0.5, None
        for passage in self.passages.get((source, verb), ()):
            score = overlap(quote, passage.quote)
            if score >= best:
                best, found = score, passage
        return found

    def resolve_body_iri(self, iri: str) -> Entity:
        """The entity of a body given by IRI (known, or minted from its slug)."""
        name = next((n for n, i in self.names.items() if i == iri), iri.rsplit("/", 1)[-1])
        return Entity(iri, "body", iri in self.known, name)

    def resolve_body_slug(self, slug: str) -> Entity:
        """The body that adopts resolutions of a given prefix, by slug."""
        return self.resolve_body_iri(iris.body(slug))

    def _known_prefix(self, key: str) -> str | None:
        """The longest known name of four words or more that the name starts with."""
        words = key.split()
        for end in range(len(words) - 1, 3, -1):
            prefix = " ".join(words[:end])
            if prefix in self.names:
                return prefix
        return None

    def _shortened(self, key: str) -> str | None:
        """The one known resource of which the name, five words or more, is the start of a
        name ("open-ended ad hoc intergovernmental committee of experts" for the committee
        whose label runs on "to elaborate …")."""
        if len(key.split()) < 5:
            return None
        found = {iri for name, iri in self.names.items() if name.startswith((key + " ", key + ","))}
        return found.pop() if len(found) == 1 else None

    def _bodies(self) -> dict[str, str]:
        """Body names in canonical form → IRIs: the fixed ones and the known bodies'."""
        bodies = {canonical(k, {}): iris.body(slug) for k, slug in BODY_NAMES.items()}
        for name, iri in self.names.items():
            if "/body/" in iri:
                bodies[canonical(name, {})] = iri
        return bodies

    def _canonical(self, name: str) -> str | None:
        """The one known resource whose name has the canonical form of ``name``, if any."""
        if self._forms_of != len(self.names):  # names were added since the forms were made
            bodies = self._bodies()
            self._forms = {}
            for known, iri in self.names.items():
                form = canonical(known, bodies)
                self._forms[form] = iri if self._forms.get(form, iri) == iri else None
            self._bodies_cache = bodies
            self._forms_of = len(self.names)
        return self._forms.get(canonical(name, self._bodies_cache))

    def _is_body(self, name: str) -> bool:
        key = _key(name)
        return key in BODY_NAMES or (key in self.names and self.names[key] in self.known)

    def _body_iri(self, name: str) -> str:
        key = _key(name)
        if key in self.names:
            return self.names[key]
        return iris.body(BODY_NAMES.get(key, iris.slug(name)))

    def resolve(self, name: str) -> Entity:
        """The entity a canonical name stands for."""
        key = _key(name)
        if key in self.names:
            iri = self.names[key]
            return Entity(iri, "known", True, name)
        if SYMBOL.match(name):
            iri = iris.document(name)
            resolution = "/RES/" in name
            number = name.split("/RES/", 1)[1] if resolution else None
            body = ADOPTERS.get(name.split("/", 1)[0]) if resolution else None
            return Entity(
                iri,
                "resolution" if resolution else "document",
                iri in self.known,
                name,
                number,
                body,
            )
        if match := NUMBERED.match(name):
            body = match["body"].lower()
            iri = iris.resolution(body, match["number"])
            return Entity(
                iri,
                "resolution",
                iri in self.known,
                name,
                match["number"],
                ADOPTERS.get(match["body"], body),
            )
        if (match := MEETING.match(name)) and self._is_body(match["body"]):
            body_iri = self._body_iri(match["body"])
            meeting = iris.meeting(body_iri.rsplit("/", 1)[-1], int(match["n"]))
            if match["item"] and not ITEM_NUMBER.match(match["item"]):
                titled = self.items.get((meeting, _key(match["item"])))
                if titled:
                    return Entity(titled, "known", True, name)
                iri = iris.matter(name)
                return Entity(iri, "matter", iri in self.known, name)
            if match["item"]:
                iri = iris.agenda_item(meeting, match["item"])
                return Entity(
                    iri,
                    "agenda item",
                    iri in self.known,
                    name,
                    body=body_iri,
                    ordinal=int(match["n"]),
                    item=match["item"],
                )
            return Entity(
                meeting,
                "meeting",
                meeting in self.known,
                name,
                body=body_iri,
                ordinal=int(match["n"]),
            )
        if key in BODY_NAMES:
            iri = iris.body(BODY_NAMES[key])
            return Entity(iri, "body", iri in self.known, name)
        if same := self._canonical(key):
            return Entity(same, "known", True, name)
        if prefix := self._known_prefix(key):
            return Entity(self.names[prefix], "known", True, name)
        if shortened := self._shortened(key):
            return Entity(shortened, "known", True, name)
        iri = iris.matter(name)
        return Entity(iri, "matter", iri in self.known, name)
