"""Which group of a resource page a property belongs to, and its order there.

- identity: names, symbols, numbers, titles, dates, place, ordinal, status, official text;
- mandate relations: the sub-properties of ``mnd:mandateRelation`` (the direct edges of
  mandate acts) and a statement's subject, verb and object;
- provenance: ``dct:source``, PROV-O terms, and an attestation's source, paragraph, quote,
  assertion status and evidence kind;
- other: everything else, by IRI.
"""

from __future__ import annotations

from mandates.namespaces import MND, PREFIXES

_M, _S, _R, _D = str(MND), PREFIXES["skos"], PREFIXES["rdfs"], PREFIXES["dct"]
IDENTITY = [_R + "label", _S + "prefLabel", _S + "altLabel", _S + "notation"] + [
    _M + name
    for name in (
        "acronym symbol resolutionNumber title date startDate endDate originalStartDate"
        " originalEndDate place ordinal itemNumber recommendationLabel meetingFormat"
        " meetingStatus nationality officialText"
    ).split()
]
STATEMENT_PARTS = [_M + "subject", _M + "verb", _M + "object"]
PROVENANCE = [_D + "source", _M + "attestedBy", _M + "source", _M + "paragraph", _M + "quote"]
PROVENANCE += [_M + "assertionStatus", _M + "evidenceKind"]
KINDS = ("identity", "mandate relations", "provenance", "other")
_POSITION = {p: i for i, p in enumerate(IDENTITY + STATEMENT_PARTS + PROVENANCE)}


def order(prop: str) -> tuple[int, str]:
    """Known properties in the order above, then the others by IRI.

    >>> order(_M + "symbol") < order(_M + "date") < order(_M + "meetingOf")
    True
    """
    return (_POSITION.get(prop, len(_POSITION)), prop)


def kind(prop: str, mandate: set[str]) -> str:
    """The group of ``prop``; ``mandate`` holds the mandate relations of the ontology.

    >>> kind(_M + "requested", {_M + "requested"}), kind(_D + "source", set())
    ('mandate relations', 'provenance')
    """
    if prop in IDENTITY:
        return "identity"
    if prop in mandate or prop in STATEMENT_PARTS:
        return "mandate relations"
    if prop in PROVENANCE or prop.startswith(PREFIXES["prov"]):
        return "provenance"
    return "other"
