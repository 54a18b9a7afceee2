"""The query editor: YASGUI, vendored from npm into ``static/vendor/`` (never a CDN), preset to
this server's endpoint, with completions from the project's own prefixes, classes and
properties (the stock completers would call a remote vocabulary service)."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request, url_for

from mandates.namespaces import ID, PREFIXES, sparql_prologue

from .store import get_store

bp = Blueprint("editor", __name__)

#: The vendored YASGUI build; ``package.json`` pins the same version (a test checks).
YASGUI_VERSION = "4.6.2"
DEFAULT_QUERY = """SELECT ?resolution ?verb ?object ?quote WHERE {
  ?statement a mnd:Statement ;
      mnd:subject ?resolution ; mnd:verb ?verb ; mnd:object ?object ;
      mnd:attestedBy/mnd:quote ?quote .
  ?resolution a mnd:Resolution .
}
ORDER BY ?resolution ?verb
LIMIT 50"""

_CLASSES = """SELECT DISTINCT ?c WHERE {
  { ?c a <http://www.w3.org/2002/07/owl#Class> } UNION { ?s a ?c }
  FILTER isIRI(?c)
} ORDER BY ?c"""
_PROPERTIES = """SELECT DISTINCT ?p WHERE {
  { ?p a <http://www.w3.org/2002/07/owl#ObjectProperty> }
  UNION { ?p a <http://www.w3.org/2002/07/owl#DatatypeProperty> }
  UNION { ?s ?p ?o }
} ORDER BY ?p"""


@bp.get("/editor")
def index() -> str:
    query = request.args.get("query") or sparql_prologue() + "\n" + DEFAULT_QUERY
    return render_template(
        "editor/index.html",
        yasgui_version=YASGUI_VERSION,
        endpoint=url_for("sparql.endpoint"),  # same origin: no Host header in it
        vocabulary=url_for("editor.vocabulary"),
        query=query,
        id_base=str(ID),
        id_pages=url_for("resources.by_path", path="x")[:-1],
        other_pages=url_for("resources.by_iri"),
    )


@bp.get("/editor/vocabulary.json")
def vocabulary():
    """Prefixes, classes and properties of this graph, for the editor's completions."""
    store = get_store()
    classes = [row[0].value for row in store.query(_CLASSES)]
    properties = [row[0].value for row in store.query(_PROPERTIES)]
    return jsonify(
        prefixes=[f"{p}: <{iri}>" for p, iri in PREFIXES.items()],
        classes=classes,
        properties=properties,
    )
