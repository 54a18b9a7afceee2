"""Issue 6, back end: the graph API (neighbourhood, edge, lineage, timeline, analytics, path)
and the graph exports, on the built store and on a crafted one."""

from __future__ import annotations

import csv
import io
import json
import urllib.request

import networkx as nx
import pytest

from mandates.namespaces import PREFIXES
from mandates.store.embedded import StoreRoot
from mandates.web import create_app

from support import crafted_store

ID = "https://w3id.org/un-mandates/id/"
M = PREFIXES["mnd"]
RES = ID + "doc/A/RES/65/230"
CCPCJ = ID + "body/ccpcj"
EG = ID + "body/expert-group-cybercrime"
MEETINGS = [f"{ID}meeting/expert-group-cybercrime/{n}" for n in range(1, 8)]
QUOTE = (
    "the General Assembly requested the Commission on Crime Prevention and Criminal Justice"
    " to establish, in line with paragraph 42 of the Salvador Declaration"
)
API = "/graph/api/"


@pytest.fixture(scope="module")
def statement(built_store: StoreRoot) -> str:
    """The statement of 65/230 requested the Commission, as the store holds it."""
    rows = built_store.open_read_only().query(
        f"SELECT ?st {{ ?st mnd:subject <{RES}> ; mnd:verb verb:requested ;"
        f" mnd:object <{CCPCJ}> }}",
        prefixes=PREFIXES,
    )
    return [row["st"].value for row in rows][0]


def get(client, path: str, code: int = 200, /, **args) -> dict:
    response = client.get(API + path, query_string=args)
    assert response.status_code == code, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    return response.get_json()


def mandate_edges(found: dict) -> list[dict]:
    return [e for e in found["edges"] if e["verb"]]


def test_neighbourhood_of_the_commission_has_the_request_of_65_230(client, statement) -> None:
    found = get(client, "neighbourhood", iri=CCPCJ)
    assert found["center"] == CCPCJ
    [edge] = [e for e in found["edges"] if e["source"] == RES and e["verb"] == "requested"]
    assert edge == {
        "id": edge["id"],
        "source": RES,
        "target": CCPCJ,
        "predicate": M + "requested",
        "label": "requested",
        "verb": "requested",
        "statement": statement,
        "year": 2010,
        "status": ["adopted", "reported"],
    }
    nodes = {n["id"]: n for n in found["nodes"]}
    assert nodes[RES] == {
        "id": RES,
        "label": "General Assembly resolution 65/230",
        "type": M + "Resolution",
        "typeLabel": "resolution",
        "url": "/id/doc/A/RES/65/230",
        "date": "2010-12-21",
    }
    group = next(g for g in found["groups"] if g["predicate"] == M + "requested")
    assert group == {
        "predicate": M + "requested",
        "label": "requested",
        "direction": "in",
        "total": 1,
        "shown": 1,
        "more": None,
    }
    structural = {(e["predicate"], e["target"]) for e in found["edges"] if not e["verb"]}
    assert (M + "subsidiaryOf", ID + "body/ecosoc") in structural
    assert all(n["id"].startswith(ID) for n in found["nodes"])  # no literals, no classes
    assert not any("/statement/" in n["id"] or "/attestation/" in n["id"] for n in found["nodes"])


def test_groups_are_capped_and_more_pages_through_the_rest(client) -> None:
    found = get(client, "neighbourhood", iri=EG, limit=2)
    held = next(g for g in found["groups"] if g["label"] == "held")
    assert (held["direction"], held["total"], held["shown"]) == ("out", 7, 2)
    assert all(g["shown"] <= 2 for g in found["groups"])
    seen = [e["target"] for e in found["edges"] if e["verb"] == "held"]
    more = held["more"]
    while more:
        page = client.get(more).get_json()
        [group] = page["groups"]
        assert group["predicate"] == M + "held" and group["total"] == 7
        assert {e["verb"] for e in page["edges"]} == {"held"}
        seen += [e["target"] for e in page["edges"]]
        more = group["more"]
    assert seen == MEETINGS  # by date, no repeats, nothing missing


