"""The SHACL Core constraint components, one module per section of the spec (4.1–4.8), and
the SPARQL-based constraints of section 5.

Each module has a ``read`` function that reads its parameters from a shape and returns the
components it finds; :data:`READERS` is the order in which they are asked.
"""

from __future__ import annotations

from . import (
    cardinality,
    logical,
    other,
    property_pair,
    shape_based,
    sparql_based,
    string_based,
    value_range,
    value_type,
)
from .base import Component, Query, Registry, Scope, Shape

READERS = (
    value_type.read,
    cardinality.read,
    value_range.read,
    string_based.read,
    property_pair.read,
    logical.read,
    shape_based.read,
    other.read,
    sparql_based.read,
)

__all__ = ["READERS", "Component", "Query", "Registry", "Scope", "Shape"]
