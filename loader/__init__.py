"""From the text of UN documents to RDF with provenance (paragraph and exact quote)."""
