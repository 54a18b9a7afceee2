"""Validation of mandate data against the project's SHACL shapes, and its reports."""

from .engine import ENGINES, read_graph, validate_graph, validate_paths
from .report import Report, Result
from .sparql_engine import validate_store

__all__ = [
    "ENGINES",
    "Report",
    "Result",
    "read_graph",
    "validate_graph",
    "validate_paths",
    "validate_store",
]
