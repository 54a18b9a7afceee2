"""The ``mandates`` command line: one module per command, registered in :mod:`.main`."""

from .main import main

__all__ = ["main"]
