"""Random SPARQL 1.1 queries for the differential test: combinations of the grammar's
constructs, with what the generator put in them (a SERVICE call, a volatile function) known.

It writes only what SPARQL 1.1 and the engine agree on: operators between spaces (``?a<?b>``
is an IRI to the grammar, not to the engine), fresh variables for BIND and ``AS``, a new label
for each blank node, no custom aggregates, ``true`` in lower case. Keywords come in any case;
comments and strings may hold the words the guards look for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

REMOTE = "<http://127.0.0.1:9/sparql>"  # a port the engine refuses to call
IRIS = ["ex:a", "ex:b", "<http://example.org/c>", r"ex:d\#e", "ex:f%23", r"ex:g\.h", "ex:i.j"]
STRINGS = [
    "'x'",
    '"SERVICE <http://a/> { }"',
    "'NOW()'",
    "'''it's ''so'' '''",
    '"""a\n"b" # c\n"""',
    r"'tab\tquote\' '",
    '"x"@en',
    "'1'^^xsd:integer",
]
NUMBERS = ["1", "-2", "+3.5", ".5", "1e3", "-1.5E-2"]
COMMENTS = ["# SERVICE <http://a/> { }\n", "# NOW() RAND()\n", "#\n", "# } {\n"]


@dataclass
class Generated:
    """A query and what was put in it."""

    parts: list[str] = field(default_factory=list)
    service: bool = False
    volatile: bool = False
    counter: int = 0

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"


