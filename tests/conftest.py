"""Fixtures in layers: a built store (session) → the app made over it → its test client and a
command-line runner → a live server process → a headless browser on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from mandates.ingest.build import build
from mandates.store.embedded import StoreRoot
from mandates.web import create_app

from support import DATA, Cli, LiveServer


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> StoreRoot:
    """The graph built from ``data/`` into a real on-disk store, once per session."""
    root = StoreRoot(tmp_path_factory.mktemp("store"))
    build(root, DATA)
    return root


@pytest.fixture(scope="session")
def app(built_store: StoreRoot) -> Flask:
    """The explorer made by ``create_app`` over the built store (real store, real workers)."""
    return create_app({"STORE": str(built_store.root)})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    """The command line run in-process (``runner.invoke(main, [...])``); :func:`cli` runs it as a
    separate process, as a user would."""
    return CliRunner()


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """The command line over a fresh, empty store folder."""
    return Cli(tmp_path / "store")


@pytest.fixture(scope="session")
def live_server(
    built_store: StoreRoot, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    server = LiveServer(built_store.root, tmp_path_factory.mktemp("server"))
    server.wait()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def strict_server(
    built_store: StoreRoot, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The production server with a 2 s deadline, for the attacks on it."""
    server = LiveServer(
        built_store.root, tmp_path_factory.mktemp("strict-server"), args=("--timeout", "2")
    )
    server.wait()
    yield server
    server.stop()


CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (which downloads no browser)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:
    """A fresh page; fails the test if it requests anything outside the live server or if the
    Content-Security-Policy had to block anything (an inline script, say)."""
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((live_server.url, "data:")) else outside.append(r.url),
    )
    blocked: list[str] = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield page
    context.close()
    assert outside == [], f"the page sent requests off this server: {outside}"
    assert blocked == [], f"the Content-Security-Policy blocked something: {blocked}"
