"""The log of loads and undos, and undoing a load (write token needed)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from mandates.ingest.log import entries, undoable
from mandates.validation import Report

from .permissions import writer
from .store import get_store
from .work import Invalid, task

bp = Blueprint("loads", __name__)


@bp.get("/loads")
def index() -> ResponseReturnValue:
    return _page()


def _page(status: int = 200, **more) -> ResponseReturnValue:
    store = get_store()
    log = entries(store)
    if request.method == "GET" and request.args.get("format") == "json":
        return Response(
            current_app.json.dumps([e.to_json() for e in log]), mimetype="application/json"
        )
    current = {e.iri for e in undoable(store, log).values()}
    return render_template("loads/index.html", log=log, current=current, **more), status


@bp.post("/loads/undo")
def undo() -> ResponseReturnValue:
    by = writer()
    graph = request.form.get("graph", "")
    try:
        task("validate", "unload", "the undo", graph=graph, by=by, address=request.remote_addr)
    except Invalid as err:
        if isinstance(err.value, Report):  # what remains would not conform
            return _page(409, error=err.message, report=err.value)
        return _page(400, error=err.message)
    return redirect(url_for(".index"), 303)
