"""The validation report never crashes: results without a path or a value, blank-node and
literal focus nodes, several results per focus node, in every format (text, JSON, Turtle, the
page's tables), on the command line and on the web; and the form keeps what was pasted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from mandates.validation import compile_shapes, validate_graph
from mandates.validation.report import SH
from mandates.validation.sparql_engine import load, validate_store
from mandates.web import create_app

from support import Cli

MND = "@prefix mnd: <https://w3id.org/un-mandates/ontology#> .\n"
#: A resolution with neither symbol nor number, nor label, nor adopting body: a result
#: without a path (sh:or) beside results without a value (sh:minCount), on one focus node.
TWO_LINES = MND + "<http://e.org/r1> a mnd:Resolution .\n"
SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Named a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:name ; sh:maxCount 1 ; sh:maxLength 3 ] ;
    sh:nodeKind sh:IRI .
ex:Small a sh:NodeShape ; sh:targetNode 7, "seven" ; sh:maxInclusive 5 .
"""
DATA = """
@prefix ex: <http://example.org/> .
ex:a a ex:Thing ; ex:name "long name", "other" .
[] a ex:Thing ; ex:name "abcd" .
"""


def awkward_report():
    """Real results of every awkward kind, from the engine itself."""
    store, encoding = load([Graph().parse(data=DATA, format="turtle")])
    shapes = compile_shapes(Graph().parse(data=SHAPES, format="turtle"))
    return validate_store(store, shapes, encoding)


def test_awkward_results_sort_and_render_in_every_format() -> None:
    report = awkward_report()
    kinds = {r.focus_kind for r in report.results}
    assert kinds == {"IRI", "BlankNode", "Literal"}
    assert any(r.path is None for r in report.results)
    assert any(r.value is None for r in report.results)
    assert max(sum(r.focus == f.focus for r in report.results) for f in report.results) >= 3
    assert sorted(report.results)  # None beside str never compared
    text = report.dumps("text")
    assert "\n  _:" in text and '\n  "seven"\n' in text and "\n  7\n" not in text
    assert "does not conform: 7 violations" in text
    decoded = json.loads(report.dumps("json"))
    assert [r["path"] for r in decoded["results"]].count(None) == 3  # 7, "seven", the blank
    parsed = Graph().parse(data=report.dumps("turtle"), format="turtle")
    assert len(set(parsed.subjects(predicate=SH.focusNode))) == 7


def test_a_two_line_resolution_validates_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "r1.ttl"
    path.write_text(TWO_LINES)
    for fmt in ("text", "json", "turtle"):
        run = cli("validate", "--format", fmt, str(path))
        assert run.code == 1, run.err
        assert "Traceback" not in run.err
    report = json.loads(cli("validate", "--format", "json", str(path)).out)
    paths = sorted((r["path"] or "", r["component"]) for r in report["results"])
    assert paths == [
        ("", "sh:OrConstraintComponent"),
        ("mnd:adoptedBy", "sh:MinCountConstraintComponent"),
        ("rdfs:label", "sh:MinCountConstraintComponent"),
    ]


def test_the_report_pages_of_a_resolution_without_symbol(built_store) -> None:
    c = create_app({"STORE": str(built_store.root)}).test_client()
    location = c.post("/validate", data={"text": TWO_LINES, "format": "ttl"}).headers["Location"]
    page = c.get(location)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count('<tr class="result">') == 3
    assert c.get(location + ".json").get_json()["counts"]["violation"] == 2
    assert c.get(location + ".ttl").status_code == 200


def test_user_shapes_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    shapes, more, data = tmp_path / "shapes.ttl", tmp_path / "more.ttl", tmp_path / "data.ttl"
    head, small = SHAPES.split("ex:Small")
    shapes.write_text(head)
    more.write_text(head.split("ex:Named")[0] + "ex:Small" + small)
    data.write_text(DATA)
    for engine in ("sparql", "pyshacl"):
        both = ("--shapes", str(shapes), "--shapes", str(more))
        run = cli("validate", "--engine", engine, *both, str(data))
        assert run.code == 1, run.err
        assert "does not conform: 7 violations" in run.out
    shapes.write_text(SHAPES)
    conforming = tmp_path / "ok.ttl"
    conforming.write_text("<http://example.org/x> <http://example.org/name> 'x' .")
    assert cli("validate", "--shapes", str(shapes), str(conforming)).code == 1  # 7 > 5
    empty = tmp_path / "none.ttl"
    empty.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:s> sh:targetNode 1 .")
    assert cli("validate", "--shapes", str(empty), str(conforming)).code == 0


def test_user_shapes_are_refused_before_validation(cli: Cli, tmp_path: Path) -> None:
    shapes, data = tmp_path / "shapes.ttl", tmp_path / "data.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:s> sh:targetNode 1 ; sh:minCont 1 ."
    )
    data.write_text(DATA)
    run = cli("validate", "--shapes", str(shapes), str(data))
    assert run.code == 2
    assert run.err.startswith("error: --shapes: <urn:s> sh:minCont: sh:minCont is not a term")
    assert run.out == ""


def test_a_shapes_term_that_takes_no_part_is_shown_as_a_note(cli: Cli, tmp_path: Path) -> None:
    shapes, data = tmp_path / "shapes.ttl", tmp_path / "data.ttl"
    shapes.write_text(SHAPES + "_:unused sh:inversePath ex:name .\n")
    data.write_text(DATA)
    run = cli("validate", "--shapes", str(shapes), str(data))
    assert run.code == 1
    notes = [line for line in run.err.splitlines() if line.startswith("note: ")]
    assert len(notes) == 1 and "not part of any shape" in notes[0], run.err


def test_a_pasted_text_that_does_not_parse_comes_back_in_the_form(built_store) -> None:
    c = create_app({"STORE": str(built_store.root)}).test_client()
    typo = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;; & ."
    response = c.post("/validate", data={"text": typo, "format": "trig"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "ex:a ex:b ex:c ;; &amp; ." in html.split('<textarea id="text"')[1]
    assert '<option value="trig" selected>' in html


@pytest.mark.browser
def test_a_pasted_text_too_large_to_read_is_kept_in_the_browser(page, live_server) -> None:
    """A 413 answer never reads the form, so the page brings the text back itself."""
    page.goto(f"{live_server.url}/validate")
    text = "# padding\n" * 110_000 + "<urn:a> <urn:b> <urn:c> ."
    page.eval_on_selector("#text", "(area, text) => { area.value = text; }", text)
    page.select_option("#format", "nt")
    page.click("#validate-form button[type=submit]")
    page.wait_for_selector("#error")
    assert "too large" in page.locator("#error").inner_text()
    assert page.locator("#text").input_value() == text
    assert page.locator("#format").input_value() == "nt"


def test_the_project_engines_agree_on_the_two_line_file() -> None:
    graph = Graph().parse(data=TWO_LINES, format="turtle")
    rows = [
        sorted((r.severity, r.path or "", r.value or "", r.component) for r in report.results)
        for report in (validate_graph(graph, "sparql"), validate_graph(graph, "pyshacl"))
    ]
    assert rows[0] == rows[1]
