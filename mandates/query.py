"""Running SPARQL queries on a store and writing their results as a table, CSV or JSON.

The project's prefixes (``mnd:``, ``verb:``, ``skos:`` …) are declared for every query, so
analysts may use them without PREFIX lines; error positions refer to the query as written.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from .errors import QueryError
from .namespaces import PREFIXES, sparql_prologue

PROLOGUE = sparql_prologue()
_PROLOGUE_LINES = PROLOGUE.count("\n")
_POSITION = re.compile(r"^error at (\d+):(\d+): ")


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


def syntax_error(message: str, source: str = "query", skipped_lines: int = 0) -> QueryError:
    """The engine's syntax error as a :class:`QueryError` at ``source:line:column``.

    ``skipped_lines`` are lines the engine saw before the text as written (a prologue).

    >>> str(syntax_error("error at 12:3: expected OPTIONAL", skipped_lines=10))
    'query:2:3: SPARQL syntax error: expected OPTIONAL'
    """
    match = _POSITION.match(message)
    if not match:
        return QueryError(f"SPARQL syntax error: {message}", source)
    position = f"{source}:{int(match.group(1)) - skipped_lines}:{match.group(2)}"
    return QueryError(f"SPARQL syntax error: {message[match.end() :]}", position)


def run(store: ox.Store, text: str, source: str = "query") -> object:
    """Evaluate a query over the default graph: the merge of all named graphs."""
    try:
        return store.query(PROLOGUE + text)
    except SyntaxError as err:
        raise syntax_error(str(err), source, _PROLOGUE_LINES) from None
    except OSError as err:
        raise QueryError(f"the query failed: {err}", source) from None


def short(term: object) -> str:
    """A term for a person: a prefixed name where a prefix fits, a literal's plain value."""
    if isinstance(term, ox.NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri) and re.fullmatch(r"[\w.-]*", term.value[len(iri) :]):
                return f"{prefix}:{term.value[len(iri) :]}"
        return term.value
    if isinstance(term, ox.Literal | ox.BlankNode):
        return term.value if isinstance(term, ox.Literal) else f"_:{term.value}"
    return "" if term is None else str(term)


def as_table(results: object, width: int = 60) -> str:
    """Solutions as an aligned text table, booleans as yes/no, graphs as N-Triples."""
    if isinstance(results, ox.QueryBoolean):
        return ("yes" if bool(results) else "no") + "\n"
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES).decode()
    names = [v.value for v in results.variables]
    rows = [[_clip(short(row[n]), width) for n in names] for row in results]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "json": ox.QueryResultsFormat.JSON}
GRAPH_FORMATS = {"csv": ox.RdfFormat.N_TRIPLES, "json": ox.RdfFormat.JSON_LD}


def serialize(results: object, fmt: str) -> str:
    """Results as ``table``, ``csv`` or ``json`` (SPARQL 1.1 results formats)."""
    if fmt == "table":
        return as_table(results)
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=GRAPH_FORMATS[fmt]).decode()
    return results.serialize(format=RESULT_FORMATS[fmt]).decode()
