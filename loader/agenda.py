"""Agenda items: the numbered list under "Provisional agenda" (or after "… adopted the following
agenda:"), else items named in the text ("agenda item 2, entitled “…”").

    >>> from mandates.loader.text import normalise
    >>> from mandates.loader.segment import paragraphs
    >>> t = normalise("Provisional agenda\\n\\n1. Organizational matters:\\n(a) Opening;\\n"
    ...               "2. Other matters.\\n\\nAnnotations\\n")
    >>> [(a["item"], a["title"]) for a in agenda_list(paragraphs(t), 5)]
    [('1', 'Organizational matters'), ('1 (a)', 'Opening'), ('2', 'Other matters')]
    >>> [(a["item"], a["title"]) for a in agenda_mentions(
    ...     "under agenda item 2 entitled “Law enforcement”.", 5)]
    [('2', 'Law enforcement')]
"""

from __future__ import annotations

import re

from .segment import Paragraph

_LEAD = re.compile(r"(?:^\**Provisional agenda\**$|\bthe following (?:provisional )?agenda:$)")
_MARK = re.compile(r"^(?:[-•]\s+)?(?:(?P<n>\d{1,2})\.|\((?P<l>[a-z])\))\s+")
_MENTION = re.compile(
    r"\b(?:an? |the )?agenda item\s*(?P<n>\d{1,2}(?: \([a-z]\))?)?,?\s*"
    r"entitled\s*[“\"](?P<t>[^”\"]+)[”\"]"
)


def _title(text: str) -> str:
    return re.sub(r"[\s:;.,]+$", "", _MARK.sub("", text)).strip()


def agenda_list(paras: list[Paragraph], meeting: int | None) -> list[dict]:
    """The first numbered agenda list of a document, items as printed ("1", "1 (a)")."""
    out: list[dict] = []
    for i, p in enumerate(paras):
        if not _LEAD.search(p.text.strip()):
            continue
        parent = None
        for q in paras[i + 1 :]:
            m = _MARK.match(q.text)
            if not m or q.kind not in ("numbered", "item", "operative"):
                break
            if m.group("n"):
                parent = m.group("n")
                item = parent
            else:
                item = f"{parent} ({m.group('l')})" if parent else f"({m.group('l')})"
            out.append({"meeting": meeting, "item": item, "title": _title(q.text)})
        if out:
            return out
    return out


def agenda_mentions(sentence: str, meeting: int | None) -> list[dict]:
    """Agenda items a sentence names with their title."""
    return [
        {"meeting": meeting, "item": m.group("n"), "title": m.group("t").strip()}
        for m in _MENTION.finditer(sentence)
    ]
