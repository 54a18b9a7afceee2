"""Extraction stages of the loader: UN documents in, symbols, meetings and relations out.

Public API::

    from mandates.loader import extract_file, extract_text, Extraction, LoaderError
    extract_file("data/sources/x.txt").to_json()
    # {"document": {...}, "symbols_cited": [...], "resolutions_cited": [...],
    #  "meetings": [...], "relations": [{subject, relation, object, quote, paragraph,
    #                                    status, evidence}, ...]}

A document walks through the loader once, each pass one module that adds one layer and can be
tested alone: ``read`` (bytes → text: encodings, PDF, HTML), ``text`` (clean text without page
furniture, offset map for exact quotes), ``segment`` (paragraphs, joined across footnotes and
page breaks; sentences) with ``paragraph_ids`` (the ids a reader sees), ``identity`` (kind,
masthead symbol, title, adoption and issue dates), then, sentence by sentence, ``mentions``
(pass 1: symbols, citations, dates, bodies, instruments, verbs), ``clauses`` (pass 2: the frame
of each clause: the resolution, meeting and body it is about), ``acts`` (pass 3: subject, verb,
object and quote of each act; complete noun phrases only) and ``records`` (the meetings and
agenda items the text dates); ``extract`` is the driver. Then ``entities`` (pass 4: names →
IRIs) and ``emit`` (RDF).
"""

from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    LoaderError,
    NoTextLayerError,
    NothingFoundError,
    QuoteError,
)
from .extract import Extraction, extract_bytes, extract_file, extract_text

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "EncodingError",
    "Extraction",
    "LoaderError",
    "NoTextLayerError",
    "NothingFoundError",
    "QuoteError",
    "extract_bytes",
    "extract_file",
    "extract_text",
]
