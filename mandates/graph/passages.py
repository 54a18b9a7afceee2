"""How a passage is referred to: the human reference of a paragraph id ("para. 13 of …") and
the anchor of its paragraph in the source reader (``#para-13``).

Paragraph ids follow the scheme of ``ontology/README.md`` (``13``, ``30 (b)``, ``op5 (a)``,
``pp2``, ``header``, ``item 1 (b)``, ``fn3``, ``para-12``, ``annex 3``).
"""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"(\d+)((?: \([a-z]+\))*)")


def anchor(pid: str) -> str:
    """The HTML id of a paragraph in the reader: ``para-`` and the id with every run of
    characters other than letters and digits made one hyphen.

    >>> [anchor(p) for p in ("13", "item 1 (b)", "op5 (a) (ii)", "para-4", "annex 3", "fn2")]
    ['para-13', 'para-item-1-b', 'para-op5-a-ii', 'para-para-4', 'para-annex-3', 'para-fn2']
    """
    return "para-" + (re.sub(r"[^A-Za-z0-9]+", "-", pid).strip("-") or "x")


def part(pid: str) -> str:
    """The part of a document a paragraph id names, as a reader would write it.

    >>> [part(p) for p in ("13", "30 (b)", "op5 (a)", "pp2", "header")]
    ['para. 13', 'para. 30 (b)', 'operative para. 5 (a)', 'preambular para. 2', 'adoption line']
    >>> [part(p) for p in ("item 1 (b)", "fn3", "para-12", "annex 3", "x")]
    ['agenda item 1 (b)', 'footnote 3', 'unnumbered para. 12', 'annex, para. 3', 'x']
    """
    annex = pid.startswith("annex ")
    core = pid.removeprefix("annex ")
    if core == "header":
        named = "adoption line"
    elif m := re.fullmatch(r"(op|pp)" + _NUMBERED.pattern, core):
        kind = "operative" if m.group(1) == "op" else "preambular"
        named = f"{kind} para. {m.group(2)}{m.group(3)}"
    elif m := re.fullmatch(r"fn(\d+)", core):
        named = f"footnote {m.group(1)}"
    elif m := re.fullmatch(r"para-(\d+)", core):
        named = f"unnumbered para. {m.group(1)}"
    elif m := re.fullmatch(r"item (.+)", core):
        named = f"agenda item {m.group(1)}"
    elif _NUMBERED.fullmatch(core):
        named = f"para. {core}"
    else:
        named = core
    return f"annex, {named}" if annex else named


def reference(pid: str | None, document: str) -> str:
    """A passage's place for a person: ``para. 13 of UNODC/CCPCJ/EG.4/2019/1``; ``document``
    is the document's symbol, or its name where it has none.

    >>> reference("13", "UNODC/CCPCJ/EG.4/2019/1")
    'para. 13 of UNODC/CCPCJ/EG.4/2019/1'
    >>> reference(None, "A/RES/65/230")
    'A/RES/65/230'
    """
    return f"{part(pid)} of {document}" if pid else document
