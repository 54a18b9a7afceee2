"""Property paths ([88]–[96]): alternatives, sequences, inverses, the ``?`` ``*`` ``+``
modifiers, bracketed paths and negated property sets.

A path that is one IRI (or ``a``) stays an :class:`~.tree.Iri`; anything more is a
:class:`~.tree.Path`. ``!()`` is not a negated empty set: ``()`` is the NIL token, which the
grammar does not accept there.
"""

from __future__ import annotations

from .expressions import Expressions
from .terms import IRI_START, RDF_TYPE
from .tree import Iri, Path

#: Tokens that open a path: an IRI, ``a``, ``^``, ``!`` or ``(``.
PATH_START = IRI_START | {"a", "^", "!", "("}


class Paths(Expressions):
    """The rules for property paths."""

    def path(self) -> Iri | Path:
        """[88] Path, [89] PathAlternative."""
        first = self._sequence()
        if self.kinds[self.i] != "|":
            return first
        items = [first]
        while self.accept("|"):
            items.append(self._sequence())
        return Path("|", items)

    def _sequence(self) -> Iri | Path:
        """[90] PathSequence."""
        first = self._element_or_inverse()
        if self.kinds[self.i] != "/":
            return first
        items = [first]
        while self.accept("/"):
            items.append(self._element_or_inverse())
        return Path("/", items)

    def _element_or_inverse(self) -> Iri | Path:
        """[92] PathEltOrInverse and [91] PathElt, with [93] PathMod."""
        inverse = self.accept("^")
        kind = self.kinds[self.i]
        if kind in IRI_START:
            element: Iri | Path = self.iri()
        elif kind == "a":
            self.advance()
            element = Iri(RDF_TYPE)
        elif kind == "!":
            self.advance()
            element = self._negated_set()
        elif kind == "(":
            self.advance()
            self.enter()
            element = self.path()
            self.expect(")")
            self.leave()
        else:
            self.fail("a path (an IRI, `a`, `^`, `!` or `(`)")
        kind = self.kinds[self.i]
        if kind == "?" or kind == "*" or kind == "+":
            self.advance()
            element = Path(kind, [element])
        return Path("^", [element]) if inverse else element

    def _negated_set(self) -> Path:
        """[95] PathNegatedPropertySet: one IRI, or a bracketed list, each maybe with ``^``."""
        if not self.accept("("):
            return Path("!", [self._one_in_set()])
        self.enter()
        items = [self._one_in_set()]
        while self.accept("|"):
            items.append(self._one_in_set())
        self.expect(")", "`|` or `)`")
        self.leave()
        return Path("!", items)

    def _one_in_set(self) -> Iri | Path:
        """[96] PathOneInPropertySet."""
        inverse = self.accept("^")
        if self.accept("a"):
            iri = Iri(RDF_TYPE)
        elif self.kinds[self.i] in IRI_START:
            iri = self.iri()
        else:
            self.fail("an IRI or `a`")
        return Path("^", [iri]) if inverse else iri
