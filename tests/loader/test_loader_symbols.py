"""UN symbols and resolution citations (more cases than the module's doctests)."""

from __future__ import annotations

import pytest

from mandates.loader.clauses import Context
from mandates.loader.mentions import find_symbols, resolution_id


@pytest.mark.parametrize(
    ("citation", "body", "expected"),
    [
        ("resolution 65/230", None, "A/RES/65/230"),
        ("[65/230](#)", None, "A/RES/65/230"),
        ("A/RES/65/230", None, "A/RES/65/230"),
        ("General Assembly resolution 74/247", None, "A/RES/74/247"),
        ("Commission resolution 22/7", None, "CCPCJ 22/7"),
        ("26/4", "Commission on Crime Prevention and Criminal Justice", "CCPCJ 26/4"),
        ("resolution 75/290 B", None, "A/RES/75/290 B"),
        ("Economic and Social Council resolution 1980/67", None, "E/RES/1980/67"),
        ("resolution 2025/15", None, "E/RES/2025/15"),
        ("E/RES/2025/15", None, "E/RES/2025/15"),
        ("resolution 415 (V)", None, "A/RES/415 (V)"),
        ("Economic and Social Council resolution 155 C (VII)", None, "E/RES/155 C (VII)"),
        ("no number here", None, None),
    ],
)
def test_resolution_id(citation: str, body: str | None, expected: str | None) -> None:
    assert resolution_id(citation, body) == expected


@pytest.mark.parametrize(
    "symbol",
    [
        "UNODC/CCPCJ/EG.4/2019/2",
        "E/CN.15/2011/19",
        "A/C.3/80/L.7",
        "A/CONF.241/RPM.1/2",
        "E/CN.15/2017/CRP.5",
        "UNODC/CCPCJ/EG.4/2018/L.1",
        "UNODC/CCPCJ/EG.4/2018/INF/1",
        "A/80/100/Add.1",
        "A/60/88/Corr.2",
        "CTOC/COP/2020/10",
        "A/C.3/72/12",
    ],
)
def test_symbol_found_in_context(symbol: str) -> None:
    assert find_symbols(f"as contained in ({symbol}), para. 4") == [symbol]
    assert find_symbols(f"see [{symbol}](#).") == [symbol]


def test_not_symbols() -> None:
    text = "www.unodc.org/unodc/en/x.html 2018/2021 65/230 and/or ICT/s [70/174](#)"
    assert find_symbols(text) == []


def test_citation_body_from_context() -> None:
    ctx = Context(default_body="Expert Group to Conduct a Comprehensive Study on Cybercrime")
    s = (
        "In its resolution 26/4, adopted at its twenty-sixth session, the Commission on Crime "
        "Prevention and Criminal Justice requested it, pursuant to Commission resolution 22/7 "
        "and General Assembly resolution 74/247 and resolution 70/174."
    )
    assert [rid for *_, rid in ctx.citations(s)] == [
        "CCPCJ 26/4",
        "CCPCJ 22/7",
        "A/RES/74/247",
        "A/RES/70/174",
    ]


def test_citation_body_ignores_quoted_titles() -> None:
    ctx = Context(default_body="General Assembly")
    s = (
        "Recalling its resolutions 55/25 of 15 November 2000 and 55/255 of 31 May 2001, and "
        "Economic and Social Council resolution 1980/67,"
    )
    assert [rid for *_, rid in ctx.citations(s)] == ["A/RES/55/25", "A/RES/55/255", "E/RES/1980/67"]
