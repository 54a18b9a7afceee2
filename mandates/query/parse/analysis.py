"""What a parsed query asks for, read from its syntax tree: its form (or the update it is),
the SERVICE calls, the volatile functions, the prefixes and the dataset.

Everything is found by visiting the tree's nodes, so a SERVICE or a ``NOW()`` counts wherever
the grammar can put it (a nested group, a sub-SELECT, an EXISTS filter, an update's WHERE)
and nowhere else (a string, an IRI, a comment, a prefixed name's escapes are not nodes).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .forms import Query, Update
from .parser import parse
from .tree import Call, Iri, Node, Service, links
from .words import VOLATILE


def walk(tree: Node) -> Iterator[Node]:
    """Every node of ``tree``, without recursion (a tree as deep as the parser allows is
    visited with a list as the stack); the order is not specified.

    >>> from .tree import Group, Filter, Var
    >>> sorted(type(n).__name__ for n in walk(Group([Filter(Var("x"))])))
    ['Filter', 'Group', 'Var']
    """
    stack = [tree]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        yield node
        for name in links(type(node)):
            value = getattr(node, name)
            if type(value) is list:
                for item in value:
                    if isinstance(item, Node):
                        push(item)
                    elif type(item) is list:  # a row of VALUES
                        stack.extend(x for x in item if x is not None)
            elif value is not None:
                push(value)


@dataclass(frozen=True)
class QueryInfo:
    """What a query asks for, for the endpoint's guards and its cache.

    ``form`` is SELECT, CONSTRUCT, DESCRIBE, ASK, or UPDATE; ``update`` the keyword the first
    update operation starts with (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, ADD, MOVE, COPY,
    WITH) and ``operations`` each operation's kind. ``services`` are the SERVICE targets
    (``<iri>`` or ``?var``), ``volatile`` the names of the volatile functions called.
    """

    form: str
    update: str | None = None
    operations: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    volatile: frozenset[str] = frozenset()
    prefixes_declared: Mapping[str, str] = field(default_factory=dict)
    prefixes_used: frozenset[str] = frozenset()
    base: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def uses_service(self) -> bool:
        """Whether the query calls another endpoint (SERVICE, SILENT or not)."""
        return bool(self.services)

    @property
    def cacheable(self) -> bool:
        """Whether the same text always gives the same answer over the same data."""
        return not self.volatile


def analyse(text: str, prefixes: Mapping[str, str] | None = None) -> QueryInfo:
    """Parse ``text`` (with ``prefixes`` declared before it) and say what it asks for.

    Raises :class:`~.errors.SparqlSyntaxError` if it is not SPARQL 1.1.

    >>> info = analyse("SELECT (NOW() AS ?t) { SERVICE <http://x/> { ?s ?p ?o } }")
    >>> info.form, info.services, sorted(info.volatile)
    ('SELECT', ('<http://x/>',), ['NOW'])
    >>> analyse("WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }").update
    'WITH'
    """
    tree = parse(text, prefixes)
    return describe(tree)


def describe(tree: Query | Update) -> QueryInfo:
    """The :class:`QueryInfo` of a syntax tree."""
    services: list[str] = []
    volatile: set[str] = set()
    if isinstance(tree, Update):
        datasets = [d for op in tree.operations for d in op.using]
    else:
        datasets = tree.dataset
    for node in walk(tree):
        if isinstance(node, Service):
            target = node.target
            services.append(f"<{target.value}>" if isinstance(target, Iri) else f"?{target.name}")
        elif isinstance(node, Call) and node.name in VOLATILE and not node.function:
            volatile.add(node.name)
    default = tuple(d.iri.value for d in datasets if not d.named)
    named = tuple(d.iri.value for d in datasets if d.named)
    common = {
        "services": tuple(services),
        "volatile": frozenset(volatile),
        "prefixes_declared": dict(tree.prefixes),
        "prefixes_used": frozenset(tree.prefixes_used),
        "base": tree.base,
        "default_graphs": default,
        "named_graphs": named,
    }
    if isinstance(tree, Update):
        kinds = tuple(op.kind for op in tree.operations)
        return QueryInfo("UPDATE", tree.operations[0].keyword, kinds, **common)  # type: ignore[arg-type]
    return QueryInfo(tree.form, **common)  # type: ignore[arg-type]
