"""The syntax tree: what a query says, as small dataclasses, close to the grammar's rules.

The top of the tree, a query or an update, is in :mod:`.forms`. Every node derives from
:class:`Node`; :func:`links` names the fields of each class that hold nodes, so that
:func:`mandates.query.parse.analysis.walk` visits a tree of any depth without recursion.
Prefixed names are already expanded to full IRIs (the parser knows the prefixes); relative
IRIs are kept as written (BASE is recorded, not applied: nothing here needs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields


class Node:
    """A node of the tree; its fields that hold nodes, or lists of them, are its children."""

    __slots__ = ()

    def children(self) -> Iterator[Node]:
        """The nodes directly below this one, in field order."""
        for name in links(type(self)):
            value = getattr(self, name)
            if isinstance(value, Node):
                yield value
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, Node):
                        yield item
                    elif isinstance(item, list):  # a row of VALUES
                        yield from (x for x in item if isinstance(x, Node))


_LINKS: dict[type, tuple[str, ...]] = {}
_PLAIN = frozenset(("str", "bool", "int", "str | None", "int | None", "dict[str, str]"))


def links(cls: type) -> tuple[str, ...]:
    """The fields of a node class that may hold nodes (not the text, flags and numbers),
    worked out once per class from the annotations.

    >>> links(Call), links(Iri)
    (('args',), ())
    """
    found = _LINKS.get(cls)
    if found is None:
        found = _LINKS[cls] = tuple(
            f.name for f in fields(cls) if f.type not in _PLAIN and f.type != "set[str]"
        )
    return found


# Terms --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Iri(Node):
    """An IRI (a prefixed name expanded; escapes in the local part removed)."""

    value: str


@dataclass(slots=True)
class Var(Node):
    """A variable, by name without ``?`` or ``$``."""

    name: str


@dataclass(slots=True)
class Literal(Node):
    """A literal: its lexical form (escapes decoded), and a language tag or a datatype IRI."""

    value: str
    language: str | None = None
    datatype: str | None = None


@dataclass(slots=True)
class BlankNode(Node):
    """A blank node: ``_:label``, or ``[]`` (label ``None``)."""

    label: str | None


Term = Iri | Var | Literal | BlankNode


# Triples -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Path(Node):
    """A property path that is more than one IRI: ``op`` is ``|``, ``/``, ``^`` (inverse),
    ``?``, ``*``, ``+`` (the modifiers) or ``!`` (a negated set of IRIs and ``^`` IRIs)."""

    op: str
    items: list[Iri | Path]


@dataclass(slots=True)
class Collection(Node):
    """``( a b c )``: an RDF list of the nodes."""

    items: list[GraphNode]


@dataclass(slots=True)
class BlankNodeList(Node):
    """``[ verb objects ; … ]``: a blank node with its properties."""

    properties: list[Property]


GraphNode = Term | Collection | BlankNodeList


@dataclass(slots=True)
class Property(Node):
    """A verb (an IRI, a variable, ``a`` as ``rdf:type``, or a path) and its objects."""

    verb: Iri | Var | Path
    objects: list[GraphNode]


@dataclass(slots=True)
class Triples(Node):
    """TriplesSameSubject: a subject with the properties said of it."""

    subject: GraphNode
    properties: list[Property]


# Expressions -------------------------------------------------------------------------------


@dataclass(slots=True)
class Call(Node):
    """A built-in call or aggregate by its upper-case name (``STR``, ``NOW``, ``COUNT``), or a
    function by IRI (``name`` is the IRI, ``function`` True). ``args`` is empty for ``COUNT(*)``
    (``star`` True) and for NIL."""

    name: str
    args: list[Expression]
    distinct: bool = False
    function: bool = False
    star: bool = False
    separator: str | None = None


@dataclass(slots=True)
class Exists(Node):
    """``EXISTS { … }`` or ``NOT EXISTS { … }``."""

    pattern: Group
    negated: bool = False


@dataclass(slots=True)
class Operation(Node):
    """An operator on its operands: ``||``, ``&&``, ``=``, ``!=``, ``<``, ``>``, ``<=``,
    ``>=``, ``+``, ``-``, ``*``, ``/``, ``IN``, ``NOT IN`` (the list after the first operand)
    and the unary ``!``, ``+``, ``-`` (one operand)."""

    op: str
    operands: list[Expression]


Expression = Term | Call | Exists | Operation


# Graph patterns ----------------------------------------------------------------------------


@dataclass(slots=True)
class Group(Node):
    """``{ … }``: triples and patterns in order, or one sub-SELECT."""

    elements: list[Pattern] = field(default_factory=list)


@dataclass(slots=True)
class Union(Node):
    """``{ … } UNION { … } …`` (two groups or more)."""

    groups: list[Group]


@dataclass(slots=True)
class Optional(Node):
    """``OPTIONAL { … }``."""

    group: Group


@dataclass(slots=True)
class Minus(Node):
    """``MINUS { … }``."""

    group: Group


@dataclass(slots=True)
class GraphPattern(Node):
    """``GRAPH name { … }``."""

    name: Iri | Var
    group: Group


@dataclass(slots=True)
class Service(Node):
    """``SERVICE [SILENT] target { … }``: a call to another endpoint."""

    target: Iri | Var
    group: Group
    silent: bool = False


@dataclass(slots=True)
class Filter(Node):
    """``FILTER constraint``."""

    expression: Expression


@dataclass(slots=True)
class Bind(Node):
    """``BIND(expression AS ?var)``."""

    expression: Expression
    var: Var


@dataclass(slots=True)
class Values(Node):
    """``VALUES``: variables and rows of values (``None`` for UNDEF)."""

    vars: list[Var]
    rows: list[list[Term | None]]


# Queries -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Projection(Node):
    """One item of a SELECT: a variable, or ``(expression AS ?var)``."""

    var: Var
    expression: Expression | None = None


@dataclass(slots=True)
class Condition(Node):
    """A GROUP BY condition (``var`` for ``AS ?v``) or an ORDER BY one (``descending``)."""

    expression: Expression
    var: Var | None = None
    descending: bool = False


@dataclass(slots=True)
class Select(Node):
    """A SELECT query's body, also a sub-SELECT inside a group."""

    projection: list[Projection]  # empty for SELECT *
    where: Group
    modifier: str | None = None  # DISTINCT or REDUCED
    group_by: list[Condition] = field(default_factory=list)
    having: list[Expression] = field(default_factory=list)
    order_by: list[Condition] = field(default_factory=list)
    limit: int | None = None
    offset: int | None = None
    values: Values | None = None


#: What a group holds: triples, patterns, or one sub-SELECT.
Pattern = (
    Triples | Group | Union | Optional | Minus | GraphPattern | Service | Filter | Bind | Values
) | Select
