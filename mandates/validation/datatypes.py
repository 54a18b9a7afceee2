"""Whether a literal's lexical form is valid for its XML Schema datatype (for ``sh:datatype``).

SHACL makes ``"300"^^xsd:byte`` a violation of ``sh:datatype xsd:byte``: the datatype matches
but the literal is ill-formed. Neither SPARQL nor Oxigraph says so for every XSD type (a cast
to xsd:byte does not exist, and the store writes valid and invalid bytes alike), so the lexical
spaces of XML Schema 1.1 Part 2 are written here as patterns and ranges.

>>> well_formed("300", "http://www.w3.org/2001/XMLSchema#byte")
False
>>> well_formed("2024-02-29", "http://www.w3.org/2001/XMLSchema#date")
True
>>> well_formed("2023-02-29", "http://www.w3.org/2001/XMLSchema#date")
False
"""

from __future__ import annotations

import re

XSD = "http://www.w3.org/2001/XMLSchema#"
_TZ = r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_YEAR = r"-?([1-9][0-9]{3,}|0[0-9]{3})"
_TIME = r"(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)"
_DURATION = (
    r"-?P(?=.)([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?=.)([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?"
)
_NAME_START = r"A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
_NAME_CHAR = _NAME_START + r"\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"

PATTERNS = {
    "boolean": r"true|false|1|0",
    "decimal": r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)",
    "integer": r"[+-]?[0-9]+",
    "float": r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN",
    "double": r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN",
    "date": _YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" + _TZ,
    "dateTime": _YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T" + _TIME + _TZ,
    "dateTimeStamp": _YEAR
    + r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T"
    + _TIME
    + r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))",
    "time": _TIME + _TZ,
    "gYear": _YEAR + _TZ,
    "gYearMonth": _YEAR + r"-(0[1-9]|1[0-2])" + _TZ,
    "gMonth": r"--(0[1-9]|1[0-2])" + _TZ,
    "gDay": r"---(0[1-9]|[12][0-9]|3[01])" + _TZ,
    "gMonthDay": r"--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" + _TZ,
    "duration": _DURATION,
    "dayTimeDuration": r"-?P(?=.)([0-9]+D)?(T(?=.)([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?",
    "yearMonthDuration": r"-?P(?=.)([0-9]+Y)?([0-9]+M)?",
    "hexBinary": r"([0-9a-fA-F]{2})*",
    "base64Binary": r"(([A-Za-z0-9+/] ?){4})*(([A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]"
    r"|([A-Za-z0-9+/] ?){2}[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=)?",
    "language": r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*",
    "normalizedString": r"[^\r\n\t]*",
    "token": r"([^\s]+( [^\s]+)*)?",
    "NMTOKEN": f"[{_NAME_CHAR}]+",
    "Name": f"[{_NAME_START}][{_NAME_CHAR}]*",
    "NCName": f"[{_NAME_START.replace(':', '')}][{_NAME_CHAR.replace(':', '')}]*",
    "anyURI": r"[^\s]*",
    "string": r"[\s\S]*",
}
#: Ranges of the types derived from xsd:integer (None: unbounded on that side).
RANGES: dict[str, tuple[int | None, int | None]] = {
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-128, 127),
    "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}
_COMPILED = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}
_DAYS = {1: 31, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
_DAY = re.compile(r"-?(\d+)-(\d\d)-(\d\d)")


def known(datatype: str) -> bool:
    """Whether the lexical space of ``datatype`` is known here (others accept any form)."""
    name = datatype.removeprefix(XSD)
    return datatype.startswith(XSD) and (name in PATTERNS or name in RANGES)


def well_formed(lexical: str, datatype: str) -> bool:
    """Whether ``lexical`` is in the lexical space of ``datatype`` (True for unknown types)."""
    if not known(datatype):
        return True
    name = datatype.removeprefix(XSD)
    if name in RANGES:
        if not _COMPILED["integer"].fullmatch(lexical):
            return False
        low, high = RANGES[name]
        number = int(lexical)
        return (low is None or number >= low) and (high is None or number <= high)
    if not _COMPILED[name].fullmatch(lexical):
        return False
    if name in ("date", "dateTime", "dateTimeStamp"):
        year, month, day = (int(g) for g in _DAY.match(lexical).groups())  # type: ignore[union-attr]
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return day <= (29 if leap else 28) if month == 2 else day <= _DAYS[month]
    return True
