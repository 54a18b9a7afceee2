"""Extraction stages of the loader: UN documents in, symbols, meetings and relations out.

Public API::

    from mandates.loader import extract_file, extract_text, Extraction, LoaderError
    extract_file("data/sources/x.txt").to_json()
    # {"document": {...}, "symbols_cited": [...], "resolutions_cited": [...],
    #  "meetings": [...], "relations": [{subject, relation, object, quote, paragraph,
    #                                    status, evidence}, ...]}

Stages, one module each, in the order a document meets them: ``read`` (bytes → text:
encodings, PDF, HTML), ``text`` (clean text without page furniture, offset map for exact
quotes), ``segment`` (paragraphs, joined across footnotes and page breaks; sentences) and
``paragraph_ids`` (the ids a reader sees: ``pp2``, ``op5 (a)``, ``6``, ``item 1 (b)``,
``header``), ``identity`` (kind, masthead symbol, title, adoption and issue dates), the
mentions (``symbols``: symbols and resolution citations; ``meetings``: ordinals, dates,
places; ``names``: bodies and instruments; ``verbs``: the verb lexicon and the clauses it
opens), ``coref`` (the resolution, meeting and body a sentence is about), the acts
(``relations`` with ``objects``, ``passive`` and ``patterns``; ``sessions`` and ``agenda``
for meetings and agenda items), ``minting`` (what may be a subject or an object: complete noun
phrases only), ``extract`` (the driver), then ``entities`` (names → IRIs) and ``emit`` (RDF).
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
