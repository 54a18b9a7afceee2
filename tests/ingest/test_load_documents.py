"""The loader on the command line: ``extract`` in three formats, ``load`` all or nothing."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from mandates.namespaces import MND

from support import DATA, SHARED, Cli

SEED = DATA / "sources" / "000_035319f5f44c71e9.txt"
RESOLUTION = """\
United Nations                                                        A/RES/99/1

General Assembly                                          Distr.: General
                                                          5 January 2031

Resolution adopted by the General Assembly on 20 December 2030

99/1. Cooperation against cybercrime

The General Assembly,

Recalling its resolution 74/247 of 27 December 2019,

Welcoming the work of the Commission on Crime Prevention and Criminal Justice,

1. Requests the Secretary-General to submit a report on the implementation of the present
resolution to the General Assembly at its one hundredth session;

2. Invites Member States to consider ratifying the Convention;

3. Decides to include in the provisional agenda of its one hundredth session the item
entitled "Crime prevention and criminal justice".
"""


def _collapse(text: str) -> str:
    return re.sub(r"\\s+", " ", text.replace("\\u00a0", " "))


def test_extract_json(cli: Cli) -> None:
    run = cli("extract", str(SEED))
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert set(data) >= {"document", "symbols_cited", "resolutions_cited", "meetings", "relations"}
    assert data["document"]["date"] == "2018-12-31"
    assert "A/RES/65/230" in data["resolutions_cited"]
    assert {m["ordinal"] for m in data["meetings"] if m["ordinal"]} >= {1, 2, 3, 4, 5}
    text = _collapse(SEED.read_text(encoding="utf-8"))
    for row in data["relations"]:
        assert set(row) >= {
            "subject",
            "relation",
            "object",
            "quote",
            "paragraph",
            "status",
            "evidence",
        }
        assert _collapse(row["quote"]) in text
    lines = cli("extract", "--format", "jsonl", str(SEED)).out.splitlines()
    assert [json.loads(line) for line in lines] == data["relations"]


def test_extract_turtle(cli: Cli, tmp_path: Path) -> None:
    doc = tmp_path / "a-res-99-1.txt"
    doc.write_text(RESOLUTION)
    run = cli("extract", "--format", "turtle", str(doc))
    assert run.code == 0, run.err
    graph = Graph().parse(data=run.out, format="turtle")
    verbs = {str(v).rsplit("#", 1)[1] for v in graph.objects(None, MND.verb)}
    assert {"requested", "invited", "decided", "recalled"} <= verbs
    assert (None, MND.quote, None) in graph


def test_load_is_all_or_nothing_and_repeatable(cli: Cli, tmp_path: Path) -> None:
    assert cli("build").code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = cli("query", count, "--format", "csv").out
    doc = tmp_path / "a-res-99-1.txt"
    doc.write_text(RESOLUTION)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    failed = cli("load", str(doc), str(empty))
    assert failed.code == 2
    assert failed.err == f"error: {empty}: file is empty; nothing extracted\n"
    assert cli("query", count, "--format", "csv").out == before
    loaded = cli("load", str(doc))
    assert loaded.code == 0, loaded.err
    assert re.fullmatch(
        rf"loaded {re.escape(str(doc))}: \d+ relations, \d+ triples into "
        r"<https://w3id.org/un-mandates/graph/source/a-res-99-1>\n",
        loaded.out,
    )
    after = cli("query", count, "--format", "csv").out
    assert after != before
    assert cli("load", str(doc)).code == 0
    assert cli("query", count, "--format", "csv").out == after, "loading again duplicates nothing"
    ask = (
        "ASK { ?st mnd:verb verb:requested ; mnd:object ?o . ?o rdfs:label ?l"
        " FILTER(CONTAINS(?l, 'Secretary-General')) }"
    )
    assert cli("query", ask).out == "yes\n"


@pytest.mark.skipif(not (SHARED / "unseen").is_dir(), reason="the unseen texts are not here")
def test_load_unseen_resolutions(cli: Cli, tmp_path: Path) -> None:
    unseen = sorted((SHARED / "unseen").glob("un-ga-res-*.txt"))
    copies = []
    for path in unseen:
        shutil.copy(path, tmp_path / path.name)
        copies.append(str(tmp_path / path.name))
    assert cli("build").code == 0
    run = cli("load", *copies)
    assert run.code == 0, run.err
    assert len(run.out.splitlines()) == len(unseen)
