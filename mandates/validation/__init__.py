"""Validation of mandate data against the project's SHACL shapes, and its reports."""

from .engine import ENGINES, read_graph, validate_graph
from .report import NotConforming, Report, Result
from .sparql_engine import validate_store

__all__ = [
    "ENGINES",
    "NotConforming",
    "Report",
    "Result",
    "read_graph",
    "validate_graph",
    "validate_store",
]
