"""The one rule that names the graph a file becomes, for every way in.

``mandates build`` (the files of ``data/``), ``mandates load`` and ``mandates validate`` (files
named on the command line) and the validation page (an upload or a paste) all name graphs
here, so the same file always lands in the same graph, whatever its name holds:

>>> graph_for("A-RES-99-1.txt")
'https://w3id.org/un-mandates/graph/source/A-RES-99-1'
>>> graph_for("../../my mandates.ttl")
'https://w3id.org/un-mandates/graph/loaded/my-mandates'
>>> graph_for("Résumé des débats.v2.txt")
'https://w3id.org/un-mandates/graph/source/resume-des-debats-v2'
>>> stem("000_035319f5f44c71e9.txt")
'000_035319f5f44c71e9'
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from mandates import iris
from mandates.loader.read import DOCUMENT_SUFFIXES
from mandates.rdfio import FORMATS

#: A stem kept as it is: what a file system and an IRI both take without change.
_PLAIN_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def kind_of(name: str) -> str | None:
    """``rdf``, ``document`` or None (not accepted), from the file name's extension."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in FORMATS:
        return "rdf"
    if suffix in DOCUMENT_SUFFIXES:
        return "document"
    return None


def stem(name: str) -> str:
    """The file name's stem, made safe for an IRI; never a path (folders are dropped).

    Spaces, accents, dots and other characters become a slug (``my doc.v2`` → ``my-doc-v2``).
    """
    base = PurePosixPath(name.replace("\\", "/")).name
    plain = PurePosixPath(base).stem
    return plain if _PLAIN_STEM.fullmatch(plain) else (iris.slug(plain) or "submission")


def graph_for(name: str) -> str:
    """The named graph a file loads into: ``source/<stem>`` for a document, ``loaded/<stem>``
    for RDF. Loading again replaces it."""
    return iris.graph("source" if kind_of(name) == "document" else "loaded", stem(name))
