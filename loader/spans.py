"""A relation found in a sentence, and word-based spans for its quote.

>>> s = "In its resolution 1/2, the Assembly requested the Council to act."
>>> s[words_back(s, 36, 2):words_on(s, 36, 3)]
'the Assembly requested the Council'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice


@dataclass(frozen=True)
class Found:
    """One relation found in a sentence: names, and the quote's span within the sentence.

    ``key`` identifies the act, so that an act restated later in a document is kept once.
    """

    subject: str
    relation: str
    object: str | None
    lo: int
    hi: int
    anchor: int
    primary: bool
    key: str


_WORD = re.compile(r"\S+")


def words_back(text: str, pos: int, n: int) -> int:
    """Offset of the ``n``-th word before ``pos`` (0 when there are fewer)."""
    starts = [m.start() for m in re.finditer(r"\S+", text[:pos])]
    return starts[-n] if len(starts) >= n else 0


def words_on(text: str, pos: int, n: int) -> int:
    """Offset just after the ``n``-th word from ``pos`` (the text's end when there are fewer)."""
    end = pos
    for m in islice(_WORD.finditer(text, pos), n):  # only the words wanted, not the rest
        end = m.end()
    return end
