"""The README tells the truth: two quick-start commands, every command, route and setting."""

from __future__ import annotations

import re

from mandates.cli import reference as clidoc
from mandates.cli.main import main
from mandates.web import create_app

from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the quick start has a sh block"
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert [c for c in commands if c] == ["make run", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.M), ".ci/run calls the README's test command"


def test_cli_reference_is_generated() -> None:
    block = README.split(clidoc.START, 1)[1].split(clidoc.END, 1)[0]
    assert block.strip() == clidoc.render().strip(), "run `python -m mandates.cli.reference`"


def test_every_command_is_documented() -> None:
    for name in main.commands:
        assert f"$ mandates {name} --help" in README, name


def test_every_setting_is_documented() -> None:
    source = (ROOT / "mandates" / "config.py").read_text()
    names = set(re.findall(r"\b(MANDATES_[A-Z_]+)\b", source))
    assert len(names) >= 6
    for name in names:
        assert f"`{name}`" in README, name


def test_every_route_is_documented(built_store) -> None:
    app = create_app({"STORE": str(built_store.root)})
    rules = {r.rule for r in app.url_map.iter_rules() if r.endpoint != "static"}
    for rule in rules:
        assert f"`{rule}`" in README, rule
