"""Helper programs for running the project beside other software (a private Virtuoso)."""
