"""The extraction pipeline: bytes or text in, an :class:`Extraction` (JSON-ready) out.

>>> x = extract_text("The General Assembly,\\nRecalling its resolution 65/230,\\n"
...                  "1. Requests the Secretary-General to report;", "r.txt")
>>> for r in x.to_json()["relations"]:
...     print(r["subject"], "|", r["relation"], "|", r["object"], "|", r["quote"])
General Assembly | recalled | A/RES/65/230 | Recalling its resolution 65/230,
General Assembly | requested | Secretary-General | Requests the Secretary-General to report;
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .acts import complete, name_object, sentence_relations
from .clauses import Context
from .errors import NothingFoundError, QuoteError
from .identity import DocumentInfo, describe
from .mentions import EXPERT_GROUP, OFFICERS, find_symbols, meeting_name
from .read import read_bytes
from .records import MeetingBook, agenda_list, agenda_mentions
from .segment import Paragraph, paragraphs, sentences
from .text import Text, collapse, normalise

_LIST_LEAD = re.compile(r"\bthe following (?:\w+\s+){0,2}(?:documents|reports|notes|papers)\b")
_SUGGESTIONS = re.compile(
    r"submitted by Member States|suggestions? made by|does not imply (?:their|its) endorsement"
    r"|compilation of suggestions",
    re.I,
)


@dataclass
class Extraction:
    """Everything extracted from one document, in the shape of the annotation files."""

    name: str
    info: DocumentInfo
    symbols_cited: list[str]
    resolutions_cited: list[str]
    meetings: list[dict]
    relations: list[dict] = field(default_factory=list)
    agenda: list[dict] = field(default_factory=list)
    source: str = ""

    def to_json(self) -> dict:
        """A JSON-ready dict: document, symbols_cited, resolutions_cited, meetings, agenda,
        relations (the shape of the hand-made annotation files)."""
        return {
            "document": {
                "symbol": self.info.symbol,
                "title": self.info.title,
                "date": self.info.date,
                "issued": self.info.issued,
                "kind": self.info.kind,
            },
            "symbols_cited": list(self.symbols_cited),
            "resolutions_cited": list(self.resolutions_cited),
            "meetings": [dict(m) for m in self.meetings],
            "agenda": [dict(a) for a in self.agenda],
            "relations": [dict(r) for r in self.relations],
        }


def _relations(
    text: Text,
    paras: list[Paragraph],
    info: DocumentInfo,
    ctx: Context,
    book: MeetingBook,
    name: str,
    items: list[dict],
) -> tuple[list[dict], list[str]]:
    rows: list[dict] = []
    seen: set[str] = set()
    cited: list[str] = []
    suggested = False
    listing: dict | None = None
    whole = collapse(text.source)
    own_acts = {info.own_id} - {None}
    own_officers = info.body == EXPERT_GROUP  # a bare "Chair" is the Expert Group's only there
    if ctx.report and ctx.own_meeting:
        own_acts.add(meeting_name(info.body, ctx.own_meeting))
    elif ctx.report and info.body:
        own_acts.add(info.body)  # a report of a session that prints no ordinal: the body's acts
    for p in paras[info.top :]:
        if p.kind == "heading":
            suggested = suggested and not re.match(r"[IVX]+\.\s", p.text)
            continue
        meeting = None
        # in a resolution's own paragraphs "its resolution" is the adopting body's
        ctx.voice = info.body if p.kind in ("preamble", "operative") else None
        if not p.text[:1].islower():  # a paragraph continuing across a page keeps its frame
            ctx.carry = None
        if listing and p.kind == "item":
            found_items = _list_item(text, p, listing, ctx)
            if found_items:
                rows.append(
                    {
                        **found_items,
                        "status": info.status,
                        "evidence": listing["evidence"],
                        # the paragraph the quote starts in: the list's lead, then the item
                        "paragraph": listing["pid"] if listing["lead"] is not None else p.pid,
                    }
                )
                listing = {**listing, "lead": None}
                continue
        listing = None
        for s in sentences(p):
            for *_, rid in ctx.citations(s.text):
                if rid not in cited:
                    cited.append(rid)
            book.read(s.text)
            ctx.see_titles(s.text)
            at = ctx.meeting_frame(s.text) and ctx.last_meeting
            for item in agenda_mentions(s.text, at[1] if at else ctx.own_meeting):
                if item not in items:
                    items.append(item)
            found = sentence_relations(s.text, ctx, info.own_id, p.kind, meeting)
            meeting = ctx.meeting_frame(s.text) or meeting
            for f in found:
                if not (complete(f.subject) and complete(f.object)):
                    continue  # a fragment is never minted: no act rather than a wrong one
                if not own_officers and {f.subject, f.object} & OFFICERS:
                    continue  # "the Chair" of another body than the one whose officers we know
                key = f"{f.key}|{p.pid}" if f.primary else f.key  # each paragraph is its own act
                if key in seen:
                    continue
                seen.add(key)
                lo, hi = p.span(s.lo + f.lo, s.lo + f.hi, s.lo + f.anchor)
                quote = _quote(text, lo, hi, p.clean(s.lo + f.anchor))
                if len(quote.split()) < 3:
                    continue
                if quote not in whole:
                    raise QuoteError(f"quote not in source: {quote!r}", name, paragraph=p.pid)
                status = "suggested" if suggested and p.kind == "item" else info.status
                ctx.acts.append((f.subject, f.relation, f.object or ""))
                # primary: the act's own text (a resolution's paragraphs, a meeting's report)
                primary = f.primary or f.subject in own_acts
                rows.append(
                    {
                        "subject": f.subject,
                        "relation": f.relation,
                        "object": f.object,
                        "quote": quote,
                        "paragraph": p.pid,
                        "status": status,
                        "evidence": "primary" if primary else "secondary",
                    }
                )
                lead = _LIST_LEAD.search(s.text)
                if lead and s.text.rstrip().endswith(":"):
                    listing = {
                        "subject": f.subject,
                        "relation": f.relation,
                        "lead": p.clean(s.lo + lead.start()),
                        "pid": p.pid,
                        "evidence": "primary" if primary else "secondary",
                    }
        if _SUGGESTIONS.search(p.text):
            suggested = True
    return rows, cited


def _adoption(text: Text, info: DocumentInfo) -> list[dict]:
    """The adoption line: "Resolution adopted by the General Assembly on …" → the Assembly
    adopted the resolution (its own act, in the paragraph "header")."""
    if not (info.adoption and info.adopted_by and info.own_id):
        return []
    quote = _quote(text, *info.adoption, info.adoption[0])
    row = {"subject": info.adopted_by, "relation": "adopted", "object": info.own_id}
    return [{**row, "quote": quote, "paragraph": "header", "status": info.status,
             "evidence": "primary"}]  # fmt: skip


def _list_item(text: Text, p: Paragraph, listing: dict, ctx: Context) -> dict | None:
    """A list item continuing "… had before it the following documents:" as its own row."""
    start = listing["lead"] if listing["lead"] is not None else p.start
    quote = _quote(text, start, p.end, p.start)
    body = re.sub(r"^[-•]?\s*\([a-z]{1,2}\)\s*", "", p.text)
    obj = name_object(body.rstrip(";. "), ctx)
    return {
        "subject": listing["subject"],
        "relation": listing["relation"],
        "object": obj,
        "quote": quote,
    }


def _quote(text: Text, start: int, end: int, anchor: int) -> str:
    """The quote for a clean span: exact source text, at most 25 words."""
    quote = text.quote(start, end, anchor)
    words = quote.split(" ")
    return " ".join(words[:25]) if len(words) > 25 else quote


def clear_caches() -> None:
    """Forget the per-string caches of mentions and citations (for fair benchmarks)."""
    from .mentions import _actors, _find_citations, resolve_body

    for cached in (_actors, resolve_body, _find_citations):
        cached.cache_clear()


def extract_text(source: str, name: str = "<text>") -> Extraction:
    """Extract symbols, resolutions, meetings and relations from a document's text."""
    text = normalise(source)
    paras = paragraphs(text)
    info = describe(text, paras)
    own_meeting = info.meeting["ordinal"] if info.meeting else None
    ctx = Context(
        default_body=info.body,
        own_meeting=own_meeting,
        report=info.kind in ("report", "report addendum"),
    )
    ctx.footnotes = {
        p.label: re.sub(r"^\S+\s+", "", p.text).strip()
        for p in paras
        if p.kind == "footnote" and p.label
    }
    book = MeetingBook(ctx, info.meeting)
    mentioned: list[dict] = []
    relations, cited = _relations(text, paras, info, ctx, book, name, mentioned)
    relations = _adoption(text, info) + relations
    items = agenda_list(paras, own_meeting) or mentioned
    symbols = [s for s in find_symbols(source) if s != info.symbol]
    own = info.own_id
    resolutions = [r for r in cited if r != own]
    if not (paras and (symbols or resolutions or relations or book.meetings)):
        raise NothingFoundError(
            "no symbol, resolution, meeting or relation found; nothing extracted", name
        )
    return Extraction(name, info, symbols, resolutions, book.meetings, relations, items, source)


def extract_bytes(data: bytes, name: str = "<bytes>") -> Extraction:
    """Extract from the bytes of a text, Markdown, HTML or PDF document."""
    return extract_text(read_bytes(data, name).source, name)


def extract_file(path: str | Path, name: str | None = None) -> Extraction:
    """Extract from a file; ``name`` (default: the path as given) is used in error messages."""
    path = Path(path)
    return extract_bytes(path.read_bytes(), name or str(path))
