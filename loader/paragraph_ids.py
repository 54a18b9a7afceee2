"""The paragraph ids a reader sees, one scheme for the loader and the curated data alike.

- a resolution (it has preambular or operative paragraphs): ``pp2``, ``op3``, a lettered
  sub-item ``op5 (a)`` (``op5 (a) (ii)`` below it), the adoption line ``header``;
- numbered paragraphs: the number as printed, ``6``; a lettered sub-item ``30 (b)``;
- an annotated agenda: the agenda item whose annotation a passage falls under, ``item 1 (b)``;
- footnotes ``fn3``;
- anything else (an unnumbered web page, headings): ``para-N``, counting the paragraphs that
  are not footnotes from 1 (a web page's title line is ``para-1``).

Paragraphs after an "Annex" heading get the prefix ``annex``. The scheme is documented in
``ontology/README.md`` (``mnd:paragraph``).

    >>> from mandates.loader.segment import Paragraph
    >>> ps = [Paragraph("", k, label, 0, 0, t) for k, label, t in [
    ...     ("header", None, "Resolution adopted by the General Assembly"),
    ...     ("preamble", None, "Recalling x,"), ("operative", "1", "1. Requests:"),
    ...     ("item", "a", "(a) y;"), ("footnote", "1", "1 A/1.")]]
    >>> [p.pid for p in name_paragraphs(ps)]
    ['header', 'pp1', 'op1', 'op1 (a)', 'fn1']
    >>> ps = [Paragraph("", k, label, 0, 0, t) for k, label, t in [
    ...     ("heading", None, "Annotations"), ("heading", "1", "1. Organizational matters"),
    ...     ("heading", "b", "(b) Adoption of the agenda"), ("text", None, "In its …")]]
    >>> [p.pid for p in name_paragraphs(ps)]
    ['para-1', 'item 1', 'item 1 (b)', 'item 1 (b)']
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .segment import Paragraph

_ROMAN = re.compile(r"[ivx]+")


def name_paragraphs(paras: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with their ids (see the module docstring)."""
    resolution = any(p.kind in ("preamble", "operative") for p in paras)
    out: list[Paragraph] = []
    count = preambular = 0
    parent = letter = item = ""
    annotations = False
    prefix = ""
    for p in paras:
        if p.kind != "footnote":
            count += 1
        text = p.text.strip("*# ")
        if p.kind == "heading" and re.fullmatch(r"Annex(?: [IVX]+)?", text):
            prefix = "annex "
        if p.kind == "heading" and text == "Annotations":
            annotations = True
        if p.kind == "footnote":
            pid = f"fn{p.label}"
        elif p.kind == "header":
            pid = "header"
        elif p.kind == "preamble":
            preambular += 1
            pid = f"pp{preambular}"
        elif p.kind in ("operative", "numbered") or (annotations and p.kind == "heading"):
            if p.label and p.label.isdigit():
                parent, letter = p.label, ""
                item = parent
                pid = f"op{parent}" if resolution and p.kind == "operative" else parent
            elif p.label and annotations:
                letter = p.label
                item = f"{parent} ({letter})"
                pid = item
            else:
                pid = f"para-{count}"
            if annotations and p.kind == "heading":
                pid = f"item {item}" if p.label else pid
        elif p.kind == "item":
            head = f"op{parent}" if resolution and parent else parent
            roman = _ROMAN.fullmatch(p.label or "") and not (p.label == "i" and letter == "h")
            if roman and letter:
                pid = f"{head} ({letter}) ({p.label})".strip()
            else:
                letter = p.label or ""
                pid = f"{head} ({letter})".strip()
        elif annotations and item and p.kind == "text":
            pid = f"item {item}"
        else:
            pid = f"para-{count}"
        out.append(replace(p, pid=prefix + pid))
    return out
