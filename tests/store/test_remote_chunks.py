"""Uploads to a SPARQL server go in bounded requests, and a blank node never spans two."""

from __future__ import annotations

import random

import pyoxigraph as ox

from mandates.store.remote.writer import _blank_nodes, _chunks

P = ox.NamedNode("http://example.org/p")


def test_chunks_keep_each_blank_node_whole_and_stay_bounded() -> None:
    rng = random.Random(7)
    nodes = [ox.BlankNode(f"b{i}") for i in range(300)]
    iris = [ox.NamedNode(f"http://example.org/r{i}") for i in range(300)]
    triples = [ox.Triple(rng.choice(iris), P, rng.choice(iris)) for _ in range(2000)]
    triples += [ox.Triple(rng.choice(nodes), P, rng.choice(iris)) for _ in range(1000)]
    triples += [ox.Triple(nodes[i], P, nodes[i + 1]) for i in range(0, 40)]  # one long chain
    triples += [ox.Triple(iris[1], P, ox.Triple(nodes[290], P, iris[0]))]  # a triple term
    rng.shuffle(triples)
    chunks = _chunks(triples, 100)
    assert sorted(map(str, sum(chunks, []))) == sorted(map(str, triples))  # nothing lost
    seen: dict[str, int] = {}
    for number, chunk in enumerate(chunks):
        for triple in chunk:
            for node in _blank_nodes(triple):
                assert seen.setdefault(node.value, number) == number, node
    chain = {f"b{i}" for i in range(41)}
    assert len({seen[label] for label in chain}) == 1
    oversized = [c for c in chunks if len(c) > 100]  # only a group bigger than a chunk
    assert all(len({seen[n.value] for t in c for n in _blank_nodes(t)}) <= 1 for c in oversized)
    assert len(chunks) >= len(triples) // 100


def test_graphs_without_blank_nodes_are_cut_evenly() -> None:
    triples = [ox.Triple(P, P, ox.Literal(str(i))) for i in range(250)]
    assert [len(c) for c in _chunks(triples, 100)] == [100, 100, 50]
    assert _chunks([], 100) == [[]]  # an empty graph is still sent (it replaces the old one)
