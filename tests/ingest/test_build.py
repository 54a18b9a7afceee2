"""The streaming build path: curated N-Triples, N-Quads, Turtle and TriG files are bulk-loaded
by pyoxigraph (mandates.bulk), the default graph written along with the named graphs. It must
give what the old path gave (files parsed into Python lists, then a SPARQL merge), and a file
that does not parse must name file:line and leave the store in service as it was."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from mandates import iris
from mandates.errors import InputError
from mandates.ingest.build import Part, _in_graph, build, collect_parts, document_files
from mandates.ingest.submissions import read_document
from mandates.loader.entities import Registry
from mandates.rdfio import rdf_files, read_quads, to_rdflib, triples_to_graph
from mandates.store.embedded import StoreRoot, merge_default_graph

from support import DATA, Cli

PREFIXES = (
    "@prefix mnd: <https://w3id.org/un-mandates/ontology#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
)
E = "https://w3id.org/un-mandates/id/doc/"
NQUADS = (
    f'<{E}A/RES/1/1> <http://www.w3.org/2000/01/rdf-schema#label> "one"@en <http://g/a> .\n'
    f"<{E}A/RES/1/1> <https://w3id.org/un-mandates/ontology#cites> <{E}A/RES/1/2> <http://g/b> .\n"
    f'_:n1 <http://www.w3.org/2000/01/rdf-schema#label> "labelled blank node" .\n'
    f"<{E}A/RES/1/2> <https://w3id.org/un-mandates/ontology#cites> _:n1 <http://g/a> .\n"
)
TURTLE = (
    PREFIXES + f"@base <{E}> .\n"
    # the same triple as in the N-Quads file: once in the default graph, twice in named graphs
    "<A/RES/1/1> rdfs:label 'one'@en ;\n"
    "    mnd:cites [ rdfs:label 'anonymous' ; mnd:cites ( <A/RES/1/2> <A/RES/1/3> ) ] .\n"
    '<A/RES/1/3> rdfs:comment """a line that ends .\nand one more .\n""" .\n'
)
TRIG = f'<http://g/x> {{ <{E}A/RES/2/1> <http://www.w3.org/2000/01/rdf-schema#label> "two" }}\n'
NTRIPLES = f'<{E}A/RES/3/1> <http://www.w3.org/2000/01/rdf-schema#label> "three\\nlines" .\n'
BLANK_NTRIPLES = f"<{E}A/RES/3/1> <https://w3id.org/un-mandates/ontology#cites> _:b .\n"


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    data = tmp_path / "data"
    (data / "curated").mkdir(parents=True)
    for name, text in files.items():
        (data / "curated" / name).write_text(text, encoding="utf-8")
    return data


def _old_parts(data: Path) -> Iterator[Part]:
    """The parts as the build read them before streaming: every curated file parsed into a
    list, and all of it given to the loader's registry."""
    yield from islice(collect_parts(data / "nowhere"), 3)  # ontology, alignments, queries
    registry = Registry()
    for path in rdf_files([data / "curated"]):
        graph = iris.graph("curated", path.stem)
        quads = read_quads(path)
        registry.add_graph(triples_to_graph(quads))
        yield Part(graph, _in_graph(quads, graph))
    for path in document_files(data / "sources"):
        submission = read_document(str(path), path.read_bytes(), registry)
        registry.add_graph(submission.graph())
        yield Part(submission.graph_iri, submission.quads)


def _old_build(root: StoreRoot, data: Path) -> None:
    """The build as it was: the parts' lists written, the default graph merged by SPARQL."""
    with root.new_version() as store:
        for part in _old_parts(data):
            store.bulk_extend(part.quads)
        merge_default_graph(store)