@pytest.mark.parametrize(
    ("args", "check"),
    [
        ({"verb": "held"}, lambda e: e["verb"] == "held"),
        ({"verb": ["held", "postponed"]}, lambda e: e["verb"] in ("held", "postponed")),
        ({"year": "2019"}, lambda e: e["year"] == 2019),
        ({"status": "adopted"}, lambda e: "adopted" in e["status"]),
        ({"body": CCPCJ}, lambda e: CCPCJ in (e["source"], e["target"]) or "ccpcj" in e["source"]),
    ],
)
def test_filters_narrow_the_mandate_edges(client, args: dict, check) -> None:
    everything = mandate_edges(get(client, "neighbourhood", iri=EG, limit=50))
    kept = mandate_edges(get(client, "neighbourhood", iri=EG, limit=50, **args))
    assert kept and len(kept) < len(everything)
    assert all(check(e) for e in kept)
    assert {e["id"] for e in kept} <= {e["id"] for e in everything}


def test_edge_detail_has_the_exact_quote(client, statement) -> None:
    found = get(client, "edge", statement=statement)
    assert (found["statement"], found["verb"], found["url"]) == (
        statement,
        "requested",
        "/id/" + statement.removeprefix(ID),
    )
    assert (found["subject"]["id"], found["object"]["id"]) == (RES, CCPCJ)
    quoted = [a for a in found["attestations"] if a["quote"] == QUOTE and a["paragraph"] == "1"]
    assert quoted == [
        {
            "quote": QUOTE,
            "paragraph": "1",
            "reference": "para. 1 of the draft report of the fourth meeting of the Expert Group on"
            " Cybercrime",
            "reader": "/read/source/001_fde95cc7223b96bc#para-1",
            "source": quoted[0]["source"],
            "status": "adopted",
            "statusLabel": "adopted text",
            "evidence": "secondary",
            "evidenceLabel": "secondary evidence",
        }
    ]
    assert (
        quoted[0]["source"]["label"]
        == "draft report of the fourth meeting of the Expert Group on Cybercrime"
    )
    assert quoted[0]["source"]["url"] == "/id/source/001_fde95cc7223b96bc"


def test_lineage_of_65_230_reaches_the_meetings_in_order_and_74_247(client) -> None:
    found = get(client, "lineage", iri=RES)
    assert found["root"] == RES and not found["truncated"]
    nodes = {n["id"]: n for n in found["nodes"]}
    order = [n["id"] for n in found["nodes"]]
    assert [i for i in order if i in MEETINGS] == MEETINGS
    for iri in (CCPCJ, EG, ID + "resolution/ccpcj/26/4", ID + "doc/A/RES/74/247"):
        assert iri in nodes, iri
    assert [nodes[m]["date"][:4] for m in MEETINGS] == [
        "2011",
        "2013",
        "2017",
        "2018",
        "2019",
        "2020",
        "2021",
    ]
    sixth = nodes[MEETINGS[5]]
    assert (sixth["status"], sixth["statuses"], sixth["date"], sixth["originalDate"]) == (
        "postponed",
        ["held", "postponed"],
        "2020-07-27",
        "2020-04-06",
    )
    assert {nodes[m]["lane"] for m in MEETINGS} == {EG}
    assert nodes[RES]["lane"] == ID + "body/general-assembly"
    assert nodes[ID + "resolution/ccpcj/26/4"]["lane"] == CCPCJ
    assert {ID + "body/general-assembly", CCPCJ, EG} <= {lane["id"] for lane in found["lanes"]}
    dated = [n["date"] for n in found["nodes"] if n["date"]]
    assert dated == sorted(dated) and found["nodes"][: len(dated)] == [
        n for n in found["nodes"] if n["date"]
    ]
    dag = nx.DiGraph((e["source"], e["target"]) for e in found["edges"])
    assert nx.is_directed_acyclic_graph(dag)
    assert nx.has_path(dag, RES, EG) and nx.has_path(dag, CCPCJ, ID + "resolution/ccpcj/26/4")
    assert all(nx.has_path(dag, EG, m) for m in MEETINGS)


