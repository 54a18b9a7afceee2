"""Bad input gets one clear line naming the file, line and column: ``tests/errors/<case>.*``
holds the input and ``<case>.expected`` the exact message, so a wording change is a diff.
RDF files go to ``validate``, documents to ``extract``, ``.rq`` files to ``query``."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import TESTS, Cli

ERRORS = TESTS / "errors"
CASES = sorted(p for p in ERRORS.iterdir() if p.suffix != ".expected")


def test_cases_exist() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_error_message(case: Path, tmp_path: Path, built_store) -> None:
    cli = Cli(built_store.root, cwd=ERRORS)
    if case.suffix == ".rq":
        run = cli("query", case.name)
    elif case.suffix in (".txt", ".pdf", ".html"):
        run = cli("extract", case.name)
    else:
        run = cli("validate", case.name)
    assert run.code == 2
    assert run.out == ""
    assert run.err == case.with_suffix(".expected").read_text()
