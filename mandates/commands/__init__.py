"""The commands of the ``mandates`` command line, one module per area."""
