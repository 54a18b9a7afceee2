"""The source reader: every document whose text the store holds, read paragraph by paragraph,
each passage behind a mandate statement highlighted with its verb and linked to the statement.

``/read`` lists the documents; ``/read/<path>`` reads the one whose IRI is
``https://w3id.org/un-mandates/id/<path>``, with its JSON twin at ``?format=json``. Quotes
anywhere in the explorer link into it at ``#para-<id>`` (:func:`reader_url`). The read model is
:mod:`mandates.graph.reader`.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for
from flask.typing import ResponseReturnValue

from mandates.graph import reader
from mandates.graph.labels import labels
from mandates.graph.passages import anchor, reference
from mandates.graph.terms import STATUS_NAMES
from mandates.query.run import select

from .store import get_store, per_version
from .urls import ID_BASE, iri_for_path, page_url

bp = Blueprint("reader", __name__)
_SOURCES = """SELECT DISTINCT ?doc ?symbol WHERE {
  ?a mnd:source ?doc . OPTIONAL { ?doc mnd:symbol ?symbol } }"""


def readable() -> dict[str, int]:
    """The documents whose text the store holds, with their number of blocks (per version)."""
    return per_version("reader.documents", lambda: reader.documents(get_store()))


def source_names() -> dict[str, str]:
    """How each source of a passage is named in a reference: its symbol, else its label."""

    def compute() -> dict[str, str]:
        store = get_store()
        rows = list(select(store, _SOURCES))
        symbols = {r["doc"].value: r["symbol"].value for r in rows if r["symbol"] is not None}
        docs = {r["doc"].value for r in rows}
        names = labels(store, docs - set(symbols))
        found = {}
        for d in docs:
            name = names.get(d) or d.rsplit("/", 1)[-1]
            # "para. 3 of the draft report of …", but "para. 3 of A/RES/65/230"
            found[d] = symbols.get(d) or (f"the {name}" if name[:1].islower() else name)
        return found

    return per_version("reader.source_names", compute)


@bp.app_template_global()
def reader_url(document: str, pid: str | None = None) -> str | None:
    """The reader's address of a document (at a paragraph), or None when there is no text."""
    if document not in readable() or not document.startswith(ID_BASE):
        return None
    path = document[len(ID_BASE) :]
    return url_for("reader.page", path=path, _anchor=anchor(pid) if pid else None)


@bp.app_template_global()
def passage_reference(pid: str | None, document: str | None) -> str:
    """``para. 13 of UNODC/CCPCJ/EG.4/2019/1``: where a passage is, for a person."""
    if document is None:
        return "source not given"
    return reference(pid, source_names().get(document) or document.rsplit("/", 1)[-1])


@bp.app_template_global()
def status_key(status: str | None) -> str:
    """The short name of an assertion status (adopted, reported, suggested, proposed) for a
    CSS class; ``none`` when there is none."""
    return STATUS_NAMES.get(status or "", "none")


@bp.context_processor
def _helpers() -> dict[str, object]:
    return {"is_named": lambda t: isinstance(t, ox.NamedNode)}


@bp.get("/read")
def index() -> str:
    store = get_store()
    docs = readable()
    names = labels(store, docs)
    facts = reader.document_facts(store, sorted(docs))
    rows = [
        {"iri": d, "label": names.get(d) or d, "blocks": n, **facts[d], "url": reader_url(d)}
        for d, n in docs.items()
    ]
    rows.sort(key=lambda r: (str(r["date"] or "9999"), str(r["label"]).casefold()))
    return render_template("reader/index.html", documents=rows)


@bp.get("/read/<path:path>")
def page(path: str) -> ResponseReturnValue:
    iri = iri_for_path(path)
    try:
        ox.NamedNode(iri)
    except ValueError:
        abort(404, f"{iri} is not a valid IRI.")
    reading = reader.read(get_store(), iri)
    if reading is None:
        abort(404, f"The store holds no text of {iri}.")
    if request.args.get("format") == "json":
        return _json(reading)
    if request.args.get("format") not in (None, "html"):
        abort(400, "unknown format: use html or json")
    response = Response(render_template("reader/page.html", r=reading, iri=iri, path=path))
    return response


def _json(r: reader.Reading) -> Response:
    def passage(p: reader.Passage) -> dict[str, Any]:
        obj = p.object.value if isinstance(p.object, ox.NamedNode) else None
        return {
            "attestation": p.attestation,
            "statement": p.statement,
            "statementUrl": page_url(p.statement),
            "subject": p.subject,
            "verb": p.verb,
            "verbLabel": r.name(p.prop or p.verb),
            "object": obj or p.object.value,
            "quote": p.quote,
            "paragraph": p.paragraph,
            "reference": passage_reference(p.paragraph, r.iri),
            "status": p.status,
            "evidence": p.evidence,
            "block": p.block,
        }

    paragraphs = [
        {
            "id": para.pid,
            "anchor": para.anchor,
            "blocks": [
                {
                    "position": b.position,
                    "anchor": b.anchor,
                    "kind": b.kind,
                    "text": b.text,
                    "passages": b.starts,
                }
                for b in para.blocks
            ],
        }
        for para in r.paragraphs
    ]
    return jsonify(
        {
            "document": r.iri,
            "label": r.name(r.iri),
            "url": page_url(r.iri),
            "paragraphs": paragraphs,
            "passages": [passage(p) for p in r.passages],
        }
    )
