"""The top of the syntax tree: a query (its form, prologue and dataset around a
:class:`~.tree.Select`) or an update (its operations)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .tree import Group, Iri, Node, Select, Triples, Var


@dataclass(slots=True)
class Dataset(Node):
    """``FROM <g>`` or ``FROM NAMED <g>`` (also USING in an update)."""

    iri: Iri
    named: bool = False


@dataclass(slots=True)
class Query(Node):
    """A whole query: the form, the prologue, the dataset and the form's own parts.

    ``select`` holds the WHERE clause and solution modifiers of every form (for ASK,
    CONSTRUCT and DESCRIBE its projection is empty); ``template`` the CONSTRUCT template
    (``None`` for ``CONSTRUCT WHERE``), ``describe`` what DESCRIBE names (empty for ``*``).
    """

    form: str
    select: Select
    base: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)
    prefixes_used: set[str] = field(default_factory=set)
    dataset: list[Dataset] = field(default_factory=list)
    template: list[Triples | Quads] | None = None
    describe: list[Iri | Var] = field(default_factory=list)


# Updates -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Quads(Node):
    """``GRAPH name { triples }`` inside an update's quad data or pattern."""

    name: Iri | Var
    triples: list[Triples]


@dataclass(slots=True)
class UpdateOperation(Node):
    """One operation of an update: ``kind`` is LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY,
    INSERT DATA, DELETE DATA, DELETE WHERE or MODIFY; ``keyword`` the word it starts with.

    ``graphs`` are the IRIs it names (or DEFAULT, NAMED, ALL as words), ``delete`` and
    ``insert`` the quads, ``using`` the USING clauses, ``where`` the pattern of a MODIFY.
    """

    kind: str
    keyword: str
    silent: bool = False
    graphs: list[Iri | str] = field(default_factory=list)
    delete: list[Triples | Quads] = field(default_factory=list)
    insert: list[Triples | Quads] = field(default_factory=list)
    using: list[Dataset] = field(default_factory=list)
    where: Group | None = None


@dataclass(slots=True)
class Update(Node):
    """An update request: its operations in order, with the prefixes as for a query."""

    operations: list[UpdateOperation]
    base: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)
    prefixes_used: set[str] = field(default_factory=set)
