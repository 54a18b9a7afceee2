"""A small in-memory cache of validation reports, each under a random, unguessable token.

The web page keeps the submitted bytes and their report here so that the report can be
downloaded (Turtle, JSON) and the submission loaded without sending it again. Nothing is
written to disk; the oldest entries go first, and every entry expires.

>>> cache = ReportCache(size=1)
>>> first = cache.put("a")
>>> cache.get(first)
'a'
>>> second = cache.put("b")
>>> cache.get(first) is None, cache.get(second)
(True, 'b')
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from typing import Generic, TypeVar

T = TypeVar("T")


class ReportCache(Generic[T]):
    def __init__(self, size: int = 32, seconds: float = 3600) -> None:
        self.size, self.seconds = size, seconds
        self._items: OrderedDict[str, tuple[float, T]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, item: T) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._items[token] = (time.monotonic(), item)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> T | None:
        with self._lock:
            found = self._items.get(token)
            if found is None:
                return None
            if time.monotonic() - found[0] > self.seconds:
                del self._items[token]
                return None
            return found[1]
