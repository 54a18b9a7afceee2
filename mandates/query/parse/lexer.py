"""The lexer: the query's text as the grammar's terminals, read in chunks as the parser needs.

One compiled pattern (:mod:`.chars`) is matched at each point; a match is the white space and
comments before a token, then the token. Its pieces never backtrack, and two rules keep the
whole pass linear in the text's length whatever the input (1 MB of ``<<<<``, of an unclosed
``\"\"\"``, of ``a.a.a.``):

- a failed attempt never re-reads what a later one reads: when a run of name characters is not
  followed by ``:`` (so is not a prefixed name), later tokens inside that run are matched by a
  second pattern that does not try prefixed names, since none can start there;
- tokens are made a chunk at a time, so a parser that stops at the first error stops the lexer
  there too.

Codepoint escapes (``\\u0041``) are read inside IRIs and strings only, as the engine reads them:
an escape never changes where a token starts or ends, so a keyword cannot be spelt with escapes
to hide it from one reader and show it to the other. Elsewhere it is an error.

A character the grammar has no place for ends the tokens with an ``ERROR`` token carrying the
message; the parser raises it when it gets there, so errors come in the order of the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import chars
from .words import KEYWORDS, STAR_NAMES

_PIECES = (
    ("IRIREF", chars.IRIREF),
    ("PNAME", chars.PNAME),
    ("BLANK_NODE_LABEL", chars.BLANK_NODE_LABEL),
    ("VAR", chars.VAR),
    ("LANGDIR", chars.LANGDIR),
    ("LANGTAG", chars.LANGTAG),
    ("SIGNED", "[+-]" + chars.NUMBER),
    ("NUMBER", chars.NUMBER),
    ("STRING", chars.STRING),
    ("NIL", chars.NIL),
    ("ANON", chars.ANON),
    ("WORD", chars.WORD),
    ("STAR", chars.STAR),
    ("PUNCT", chars.PUNCT),
    ("EOF", r"\Z"),
    ("ERROR", r"(?s:.)"),
)


def _master(skip: str = "") -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern of every piece but ``skip``, and the piece's name for each group number
    (the pieces have no groups of their own)."""
    pieces = [(name, piece) for name, piece in _PIECES if name != skip]
    joined = "|".join(f"({piece})" for _, piece in pieces)
    pattern = re.compile(f"{chars.SKIP}(?:{joined})")
    assert pattern.groups == len(pieces)
    return pattern, ("",) + tuple(name for name, _ in pieces)


_ALL, _ALL_NAMES = _master()
_NO_PNAME, _NO_PNAME_NAMES = _master("PNAME")
_PREFIX_RUN = re.compile(chars.PN_PREFIX)
_SHORT_BODY = {q: re.compile(rf"(?:[^{q}\\\n\r]|{chars.ECHAR}|{chars.UCHAR})*+") for q in "\"'"}
_LONG_BODY = {
    q: re.compile(rf"(?:(?:{q}{q}|{q})?+(?:[^{q}\\]|{chars.ECHAR}|{chars.UCHAR}))*+") for q in "\"'"
}

_LAST = frozenset(("EOF", "ERROR", "STAR", "LANGDIR"))

#: Tokens made per chunk: every query of a usual size is read in one.
CHUNK = 2048


class Tokens(NamedTuple):
    """Tokens as three lists, one entry per token (faster to index than objects).

    ``kinds`` holds the terminal's name (``IRIREF``, ``PNAME_LN``, ``VAR``, ``STRING``,
    ``NUMBER``, ``SIGNED`` …), the upper-case keyword (``SELECT``), ``a``, or the punctuation
    itself (``{``, ``^^``); ``values`` the token's text (for ``ERROR``, the message); ``starts``
    the offset of its first character.
    """

    kinds: list[str]
    values: list[str]
    starts: list[int]


