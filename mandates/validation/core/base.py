"""What every constraint component shares: the shape it belongs to, the query it becomes, and
the scope that query is written in.

A component turns into one SPARQL SELECT whose rows are its validation results: ``?this`` the
focus node, ``?value`` the value node where SHACL reports one, ``?path`` where the result path
is not the shape's own (``sh:closed``, ``sh:sparql``). The query is written against a
:class:`Scope`: a group pattern giving the focus nodes (the shape's targets, or the nodes other
shapes apply it to) and the ways to write value nodes, constants and conformance tests there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ..paths import Path
from ..targets import Target
from ..terms import from_rdflib
from ..vocabulary import SH


@dataclass(eq=False)
class Shape:
    """One shape of the shapes graph. Compared by identity: there is one object per node."""

    node: Node
    path: Path | None
    targets: tuple[Target, ...] = ()
    severity: URIRef = SH.Violation
    messages: tuple[Literal, ...] = ()
    deactivated: bool = False
    components: list[Component] = field(default_factory=list)

    @property
    def references(self) -> list[Shape]:
        """The shapes this one applies to its value nodes (through sh:node, sh:property …)."""
        return [s for c in self.components for s in c.references]

    def __repr__(self) -> str:
        return f"Shape({self.node})"


@dataclass(frozen=True)
class Query:
    """A query whose rows are results of ``component`` for ``shape``."""

    text: str
    component: URIRef
    shape: Shape
    #: For sh:sparql: the constraint's own messages, and whether a result without ?value
    #: takes the focus node as its value (spec 5.3.2).
    messages: tuple[Literal, ...] | None = None
    value_is_focus: bool = False
    #: Whether the rows depend on other shapes' conformance (run again in recursion).
    dependent: bool = False


class Registry(Protocol):
    """The shapes of a shapes graph, for components that refer to other shapes."""

    def get(self, node: Node) -> Shape:
        """The shape at ``node`` (read on first use)."""
        ...

    def parents(self, shape: Shape) -> list[Shape]:
        """The shapes that have ``shape`` as a value of sh:property."""
        ...


class Context(Protocol):
    """What a scope needs from the validation run it belongs to."""

    def constant(self, term: Node) -> str: ...

    def numeric(self, var: str) -> str: ...

    def conforms(self, shape: Shape, var: str) -> str: ...

    def function(self, test: Callable[[object], bool]) -> str: ...


class Scope:
    """The SPARQL a component of ``shape`` is written in, for the focus nodes of ``focus``."""

    def __init__(self, shape: Shape, focus: str, context: Context) -> None:
        self.shape = shape
        self.focus = focus
        self.context = context

    @property
    def path(self) -> Path | None:
        return self.shape.path

    def pairs(self) -> str:
        """A pattern binding ``?this`` (a focus node) and ``?value`` (each of its value nodes).

        Rows may repeat (a sequence path reaches a value twice): select DISTINCT.
        """
        if self.path is None:
            return f"{self.focus} BIND (?this AS ?value)"
        step = f"?this {self.path.sparql} ?value ."
        if not self.path.nullable:
            return f"{self.focus} {step}"
        return (
            "{ SELECT DISTINCT ?this ?value WHERE { "
            f"{{ {self.focus} {step} }} UNION {{ {self.focus} BIND (?this AS ?value) }} }} }}"
        )

    def optional_pairs(self, condition: str | None = None) -> str:
        """Every focus node, with ``?value`` bound to each of its value nodes for which
        ``condition`` holds, if it has any (for counting: a node with none counts zero)."""
        test = f"FILTER ({condition})" if condition else ""
        if self.path is not None and not self.path.nullable:
            return f"{self.focus} OPTIONAL {{ ?this {self.path.sparql} ?value {test} }}"
        return f"{self.focus} OPTIONAL {{ {self.pairs()} {test} }}"

    def has_value(self, subject: str, value: str) -> str:
        """A condition: ``value`` is a value node of ``subject`` (both bound)."""
        if self.path is None:
            return f"sameTerm({subject}, {value})"
        test = f"EXISTS {{ {subject} {self.path.sparql} {value} }}"
        return f"({test} || sameTerm({subject}, {value}))" if self.path.nullable else test

    def select_values(self, condition: str, before: str = "") -> str:
        """The value nodes for which ``condition`` holds: one result each."""
        return (
            f"SELECT DISTINCT ?this ?value WHERE {{ {self.pairs()} {before} FILTER ({condition}) }}"
        )

    def constant(self, term: Node) -> str:
        """A constant of the shapes graph, written as the store holds it (:mod:`..terms`)."""
        return self.context.constant(term)

    def member(self, var: str, terms: Iterable[Node]) -> str:
        """A condition: ``var`` is one of ``terms`` (the same RDF term, not an equal value)."""
        tests = []
        blanks = []
        for term in terms:
            if isinstance(term, BNode):
                blanks.append(term)
            else:
                tests.append(f"sameTerm({var}, {self.constant(term)})")
        if blanks:
            # A blank node of the shapes graph can only be the same node as one in the data
            # when both graphs are one; SPARQL cannot write it, so Python compares.
            wanted = {from_rdflib(b) for b in blanks}
            tests.append(f"{self.context.function(lambda t: t in wanted)}({var})")
        return "(" + (" || ".join(tests) or "false") + ")"

    def conforms(self, shape: Shape, var: str) -> str:
        """A condition: the node in ``var`` conforms to ``shape``."""
        return self.context.conforms(shape, var)

    def numeric(self, var: str) -> str:
        """``var`` as a value that compares with < and > (see :func:`..terms.numeric`)."""
        return self.context.numeric(var)

    def query(self, component: Component, text: str, **more: object) -> Query:
        return Query(text, component.iri, self.shape, **more)  # type: ignore[arg-type]


class Component:
    """One constraint of a shape: a constraint component with its parameter values."""

    #: The component's local name without ``ConstraintComponent`` (``MinCount``).
    name: ClassVar[str] = ""

    @property
    def iri(self) -> URIRef:
        return SH[f"{self.name}ConstraintComponent"]

    @property
    def references(self) -> list[Shape]:
        return []

    def query(self, scope: Scope) -> Query | None:
        """The query of this constraint in ``scope``; None when it can never be violated."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{self.name}Component"
