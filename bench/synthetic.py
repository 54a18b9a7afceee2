"""A generator of realistic synthetic mandate graphs, deterministic by seed.

Bodies, resolutions (with symbols, dates, adopting bodies), meetings (with ordinals and dates),
reports, and mandate statements with their direct edges and one to three attestations (source
document, paragraph, quote, status, evidence), one named graph per source document — the same
shapes as the real data, so that it conforms. Written as N-Quads.

    .venv/bin/python -m bench.synthetic --triples 1000000 --seed 7 -o /tmp/synthetic-1m.nq
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

from mandates import iris
from mandates.namespaces import MND, VERB

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
VERBS = (
    "requested endorsed noted established decided adopted invited welcomed recognized "
    "acknowledged reaffirmed recalled considered approved prepared held chaired postponed"
).split()
BODY_KINDS = ("PrincipalOrgan", "FunctionalCommission", "ExpertGroup", "AdHocCommittee", "Office")
STATUS = ("AdoptedText", "ReportedBySecretariat", "SuggestedNotEndorsed")
WORDS = (
    "requests the Secretary-General to submit a report on the implementation of the present "
    "resolution and invites Member States to continue to exchange information on national "
    "legislation best practices technical assistance and international cooperation"
).split()


def _lit(value: str, datatype: str | None = None, lang: str | None = None) -> str:
    text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if lang:
        return f"{text}@{lang}"
    return f"{text}^^<{datatype}>" if datatype else text


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0

    def quad(self, s: str, p: str, o: str, g: str) -> str:
        self.count += 1
        return f"<{s}> <{p}> {o} <{g}> .\n"

    def generate(self, triples: int) -> Iterator[str]:
        rng, q = self.rng, self.quad
        ref = iris.graph("curated", "synthetic-reference")
        bodies = []
        for i in range(60):
            body = iris.body(f"synthetic-body-{i}")
            bodies.append(body)
            yield q(body, RDF_TYPE, f"<{MND[rng.choice(BODY_KINDS)]}>", ref)
            yield q(body, LABEL, _lit(f"Synthetic body {i}", lang="en"), ref)
        targets: list[str] = list(bodies)
        session = 0
        while self.count < triples:
            session += 1
            source_symbol = f"E/CN.99/{2000 + session % 30}/{session}"
            source = iris.document(source_symbol)
            graph = iris.graph("source", f"synthetic-{session}")
            yield q(source, RDF_TYPE, f"<{MND.Report}>", graph)
            yield q(source, LABEL, _lit(f"Report {source_symbol}", lang="en"), graph)
            yield q(source, str(MND.symbol), _lit(source_symbol), graph)
            yield q(source, str(MND.officialText), f"<https://undocs.org/{source_symbol}>", graph)
            body = rng.choice(bodies)
            meeting = iris.meeting(body.rsplit("/", 1)[1], session)
            year = 1990 + session % 35
            yield q(meeting, RDF_TYPE, f"<{MND.Meeting}>", graph)
            yield q(meeting, LABEL, _lit(f"meeting {session}", lang="en"), graph)
            yield q(meeting, str(MND.meetingOf), f"<{body}>", graph)
            yield q(meeting, str(MND.ordinal), _lit(str(session), XSD + "integer"), graph)
            yield q(
                meeting,
                str(MND.startDate),
                _lit(f"{year}-03-0{1 + session % 5}", XSD + "date"),
                graph,
            )
            yield q(
                meeting, str(MND.endDate), _lit(f"{year}-03-1{session % 9}", XSD + "date"), graph
            )
            for n in range(1, 21):
                symbol = f"A/RES/{session}/{n}"
                resolution = iris.document(symbol)
                yield q(resolution, RDF_TYPE, f"<{MND.Resolution}>", graph)
                yield q(resolution, LABEL, _lit(f"resolution {session}/{n}", lang="en"), graph)
                yield q(resolution, str(MND.symbol), _lit(symbol), graph)
                yield q(resolution, str(MND.resolutionNumber), _lit(f"{session}/{n}"), graph)
                yield q(
                    resolution, str(MND.date), _lit(f"{year}-12-{10 + n % 18}", XSD + "date"), graph
                )
                yield q(resolution, str(MND.adoptedBy), f"<{body}>", graph)
                yield q(resolution, str(MND.officialText), f"<https://undocs.org/{symbol}>", graph)
                yield q(source, str(MND.cites), f"<{resolution}>", graph)
                for _ in range(3):
                    yield from self.statement(resolution, rng.choice(targets), source, graph)
                targets.append(resolution)
                if len(targets) > 400:
                    targets.pop(60)

    def statement(self, subject: str, obj: str, source: str, graph: str) -> Iterator[str]:
        rng, q = self.rng, self.quad
        verb = rng.choice(VERBS)
        st = iris.statement(subject, verb, obj)
        yield q(st, RDF_TYPE, f"<{MND.Statement}>", graph)
        yield q(st, str(MND.subject), f"<{subject}>", graph)
        yield q(st, str(MND.verb), f"<{VERB[verb]}>", graph)
        yield q(st, str(MND.object), f"<{obj}>", graph)
        yield q(subject, str(MND[verb]), f"<{obj}>", graph)
        for k in range(rng.randint(1, 3)):
            start = rng.randrange(len(WORDS) - 12)
            quote = " ".join(WORDS[start : start + rng.randint(6, 12)])
            paragraph = f"op{k + 1}"
            att = iris.attestation(st, source, paragraph, quote)
            yield q(st, str(MND.attestedBy), f"<{att}>", graph)
            yield q(att, RDF_TYPE, f"<{MND.Attestation}>", graph)
            yield q(att, str(MND.source), f"<{source}>", graph)
            yield q(att, str(MND.paragraph), _lit(paragraph), graph)
            yield q(att, str(MND.quote), _lit(quote), graph)
            yield q(att, str(MND.assertionStatus), f"<{MND[rng.choice(STATUS)]}>", graph)
            kind = "PrimaryEvidence" if rng.random() < 0.4 else "SecondaryEvidence"
            yield q(att, str(MND.evidenceKind), f"<{MND[kind]}>", graph)


def write(path: Path, triples: int, seed: int) -> int:
    """Write about ``triples`` quads to ``path``; returns how many were written."""
    generator = Generator(seed)
    with path.open("w", encoding="utf-8") as out:
        for line in generator.generate(triples):
            out.write(line)
    return generator.count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    print(f"{write(args.output, args.triples, args.seed)} quads written to {args.output}")


if __name__ == "__main__":
    main()
