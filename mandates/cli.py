"""The ``mandates`` command line: build, validate, query, stats, export, serve (and the loader's
extract and load). Every command has ``--help``; errors print one line naming the file and
position and exit non-zero, leaving the store as it was."""

from __future__ import annotations

import sys

import click

from . import __version__
from .backends import open_root
from .config import Settings
from .errors import MandatesError

SETTINGS = Settings()


def fail(err: MandatesError) -> None:
    click.echo(f"error: {err}", err=True)
    sys.exit(err.exit_code)


class Context:
    def __init__(self, store: str) -> None:
        self.root = open_root(store)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mandates")
@click.option(
    "--store",
    default=SETTINGS.store,
    show_default=True,
    envvar="MANDATES_STORE",
    help="Folder of the embedded store, or the URL of a SPARQL 1.1 server's query endpoint.",
)
@click.pass_context
def main(ctx: click.Context, store: str) -> None:
    """UN Mandates Graph: build, validate, query and serve the graph of UN mandates."""
    ctx.obj = Context(store)


def _command_modules() -> None:
    from .commands import analyze, build, data, loader, serve  # noqa: F401  (they register their commands)


_command_modules()
