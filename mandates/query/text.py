"""What a query's text asks for: updates, remote SERVICE calls, functions whose value changes.

Strings, IRIs and comments are blanked first, so that a keyword inside them does not count.
"""

from __future__ import annotations

import re

_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE\b", re.IGNORECASE)


def code_only(text: str) -> str:
    """The query with its strings, IRIs and comments blanked, for looking for keywords.

    >>> code_only('SELECT ?s { ?s <http://x/FROM> "FROM" } # FROM').split()
    ['SELECT', '?s', '{', '?s', '}']
    """
    return _NOT_CODE.sub(" ", text)


def uses_service(text: str) -> bool:
    """True when the query calls a remote SERVICE (outside strings, IRIs and comments).

    >>> uses_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT * { ?s rdfs:label "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(code_only(text)))


#: Functions whose value changes from one evaluation to the next.
_VOLATILE = re.compile(r"(?<![\w:?$])(NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


def volatile(text: str) -> bool:
    """True when the query calls NOW(), RAND(), UUID(), STRUUID() or BNODE(): its answer may
    change with no change in the data, so it must not be kept and served again.

    >>> volatile("SELECT (rand() AS ?r) {}"), volatile('SELECT * { ?s ?p "NOW()" }')
    (True, False)
    """
    return bool(_VOLATILE.search(code_only(text)))


_UPDATE = re.compile(
    r"(?<![\w:?$@.-])(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|ADD|MOVE|COPY|WITH)(?![\w:-])",
    re.IGNORECASE,
)


def update_keyword(text: str) -> str | None:
    """The first SPARQL Update keyword in the text (outside strings, IRIs and comments).

    This names what is refused; the guard itself is that queries only ever reach
    ``Store.query`` on a read-only store, which cannot run an update.

    >>> update_keyword("PREFIX copy: <http://x/> DELETE WHERE { ?s copy:p ?o }")
    'DELETE'
    >>> update_keyword('SELECT ?drop { ?s ex:load "CLEAR"@en-add } # INSERT') is None
    True
    """
    match = _UPDATE.search(code_only(text))
    return match.group(1).upper() if match else None
