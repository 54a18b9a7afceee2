"""Where the graph lives: the embedded pyoxigraph store or a SPARQL 1.1 server, behind one
written contract (:mod:`.contract`).

- :mod:`.contract`: what every store and store root offers (``typing.Protocol``s);
- :mod:`.embedded`: a folder of store versions with an atomic ``current`` link;
- :mod:`.remote`: a SPARQL 1.1 server (Virtuoso tested) as the store;
- :mod:`.backends`: choosing one from where the store is (a folder or a URL);
- :mod:`.stats`: the counts that describe a store.
"""
