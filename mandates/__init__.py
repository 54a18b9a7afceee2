"""UN Mandates Graph: a validated RDF knowledge graph of the United Nations' cybercrime mandates.

The package ``mandates`` holds the shared core (configuration, the store, validation, the
command line); ``mandates.loader`` turns UN document text into RDF; ``mandates.web`` is the
explorer; ``mandates.ontology`` and ``mandates.queries`` ship the ontology, shapes and saved
queries as package data.
"""

__version__ = "0.1.0"
