"""The log of loads and undos, and undoing a load (write token needed)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from mandates.errors import MandatesError
from mandates.ingest.load import unload
from mandates.ingest.log import entries, undoable
from mandates.validation import NotConforming

from .permissions import writer
from .store import get_root, get_store

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
    root = get_root()
    try:
        unload(root, request.form.get("graph", ""), by, request.remote_addr)
    except NotConforming as err:
        return _page(409, error=str(err), report=err.report)
    except MandatesError as err:
        return _page(400, error=str(err))
    return redirect(url_for(".index"), 303)
