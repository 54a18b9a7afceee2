"""The ``mandates`` group and its commands, registered here in one list.

Command modules define plain click commands and import nothing from this module, so there is
no import cycle and no command registers itself as a side effect of being imported.
"""

from __future__ import annotations

import click

from mandates import __version__

from . import (
    analyze,
    build,
    export,
    extract,
    load,
    loads,
    query,
    serve,
    stats,
    unload,
    validate,
)
from .context import SETTINGS, Context

COMMANDS: list[click.Command] = [
    analyze.analyze,
    build.build,
    export.export,
    extract.extract,
    load.load,
    loads.loads,
    query.query,
    serve.serve,
    stats.stats,
    unload.unload,
    validate.validate,
]


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


for _command in COMMANDS:
    main.add_command(_command)
