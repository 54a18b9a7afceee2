"""What makes the lineage legible (issue: "the lineage view is illegible"): distinct short
names (resolutions by their numbers) and a meeting's outputs folded into it; and the chain the
home page draws from it."""

from __future__ import annotations

from mandates.graph.chain import chain
from mandates.graph.lineage import lineage
from mandates.graph.short_names import short_names
from mandates.store.embedded import StoreRoot

ID = "https://w3id.org/un-mandates/id/"
RES = ID + "doc/A/RES/65/230"
MEETING = ID + "meeting/expert-group-cybercrime/"


def test_short_names_are_distinct(built_store: StoreRoot) -> None:
    found = lineage(built_store.open_read_only(), RES)
    assert found is not None
    by_id = {n["id"]: n["short"] for n in found["nodes"]}
    assert by_id[RES] == "65/230"
    assert by_id[ID + "resolution/ccpcj/22/7"] == "CCPCJ 22/7"
    assert by_id[ID + "resolution/ccpcj/26/4"] == "CCPCJ 26/4"
    assert by_id[ID + "doc/declaration/salvador"] == "Salvador Declaration"
    assert by_id[MEETING + "4"] == "4th meeting"
    assert by_id[ID + "body/expert-group-cybercrime"] == "Expert Group"
    assert by_id[ID + "body/ccpcj"] == "CCPCJ"
    assert len(set(by_id.values())) == len(by_id), "no two nodes read alike"
    assert all(len(s) <= 60 for s in by_id.values())


def test_a_meetings_outputs_fold_into_it(built_store: StoreRoot) -> None:
    found = lineage(built_store.open_read_only(), RES)
    assert found is not None
    fold = {n["id"]: n["fold"] for n in found["nodes"]}
    assert fold[ID + "doc/UNODC/CCPCJ/EG.4/2018/L.1"] == MEETING + "4", "a report it adopted"
    assert fold[ID + "source/001_fde95cc7223b96bc"] == MEETING + "4", "its draft report"
    assert fold[MEETING + "7/item/3"] == MEETING + "7", "an agenda item it considered"
    study = ID + "doc/study/comprehensive-study-on-cybercrime"
    assert fold[study] == MEETING + "2", "into the earliest meeting that reaches it"
    for kept in (RES, ID + "resolution/ccpcj/22/7", MEETING + "4", ID + "body/ccpcj"):
        assert fold[kept] is None, kept
    shown = [n for n in found["nodes"] if n["fold"] is None]
    assert len(shown) <= 25 < len(found["nodes"])


def test_the_chain_at_a_glance(built_store: StoreRoot) -> None:
    store = built_store.open_read_only()
    found = lineage(store, RES)
    assert found is not None
    drawn = chain(found)
    names = short_names(store, drawn.lanes)
    assert [names[lane] for lane in drawn.lanes][:2] == ["General Assembly", "CCPCJ"]
    assert {"Expert Group", "Ad Hoc Committee", "UNODC"} <= {names[lane] for lane in drawn.lanes}
    acts = {
        (a.source.rsplit("/id/", 1)[1], a.verb, a.target.rsplit("/id/", 1)[1]) for a in drawn.arrows
    }
    assert ("doc/A/RES/65/230", "requested", "body/ccpcj") in acts
    assert ("resolution/ccpcj/26/4", "requested", "body/expert-group-cybercrime") in acts
    assert ("doc/A/RES/74/247", "decided", "body/ad-hoc-committee-cybercrime") in acts
    assert ("body/ccpcj", "established", "body/expert-group-cybercrime") in acts
    assert not any(verb in ("held", "adopted") and s.startswith("body/") for s, verb, _ in acts), (
        "what the lane already says is not drawn"
    )
    assert all(a.statement for a in drawn.arrows), "every arrow has its statement to open"
    meetings = [p for p in drawn.points if p.kind == "meeting"]
    assert [p.date[:4] for p in meetings if p.iri.startswith(MEETING)] == [
        "2011",
        "2013",
        "2017",
        "2018",
        "2019",
        "2020",
        "2021",
    ]
