"""Decoding, input-kind detection, HTML and PDF text extraction."""

from __future__ import annotations

import codecs

import pytest

from mandates.loader.errors import BinaryInputError, EncodingError
from mandates.loader.read import decode, read_bytes

from support import minimal_pdf

TEXT = "Recalling its resolution 65/230 — “Salvador Declaration”, café"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_decode_unicode(data: bytes) -> None:
    assert decode(data, "x") == TEXT


def test_decode_cp1252_fallback() -> None:
    assert decode("Déclaration – “Doha”".encode("cp1252"), "x") == "Déclaration – “Doha”"


def test_decode_rejects_undefined_cp1252_bytes() -> None:
    with pytest.raises(EncodingError, match="unknown encoding"):
        decode(b"caf\xe9 \x81", "x")


def test_decode_rejects_control_junk() -> None:
    with pytest.raises(BinaryInputError):
        decode(bytes(range(1, 32)) * 10, "x")


def test_html_drops_script_and_style() -> None:
    page = (
        b"<!DOCTYPE html><html><head><style>p{}</style><title>T</title></head><body>"
        b"<p>In its resolution 65/230,&nbsp;the Assembly</p><script>alert(1)</script>"
        b"<div>endorsed it.</div></body></html>"
    )
    src = read_bytes(page, "a.html")
    assert src.kind == "html"
    assert "alert" not in src.source and "p{}" not in src.source
    assert "In its resolution 65/230,\u00a0the Assembly" in src.source
    assert src.source.endswith("endorsed it.")


def _pdf(text: str) -> bytes:
    """A minimal one-page PDF with a text layer (one line per input line), xref computed."""
    shown = " ".join(f"({line}) Tj 0 -14 Td" for line in text.split("\n"))
    stream = f"BT /F1 12 Tf 72 720 Td {shown} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return minimal_pdf(objects)


def test_pdf_text_layer() -> None:
    src = read_bytes(_pdf("In its resolution 65/230, the General Assembly endorsed it."), "a.pdf")
    assert src.kind == "pdf"
    assert "resolution 65/230, the General Assembly" in src.source


def test_pdf_extracts_relations() -> None:
    from mandates.loader import extract_bytes

    data = _pdf("In its resolution 65/230, the General Assembly endorsed the Salvador Declaration.")
    rows = extract_bytes(data, "a.pdf").to_json()["relations"]
    assert [(r["subject"], r["relation"], r["object"]) for r in rows] == [
        ("A/RES/65/230", "endorsed", "Salvador Declaration")
    ]


def test_pdf_furniture_and_broken_lines() -> None:
    from mandates.loader import extract_bytes
    from mandates.loader.text import collapse

    lines = [
        "V.21-00123 (E)",
        "In its resolution 74/173, the General Assembly acknowledged the importance of capacity-",
        "building and requested the Office to continue to collect information on new",
        "developments and to report that information to the Commission.",
        "2/8",
        "Please recycle",
    ]
    data = _pdf("\n".join(lines))
    source = read_bytes(data, "a.pdf").source
    rows = extract_bytes(data, "a.pdf").to_json()["relations"]
    assert [(r["subject"], r["relation"]) for r in rows] == [
        ("A/RES/74/173", "acknowledged"),
        ("A/RES/74/173", "requested"),
    ]
    for r in rows:
        assert r["quote"] in collapse(source)
        assert "V.21" not in r["quote"] and "recycle" not in r["quote"]
