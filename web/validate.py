"""Validating new mandate data on the web: upload or paste, read the report, load if valid.

A submission is read by :mod:`mandates.intake` and checked in the context of the store in
service (:mod:`mandates.staging`), with the server's shapes only. Its report is kept under a
random token (:mod:`mandates.report_cache`) for download as Turtle or JSON and for loading.
Loading and undoing need ``WRITE_TOKEN`` (``MANDATES_WRITE_TOKEN``): without it there is no
load form and those POSTs answer 403. Every load and undo is logged (:mod:`mandates.load_log`)
and listed at ``/loads``. Resource pages show the results about their resource, from the
report of the store in service, computed once per store version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import RequestEntityTooLarge

from mandates.build import BuildError
from mandates.config import Settings
from mandates.describe import knows
from mandates.errors import InputError, MandatesError
from mandates.intake import graph_for, kind_of, read_all
from mandates.loading import load, naming_graph
from mandates.report_cache import ReportCache
from mandates.staging import check_against
from mandates.store_report import StoreReport
from mandates.validation import Report, Result

from .permissions import writer
from .store import get_local_store, get_store

bp = Blueprint("validate", __name__)
#: What pasted text may be: the extension it is read as, and its name in the form.
PASTE_FORMATS = {
    "ttl": "Turtle",
    "trig": "TriG",
    "nt": "N-Triples",
    "jsonld": "JSON-LD",
    "rdf": "RDF/XML",
    "txt": "UN document (plain text)",
    "html": "UN document (HTML)",
}
DOWNLOADS = {"ttl": ("turtle", "text/turtle"), "json": ("json", "application/json")}


@dataclass
class Checked:
    name: str
    data: bytes
    report: Report


@bp.record_once
def _defaults(state) -> None:
    settings = Settings()
    state.app.config.setdefault("WRITE_TOKEN", settings.write_token)
    state.app.config.setdefault("MAX_UPLOAD", settings.max_upload)
    state.app.extensions["mandates.reports"] = ReportCache()
    state.app.extensions["mandates.store_report"] = StoreReport()


@bp.app_context_processor
def _helpers() -> dict[str, object]:
    return {"shape_results": shape_results, "can_write": bool(current_app.config["WRITE_TOKEN"])}


@bp.before_request
def _limits() -> None:
    request.max_content_length = current_app.config["MAX_UPLOAD"]
    request.max_form_memory_size = current_app.config["MAX_UPLOAD"]


def _version() -> str:
    return current_app.extensions["mandates.store"].root.version()


def store_report() -> Report:
    """The report of the store in service, validated once per store version."""
    return current_app.extensions["mandates.store_report"].get(_version(), get_local_store)


def shape_results(iri: str) -> list[Result]:
    """The Warnings and Violations of the store in service whose focus node is ``iri``."""
    return current_app.extensions["mandates.store_report"].about(_version(), get_local_store, iri)


def _page(template: str, status: int = 200, **context: object) -> tuple[str, int]:
    return render_template(template, formats=PASTE_FORMATS, **context), status


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_err: RequestEntityTooLarge) -> tuple[str, int]:
    limit = current_app.config["MAX_UPLOAD"]
    return _page("validate/index.html", 413, error=f"too large: the limit is {limit} bytes")


def _submission() -> tuple[str, bytes]:
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        name, data = upload.filename, upload.read()
        if kind_of(name) is None:
            known = ", ".join("." + f for f in PASTE_FORMATS)
            raise InputError(name, f"not an RDF file or a UN document: expected {known} …")
        return name, data
    text = request.form.get("text", "")
    fmt = request.form.get("format", "ttl")
    if fmt not in PASTE_FORMATS:
        raise InputError("pasted text", f"unknown format {fmt!r}")
    if not text.strip():
        raise InputError("form", "nothing to validate: choose a file or paste some text")
    data = text.encode("utf-8")
    return f"pasted-{hashlib.sha256(data).hexdigest()[:8]}.{fmt}", data


def _read(name: str, data: bytes):
    store = get_store()
    naming = naming_graph(store, without={graph_for(name)})
    try:
        return read_all([(name, data)], naming)
    except RecursionError:
        raise InputError(name, "nested too deeply: refused") from None


@bp.get("/validate")
def index() -> tuple[str, int]:
    return _page("validate/index.html")


@bp.post("/validate")
def submit() -> Response | tuple[str, int]:
    try:
        name, data = _submission()
        report = check_against(get_local_store(), _read(name, data), store_report())
    except InputError as err:
        # The form comes back with what was pasted, so that a typo costs one fix, not a redo.
        pasted = {"text": request.form.get("text", ""), "chosen": request.form.get("format")}
        return _page("validate/index.html", 400, error=str(err), **pasted)
    token = current_app.extensions["mandates.reports"].put(Checked(name, data, report))
    return redirect(url_for(".report", token=token), 303)


def _checked(token: str) -> Checked:
    checked = current_app.extensions["mandates.reports"].get(token)
    if checked is None:
        abort(404, "no such report: reports are kept an hour; submit the data again")
    return checked


@bp.get("/validate/<token>")
def report(token: str) -> tuple[str, int]:
    checked = _checked(token)
    return _report_page(token, checked.name, checked.report)


def _report_page(token: str, name: str, rep: Report, status: int = 200, **more) -> tuple[str, int]:
    store = get_store()
    linked = {r.focus for r in rep.results if r.focus_kind == "IRI" and knows(store, r.focus)}
    return _page(
        "validate/report.html", status, token=token, name=name, report=rep, linked=linked, **more
    )


@bp.get("/validate/<token>.<any(ttl, json):fmt>")
def download(token: str, fmt: str) -> Response:
    kind, media_type = DOWNLOADS[fmt]
    response = Response(_checked(token).report.dumps(kind), mimetype=media_type)
    response.headers["Content-Disposition"] = f"attachment; filename=validation-report.{fmt}"
    return response


@bp.post("/validate/<token>/load")
def load_submission(token: str) -> Response | tuple[str, int]:
    by = writer()
    checked = _checked(token)
    try:
        load(
            current_app.extensions["mandates.store"].root,
            _read(checked.name, checked.data),
            by,
            request.remote_addr,
        )
    except BuildError as err:
        return _report_page(token, checked.name, err.report, 409, error=str(err))
    except MandatesError as err:
        return _report_page(token, checked.name, checked.report, 400, error=str(err))
    return redirect(url_for("loads.index"), 303)
