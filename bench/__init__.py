"""Benchmarks: scripts that print measurements side by side in one run (``python -m bench.run``);
never run as tests. See ``bench/README.md``."""
