"""Extraction stages of the loader: UN documents in, symbols, meetings and relations out.

Public API::

    from mandates.loader import extract_file, extract_text, Extraction, LoaderError
    extract_file("data/sources/x.txt").to_json()
    # {"document": {...}, "symbols_cited": [...], "resolutions_cited": [...],
    #  "meetings": [...], "relations": [{subject, relation, object, quote, paragraph,
    #                                    status, evidence}, ...]}

Stages, one module each: ``read`` (bytes → text: encodings, PDF, HTML), ``text`` (clean text,
page furniture, offset map for exact quotes), ``segment`` (paragraph ids, sentences),
``symbols`` (UN symbols and resolution citations), ``meetings`` (ordinals, dates, places),
``sessions`` (the meetings a document dates), ``resolve`` (canonical names), ``kinds`` (document
kind and metadata), ``verbs`` (the verb lexicon), ``coref`` (reference across sentences),
``objects``, ``passive``, ``patterns`` and ``relations`` (who did what), ``extract`` (the
pipeline) and ``errors``.
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
