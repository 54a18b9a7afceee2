"""``python -m mandates`` runs the command line."""

from mandates.cli.main import main

main()
