"""A parser of SPARQL 1.1, written from the W3C grammar, for the endpoint's guards: refuse
SERVICE and updates, and never cache an answer that calls NOW(), RAND() and the like.

These are read from the parsed query, not from its text, so that a keyword inside a string,
an IRI, a comment or a prefixed name's escapes (``ex:a\\#``) cannot hide or fake one.

:func:`analyse` gives a :class:`QueryInfo`; :func:`parse` the syntax tree (:mod:`.tree`);
:func:`tokenize` the tokens. Every error is a :class:`SparqlSyntaxError` with a line and a
column. The modules, one job each: :mod:`.chars` (the grammar's terminals as patterns),
:mod:`.lexer`, :mod:`.words` (keywords and built-ins), :mod:`.cursor` (moving, failing,
nesting), :mod:`.terms`, :mod:`.expressions`, :mod:`.paths`, :mod:`.triples`,
:mod:`.patterns`, :mod:`.scope` (variables in scope), :mod:`.query`, :mod:`.update`,
:mod:`.parser` (the whole), :mod:`.tree` and :mod:`.forms` (the syntax tree), :mod:`.analysis`,
:mod:`.errors`.
"""

from __future__ import annotations

from .analysis import QueryInfo, analyse, describe, walk
from .cursor import MAX_DEPTH
from .errors import SparqlSyntaxError
from .lexer import tokenize
from .parser import parse

__all__ = [
    "MAX_DEPTH",
    "QueryInfo",
    "SparqlSyntaxError",
    "analyse",
    "describe",
    "parse",
    "tokenize",
    "walk",
]
