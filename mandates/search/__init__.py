"""Search over the graph: :mod:`.index` (what each resource can be found by) and :mod:`.rank`
(hits ranked, facets counted)."""
