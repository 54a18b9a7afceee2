"""Validating new mandate data on the web: upload or paste, read the report, load if valid.

A submission is read by :mod:`mandates.ingest.submissions` and checked in the context of the
store in service (:mod:`mandates.ingest.staging`), with the server's shapes only, by a worker
process (the ``validate`` kind of :mod:`.workers`: bounded, under a deadline and memory limit;
never in the server). Its report is kept under a random token (:mod:`.pending_reports`, a few
per visitor) for download as Turtle or JSON and for loading, which a worker does too.
Loading and undoing need ``WRITE_TOKEN`` (``MANDATES_WRITE_TOKEN``): without it there is no
load form and those POSTs answer 403. Every load and undo is logged (:mod:`mandates.ingest.log`)
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
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import RequestEntityTooLarge

from mandates.errors import InputError
from mandates.ingest.naming import kind_of
from mandates.validation import Report, Result
from mandates.validation.store_report import StoreReport, store_report

from .permissions import writer
from .store import get_local_store, per_version
from .work import Invalid, task
from .workers.service import client_of

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
    linked: set[str]  #: focus nodes of the report that the store knows (linked on the page)


@bp.before_request
def _limits() -> None:
    request.max_content_length = current_app.config["MAX_UPLOAD"]
    request.max_form_memory_size = current_app.config["MAX_UPLOAD"]


def in_service_report() -> StoreReport:
    """The report of the store in service, validated once per store version."""
    return per_version("validation.report", lambda: store_report(get_local_store()))


def shape_results(iri: str) -> list[Result]:
    """The Warnings and Violations of the store in service whose focus node is ``iri``."""
    return in_service_report().about(iri)


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


@bp.get("/validate")
def index() -> tuple[str, int]:
    return _page("validate/index.html")


@bp.post("/validate")
def submit() -> ResponseReturnValue:
    try:
        name, data = _submission()
        report, linked = task("validate", "validate", "the validation", name=name, data=data)
    except (InputError, Invalid) as err:
        # The form comes back with what was pasted, so that a typo costs one fix, not a redo.
        pasted = {"text": request.form.get("text", ""), "chosen": request.form.get("format")}
        message = err.message if isinstance(err, Invalid) else str(err)
        return _page("validate/index.html", 400, error=message, **pasted)
    checked = Checked(name, data, report, linked)
    token = current_app.extensions["mandates.reports"].put(checked, client_of(request.environ))
    return redirect(url_for(".report", token=token), 303)


def _checked(token: str) -> Checked:
    checked = current_app.extensions["mandates.reports"].get(token)
    if checked is None:
        abort(404, "no such report: reports are kept an hour; submit the data again")
    return checked


@bp.get("/validate/<token>")
def report(token: str) -> tuple[str, int]:
    checked = _checked(token)
    return _report_page(token, checked, checked.report)


def _report_page(
    token: str, checked: Checked, rep: Report, status: int = 200, **more: object
) -> tuple[str, int]:
    return _page(
        "validate/report.html",
        status,
        token=token,
        name=checked.name,
        report=rep,
        linked=checked.linked,
        **more,
    )


@bp.get("/validate/<token>.<any(ttl, json):fmt>")
def download(token: str, fmt: str) -> Response:
    kind, media_type = DOWNLOADS[fmt]
    response = Response(_checked(token).report.dumps(kind), mimetype=media_type)
    response.headers["Content-Disposition"] = f"attachment; filename=validation-report.{fmt}"
    return response


@bp.post("/validate/<token>/load")
def load_submission(token: str) -> ResponseReturnValue:
    by = writer()
    checked = _checked(token)
    try:
        task(
            "validate",
            "load",
            "the load",
            name=checked.name,
            data=checked.data,
            by=by,
            address=request.remote_addr,
        )
    except Invalid as err:
        if isinstance(err.value, Report):  # it does not conform to what the store holds now
            return _report_page(token, checked, err.value, 409, error=err.message)
        return _report_page(token, checked, checked.report, 400, error=err.message)
    return redirect(url_for("loads.index"), 303)