def test_timeline_lists_meetings_and_documents_by_date(client) -> None:
    items = get(client, "timeline", iri=RES)["items"]
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    assert [i["id"] for i in items if i["kind"] == "meeting" and i["id"] in MEETINGS] == MEETINGS
    # the Salvador Declaration, adopted in April 2010 (dated to the month), before 65/230
    assert (items[0]["id"], items[0]["date"]) == (ID + "doc/declaration/salvador", "2010-04")
    second = items[1]
    assert second | {"url": None} == {
        "id": RES,
        "label": "General Assembly resolution 65/230",
        "url": None,
        "type": M + "Resolution",
        "date": "2010-12-21",
        "end": None,
        "kind": "document",
        "status": None,
    }
    assert next(i for i in items if i["id"] == MEETINGS[0])["end"] == "2011-01-21"


def test_analytics_and_path(client) -> None:
    found = get(client, "analytics", kind="degree", top=3)
    assert found["kind"] == "degree" and len(found["results"]) == 3
    assert set(found["results"][0]) == {"iri", "label", "type", "url", "score", "degree"}
    bodies = get(client, "analytics", kind="betweenness", top=2, category="body")["results"]
    # the Assembly adopts the instruments of the authority file: it outranks the Expert Group
    assert [b["iri"] for b in bodies] == [ID + "body/general-assembly", EG]
    components = get(client, "analytics", kind="components")
    assert components["count"] == len(components["components"]) >= 1
    path = get(client, "path", **{"from": "A/RES/65/230", "to": "CCPCJ 26/4"})
    assert [n["iri"] for n in path["nodes"]] == [RES, CCPCJ, ID + "resolution/ccpcj/26/4"]
    assert [e["verb"] for e in path["edges"]] == ["requested", "adopted"]
    none = get(client, "path", **{"from": RES, "to": "A/RES/74/247", "directed": "1"})
    assert (none["length"], none["nodes"]) == (None, [])


NOTHING = ID + "nothing"
BAD = [
    ("neighbourhood", {}, 400, "iri must be an absolute IRI"),
    ("neighbourhood", {"iri": "not an iri"}, 400, "iri must be an absolute IRI"),
    ("neighbourhood", {"iri": NOTHING}, 404, f"the graph does not mention {NOTHING}"),
    ("neighbourhood", {"iri": EG, "limit": "0"}, 400, "limit must be a whole number from 1 to 500"),
    ("neighbourhood", {"iri": EG, "year": "19"}, 400, "year must be four digits (YYYY)"),
    (
        "neighbourhood",
        {"iri": EG, "status": "endorsed"},
        400,
        "unknown status 'endorsed': use adopted, proposed, suggested, reported",
    ),
    (
        "neighbourhood",
        {"iri": EG, "group": M + "held"},
        400,
        "direction must be out or in, with group",
    ),
    (
        "neighbourhood",
        {"iri": EG, "group": M + "label", "direction": "out"},
        400,
        f"{M}label is not a predicate the graph draws as edges",
    ),
    ("edge", {"statement": RES}, 404, f"{RES} is not a mandate statement of the graph"),
    ("lineage", {"iri": RES, "depth": "x"}, 400, "depth must be a whole number from 1 to 20"),
    ("timeline", {"iri": NOTHING}, 404, f"the graph does not mention {NOTHING}"),
    (
        "analytics",
        {"kind": "pagerank"},
        400,
        "kind must be degree, betweenness, components or communities",
    ),
    ("path", {"from": RES}, 400, "to is required"),
    (
        "path",
        {"from": RES, "to": "A/RES/1/1"},
        404,
        "A/RES/1/1: no such resource in the graph (give an IRI, a symbol or a label)",
    ),
]


