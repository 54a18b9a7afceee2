"""Triples ([52], [55], [74]–[87], [98]–[105]): a subject and its properties, with
collections ``( … )`` and blank-node property lists ``[ … ]``.

One set of rules serves both the triples of a WHERE clause, whose verbs may be paths, and
those of a CONSTRUCT template or update data, whose verbs may not (``paths=False``). Objects
after ``;`` may hold paths inside ``[ … ]`` too, as the engine and SPARQL 1.2 allow (the 1.1
grammar's [83] uses ObjectList there, a known slip).
"""

from __future__ import annotations

from .paths import PATH_START, Paths
from .terms import IRI_START, RDF_TYPE, TERM_START
from .tree import BlankNodeList, Collection, GraphNode, Iri, Path, Property, Triples, Var

#: Tokens that open a triple: a term, ``(`` or ``[``.
TRIPLE_START = TERM_START | {"(", "["}
_VERB_START = IRI_START | {"VAR", "a"}
_PATH_VERB_START = PATH_START | {"VAR"}
_PATH_OPERATORS = frozenset(("?", "*", "+", "/", "|"))


class TriplesRules(Paths):
    """The rules for triples."""

    def triples(self, paths: bool) -> Triples:
        """[75] TriplesSameSubject, or [81] TriplesSameSubjectPath when ``paths``."""
        kind = self.kinds[self.i]
        subject: GraphNode
        if kind == "(" or kind == "[":
            subject = self.triples_node(paths)
            starts = _PATH_VERB_START if paths else _VERB_START
            if self.kinds[self.i] not in starts:
                return Triples(subject, [])
        else:
            subject = self.graph_term()
        return Triples(subject, self.properties(paths))

    def properties(self, paths: bool) -> list[Property]:
        """[77] PropertyListNotEmpty / [83] PropertyListPathNotEmpty."""
        starts = _PATH_VERB_START if paths else _VERB_START
        found = [Property(self.verb(paths), self.objects(paths))]
        while self.accept(";"):
            if self.kinds[self.i] in starts:
                found.append(Property(self.verb(paths), self.objects(paths)))
        return found

    def verb(self, paths: bool) -> Iri | Var | Path:
        """[78] Verb, or [84] VerbPath | [85] VerbSimple."""
        kind = self.kinds[self.i]
        if kind == "VAR":
            return Var(self.take()[1:])
        if paths and self.kinds[self.i + 1] in _PATH_OPERATORS:
            return self.path()
        if kind == "a":
            self.advance()
            return Iri(RDF_TYPE)
        if kind in IRI_START:
            return self.iri()
        if paths:
            return self.path()
        self.fail("a verb (an IRI, a variable or `a`)")

    def objects(self, paths: bool) -> list[GraphNode]:
        """[79] ObjectList / [86] ObjectListPath."""
        found = [self.graph_node(paths)]
        while self.accept(","):
            found.append(self.graph_node(paths))
        return found

    def graph_node(self, paths: bool) -> GraphNode:
        """[104] GraphNode / [105] GraphNodePath."""
        kind = self.kinds[self.i]
        if kind == "(" or kind == "[":
            return self.triples_node(paths)
        return self.graph_term()

    def triples_node(self, paths: bool) -> Collection | BlankNodeList:
        """[102] Collection or [99] BlankNodePropertyList (and their path forms)."""
        opening = self.take()
        self.enter()
        if opening == "[":
            node: Collection | BlankNodeList = BlankNodeList(self.properties(paths))
            self.expect("]", "`;`, `,` or `]`")
        else:
            items = [self.graph_node(paths)]
            while self.kinds[self.i] != ")":
                if self.kinds[self.i] not in TRIPLE_START:
                    self.fail("a term or `)`")
                items.append(self.graph_node(paths))
            self.advance()
            node = Collection(items)
        self.leave()
        return node

    def triples_template(self) -> list[Triples]:
        """[52] TriplesTemplate (and [74] ConstructTriples), up to the closing ``}``: triples
        separated by dots, a final dot allowed."""
        found: list[Triples] = []
        while self.kinds[self.i] in TRIPLE_START:
            found.append(self.triples(paths=False))
            if not self.accept("."):
                break
        return found
