"""From files to named graphs: one path for ``build``, ``load``, ``validate`` and the web page.

- :mod:`.naming`: the named graph a file becomes (the one rule, shared by every entry point);
- :mod:`.submissions`: bytes of any accepted kind (RDF, or a UN document through the loader)
  read into the quads of that graph;
- :mod:`.paragraphs`: a document's printed words, block by block, kept in its graph;
- :mod:`.nesting`: refusing deeply nested RDF before a parser sees it;
- :mod:`.build`: the whole graph from ``data/`` into a new store version;
- :mod:`.bulk`: big curated files streamed into the store;
- :mod:`.staging`: what loading submissions would change, checked against the shapes;
- :mod:`.load`: adding and removing graphs in the store in service, all or nothing;
- :mod:`.log`: the load log kept in the store.
"""
