"""Issue 6, analytics: the networkx graph of the store, centrality, paths, components,
communities, and ``mandates analyze`` and ``mandates export`` on a tiny crafted graph.

The tiny graph is a chain and a pair, so every figure can be checked by hand:
report of Beta — first meeting of Beta — Beta Group — Alpha Commission — resolution 1/1 —
Gamma Assembly (structural links: reportOf, meetingOf, adoptedBy), and Delta Office —
Epsilon States. Eight nodes: a degree of 2 is a degree centrality of 2/7 = 0.285714; Alpha
Commission separates 3 × 2 of the 21 pairs (betweenness 6/21 = 0.285714).
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from mandates.graph import analytics
from mandates.graph.network import build_graph
from mandates.ingest.build import build
from mandates.store.embedded import StoreRoot
from mandates.web.store import StoreHolder

from support import Cli

ID = "https://w3id.org/un-mandates/id/"
TINY = """
@prefix mnd: <https://w3id.org/un-mandates/ontology#> .
@prefix verb: <https://w3id.org/un-mandates/ontology/verb#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/un-mandates/id/> .
<doc/A/RES/1/1> a mnd:Resolution ; rdfs:label "resolution 1/1"@en ; mnd:symbol "A/RES/1/1" ;
    mnd:date "2001-12-01"^^xsd:date ; mnd:adoptedBy <body/gamma> ; mnd:requested <body/alpha> .
<body/gamma> a mnd:PrincipalOrgan ; rdfs:label "Gamma Assembly"@en .
<body/alpha> a mnd:FunctionalCommission ; rdfs:label "Alpha Commission"@en ;
    mnd:established <body/beta> .
<body/beta> a mnd:ExpertGroup ; rdfs:label "Beta Group"@en ; mnd:held <meeting/beta/1> .
<meeting/beta/1> a mnd:Meeting ; rdfs:label "first meeting of Beta"@en ;
    mnd:meetingOf <body/beta> ; mnd:startDate "2002-03-04"^^xsd:date ; mnd:adopted <doc/B/2> .
<doc/B/2> a mnd:Report ; rdfs:label "report of Beta"@en ; mnd:reportOf <meeting/beta/1> .
<body/delta> a mnd:Office ; rdfs:label "Delta Office"@en ; mnd:invited <group/epsilon> .
<group/epsilon> a mnd:StateGroup ; rdfs:label "Epsilon States"@en .
<statement/1> a mnd:Statement ; mnd:subject <doc/A/RES/1/1> ; mnd:verb verb:requested ;
    mnd:object <body/alpha> ; mnd:attestedBy <attestation/1> .
<attestation/1> a mnd:Attestation ; mnd:quote "requests the Alpha Commission" ;
    mnd:paragraph "3" ; mnd:source <doc/A/RES/1/1> ; mnd:assertionStatus mnd:AdoptedText .
