"""Which variables a pattern binds (§18.2.1, "in-scope variables"), for the rules that a
variable may not be bound twice: BIND and ``(expression AS ?v)`` must name a new variable.

Each function recurses once per level of the tree, which the parser has already bounded.
"""

from __future__ import annotations

from .tree import (
    Bind,
    BlankNodeList,
    Collection,
    GraphNode,
    GraphPattern,
    Group,
    Optional,
    Property,
    Select,
    Service,
    Triples,
    Union,
    Values,
    Var,
)


def in_scope(pattern: object) -> set[str]:
    """The names of the variables in scope after ``pattern``.

    FILTER and MINUS bind nothing; a sub-SELECT binds what it projects.

    >>> in_scope(Bind(Var("x"), Var("y")))
    {'y'}
    """
    if isinstance(pattern, Triples):
        found: set[str] = set()
        _node_vars(pattern.subject, found)
        _property_vars(pattern.properties, found)
        return found
    if isinstance(pattern, Group):
        found = set()
        for element in pattern.elements:
            found |= in_scope(element)
        return found
    if isinstance(pattern, Union):
        found = set()
        for group in pattern.groups:
            found |= in_scope(group)
        return found
    if isinstance(pattern, Optional):
        return in_scope(pattern.group)
    if isinstance(pattern, GraphPattern | Service):
        found = in_scope(pattern.group)
        name = pattern.name if isinstance(pattern, GraphPattern) else pattern.target
        if isinstance(name, Var):
            found.add(name.name)
        return found
    if isinstance(pattern, Bind):
        return {pattern.var.name}
    if isinstance(pattern, Values):
        return {var.name for var in pattern.vars}
    if isinstance(pattern, Select):
        if not pattern.projection:
            return in_scope(pattern.where)
        return {item.var.name for item in pattern.projection}
    return set()


def _node_vars(node: GraphNode, found: set[str]) -> None:
    if isinstance(node, Var):
        found.add(node.name)
    elif isinstance(node, Collection):
        for item in node.items:
            _node_vars(item, found)
    elif isinstance(node, BlankNodeList):
        _property_vars(node.properties, found)


def _property_vars(properties: list[Property], found: set[str]) -> None:
    for prop in properties:
        if isinstance(prop.verb, Var):  # a path holds IRIs only
            found.add(prop.verb.name)
        for obj in prop.objects:
            _node_vars(obj, found)
