"""The explorer as deployed: no debug mode whatever the environment says, no tracebacks in
answers, and the dependency floors that close known holes in Flask and Werkzeug."""

from __future__ import annotations

import threading
import tomllib
from importlib.metadata import version

import pytest
import waitress
from packaging.requirements import Requirement
from packaging.version import Version

from mandates.web import create_app

from support import ROOT, call


@pytest.mark.slow
def test_no_debug_mode_anywhere(built_store, live_server, monkeypatch) -> None:
    status, headers, _ = call(live_server.url + "/")
    assert (status, headers["Server"]) == (200, "mandates")  # waitress' ident, set by serve
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"STORE": str(built_store.root)})
    assert (app.debug, app.config["DEBUG"]) == (False, False)

    @app.get("/test-only-boom")
    def boom() -> str:
        raise RuntimeError("secret detail /etc/passwd")

    response = app.test_client().get("/test-only-boom")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in body and "secret detail" not in body and "boom" not in body
    assert response.headers["X-Content-Type-Options"] == "nosniff"

    server = waitress.create_server(app, host="127.0.0.1", port=0, ident="mandates")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        status, headers, body = call(f"http://127.0.0.1:{server.effective_port}/test-only-boom")
    finally:
        server.close()
        thread.join(5)
    assert (status, headers["Server"]) == (500, "mandates")
    assert b"Traceback" not in body and b"secret detail" not in body
    log = live_server.log.read_text()
    assert "Debugger" not in log and "development server" not in log.lower()


def test_dependency_floors() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    floors = {r.name.lower(): str(r.specifier) for r in map(Requirement, declared) if r.specifier}
    assert (floors["flask"], floors["werkzeug"]) == (">=3.1.3", ">=3.0.6")
    assert Version(version("flask")) >= Version("3.1.3")
    assert Version(version("werkzeug")) >= Version("3.0.6")
