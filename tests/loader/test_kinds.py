"""Kinds of UN text the seeds and unseen texts lack, on samples written by us
(tests/loader/samples/, see its README): an ECOSOC resolution, a Commission resolution as printed
in the Commission's report, and a draft report of a Commission session."""

from __future__ import annotations

from pathlib import Path

from mandates.loader import extract_file

SAMPLES = Path(__file__).resolve().parent / "samples"


def extracted(name: str) -> tuple[dict, list[tuple[str, str, str, str, str]]]:
    x = extract_file(SAMPLES / name).to_json()
    acts = [
        (r["subject"], r["relation"], r["object"], r["paragraph"], r["evidence"])
        for r in x["relations"]
    ]
    return x["document"], acts


def test_an_ecosoc_resolution() -> None:
    doc, acts = extracted("ecosoc-resolution.txt")
    assert (doc["symbol"], doc["kind"], doc["date"], doc["issued"]) == (
        "E/RES/2031/12",
        "resolution",
        "2031-07-24",
        "2031-07-30",
    )
    own = "E/RES/2031/12"
    assert acts[0] == ("Economic and Social Council", "adopted", own, "header", "primary")
    assert (own, "recalled", "E/RES/2029/18", "pp1", "primary") in acts  # "its": the Council's
    assert (own, "recalled", "A/RES/80/14", "pp1", "primary") in acts
    assert (own, "noted", "E/CN.15/2031/7", "pp2", "primary") in acts  # by footnote 1
    assert (own, "invited", "relevant intergovernmental organizations", "op2", "primary") in acts
    decided = [a for a in acts if a[1] == "decided"]
    assert decided == [
        (own, "decided", "Commission on Crime Prevention and Criminal Justice", "op3", "primary")
    ]


def test_a_commission_resolution_printed_in_its_report() -> None:
    doc, acts = extracted("commission-resolution.txt")
    assert (doc["kind"], doc["title"]) == (
        "resolution",
        "Strengthening the collection of data on fisheries crime",
    )
    own = "CCPCJ 40/2"
    assert (own, "recalled", "CCPCJ 38/4", "pp1", "primary") in acts
    assert ("CCPCJ 38/4", "requested", "United Nations Office on Drugs and Crime", "pp1",
            "secondary") in acts  # fmt: skip
    assert (own, "recalled", "E/RES/2031/12", "pp2", "primary") in acts
    assert (own, "invited", "Member States", "op2", "primary") in acts


def test_a_draft_report_of_a_session() -> None:
    doc, acts = extracted("draft-report.txt")
    assert doc["kind"] == "report"
    body = "Commission on Crime Prevention and Criminal Justice"
    assert (body, "adopted", "E/CN.15/2032/1", "2", "primary") in acts  # "by consensus": no agent
    assert (body, "noted", "E/CN.15/2032/7", "3", "primary") in acts
    assert (body, "requested", "Secretariat", "3", "primary") in acts
    assert all("session 1" not in str(a) for a in acts)  # "its 1st meeting" is a sitting
