"""The command-line reference in the README, generated from the commands' own ``--help``.

``python -m mandates.cli.reference`` rewrites the block between the markers in ``README.md``; a test
fails when the README's block differs from what the commands print.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .main import main

START = "<!-- cli-reference:start -->"
END = "<!-- cli-reference:end -->"


def _help(command: click.Command, name: str, parent: click.Context | None) -> str:
    ctx = click.Context(
        command, info_name=name, parent=parent, terminal_width=100, max_content_width=100
    )
    return command.get_help(ctx)


def render() -> str:
    """The reference block: the group's help, then each command's, as console text."""
    root = click.Context(
        main,
        info_name="mandates",
        terminal_width=100,
        max_content_width=100,
        **main.context_settings,  # as the command line has them (-h as well as --help)
    )
    parts = [f"```console\n$ mandates --help\n{main.get_help(root)}\n```"]
    for name in sorted(main.commands):
        text = _help(main.commands[name], name, root)
        parts.append(f"```console\n$ mandates {name} --help\n{text}\n```")
    return "\n\n".join(parts)


def rewrite(readme: Path) -> bool:
    """Replace the block in ``readme``; True when it changed."""
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{START}\n{render()}\n{END}{tail}"
    readme.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    changed = rewrite(Path(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
    print("README.md updated" if changed else "README.md already up to date")
