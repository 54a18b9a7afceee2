"""Read models of the graph: what pages, the graph views, analytics and exports show.

- :mod:`.terms`: the vocabulary the views know (mandate properties, statuses, structure);
- :mod:`.labels`: how resources and values read to a person;
- :mod:`.evidence`: statements and their attestations behind mandate edges;
- :mod:`.resource_page` and :mod:`.property_kinds`: what a resource page shows;
- :mod:`.twin`: a resource's description as RDF (the page's machine-readable twin);
- :mod:`.edges`, :mod:`.neighbourhood`, :mod:`.edge_detail`: the neighbourhood explorer;
- :mod:`.lineage`: a mandate's lineage across bodies and time;
- :mod:`.network`, :mod:`.analytics`, :mod:`.export`: the graph in networkx, its measures, and
  GraphML / node-link / CSV exports.
"""
