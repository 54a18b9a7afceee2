"""Files made to exhaust or confuse the loader: PDF bombs (inflation, thousands of pages, deep
nesting), text over the limit, binary junk and broken UTF-8, on the command line and the
validation page, refused quickly with a clear message and bounded memory."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from mandates.web import create_app

from pages import Scripts
from support import ROOT, clean_env, minimal_pdf

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Recalling its resolution 65/230) Tj ET\n"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
PAGE += b" /Resources << /Font << /F1 5 0 R >> >>"


def flate_bomb(size: int = 200_000_000) -> bytes:
    """One page whose content stream inflates to ``size`` bytes (about 200 kB compressed)."""
    packer, chunk = zlib.compressobj(9), b" " * 1_000_000
    data = packer.compress(TEXT) + b"".join(packer.compress(chunk) for _ in range(size // 10**6))
    data += packer.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    return minimal_pdf([*catalog, PAGE + b" >>", stream + b"\nendstream", FONT])


def page_bomb(pages: int = 20_000) -> bytes:
    """Thousands of pages sharing one content stream."""
    kids = b" ".join(b"%d 0 R" % (n + 6) for n in range(pages))
    stream = b"<< /Length %d >>\nstream\n" % len(TEXT) + TEXT + b"\nendstream"
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            b"<< >>",
            stream,
            FONT,
            *[PAGE + b" >>"] * pages,
        ]
    )


def deep_bomb(depth: int = 100_000) -> bytes:
    """A page whose dictionary nests arrays ``depth`` deep."""
    stream = b"<< /Length %d >>\nstream\n" % len(TEXT) + TEXT + b"\nendstream"
    deep = PAGE + b" /X " + b"[" * depth + b"]" * depth + b" >>"
    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    return minimal_pdf([*catalog, deep, stream, FONT])


BOMBS = {
    "flate.pdf": (flate_bomb, "PDF refused: a stream decompresses to more than 20000000 bytes"),
    "pages.pdf": (page_bomb, "PDF refused: more than 2000 pages"),
    "deep.pdf": (deep_bomb, "unreadable PDF (damaged or encrypted)"),
}
#: The peak resident memory a refused bomb may cost the command (Python and the store: ~100 MB).
MEMORY = 250_000  # kB
MEASURED = (
    "import resource, sys\n"
    "from mandates.cli import main\n"
    "try:\n    main()\n"
    "finally:\n"
    "    print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BOMBS))
def test_pdf_bomb_is_refused_quickly_on_the_command_line(name: str, tmp_path: Path) -> None:
    make, message = BOMBS[name]
    path = tmp_path / name
    path.write_bytes(make())
    assert path.stat().st_size < 4_000_000
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", MEASURED, "--store", str(tmp_path / "s"), "extract", str(path)],
        cwd=ROOT,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 10
    lines = proc.stderr.splitlines()
    assert (proc.returncode, proc.stdout, lines[0]) == (
        2,
        "",
        f"error: {path}: {message}; nothing extracted",
    )
    assert int(lines[-1].split()[1]) < MEMORY, proc.stderr


def test_pdf_text_over_the_limit_is_refused(monkeypatch) -> None:
    from mandates.loader import read

    monkeypatch.setattr(read, "PDF_MAX_TEXT", 100)
    with pytest.raises(read.BinaryInputError) as refused:
        read.read_bytes(page_bomb(5), "long.pdf")
    assert str(refused.value) == (
        "long.pdf: PDF refused: more than 100 characters of text; nothing extracted"
    )
    assert read.read_bytes(page_bomb(2), "short.pdf").source.count("65/230") == 2


def _submit(c, name: str, data: bytes):
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(data), name)})
    return c.post("/validate", data=body, content_type=f"multipart/form-data; boundary={boundary}")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        *[(name, make, f"{name}: {message}") for name, (make, message) in sorted(BOMBS.items())],
        (
            "junk.txt",
            lambda: bytes(range(256)) * 64,
            "junk.txt: binary data (NUL bytes), not a text, HTML or PDF file",
        ),
        (
            "broken.ttl",
            lambda: b'<urn:a> <urn:b> "caf\xc3" .\n',
            "broken.ttl:1:",
        ),
        (
            "broken.txt",
            lambda: b"Recalling its resolution 65/230 \x81\x8d\x8f\x90\x9d of 2010",
            "broken.txt, line 1: unknown encoding (neither UTF-8, UTF-16 with BOM nor cp1252):"
            " byte 0x81 is not UTF-8",
        ),
    ],
    ids=[*sorted(BOMBS), "junk.txt", "broken.ttl", "broken.txt"],
)
def test_pdf_bomb_binary_junk_and_broken_utf8_on_the_validate_page(
    built_store, name: str, data, message: str
) -> None:
    c = create_app({"STORE": str(built_store.root), "MAX_UPLOAD": 8_000_000}).test_client()
    started = time.monotonic()
    response = _submit(c, name, data())
    assert time.monotonic() - started < 10
    assert response.status_code == 400
    shown = Scripts(response.get_data(as_text=True)).ids["error"]
    assert shown.startswith(message), shown
