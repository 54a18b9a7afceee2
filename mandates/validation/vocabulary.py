"""The SHACL vocabulary as the compiler sorts it, and the errors it raises.

Every term of the ``sh:`` namespace that can appear in a shapes graph falls in exactly one of
these sets, so that the compiler can tell a term it read from one it does not implement or one
that does not exist: the first is validated, the other two stop validation before it starts.
A term nobody recognises is as dangerous as an unimplemented one: ``sh:minCont 1`` would
otherwise let every focus node conform.
"""

from __future__ import annotations

from rdflib import Namespace

SH = Namespace("http://www.w3.org/ns/shacl#")


def names(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Parameters of the SHACL Core constraint components (section 4 of the spec).
CORE_PARAMETERS = names(
    """class datatype nodeKind minCount maxCount minExclusive minInclusive maxExclusive
    maxInclusive minLength maxLength pattern flags languageIn uniqueLang equals disjoint
    lessThan lessThanOrEquals not and or xone node property qualifiedValueShape
    qualifiedValueShapesDisjoint qualifiedMinCount qualifiedMaxCount closed ignoredProperties
    hasValue in sparql"""
)
#: Parameters whose values are shapes (a node is a shape when it is one of these values).
SHAPE_VALUED = names("not node property qualifiedValueShape")
SHAPE_LISTS = names("and or xone")
TARGETS = names("targetClass targetNode targetObjectsOf targetSubjectsOf")
PATHS = names("path alternativePath inversePath zeroOrMorePath oneOrMorePath zeroOrOnePath")
#: Read with every shape, and change what it reports.
SHAPE_SETTINGS = names("severity message deactivated")
#: Non-validating properties (spec 2.3.4 and 2.4): read, kept out of validation on purpose.
DESCRIPTIVE = names("name description order group defaultValue")
#: SPARQL-based constraints (spec 5) and the prefix declarations their queries use.
SPARQL_TERMS = names("select prefixes declare prefix namespace")
#: Terms of validation reports: a shapes graph may hold an expected report (the W3C test
#: suite keeps its manifests in the shapes files); they say nothing about shapes.
REPORT_TERMS = names(
    """conforms result focusNode resultPath value sourceShape sourceConstraint
    sourceConstraintComponent resultSeverity resultMessage detail shapesGraphWellFormed"""
)
#: Links between a data graph and its shapes: they tell a processor where shapes are, not
#: what to check, and this engine is always handed its shapes.
GRAPH_LINKS = names("shapesGraph suggestedShapesGraph")
#: Real SHACL terms for features this engine does not implement: SHACL Advanced Features
#: (custom targets, rules, functions), SPARQL-based constraint components, SHACL-JS, and
#: entailment regimes. A shapes graph that uses any of them is refused, never half-run.
UNSUPPORTED = names(
    """target ask construct update parameter optional validator nodeValidator
    propertyValidator labelTemplate returnType entailment rule condition subject predicate
    object filterShape nodes this intersection union jsFunctionName jsLibrary
    jsLibraryURL js expression values"""
)
#: ``rdf:type`` objects: shapes, and things this engine understands but are not rules.
SHAPE_CLASSES = names("Shape NodeShape PropertyShape")
KNOWN_CLASSES = names(
    """SPARQLConstraint PropertyGroup PrefixDeclaration ValidationReport ValidationResult
    AbstractResult Violation Warning Info"""
)
UNSUPPORTED_CLASSES = names(
    """ConstraintComponent Parameter Validator SPARQLAskValidator SPARQLSelectValidator
    SPARQLTarget SPARQLTargetType Target TargetType Function SPARQLFunction Rule TripleRule
    SPARQLRule JSConstraint JSFunction JSTarget JSTargetType JSValidator JSRule JSLibrary
    SPARQLValuesDeriver"""
)
NODE_KINDS = names("IRI BlankNode Literal BlankNodeOrIRI BlankNodeOrLiteral IRIOrLiteral")
KNOWN_PREDICATES = (
    CORE_PARAMETERS
    | TARGETS
    | PATHS
    | SHAPE_SETTINGS
    | DESCRIPTIVE
    | SPARQL_TERMS
    | REPORT_TERMS
    | GRAPH_LINKS
)


def local(term: object) -> str | None:
    """The local name of a term of the SHACL namespace, or None for any other term."""
    text = str(term)
    return text[len(SH) :] if text.startswith(str(SH)) else None


class ShapesError(ValueError):
    """The shapes graph cannot be validated against as written: nothing has been checked."""


class UnsupportedShape(ShapesError):
    """A shape uses a SHACL term this engine does not implement, or one SHACL does not have."""


class IllFormedShape(ShapesError):
    """A shape breaks a syntax rule of SHACL (a count that is not an integer, a broken list)."""


class ShapesWarning(UserWarning):
    """A SHACL term in the shapes graph that, by the spec, takes no part in validation.

    For example an ``sh:inversePath`` on an unused blank node, or ``sh:qualifiedMinCount``
    without ``sh:qualifiedValueShape``. SHACL says what to do with them (nothing), so they do
    not stop validation; they are reported so that a mistake in a shape is never silent.
    """
