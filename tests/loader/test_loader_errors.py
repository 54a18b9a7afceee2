"""Bad inputs give one exact, referenced error message each (input next to its .expected)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandates.loader import LoaderError, extract_file

CASES = Path(__file__).parent / "errors"
INPUTS = sorted(p for p in CASES.iterdir() if p.suffix != ".expected")


def test_cases_exist() -> None:
    assert len(INPUTS) >= 6


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_error_message(path: Path) -> None:
    expected = Path(f"{path}.expected").read_text(encoding="utf-8").strip()
    with pytest.raises(LoaderError) as info:
        extract_file(path, f"errors/{path.name}")
    assert f"{type(info.value).__name__}: {info.value}" == expected


def test_error_carries_reference() -> None:
    from mandates.loader.errors import NothingFoundError

    err = NothingFoundError("nothing", "a.txt", paragraph="op3")
    assert (err.message, err.reference, str(err)) == (
        "nothing",
        "a.txt, paragraph op3",
        "a.txt, paragraph op3: nothing",
    )
