"""Pages parsed for assertions that name the element they check: elements by id and by class,
each with its text and its ``{href, text}`` links, the ``<link>`` heads and the first ``<h1>``."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """A parsed page: elements by id and by class, each with its text and its {href, text} links."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.stack: list[dict] = []
        self.by_id: dict[str, dict] = {}
        self.by_class: dict[str, list[dict]] = defaultdict(list)
        self.heads: list[dict] = []  # <link> elements
        self.attributes: list[tuple[str, str, str]] = []
        self.h1: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.attributes += [(tag, k, v) for k, v in a.items()]
        if tag == "link":
            self.heads.append(a)
        if tag in VOID:
            return
        node = {"tag": tag, "attrs": a, "text": "", "links": [], "ancestors": list(self.stack)}
        self.stack.append(node)
        if a.get("id"):
            self.by_id[a["id"]] = node
        for c in a.get("class", "").split():
            self.by_class[c].append(node)
        if tag == "h1" and self.h1 is None:
            self.h1 = node

    def handle_endtag(self, tag: str) -> None:
        while self.stack and tag not in VOID:
            node = self.stack.pop()
            if node["tag"] == "a" and "href" in node["attrs"]:
                link = {"href": node["attrs"]["href"], "text": " ".join(node["text"].split())}
                for outer in self.stack:
                    outer["links"].append(link)
            if node["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for node in self.stack:
            node["text"] += data

    def text(self, element_id: str) -> str:
        return " ".join(self.by_id[element_id]["text"].split())

    def links(self, element_id: str) -> list[dict[str, str]]:
        return self.by_id[element_id]["links"]

    def texts(self, cls: str, within: dict | None = None) -> list[str]:
        nodes = self.by_class[cls]
        if within is not None:
            nodes = [n for n in nodes if any(a is within for a in n["ancestors"])]
        return [" ".join(n["text"].split()) for n in nodes]

    @property
    def title(self) -> str:
        return " ".join((self.h1 or {"text": ""})["text"].split())


class Scripts(HTMLParser):
    """Text of elements by id; every attribute; whether an inline script or handler appears."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.attributes: list[tuple[str, str, str]] = []
        self.inline: list[str] = []
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
            if name.startswith("on"):
                self.inline.append(f"{tag} {name}")
        if tag == "script" and not dict(attrs).get("src"):
            self.inline.append("script")
        if tag not in ("br", "img", "input", "link", "meta", "hr", "wbr"):
            self._open.append(dict(attrs).get("id") or "")

    def handle_endtag(self, tag) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data) -> None:
        for element in self._open:
            if element:
                self.ids[element] = self.ids.get(element, "") + data