@pytest.mark.parametrize(("path", "args", "status", "error"), BAD)
def test_bad_requests_are_json_errors(client, path: str, args: dict, status: int, error: str):
    assert get(client, path, status, **args) == {"error": error}


def test_unknown_verb_names_the_verbs(client) -> None:
    error = get(client, "neighbourhood", 400, iri=EG, verb="asked")["error"]
    assert error.startswith("unknown verb 'asked': use one of acknowledged, adopted, approved")


def test_graphml_export_parses_with_networkx(client) -> None:
    response = client.get("/graph/export.graphml")
    assert response.status_code == 200 and response.mimetype == "application/graphml+xml"
    graph = nx.read_graphml(io.BytesIO(response.data))
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes[RES]["label"] == "General Assembly resolution 65/230"
    assert graph.nodes[RES]["type"] == M + "Resolution"
    assert graph.nodes[CCPCJ]["typeLabel"] == "functional commission"
    edge = graph.get_edge_data(RES, CCPCJ)[M + "requested"]
    assert (edge["verb"], edge["label"]) == ("requested", "requested")
    assert QUOTE in edge["quotes"].split(" | ")
    assert all(graph.has_edge(EG, m) for m in MEETINGS)
    assert graph.get_edge_data(RES, ID + "body/general-assembly")[M + "adoptedBy"]["label"] == (
        "adopted by"
    )
    around = nx.read_graphml(io.BytesIO(client.get(f"/graph/export.graphml?iri={CCPCJ}").data))
    assert CCPCJ in around and RES in around and MEETINGS[0] not in around


def test_node_link_export(client) -> None:
    response = client.get(f"/graph/export.json?iri={EG}")
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="mandates-neighbourhood.json"'
    )
    graph = nx.node_link_graph(json.loads(response.data), edges="edges")
    assert set(MEETINGS) <= set(graph) and graph.nodes[EG]["category"] == "body"


CRAFTED = """
@prefix mnd: <https://w3id.org/un-mandates/ontology#> .
@prefix verb: <https://w3id.org/un-mandates/ontology/verb#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@base <https://w3id.org/un-mandates/id/> .
<doc/X/1> a mnd:Resolution ; rdfs:label "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"@en ;
    mnd:requested <body/b> .
<body/b> a mnd:Body ; rdfs:label "@SUM(1+1)"@en .
<statement/s> a mnd:Statement ; mnd:subject <doc/X/1> ; mnd:verb verb:requested ;
    mnd:object <body/b> ; mnd:attestedBy <attestation/a> .
<attestation/a> a mnd:Attestation ; mnd:quote "+cmd|' /C calc'!A0" ; mnd:paragraph "-1" ;
    mnd:source <doc/X/1> ; mnd:assertionStatus mnd:AdoptedText .
"""


@pytest.fixture(scope="module")
def crafted_client(tmp_path_factory: pytest.TempPathFactory):
    store = crafted_store(
        tmp_path_factory.mktemp("crafted"),
        tmp_path_factory.mktemp("crafted-store"),
        CRAFTED,
        "crafted",
    )
    return create_app({"STORE": str(store)}).test_client()


def test_csv_export_neutralises_formula_cells(crafted_client) -> None:
    response = crafted_client.get("/graph/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    [row] = [r for r in rows if r["verb"] == "requested"]
    assert row["subject"] == ID + "doc/X/1"
    assert row["subject_label"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["object_label"] == "'@SUM(1+1)"
    assert (row["quotes"], row["paragraphs"], row["status"]) == (
        "'+cmd|' /C calc'!A0",
        "'-1",
        "adopted",
    )
    cells = [c for r in rows for c in r.values()]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


@pytest.mark.slow
def test_live_server_answers_the_graph_api(live_server) -> None:
    url = f"{live_server.url}{API}neighbourhood?iri={CCPCJ}&verb=requested"
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.headers["Content-Type"] == "application/json"
        found = json.load(response)
    assert [(e["source"], e["verb"]) for e in found["edges"] if e["verb"]] == [(RES, "requested")]