class Lexer:
    """Tokens of one text, made on demand: :meth:`more` adds a chunk to :attr:`tokens`.

    Once the text is read, the lists end with two ``EOF`` tokens (or an ``ERROR`` and an
    ``EOF``), so that a parser may look one token past the end without a check.
    """

    __slots__ = ("text", "tokens", "done", "_pos", "_plain_until")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = Tokens([], [], [])
        self.done = False
        self._pos = 0
        self._plain_until = -1

    def more(self, count: int = CHUNK) -> None:
        """Read up to ``count`` more tokens (all the rest when the text ends before)."""
        text, keywords = self.text, KEYWORDS
        kinds, values, starts = self.tokens
        pos, plain_until = self._pos, self._plain_until
        match_all, match_plain = _ALL.match, _NO_PNAME.match
        for _ in range(count):
            if pos < plain_until:
                match, names = match_plain(text, pos), _NO_PNAME_NAMES
            else:
                match, names = match_all(text, pos), _ALL_NAMES
            assert match is not None  # the ERROR piece matches any character, EOF the end
            index = match.lastindex or 0
            start, pos = match.start(index), match.end()
            kind = names[index]
            value = text[start:pos]
            if kind == "WORD":
                upper = value.upper()
                kind = "a" if value == "a" else upper if upper in keywords else "WORD"
                if pos > plain_until and pos < len(text):  # not a prefixed name: see above
                    run = _PREFIX_RUN.match(text, start)
                    plain_until = run.end() if run else pos
            elif kind == "PUNCT":
                kind = value
            elif kind == "PNAME":
                colon = value.find(":")
                kind = "PNAME_NS" if colon == len(value) - 1 else "PNAME_LN"
            elif kind in _LAST:
                if kind != "EOF":
                    if kind == "ERROR" and text.startswith(text[start] * 3, start - 2):
                        start -= 2  # `""` then `"`: a long string that is never closed
                    kinds.append("ERROR")
                    values.append(_problem(kind, text, start))
                    starts.append(start)
                kinds.extend(("EOF", "EOF"))
                values.extend(("", ""))
                starts.extend((len(text), len(text)))
                self.done = True
                return
            kinds.append(kind)
            values.append(value)
            starts.append(start)
        self._pos, self._plain_until = pos, plain_until


def tokenize(text: str) -> Tokens:
    """All the tokens of ``text``, ending with ``EOF`` (after an ``ERROR`` if there is one).

    >>> tokenize("SELECT ?x { ?x a ex:b\\\\#c } # done").kinds
    ['SELECT', 'VAR', '{', 'VAR', 'a', 'PNAME_LN', '}', 'EOF']
    >>> tokenize("ASK { ?s ?p ?o ~ ?r }").values[-2]
    '`~` (a SPARQL 1.2 reifier) is not SPARQL 1.1'
    """
    lexer = Lexer(text)
    while not lexer.done:
        lexer.more()
    kinds, values, starts = lexer.tokens
    return Tokens(kinds[:-1], values[:-1], starts[:-1])


def _problem(kind: str, text: str, start: int) -> str:
    """What is wrong at ``start``, where no terminal of SPARQL 1.1 begins.

    >>> _problem("ERROR", "'abc", 0)
    'string not closed on its line'
    >>> _problem("ERROR", r'"a\\qb"', 0)
    'bad escape `\\\\q` in a string'
    """
    char = text[start]
    if kind == "LANGDIR":
        return "a base direction (`--ltr`, SPARQL 1.2) is not SPARQL 1.1"
    if kind == "STAR":
        token = "~" if char == "~" else text[start : start + 2]
        return f"`{token}` ({STAR_NAMES[token]}) is not SPARQL 1.1"
    if char in "\"'":
        long = text.startswith(char * 3, start)
        body = (_LONG_BODY if long else _SHORT_BODY)[char]
        end = body.match(text, start + (3 if long else 1)).end()  # type: ignore[union-attr]
        if text.startswith("\\", end):
            return f"bad escape `{text[end : end + 2]}` in a string"
        return "long string never closed" if long else "string not closed on its line"
    if char == "\\":
        if text[start + 1 : start + 2] in ("u", "U"):
            return "a codepoint escape (`\\u`) is only allowed inside an IRI or a string"
        return "unexpected `\\`"
    if char == "@":
        return "a language tag must start with a letter"
    shown = char if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
    return f"unexpected character `{shown}`"
