"""Write the expected results of every saved query from a graph freshly built from ``data/``.

    .venv/bin/python tests/queries/regenerate.py            # every query
    .venv/bin/python tests/queries/regenerate.py 003 011    # some, by number or id

Then read ``git diff tests/queries``: the expected files are reviewed data, not snapshots.
Files of queries that no longer exist are listed, not deleted.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from mandates.ingest.build import build
from mandates.query import saved as saved_queries
from mandates.store.embedded import StoreRoot

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "data"


def main(selected: list[str]) -> int:
    queries = saved_queries.load_all()
    if selected:
        queries = tuple(q for q in queries if q.id in selected or f"{q.number:03d}" in selected)
    if not queries:
        print("no saved query matches", " ".join(selected), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        root = StoreRoot(folder)
        build(root, DATA)
        store = root.open_read_only()
        for query in queries:
            path = HERE / saved_queries.expected_name(query)
            text = saved_queries.results_document(saved_queries.run(store, query))
            old = path.read_text(encoding="utf-8") if path.exists() else None
            path.write_text(text, encoding="utf-8")
            state = "new" if old is None else "unchanged" if old == text else "CHANGED"
            print(f"{state:9}  {path.name}")
        del store
    names = {saved_queries.expected_name(q) for q in saved_queries.load_all()}
    for path in sorted(HERE.glob("*.expected.*")):
        if path.name not in names:
            print(f"{'orphan':9}  {path.name} (no saved query: delete it by hand)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
