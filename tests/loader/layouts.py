"""Lay a UN text out the way other PDF-to-text tools do: the same document, other line breaks.

Each function takes the text as one tool gave it and returns it as another would: the masthead
over several lines, page furniture (job numbers, barcodes, running headers with page numbers)
every so many lines, paragraphs wrapped at another width, a blank line after every line.
"""

from __future__ import annotations

import re
import textwrap

_MASTHEAD = re.compile(r"^United Nations\s+(?P<symbol>\S+/\S+)$")


def split_masthead(text: str) -> str:
    """ "United Nations A/RES/1/2" and "General Assembly Distr.: General" as separate lines."""
    lines = text.splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        m = _MASTHEAD.match(line.strip())
        if i < 6 and m:
            out += ["United Nations", m.group("symbol")]
        elif i < 6 and "Distr.:" in line and not line.startswith("Distr."):
            head, _, tail = line.partition("Distr.:")
            out += [head.strip(), "Distr.:" + tail]
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def symbol_of(text: str) -> str:
    """The masthead's symbol, on the "United Nations" line or on a line of its own."""
    for line in text.splitlines()[:8]:
        m = re.fullmatch(r"(?:United Nations\s+)?(?P<symbol>[A-Z][\w.]*(?:/[\w.]+)+)", line.strip())
        if m:
            return m.group("symbol")
    raise ValueError("no masthead symbol in the first lines")


def furniture(text: str, every: int = 23) -> str:
    """Page furniture every ``every`` lines: job number, barcode, running header and page."""
    lines = text.splitlines()
    symbol = symbol_of(text)
    out: list[str] = []
    page = 1
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % every == 0 and i + 3 < len(lines):
            page += 1
            header = f"{symbol} {page}/9" if page % 2 else f"{page}/9 {symbol}"
            out += ["", "24-24620 (E)", "*2424620*", "", header, ""]
    return "\n".join(out) + "\n"


def rewrap(text: str, width: int = 66) -> str:
    """Each paragraph of running text wrapped at ``width``, breaking lines only at spaces. A
    paragraph starts on a new line, as every tool prints it: after a line that ends a clause
    (, ; . :) a line that opens with a capital or a number starts one. The top matter (the
    first lines) and short lines are kept as they are."""
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            joined = re.sub(r"(?<=\w-) (?=[a-z])", "", " ".join(block))  # "high-" + "level"
            out.extend(textwrap.wrap(joined, width, break_on_hyphens=False))
            block.clear()

    for n, line in enumerate(text.splitlines()):
        stripped = line.strip()
        running = n > 12 and len(stripped) > 40 and not re.match(r"_{5,}", stripped)
        opens = bool(re.match(r"[A-Z0-9(]", stripped))
        numbered = bool(re.match(r"\d{1,3}\.\s", stripped))
        ends = bool(block) and bool(re.search(r"[,;.:](?:\s*\d{1,2})?$", block[-1]))
        if not running or numbered or (opens and ends):
            flush()
        if running:
            block.append(stripped)
        else:
            out.append(line)
    flush()
    return "\n".join(out) + "\n"


def double_spaced(text: str) -> str:
    """A blank line after every line, as some PDF extractions give."""
    return "\n\n".join(text.splitlines()) + "\n"


LAYOUTS = {
    "masthead-split": split_masthead,
    "furniture": furniture,
    "rewrapped": rewrap,
    "double-spaced": double_spaced,
    "all": lambda t: furniture(rewrap(split_masthead(t))),
}
