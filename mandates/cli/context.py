"""What every command shares: the settings, the store named by ``--store``, and how errors end
a command (one line naming the file and position, the error's exit status)."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from mandates.config import Settings
from mandates.errors import MandatesError
from mandates.store.backends import open_root
from mandates.store.contract import Root

SETTINGS = Settings()


def fail(err: MandatesError) -> NoReturn:
    click.echo(f"error: {err}", err=True)
    sys.exit(err.exit_code)


class Context:
    """The object every command receives: the store root that ``--store`` names."""

    def __init__(self, store: str) -> None:
        self.root: Root = open_root(store)
