"""Validation of mandate data against the project's SHACL shapes, and its reports."""

from .engine import read_graph, validate_graph, validate_paths
from .report import Report, Result

__all__ = ["Report", "Result", "read_graph", "validate_graph", "validate_paths"]
