"""RDF terms: IRIs and prefixed names, variables, literals, blank nodes ([106]–[109],
[128]–[138], [65]).

A prefixed name is expanded here, so an undeclared prefix is refused at the name that uses it
("unknown prefix `foo:` at line 3, column 5"), and every prefix used is recorded.
"""

from __future__ import annotations

import re

from .cursor import Cursor
from .tree import BlankNode, Iri, Literal, Term, Var

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF + "type"
RDF_NIL = RDF + "nil"

_ESCAPE = re.compile(r"""\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([tbnrf"'\\]))""")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_LOCAL_ESCAPE = re.compile(r"\\(.)")

#: Tokens that open a term, for rules that ask "is a term next?".
IRI_START = frozenset(("IRIREF", "PNAME_LN", "PNAME_NS"))
LITERAL_START = frozenset(("STRING", "NUMBER", "SIGNED", "TRUE", "FALSE"))
TERM_START = IRI_START | LITERAL_START | {"VAR", "BLANK_NODE_LABEL", "ANON", "NIL"}


def unescape(text: str) -> str:
    r"""The text with its string escapes (``\n``, ``\"``, ``\u00E9``) decoded.

    >>> unescape(r'caf\u00E9 \"x\"\tz')
    'café "x"\tz'
    """
    if "\\" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        hex_digits = match.group(1) or match.group(2)
        return chr(int(hex_digits, 16)) if hex_digits else _ECHAR[match.group(3)]

    return _ESCAPE.sub(one, text)


def number(text: str) -> Literal:
    """A numeric literal with the datatype its form gives (§19.8 [146]–[154]).

    >>> number("-1.5e3").datatype.rsplit("#")[1], number("+.5").datatype.rsplit("#")[1]
    ('double', 'decimal')
    """
    kind = "double" if "e" in text or "E" in text else "decimal" if "." in text else "integer"
    return Literal(text, None, XSD + kind)


class Terms(Cursor):
    """The rules for terms."""

    def iri(self) -> Iri:
        """[136] iri: an IRIREF or a prefixed name."""
        kind = self.kinds[self.i]
        if kind == "IRIREF":
            return Iri(unescape(self.take()[1:-1]))
        if kind == "PNAME_LN" or kind == "PNAME_NS":
            return Iri(self.prefixed_name())
        self.fail("an IRI")

    def prefixed_name(self) -> str:
        """The IRI of the prefixed name at the cursor; its prefix must be declared."""
        value = self.values[self.i]
        colon = value.find(":")
        namespace = self.prefixes.get(value[:colon])
        if namespace is None:
            self.error(f"unknown prefix `{value[: colon + 1]}`")
        self.used.add(value[:colon])
        self.advance()
        local = value[colon + 1 :]
        return namespace + (_LOCAL_ESCAPE.sub(r"\1", local) if "\\" in local else local)

    def var(self) -> Var:
        """[108] Var."""
        return Var(self.expect("VAR")[1:])

    def var_or_iri(self) -> Iri | Var:
        """[107] VarOrIri."""
        if self.kinds[self.i] == "VAR":
            return Var(self.take()[1:])
        if self.kinds[self.i] in IRI_START:
            return self.iri()
        self.fail("a variable or an IRI")

    def string(self) -> str:
        """[135] String: the lexical form, quotes removed and escapes decoded."""
        text = self.expect("STRING", "a string")
        cut = 3 if len(text) >= 6 and text[0] == text[1] == text[2] else 1
        return unescape(text[cut:-cut])

    def literal(self) -> Literal:
        """[129] RDFLiteral, [130] NumericLiteral or [134] BooleanLiteral."""
        kind = self.kinds[self.i]
        if kind == "STRING":
            value = self.string()
            kind = self.kinds[self.i]
            if kind == "LANGTAG":
                return Literal(value, self.take()[1:])
            if kind == "^^":
                self.advance()
                return Literal(value, None, self.iri().value)
            return Literal(value)
        if kind == "NUMBER" or kind == "SIGNED":
            return number(self.take())
        if kind == "TRUE" or kind == "FALSE":
            self.advance()
            return Literal(kind.lower(), None, XSD + "boolean")
        self.fail("a literal")

    def graph_term(self) -> Term:
        """[106] VarOrTerm: a variable, an IRI, a literal, a blank node or ``()``."""
        kind = self.kinds[self.i]
        if kind == "VAR":
            return Var(self.take()[1:])
        if kind in IRI_START:
            return self.iri()
        if kind in LITERAL_START:
            return self.literal()
        if kind == "BLANK_NODE_LABEL":
            label = self.values[self.i][2:]
            if self.bgp is not None and self.labels.setdefault(label, self.bgp) != self.bgp:
                self.error(f"blank node `_:{label}` is used in two graph patterns")
            self.advance()
            return BlankNode(label)
        if kind == "ANON":
            self.advance()
            return BlankNode(None)
        if kind == "NIL":
            self.advance()
            return Iri(RDF_NIL)
        self.fail("a term")

    def data_block_value(self) -> Term | None:
        """[65] DataBlockValue: an IRI, a literal, or UNDEF (``None``)."""
        kind = self.kinds[self.i]
        if kind in IRI_START:
            return self.iri()
        if kind in LITERAL_START:
            return self.literal()
        if kind == "UNDEF":
            self.advance()
            return None
        self.fail("an IRI, a literal or `UNDEF`")
