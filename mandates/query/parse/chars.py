r"""The character classes and terminals of the SPARQL 1.1 grammar (§19.8, rules [139]–[173]),
as pieces of regular expressions that the lexer joins into one.

Every repetition is possessive (``*+``, ``++``, ``?+``) and every alternative starts with a
character the others cannot start with at the same point, so no piece can backtrack: each one
matches or fails in time linear in what it reads. Where the grammar says "a run of characters
that may hold dots but not end with one" (PN_PREFIX, PN_LOCAL, BLANK_NODE_LABEL) the piece reads
it as "groups of dots, each followed by a character that is not a dot", which says the same
without a backward step.

>>> import re
>>> re.fullmatch(PN_LOCAL, r"a\#b.c%23:d") is not None
True
>>> re.match(PN_LOCAL, "a.b.").group()
'a.b'
"""

from __future__ import annotations

#: [164] PN_CHARS_BASE, as the inside of a character class.
BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
#: [165] PN_CHARS_U.
U = BASE + "_"
#: What may follow the first character of a VARNAME [166].
VARNAME_REST = U + "0-9\u00b7\u0300-\u036f\u203f-\u2040"
#: [167] PN_CHARS.
PN_CHARS = U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"

HEX = "[0-9A-Fa-f]"
#: A codepoint escape, accepted inside IRIs and strings only (see :mod:`.lexer`).
UCHAR = rf"\\u{HEX}{{4}}|\\U{HEX}{{8}}"
#: [160] ECHAR.
ECHAR = r"""\\[tbnrf"'\\]"""
#: [172] PLX: [173] PERCENT or [174] PN_LOCAL_ESC.
PLX = rf"%{HEX}{HEX}|\\[_~.\-!$&'()*+,;=/?#@%]"

#: [139] IRIREF.
IRIREF = rf'<(?:[^<>"{{}}|^`\\\x00-\x20]|{UCHAR})*+>'
#: [168] PN_PREFIX.
PN_PREFIX = rf"[{BASE}](?:\.*+[{PN_CHARS}])*+"
#: [169] PN_LOCAL.
PN_LOCAL = rf"(?:[{U}:0-9]|{PLX})(?:\.*+(?:[{PN_CHARS}:]|{PLX}))*+"
#: [140] PNAME_NS and [141] PNAME_LN in one: the lexer tells them apart by the local part.
PNAME = rf"(?:{PN_PREFIX})?+:(?:{PN_LOCAL})?+"
#: [142] BLANK_NODE_LABEL.
BLANK_NODE_LABEL = rf"_:[{U}0-9](?:\.*+[{PN_CHARS}])*+"
#: [143] VAR1 and [144] VAR2.
VAR = rf"[?$][{U}0-9][{VARNAME_REST}]*+"
#: [145] LANGTAG.
LANGTAG = r"@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+"
#: A SPARQL 1.2 language tag with a base direction (``@en--ltr``), refused by name.
LANGDIR = LANGTAG + r"--[a-zA-Z]++"

_EXPONENT = r"[eE][+-]?+[0-9]++"
#: [146]–[148] INTEGER, DECIMAL and DOUBLE in one; [149]–[154] are the same with a sign.
NUMBER = rf"(?:[0-9]++(?:\.[0-9]*+{_EXPONENT}|\.[0-9]++|{_EXPONENT})?+|\.[0-9]++(?:{_EXPONENT})?+)"

#: [156] STRING_LITERAL1, [157] STRING_LITERAL2, [158] and [159] the long forms.
STRING = (
    rf'"""(?:(?:""|")?+(?:[^"\\]|{ECHAR}|{UCHAR}))*+"""'
    rf"|'''(?:(?:''|')?+(?:[^'\\]|{ECHAR}|{UCHAR}))*+'''"
    rf'|"(?:[^"\\\n\r]|{ECHAR}|{UCHAR})*+"'
    rf"|'(?:[^'\\\n\r]|{ECHAR}|{UCHAR})*+'"
)

#: [162] WS and comments, skipped before every token.
SKIP = r"(?:[ \t\r\n]++|#[^\r\n]*+)*+"
#: [161] NIL and [163] ANON: brackets with only white space (no comment) between.
NIL = r"\([ \t\r\n]*+\)"
ANON = r"\[[ \t\r\n]*+\]"
#: Keywords, ``a``, ``true`` and ``false``: letters, digits and ``_`` (GROUP_CONCAT).
WORD = r"[A-Za-z][A-Za-z0-9_]*+"
#: Operators and punctuation, longest first.
PUNCT = r"\^\^|&&|\|\||!=|<=|>=|[{}()\[\].,;*/|^?!=<>+\-]"
#: Tokens of SPARQL 1.2 that are never valid SPARQL 1.1, refused by name.
STAR = r">>|\{\||\|\}|~"
