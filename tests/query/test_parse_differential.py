"""The parser against the engine on generated queries (:mod:`query_generator`): for each, the
parser accepts exactly when pyoxigraph parses it without a syntax error, and, when it does,
finds SERVICE and the volatile functions exactly when the generator put them there (not when
they only appear in strings, IRIs, comments or escaped names).

Each seed gives a query and a broken variant of it. The engine is only asked to parse: a
SELECT's solutions are never read, and the SERVICE target is a port the engine refuses.
"""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from query_generator import Generator, break_query

from mandates.query.parse import SparqlSyntaxError, analyse

SEEDS = range(300)


def engine_parses(text: str) -> bool:
    try:
        ox.Store().query(text)
    except SyntaxError:
        return False
    except (RuntimeError, OSError):  # evaluation failed (an ASK's SERVICE, a custom function)
        pass
    return True


def cases() -> list[tuple[str, bool | None, bool | None]]:
    """(text, has SERVICE, has a volatile call) for each query; None for a broken variant."""
    found: list[tuple[str, bool | None, bool | None]] = []
    for seed in SEEDS:
        generated = Generator(seed).query()
        text = "".join(generated.parts)
        found.append((text, generated.service, generated.volatile))
        found.append((break_query(text, random.Random(seed)), None, None))
    return found


CASES = cases()
VERDICTS = [engine_parses(text) for text, _, _ in CASES]


def test_the_generated_queries_are_varied() -> None:
    """Enough accepted and refused, with and without SERVICE and volatile calls, for the
    comparison to mean something."""
    accepted = [case for case, ok in zip(CASES, VERDICTS, strict=True) if ok]
    assert 0.3 < len(accepted) / len(CASES) < 0.7
    assert sum(1 for _, service, _ in accepted if service) > 40
    assert sum(1 for _, service, _ in accepted if service is False) > 40
    assert sum(1 for _, _, volatile in accepted if volatile) > 40


@pytest.mark.parametrize("index", range(len(CASES)))
def test_the_parser_agrees_with_the_engine(index: int) -> None:
    text, service, volatile = CASES[index]
    try:
        info = analyse(text)
    except SparqlSyntaxError as error:
        assert not VERDICTS[index], f"refused, but the engine parses it: {error}\n{text}"
        return
    assert VERDICTS[index], f"accepted, but the engine does not parse it:\n{text}"
    if service is not None:
        assert (info.uses_service, bool(info.volatile)) == (service, volatile), text
