"""``python -m mandates`` runs the command line."""

from .cli import main

main()
