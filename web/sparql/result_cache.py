"""Answers of the SPARQL endpoint kept for the same query on the same store version.

Analysts re-run saved queries, the pages ask the same things, and many readers look up the
same symbols; a worker round trip costs more than the query itself for such small answers. An
answer is kept only when it is small and its query calls nothing volatile (the worker says so:
:attr:`.Answer.reusable`), under the key of everything that decides it (the store version
included, so a rebuild never serves an old answer); the least recently used ones go first when
the cache is full. ``mandates serve --result-cache 0`` turns it off.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from mandates.web.workers.messages import Answer

#: Answers larger than this share of the cache are not kept.
LARGEST_SHARE = 16


class ResultCache:
    """A thread-safe LRU map from a job to its answer, bounded by the bytes of the answers."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[Hashable, Answer] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Answer | None:
        if self.capacity <= 0:
            return None
        with self._lock:
            answer = self._entries.get(key)
            if answer is not None:
                self._entries.move_to_end(key)
            return answer

    def put(self, key: Hashable, answer: Answer) -> None:
        size = len(answer.body)
        if not answer.reusable or answer.status != "ok" or size > self.capacity // LARGEST_SHARE:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._entries[key] = answer
            self._size += size
            while self._size > self.capacity:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._entries)
