"""The IRI scheme: every resource's IRI is derived from what identifies it in UN practice.

Reloading the same facts therefore yields the same IRIs (see ``ontology/README.md``).

>>> document("A/RES/65/230")
'https://w3id.org/un-mandates/id/doc/A/RES/65/230'
>>> document("A/RES/75/290 B")
'https://w3id.org/un-mandates/id/doc/A/RES/75/290_B'
>>> resolution("ccpcj", "22/7")
'https://w3id.org/un-mandates/id/resolution/ccpcj/22/7'
>>> meeting("expert-group-cybercrime", 5)
'https://w3id.org/un-mandates/id/meeting/expert-group-cybercrime/5'
>>> agenda_item(meeting("expert-group-cybercrime", 5), "1 (a)")
'https://w3id.org/un-mandates/id/meeting/expert-group-cybercrime/5/item/1a'
>>> slug("Salvador Declaration on Comprehensive Strategies")
'salvador-declaration-on-comprehensive-strategies'
>>> statement(body("ccpcj"), "requested", body("expert-group-cybercrime")) == statement(
...     body("ccpcj"), "requested", body("expert-group-cybercrime"))
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from mandates.namespaces import GRAPH, ID


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def document(symbol: str) -> str:
    """A document identified by its UN symbol (a space before a part letter becomes ``_``)."""
    return f"{ID}doc/{symbol.strip().replace(' ', '_')}"


def resolution(body_slug: str, number: str) -> str:
    """A resolution that has a number but no UN symbol (e.g. Commission resolution 22/7)."""
    return f"{ID}resolution/{body_slug}/{number.strip().replace(' ', '_')}"


def source(name: str) -> str:
    """A source text of the graph that prints no symbol of its own, by its file stem."""
    return f"{ID}source/{name}"


def body(body_slug: str) -> str:
    return f"{ID}body/{body_slug}"


def agent(kind: str, name: str) -> str:
    """Agents that are not bodies: ``person``, ``officer``, ``group`` or ``org``."""
    return f"{ID}{kind}/{slug(name)}"


def meeting(body_slug: str, ordinal_or_date: int | str) -> str:
    """A meeting by its body and ordinal, or by its start date when it has no ordinal."""
    return f"{ID}meeting/{body_slug}/{ordinal_or_date}"


def agenda_item(meeting_iri: str, number: str) -> str:
    return f"{meeting_iri}/item/{re.sub(r'[^0-9A-Za-z]', '', number).lower()}"


def matter(name: str) -> str:
    return f"{ID}matter/{slug(name)}"


def paragraph(document_iri: str, position: int) -> str:
    """A block of a document's printed text, by its position in reading order (from 1).

    >>> paragraph(source("000_x"), 3)
    'https://w3id.org/un-mandates/id/source/000_x/para/3'
    """
    return f"{document_iri}/para/{position}"


def statement(subject: str, verb: str, obj: str) -> str:
    """One statement per (subject, verb, object): the same act from many sources is one node."""
    return f"{ID}statement/{_digest(subject, verb, obj)}"


def attestation(statement_iri: str, source_iri: str, paragraph: str, quote: str) -> str:
    return f"{ID}attestation/{_digest(statement_iri, source_iri, paragraph, quote)}"


def official_text(symbol: str) -> str:
    """The address of a UN document's official text at undocs.org, by its symbol as the
    Official Document System writes it: no space before a part letter or an old-style
    session, the session before the part letter.

    >>> official_text("A/RES/75/290 B")
    'https://undocs.org/A/RES/75/290B'
    >>> official_text("A/RES/415 (V)"), official_text("E/RES/155 C (VII)")
    ('https://undocs.org/A/RES/415(V)', 'https://undocs.org/E/RES/155(VII)C')
    """
    return "https://undocs.org/" + quote(ods_symbol(symbol).replace(" ", ""), safe="/().-")


def ods_symbol(symbol: str) -> str:
    """An old-style symbol as the Official Document System writes it: the session right after
    the number, then the part letter ("E/RES/155 C (VII)" → "E/RES/155(VII)C").

    >>> ods_symbol("A/RES/415 (V)"), ods_symbol("A/RES/75/290 B")
    ('A/RES/415(V)', 'A/RES/75/290 B')
    """
    text = symbol.strip()
    m = re.fullmatch(r"(?P<head>.*/\d+)(?: (?P<part>[A-Z]))? (?P<session>\([IVXLC]+\))", text)
    return f"{m['head']}{m['session']}{m['part'] or ''}" if m else text


def graph(kind: str, name: str) -> str:
    """Named graphs: ``source/<stem>`` per source text, ``curated/<stem>``, ``ontology``."""
    return f"{GRAPH}{kind}/{name}" if name else f"{GRAPH}{kind}"
