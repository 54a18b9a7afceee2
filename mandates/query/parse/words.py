"""The words of SPARQL 1.1: keywords, built-in functions with the arguments each takes, and
the words of later versions that are refused by name.

Keywords are matched without regard to case (§19.3), except ``a``, which the lexer keeps apart.
"""

from __future__ import annotations

#: Built-in calls ([121]) with (fewest, most) arguments between brackets. ``0, 0`` means the
#: call is written with NIL only (``NOW()``); ``BNODE`` takes NIL or one argument; CONCAT and
#: COALESCE take an ExpressionList (NIL or any number). BOUND takes a variable, EXISTS a group
#: pattern: the parser reads those two apart.
BUILTINS: dict[str, tuple[int, int]] = {
    **dict.fromkeys(
        (
            "STR LANG DATATYPE IRI URI ABS CEIL FLOOR ROUND STRLEN UCASE LCASE ENCODE_FOR_URI "
            "YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ MD5 SHA1 SHA256 SHA384 SHA512 "
            "ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC"
        ).split(),
        (1, 1),
    ),
    **dict.fromkeys(
        "LANGMATCHES CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER STRLANG STRDT SAMETERM".split(),
        (2, 2),
    ),
    **dict.fromkeys("RAND NOW UUID STRUUID".split(), (0, 0)),
    "BNODE": (0, 1),
    "IF": (3, 3),
    "REGEX": (2, 3),
    "SUBSTR": (2, 3),
    "REPLACE": (3, 4),
    "CONCAT": (0, -1),
    "COALESCE": (0, -1),
    "BOUND": (1, 1),
}

#: [127] Aggregate: set functions, allowed in a projection, HAVING and ORDER BY.
AGGREGATES = frozenset("COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT".split())

#: Functions whose value changes from one evaluation to the next: a query that calls one must
#: not be answered from a cache.
VOLATILE = frozenset("NOW RAND UUID STRUUID BNODE".split())

#: The words an Update request ([30] Update1) starts with; WITH starts a Modify.
UPDATE_KEYWORDS = frozenset("LOAD CLEAR DROP CREATE ADD MOVE COPY INSERT DELETE WITH".split())

#: The four query forms.
QUERY_FORMS = frozenset("SELECT CONSTRUCT DESCRIBE ASK".split())

KEYWORDS = frozenset(
    set(BUILTINS)
    | AGGREGATES
    | UPDATE_KEYWORDS
    | QUERY_FORMS
    | set(
        "BASE PREFIX FROM NAMED WHERE GROUP BY HAVING ORDER ASC DESC LIMIT OFFSET VALUES UNDEF "
        "OPTIONAL MINUS UNION GRAPH SERVICE SILENT FILTER BIND AS DISTINCT REDUCED IN NOT "
        "EXISTS SEPARATOR TRUE FALSE DATA USING DEFAULT ALL INTO TO".split()
    )
)

#: Words of SPARQL 1.2 (and an extension of the engine) that SPARQL 1.1 does not have, with
#: what they are, for the error that refuses them.
LATER_WORDS: dict[str, str] = {
    **dict.fromkeys(
        "TRIPLE SUBJECT PREDICATE OBJECT ISTRIPLE LANGDIR HASLANG HASLANGDIR STRLANGDIR".split(),
        "a SPARQL 1.2 function",
    ),
    "VERSION": "a SPARQL 1.2 declaration",
    "LATERAL": "an extension of SPARQL, not SPARQL 1.1",
}

#: The SPARQL 1.2 tokens that can never appear in SPARQL 1.1 text.
STAR_NAMES = {
    ">>": "the end of a SPARQL 1.2 triple term",
    "{|": "a SPARQL 1.2 annotation",
    "|}": "the end of a SPARQL 1.2 annotation",
    "~": "a SPARQL 1.2 reifier",
}
