"""The ``mandates`` command line, run as a subprocess over a real on-disk store."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from support import DATA, Cli

COMMANDS = ["build", "validate", "query", "stats", "export", "serve"]


def _triples(run_out: str) -> int:
    match = re.search(r"^(\d+) triples in (\d+) named graphs", run_out, re.M)
    assert match, run_out
    return int(match.group(1))


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help(cli: Cli, command: str | None) -> None:
    run = cli(*([command] if command else []), "--help")
    assert run.code == 0
    assert run.out.startswith("Usage: ")
    if command is None:
        for name in COMMANDS:
            assert re.search(rf"^\s+{name}\s", run.out, re.M), name


def test_build_prints_counts_and_is_repeatable(cli: Cli) -> None:
    first = cli("build")
    assert first.code == 0, first.err
    assert "per graph:" in first.out and "per class:" in first.out
    assert re.search(r"^\s+\d+\s+mnd:Statement$", first.out, re.M)
    assert re.search(
        r"^\s+\d+\s+https://w3id.org/un-mandates/graph/curated/mandates$", first.out, re.M
    )
    assert re.search(r"^built .* in [\d.]+ s$", first.out, re.M)
    second = cli("build")
    assert second.code == 0, second.err
    assert _triples(second.out) == _triples(first.out)
    stats = json.loads(cli("stats", "--format", "json").out)
    assert stats["triples"] == _triples(first.out)
    assert stats["classes"]["https://w3id.org/un-mandates/ontology#Meeting"] >= 7


def test_failed_build_leaves_the_store_serving(cli: Cli, tmp_path: Path) -> None:
    assert cli("build").code == 0
    before = cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv").out
    broken = tmp_path / "data"
    shutil.copytree(DATA, broken)
    meetings = broken / "curated" / "meetings.ttl"
    meetings.write_text(
        meetings.read_text().replace('"2019-03-29"^^xsd:date', '"2019-03-20"^^xsd:date')
    )
    run = cli("build", "--data", str(broken))
    assert run.code == 1
    assert "mnds:Meeting-startDate (sh:LessThanOrEqualsConstraintComponent)" in run.err
    assert run.err.rstrip().endswith(
        "error: the data does not conform to the shapes (1 violations); the store was not changed"
    )
    after = cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv").out
    assert after == before


def test_build_without_data_folder(cli: Cli, tmp_path: Path) -> None:
    run = cli("build", "--data", str(tmp_path / "nowhere"))
    assert run.code == 2
    assert run.err == f"error: {tmp_path / 'nowhere'}: no such data folder\n"


def test_query_before_any_build(cli: Cli) -> None:
    run = cli("query", "ASK {}")
    assert run.code == 2
    assert run.err == (
        f"error: {cli.store}: no graph has been built here yet: run `mandates build` first\n"
    )


def test_validate_data_conforms(cli: Cli) -> None:
    run = cli("validate", "data")
    assert run.code == 0, run.out
    assert re.search(
        r"^conforms: 0 violations, \d+ warnings, 0 infos \(5 files, \d+ triples\)$", run.out, re.M
    )


def test_validate_formats(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix mnd: <https://w3id.org/un-mandates/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://w3id.org/un-mandates/id/doc/x> a mnd:Document ; rdfs:label "x" ;\n'
        '    mnd:symbol "a/res/1" .\n'
    )
    text = cli("validate", str(bad))
    assert text.code == 1
    assert "Violations (1)" in text.out
    assert 'value:   "a/res/1"' in text.out
    assert "shape:   mnds:Document-symbol (sh:PatternConstraintComponent)" in text.out
    data = json.loads(cli("validate", "--format", "json", str(bad)).out)
    assert data["conforms"] is False and data["counts"]["violation"] == 1
    assert data["results"][0]["focus"] == "https://w3id.org/un-mandates/id/doc/x"
    assert data["results"][0]["path"] == "mnd:symbol"
    turtle = cli("validate", "--format", "turtle", str(bad))
    assert turtle.code == 1
    assert "sh:conforms false" in turtle.out
    assert "sh:PatternConstraintComponent" in turtle.out


def test_query_outputs(cli: Cli, tmp_path: Path) -> None:
    assert cli("build").code == 0
    query = (
        "SELECT ?n WHERE { ?m a mnd:Meeting ; mnd:meetingOf body:expert-group-cybercrime ;"
        " mnd:ordinal ?n } ORDER BY ?n"
    )
    table = cli("query", query)
    assert table.code == 0, table.err
    assert table.out.splitlines()[2:] == ["1", "2", "3", "4", "5", "6", "7", "(7 rows)"]
    csv = cli("query", query, "--format", "csv")
    assert csv.out.split() == ["n", "1", "2", "3", "4", "5", "6", "7"]
    data = json.loads(cli("query", query, "--format", "json").out)
    assert [b["n"]["value"] for b in data["results"]["bindings"]] == list("1234567")
    rq = tmp_path / "count.rq"
    rq.write_text("ASK { body:ccpcj a mnd:FunctionalCommission }\n")
    assert cli("query", str(rq)).out == "yes\n"


def test_export_round_trip(cli: Cli, tmp_path: Path) -> None:
    build = cli("build")
    out = tmp_path / "all.nq"
    assert cli("export", "--format", "nquads", "-o", str(out)).code == 0
    assert len(out.read_text().splitlines()) == _triples(build.out)


def test_commands_are_registered_once_without_import_side_effects(runner: CliRunner) -> None:
    """The registry in mandates.cli.main is the one list of commands: each module only defines
    its command, and the group lists exactly the registered ones."""
    from mandates.cli import main as group
    from mandates.cli.main import COMMANDS

    assert sorted(group.commands) == sorted(c.name for c in COMMANDS if c.name)
    for name in group.commands:
        result = runner.invoke(group, [name, "--help"])
        assert result.exit_code == 0 and result.output.startswith(f"Usage: main {name}"), name


def test_stats_in_process_on_the_built_store(runner: CliRunner, built_store) -> None:
    from mandates.cli import main as group

    result = runner.invoke(group, ["--store", str(built_store.root), "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["triples"] > 1000
