"""Validation of mandate data against SHACL shapes (the project's, or any SHACL Core shapes
graph), and its reports."""

from .engine import ENGINES, read_graph, validate_graph
from .report import NotConforming, Report, Result
from .shapes import Shapes, compile_shapes
from .sparql_engine import validate_store
from .vocabulary import IllFormedShape, ShapesError, ShapesWarning, UnsupportedShape

__all__ = [
    "ENGINES",
    "IllFormedShape",
    "NotConforming",
    "Report",
    "Result",
    "Shapes",
    "ShapesError",
    "ShapesWarning",
    "UnsupportedShape",
    "compile_shapes",
    "read_graph",
    "validate_graph",
    "validate_store",
]