def _graphs(store: ox.Store) -> dict[str, Graph]:
    """Each graph of a store ("" for the default graph) as an rdflib graph."""
    graphs: dict[str, Graph] = {}
    for q in store:
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        graphs.setdefault(name, Graph()).add(
            (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
        )
    return graphs


def _assert_same(new: ox.Store, old: ox.Store) -> None:
    new_graphs, old_graphs = _graphs(new), _graphs(old)
    assert sorted(new_graphs) == sorted(old_graphs)
    for name, graph in new_graphs.items():
        assert len(graph) == len(old_graphs[name]), name
        assert isomorphic(graph, old_graphs[name]), name


def _assert_default_is_the_merge(store: ox.Store) -> None:
    """Same blank nodes too: the default graph is exactly the set of named-graph triples."""
    named = {q.triple for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
    default = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == named


def test_streamed_files_give_what_the_old_path_gave(tmp_path: Path) -> None:
    data = _folder(
        tmp_path,
        {"a.nq": NQUADS, "b.ttl": TURTLE, "c.trig": TRIG, "d.nt": NTRIPLES, "e.nt": BLANK_NTRIPLES},
    )
    new, old = StoreRoot(tmp_path / "new"), StoreRoot(tmp_path / "old")
    build(new, data, validate=False)
    _old_build(old, data)
    store = new.open_read_only()
    _assert_same(store, old.open_read_only())
    _assert_default_is_the_merge(store)
    curated = {iris.graph("curated", n) for n in "abcde"}
    assert curated <= {g.value for g in store.named_graphs()}
    assert not {"http://g/a", "http://g/b", "http://g/x"} & {g.value for g in store.named_graphs()}
    one = f"SELECT * WHERE {{ <{E}A/RES/1/1> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
    assert len(list(store.query(one))) == 1  # stated by two files, once in the default graph
    graphs = f"SELECT ?g WHERE {{ GRAPH ?g {{ <{E}A/RES/1/1> ?p 'one'@en }} }}"
    assert len(list(store.query(graphs))) == 2
    comment = f"SELECT ?c WHERE {{ <{E}A/RES/1/3> rdfs:comment ?c }}"
    found = list(store.query(comment, prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}))
    assert [row["c"].value for row in found] == ["a line that ends .\nand one more .\n"]


def test_the_project_data_builds_as_before(tmp_path: Path, built_store: StoreRoot) -> None:
    old = StoreRoot(tmp_path / "old")
    _old_build(old, DATA)
    _assert_same(built_store.open_read_only(), old.open_read_only())
    _assert_default_is_the_merge(built_store.open_read_only())


@pytest.mark.parametrize(
    ("name", "text", "position", "message"),
    [
        ("big.nq", NQUADS + f'<{E}x> <{E}p> "open .\n', ":5:", "N-Quads syntax error"),
        ("big.nt", NTRIPLES * 3 + f"<{E}x> <{E}p> .\n", ":4:", "N-Triples syntax error"),
        ("big.ttl", TURTLE + "<x> rdfs:label 'ok' .\n<y> nope:label 'z' .\n", ":10:5:", "Turtle"),
    ],
)
def test_a_bad_streamed_file_names_its_line_and_keeps_the_store(
    tmp_path: Path, name: str, text: str, position: str, message: str
) -> None:
    root = StoreRoot(tmp_path / "store")
    build(root, _folder(tmp_path / "good", {"d.nt": NTRIPLES}), validate=False)
    before, size = root.version(), len(root.open_read_only())
    bad = _folder(tmp_path / "bad", {"a.ttl": TURTLE, name: text})
    with pytest.raises(InputError) as caught:
        build(root, bad, validate=False)
    assert str(caught.value).startswith(f"{bad / 'curated' / name}{position}")
    assert message in str(caught.value)
    assert root.version() == before
    assert len(root.open_read_only()) == size
    assert not list((root.root / "builds").glob(".partial-*"))


def test_broken_utf8_in_a_streamed_file(tmp_path: Path) -> None:
    data = _folder(tmp_path, {})
    (data / "curated" / "bad.nt").write_bytes(
        NTRIPLES.encode() + f'<{E}x> <{E}p> "caf'.encode() + b'\xe9" .\n'
    )
    with pytest.raises(InputError, match=r"bad\.nt:2:\d+: N-Triples syntax error: .*UTF-8"):
        build(StoreRoot(tmp_path / "store"), data, validate=False)


def test_cli_build_of_a_bad_big_file(cli: Cli, tmp_path: Path) -> None:
    good = _folder(tmp_path / "good", {"d.nt": NTRIPLES})
    assert cli("build", "--data", str(good), "--no-validate").code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = cli("query", count, "--format", "csv").out
    bad = _folder(tmp_path / "bad", {"big.nq": NQUADS + "<broken\n"})
    run = cli("build", "--data", str(bad), "--no-validate")
    assert run.code == 2
    assert f"error: {bad / 'curated' / 'big.nq'}:5:" in run.err
    assert "N-Quads syntax error" in run.err
    assert cli("query", count, "--format", "csv").out == before
