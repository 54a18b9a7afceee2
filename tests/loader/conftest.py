"""Fixtures for the loader tests: the shared seed, annotation and unseen texts."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"


def shared_dir(name: str) -> Path:
    """A folder of /work/shared, or skip the test when it is absent."""
    folder = SHARED / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


@pytest.fixture(scope="session")
def seeds() -> Path:
    return shared_dir("seeds")


@pytest.fixture(scope="session")
def annotations() -> Path:
    return shared_dir("annotations")


@pytest.fixture(scope="session")
def unseen() -> Path:
    return shared_dir("unseen")