"""


def build_tiny(root: Path) -> StoreRoot:
    data = root.parent / "tiny-data"
    (data / "curated").mkdir(parents=True)
    (data / "curated" / "tiny.ttl").write_text(TINY, encoding="utf-8")
    store = StoreRoot(root)
    build(store, data, validate=False)
    return store


@pytest.fixture(scope="module")
def tiny_root(tmp_path_factory: pytest.TempPathFactory) -> StoreRoot:
    return build_tiny(tmp_path_factory.mktemp("tiny") / "store")


@pytest.fixture(scope="module")
def tiny(tiny_root: StoreRoot) -> nx.MultiDiGraph:
    return build_graph(tiny_root.open_read_only())


@pytest.fixture
def tiny_cli(cli: Cli) -> Cli:
    build_tiny(cli.store)
    return cli


def test_the_graph_holds_resources_and_links_with_their_attributes(tiny) -> None:
    assert tiny.number_of_nodes() == 8 and tiny.number_of_edges() == 8
    edge = tiny.get_edge_data(ID + "doc/A/RES/1/1", ID + "body/alpha")
    [(key, data)] = edge.items()
    assert key == "https://w3id.org/un-mandates/ontology#requested"
    assert data == {
        "predicate": key,
        "label": "requested",
        "verb": "requested",
        "statement": ID + "statement/1",
        "quotes": "requests the Alpha Commission",
        "paragraphs": "3",
        "status": "adopted",
        "sources": ID + "doc/A/RES/1/1",
        "year": 2001,
    }
    assert tiny.nodes[ID + "meeting/beta/1"] == {
        "label": "first meeting of Beta",
        "type": "https://w3id.org/un-mandates/ontology#Meeting",
        "typeLabel": "meeting",
        "date": "2002-03-04",
        "category": "meeting",
    }
    reported = tiny.get_edge_data(ID + "doc/B/2", ID + "meeting/beta/1")
    assert list(reported.values()) == [
        {"predicate": "https://w3id.org/un-mandates/ontology#reportOf", "label": "report of"}
    ]


def test_values_are_computed_once_per_store_version(tiny_root: StoreRoot) -> None:
    holder = StoreHolder(tiny_root)
    calls: list[str] = []

    def graph() -> object:
        calls.append(tiny_root.version())
        return build_graph(holder.get())

    first = holder.per_version("graph", graph)
    assert holder.per_version("graph", graph) is first
    with tiny_root.new_version(copy_current=True):
        pass  # a new version, with the same data
    assert holder.per_version("graph", graph) is not first
    assert len(calls) == 2 and calls[0] != calls[1]


@pytest.mark.parametrize(
    ("name", "iri"),
    [
        (ID + "body/beta", ID + "body/beta"),
        ("A/RES/1/1", ID + "doc/A/RES/1/1"),
        ("  alpha COMMISSION ", ID + "body/alpha"),
    ],
)
def test_resolve_accepts_iris_symbols_and_labels(tiny, name: str, iri: str) -> None:
    assert analytics.resolve(tiny, name) == iri


def test_resolve_names_what_it_could_not_find(tiny) -> None:
    with pytest.raises(analytics.UnknownResource) as err:
        analytics.resolve(tiny, "CCPCJ 22/7")
    assert str(err.value) == (
        "CCPCJ 22/7: no such resource in the graph (give an IRI, a symbol or a label)"
    )


def test_centrality_by_hand(tiny) -> None:
    degree = analytics.centrality(tiny, "degree", top=8)
    assert [(r["label"], r["score"], r["degree"]) for r in degree[:5]] == [
        ("Alpha Commission", 0.285714, 2),
        ("Beta Group", 0.285714, 2),
        ("first meeting of Beta", 0.285714, 2),
        ("resolution 1/1", 0.285714, 2),
        ("Delta Office", 0.142857, 1),
    ]
    between = analytics.centrality(tiny, "betweenness", top=3)
    assert [(r["label"], r["score"]) for r in between] == [
        ("Alpha Commission", 0.285714),
        ("Beta Group", 0.285714),
        ("first meeting of Beta", 0.190476),
    ]
    bodies = analytics.centrality(tiny, "degree", top=10, category="body")
    assert [r["label"] for r in bodies] == [
        "Alpha Commission",
        "Beta Group",
        "Delta Office",
        "Gamma Assembly",
    ]


def test_paths_follow_mandate_edges_unless_asked_for_all_links(tiny) -> None:
    res, gamma, report = ID + "doc/A/RES/1/1", ID + "body/gamma", ID + "doc/B/2"
    found = analytics.path(tiny, res, ID + "meeting/beta/1", directed=True)
    assert [e["verb"] for e in found["edges"]] == ["requested", "established", "held"]
    assert found["length"] == 3
    assert analytics.path(tiny, ID + "meeting/beta/1", res, directed=True)["length"] is None
    assert analytics.path(tiny, ID + "meeting/beta/1", res)["length"] == 3
    assert analytics.path(tiny, report, gamma)["length"] is None
    every = analytics.path(tiny, report, gamma, links="all")
    assert [(e["label"], e["forward"]) for e in every["edges"]] == [
        ("report of", True),
        ("meeting of", True),
        ("established", False),
        ("requested", False),
        ("adopted by", True),
    ]


def test_components_and_communities(tiny) -> None:
    components = analytics.components(tiny)
    assert (components["count"], [c["size"] for c in components["components"]]) == (2, [6, 2])
    communities = analytics.communities(tiny)
    assert communities["method"] == "greedy modularity"
    assert sum(c["size"] for c in communities["communities"]) == 8
    assert {m["label"] for m in communities["communities"][1]["members"]} == {
        "Delta Office",
        "Epsilon States",
    }


def test_analyze_centrality_prints_a_table(tiny_cli: Cli) -> None:
    run = tiny_cli("analyze", "centrality", "--top", "3")
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "rank  centrality  degree  type                   resource\n"
        "1     0.285714    2       functional commission  Alpha Commission (body/alpha)\n"
        "2     0.285714    2       expert group           Beta Group (body/beta)\n"
        "3     0.285714    2       meeting                first meeting of Beta (meeting/beta/1)\n"
    )
    run = tiny_cli(
        "analyze", "centrality", "--kind", "betweenness", "--top", "1", "--format", "json"
    )
    assert json.loads(run.out) == [
        {
            "iri": ID + "body/alpha",
            "label": "Alpha Commission",
            "type": "functional commission",
            "score": 0.285714,
            "degree": 2,
        }
    ]


def test_analyze_path(tiny_cli: Cli) -> None:
    run = tiny_cli("analyze", "path", "A/RES/1/1", "first meeting of Beta", "--directed")
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "resolution 1/1 (doc/A/RES/1/1)\n"
        "  --requested--> Alpha Commission (body/alpha)\n"
        "  --established--> Beta Group (body/beta)\n"
        "  --held--> first meeting of Beta (meeting/beta/1)\n"
        "length 3\n"
    )
    run = tiny_cli("analyze", "path", "report of Beta", "Gamma Assembly")
    assert (run.code, run.out) == (1, "no path from doc/B/2 to body/gamma\n")
    run = tiny_cli("analyze", "path", "A/RES/9/9", "Gamma Assembly")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "error: A/RES/9/9: no such resource in the graph (give an IRI, a symbol or a label)\n"
    )


def test_analyze_components_and_communities(tiny_cli: Cli) -> None:
    run = tiny_cli("analyze", "components")
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "2 components, 8 nodes\n"
        "#  size  best connected (degree)\n"
        "1  6     Alpha Commission (2); Beta Group (2); first meeting of Beta (2);"
        " resolution 1/1 (2); Gamma Assembly (1)\n"
        "2  2     Delta Office (1); Epsilon States (1)\n"
    )
    run = tiny_cli("analyze", "communities", "--format", "json")
    found = json.loads(run.out)
    assert (run.code, found["method"], found["count"]) == (0, "greedy modularity", 3)


def test_analyze_without_a_store_is_a_clear_error(cli: Cli) -> None:
    run = cli("analyze", "components")
    assert run.code == 2 and run.err.startswith("error: ") and "mandates build" in run.err


def test_export_writes_graphml_and_csv_of_a_neighbourhood(tiny_cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "beta.graphml"
    run = tiny_cli("export", "--format", "graphml", "--iri", ID + "body/beta", "-o", str(out))
    assert (run.code, run.err) == (0, "")
    graph = nx.read_graphml(out)
    assert sorted(graph) == [ID + "body/alpha", ID + "body/beta", ID + "meeting/beta/1"]
    run = tiny_cli("export", "--format", "csv", "--iri", ID + "body/alpha")
    assert run.out.splitlines()[0] == (
        "subject,subject_label,predicate,verb,label,object,object_label,statement,year,status,"
        "quotes,paragraphs,sources"
    )
    assert len(run.out.splitlines()) == 3
    run = tiny_cli("export", "--format", "nquads", "--iri", ID + "body/alpha")
    assert (run.code, run.err) == (2, "error: --iri: --iri goes with graphml, nodelink or csv\n")
