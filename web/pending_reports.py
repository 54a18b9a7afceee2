"""Validation reports waiting to be read, downloaded or loaded, each under a random token.

The web page keeps the submitted bytes and their report here so that the report can be
downloaded (Turtle, JSON) and the submission loaded without sending it again. Nothing is
written to disk; every entry expires. Each visitor has a few places of their own: a visitor's
new report pushes out that visitor's oldest, never someone else's (one address submitting
again and again cannot evict another's pending report); only the total over many visitors is
bounded too, and there the oldest report goes first.

>>> cache = ReportCache(per_client=1)
>>> first = cache.put("a", client="10.0.0.1")
>>> other = cache.put("b", client="10.0.0.2")
>>> second = cache.put("c", client="10.0.0.1")
>>> cache.get(first) is None, cache.get(second), cache.get(other)
(True, 'c', 'b')
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from typing import Generic, TypeVar

T = TypeVar("T")


class ReportCache(Generic[T]):
    def __init__(self, per_client: int = 8, size: int = 1024, seconds: float = 3600) -> None:
        self.per_client, self.size, self.seconds = per_client, size, seconds
        self._items: OrderedDict[str, tuple[float, str, T]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, item: T, client: str = "") -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._items[token] = (time.monotonic(), client, item)
            own = [t for t, (_, c, _i) in self._items.items() if c == client]
            for old in own[: max(0, len(own) - self.per_client)]:
                del self._items[old]
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
            return found[2]