class Generator:
    """Queries from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def query(self) -> Generated:
        """One whole query: prologue, form, dataset, WHERE, modifiers, maybe VALUES."""
        g = Generated()
        g.parts.append(
            "PREFIX ex: <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
        )
        form = self.rng.choice(["SELECT", "SELECT", "ASK", "CONSTRUCT", "DESCRIBE"])
        where = self.group(g, 2)
        if form == "SELECT":
            grouped = self.rng.random() < 0.25
            head = self.kw("SELECT") + self.rng.choice(["", " " + self.kw("DISTINCT")])
            if grouped:
                head += f" ?s (COUNT(*) AS ?{g.fresh('n')})"
            elif self.rng.random() < 0.6:
                head += self.rng.choice([" *", " ?s ?o"])
            else:
                head += f" ?s ({self.expression(g, 2)} {self.kw('AS')} ?{g.fresh('e')})"
            tail = f" {self.kw('GROUP')} {self.kw('BY')} ?s" if grouped else ""
        elif form == "CONSTRUCT":
            head, tail = self.kw("CONSTRUCT") + " { ?s ex:p ?o . ?o ex:q [ ex:r ( 1 ?s ) ] }", ""
        elif form == "DESCRIBE":
            head, tail = self.kw("DESCRIBE") + " ?s ex:a", ""
        else:
            head, tail = self.kw("ASK"), ""
        dataset = self.rng.choice(["", " FROM <http://g/>", " FROM NAMED <http://g/>"])
        g.parts.append(f"{head}{dataset} {self.rng.choice(['', self.kw('WHERE') + ' '])}{where}")
        g.parts.append(tail)
        if form == "SELECT" and self.rng.random() < 0.3:
            key = self.rng.choice(["?s", "DESC(?s)", "STR(?s)"])
            g.parts.append(f" {self.kw('ORDER')} {self.kw('BY')} {key}")
        if self.rng.random() < 0.3:
            g.parts.append(f" {self.kw('LIMIT')} {self.rng.randint(0, 9)}")
        if self.rng.random() < 0.2:
            g.parts.append(f" {self.kw('VALUES')} ?s {{ ex:a UNDEF }}")
        return g

    def kw(self, word: str) -> str:
        """A keyword in upper, lower or mixed case."""
        pick = self.rng.random()
        if pick < 0.6:
            return word
        if pick < 0.8:
            return word.lower()
        return "".join(c.lower() if self.rng.random() < 0.5 else c for c in word)

    def group(self, g: Generated, depth: int) -> str:
        """``{ … }`` with a few elements, triples separated by dots."""
        items = []
        for _ in range(self.rng.randint(1, 3)):
            items.append(self.element(g, depth))
            if self.rng.random() < 0.2:
                items.append(self.rng.choice(COMMENTS))
        return "{ " + " ".join(items) + " }"

    def element(self, g: Generated, depth: int) -> str:
        kinds = ["triples"] * 4 + ["filter", "bind", "values"]
        if depth > 0:
            kinds += ["optional", "minus", "union", "graph", "service", "group", "subselect"]
        kind = self.rng.choice(kinds)
        if kind == "triples":
            return self.triples(g) + " ."
        if kind == "filter":
            return f"{self.kw('FILTER')} ({self.expression(g, 2)})"
        if kind == "bind":
            return f"{self.kw('BIND')} ({self.expression(g, 2)} {self.kw('AS')} ?{g.fresh('b')})"
        if kind == "values":
            var = g.fresh("v")
            return f"{self.kw('VALUES')} (?{var}) {{ (1) (UNDEF) ({self.rng.choice(IRIS)}) }}"
        inner = self.group(g, depth - 1)
        if kind == "optional":
            return f"{self.kw('OPTIONAL')} {inner}"
        if kind == "minus":
            return f"{self.kw('MINUS')} {inner}"
        if kind == "union":
            return f"{inner} {self.kw('UNION')} {self.group(g, depth - 1)}"
        if kind == "graph":
            return f"{self.kw('GRAPH')} {self.rng.choice(['?g', 'ex:g'])} {inner}"
        if kind == "service":
            g.service = True
            silent = self.rng.choice(["", self.kw("SILENT") + " "])
            return f"{self.kw('SERVICE')} {silent}{self.rng.choice([REMOTE, '?svc'])} {inner}"
        if kind == "subselect":
            return f"{{ {self.kw('SELECT')} * {inner} {self.kw('LIMIT')} 3 }}"
        return inner

    def triples(self, g: Generated) -> str:
        subject = self.rng.choice(
            ["?s", "?o", "ex:a", f"_:{g.fresh('b')}", "[ ex:p ?o ]", "( 1 ?s )"]
        )
        verb = self.rng.choice(
            [
                "?p",
                "a",
                *IRIS[:4],
                "ex:p/ex:q",
                "^ex:p",
                "ex:p*",
                "ex:p+",
                "ex:p?",
                "(ex:p|ex:q)+",
                "!ex:p",
                "!(ex:p|^a)",
            ]
        )
        objects = ", ".join(self.node(g) for _ in range(self.rng.randint(1, 2)))
        more = f" ; {self.rng.choice(IRIS)} {self.node(g)}" if self.rng.random() < 0.3 else ""
        return f"{subject} {verb} {objects}{more}"

    def node(self, g: Generated) -> str:
        return self.rng.choice(
            [
                "?o",
                "?s",
                *IRIS,
                *STRINGS,
                *NUMBERS,
                "true",
                "[]",
                "()",
                f"_:{g.fresh('b')}",
                "[ ex:p ?x ]",
                "( ?o 2 )",
            ]
        )

    def expression(self, g: Generated, depth: int) -> str:
        if depth == 0:
            return self.rng.choice(["?o", "?s", "1", "'a'", "ex:a", "true", "-1"])
        pick = self.rng.randint(0, 9)
        if pick == 5:
            g.volatile = True
            return self.rng.choice(
                ["NOW()", "RAND()", "UUID()", "STRUUID()", "BNODE()", "BNODE('x')", "now( )"]
            )
        if pick == 6:
            negation = self.kw("NOT") + " " if self.rng.random() < 0.5 else ""
            return f"{negation}{self.kw('EXISTS')} {self.group(g, 0)}"
        if pick == 9:
            return f"!{self.expression(g, 0)}"
        if pick == 3:
            return f"{self.rng.choice(['STR', 'LCASE', 'STRLEN', 'isIRI', 'BOUND'])}(?o)"
        left = self.expression(g, depth - 1)
        if pick == 4:
            return f"{self.kw('REGEX')}(STR({left}), 'a', 'i')"
        right = self.expression(g, depth - 1)
        if pick == 0:
            return f"{left} {self.rng.choice(['=', '!=', '<', '>', '<=', '>='])} {right}"
        if pick == 1:
            return f"({left} {self.rng.choice(['&&', '||'])} {right})"
        if pick == 2:
            return f"({left} {self.rng.choice(['+', '-', '*', '/'])} {right})"
        if pick == 7:
            return f"{left} {self.rng.choice(['IN', 'NOT IN'])} ({right}, 2)"
        return f"{self.kw('IF')}({left}, {right}, COALESCE(?o, 1))"


#: Edits that break a query: each removes or adds something the grammar cannot take there.
def break_query(text: str, rng: random.Random) -> str:
    """A broken variant of ``text``."""
    edits = [
        lambda t: t[: t.rindex("}")] + t[t.rindex("}") + 1 :],
        lambda t: t.replace("{", "{ . .", 1),
        lambda t: t.replace(" .", " . ,", 1) if " ." in t else t + " }",
        lambda t: t.replace("?s", "?", 1) if "?s" in t else t + " (",
        lambda t: t + " )",
        lambda t: t.replace("{", "{ ?s ?p ?o ?s ?p ?o ", 1),
        lambda t: t.replace("SELECT", "SELECT SELECT", 1) if "SELECT" in t else t + " ]",
        lambda t: t[: rng.randint(len(t) // 2, len(t) - 2)],
    ]
    return rng.choice(edits)(text)
