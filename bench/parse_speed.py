"""Speed of the SPARQL parser (mandates.query.parse) beside rdflib's, as a table.

For the saved queries (queries/*.rq) and a typical lookup by symbol: µs per query for our
``analyse`` (parse and the guards' walk over the tree) and ``parse`` alone, for rdflib's
``parseQuery`` on the same text, and for pyoxigraph's ``Store().query`` on an empty store
(the engine's own parse and plan, results never read) as a reference. Then the time for 1 MB
of hostile text: refused by the parser (which stops at the first error), and lexed whole.

Each figure is the best of several runs in CPU time (this machine is shared: CPU time leaves
out the waits for other processes). Run:

    .venv/bin/python -m bench.parse_speed [--repeats 5]
"""

from __future__ import annotations

import argparse
import time
import timeit
from collections.abc import Callable

import pyoxigraph as ox
from rdflib.plugins.sparql.parser import parseQuery

from mandates.namespaces import PREFIXES
from mandates.query.parse import SparqlSyntaxError, analyse, parse, tokenize
from mandates.query.saved import load_all

LOOKUP = 'SELECT ?s WHERE { ?s mnd:symbol "A/RES/65/230" }'
MEGABYTE = 1024 * 1024
HOSTILE = {
    "<<<< (1 MB)": "<" * MEGABYTE,
    'unclosed """ (1 MB)': '"""' + "a" * MEGABYTE,
    "\\\\\\\\ (1 MB)": "\\" * MEGABYTE,
    "#### (1 MB)": "#" * MEGABYTE,
    "a.a.a. (1 MB)": "a." * (MEGABYTE // 2),
    "(((( (1 MB)": "(" * MEGABYTE,
    "ASK {{{{ (1 MB)": "ASK " + "{" * MEGABYTE,
    "VALUES of 500k numbers (1 MB, valid)": "ASK { VALUES ?x { " + "1 " * (MEGABYTE // 2) + "} }",
}


def micros(task: Callable[[], object], repeats: int, budget: float = 0.2) -> float:
    """Best µs per call over ``repeats`` rounds of about ``budget`` seconds each."""
    started = time.process_time()
    task()
    once = max(time.process_time() - started, 1e-6)
    number = max(1, int(budget / once))
    rounds = timeit.repeat(task, number=number, repeat=repeats, timer=time.process_time)
    return min(rounds) / number * 1e6


def rdflib_parse(text: str) -> Callable[[], object]:
    return lambda: parseQuery(text)


def engine_parse(text: str) -> Callable[[], object]:
    store = ox.Store()
    return lambda: store.query(text, prefixes=PREFIXES)


def refused(text: str) -> Callable[[], object]:
    def task() -> None:
        try:
            parse(text)
        except SparqlSyntaxError:
            pass

    return task


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    queries = [("lookup by symbol", LOOKUP)]
    queries += [(f"{q.number:03d} {q.id}"[:44], q.text) for q in load_all()]
    print(
        "| query | chars | analyse µs | parse µs | rdflib parseQuery µs | rdflib ÷ analyse "
        "| engine query() µs |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, text in queries:
        ours = micros(lambda text=text: analyse(text, PREFIXES), args.repeats)
        tree = micros(lambda text=text: parse(text, PREFIXES), args.repeats)
        theirs = micros(rdflib_parse(text), args.repeats)
        engine = micros(engine_parse(text), args.repeats)
        print(
            f"| {name} | {len(text)} | {ours:.0f} | {tree:.0f} | {theirs:.0f} "
            f"| {theirs / ours:.0f}× | {engine:.0f} |"
        )
    print()
    print("| hostile input | refused by parse() ms | tokenize() whole ms |")
    print("|---|---:|---:|")
    for name, text in HOSTILE.items():
        stop = micros(refused(text), 3, budget=0.05) / 1000
        whole = micros(lambda text=text: tokenize(text), 3, budget=0.05) / 1000
        print(f"| {name} | {stop:.1f} | {whole:.0f} |")


if __name__ == "__main__":
    main()
