"""The evidence behind one mandate edge: its statement, both ends and every attestation
(quote, paragraph, source document, assertion status, evidence kind)."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from mandates.graph import evidence
from mandates.store.contract import ReadableStore

from .terms import STATUS_NAMES, Facts, Terms, read_terms


def edge_detail(
    store: ReadableStore,
    statement: str,
    url: Callable[[str], str] | None = None,
    terms: Terms | None = None,
    place: Callable[[str, str | None], tuple[str, str | None]] | None = None,
):
    """The JSON of ``/graph/api/edge``: a statement, its ends and its attestations, or None.

    ``place(source, paragraph)`` gives a passage's reference for a person ("para. 13 of …")
    and its address in the source reader (or None), given as ``reference`` and ``reader``.
    """
    found = [s for s in evidence.statements_about(store, statement) if s.iri == statement]
    if not found or not isinstance(found[0].object, ox.NamedNode):
        return None
    st = found[0]
    facts = Facts(store, terms or read_terms(store))
    verb = facts.terms.verbs.get(st.prop or "") or st.verb.rsplit("#", 1)[-1]
    attestations = []
    for a in st.attestations:
        reference, reader = place(a.source, a.paragraph) if place and a.source else (None, None)
        attestations.append(
            {
                "quote": " … ".join(a.quotes),
                "paragraph": a.paragraph,
                "reference": reference,
                "reader": reader,
                "source": facts.node(a.source, url) if a.source else None,
                "status": STATUS_NAMES.get(a.status or "", a.status),
                "statusLabel": facts.terms.name(a.status) if a.status else None,
                "evidence": _evidence_name(a.kind),
                "evidenceLabel": facts.terms.name(a.kind) if a.kind else None,
            }
        )
    return {
        "statement": st.iri,
        "subject": facts.node(st.subject, url),
        "verb": verb,
        "verbLabel": facts.terms.name(st.prop) if st.prop else verb,
        "object": facts.node(st.object.value, url),
        "attestations": attestations,
        "url": url(st.iri) if url else None,
    }


def _evidence_name(kind: str | None) -> str | None:
    """``primary`` or ``secondary`` for the evidence kinds of the ontology."""
    if kind is None:
        return None
    return kind.rsplit("#", 1)[-1].removesuffix("Evidence").lower()
