"""SPARQL 1.1 Update ([29]–[52]), read whole so that an update is recognised by its structure,
not by a word in its text: the endpoint refuses every update and names the keyword that starts
it (``WITH`` for ``WITH <g> DELETE …``).

The data rules of §19.6 (no variables in INSERT DATA, no blank nodes in DELETE) are not
checked: the endpoint never runs an update, and refusing one needs only its form.
"""

from __future__ import annotations

from .forms import Quads, Update, UpdateOperation
from .query import Queries
from .tree import Iri, Triples
from .words import UPDATE_KEYWORDS


class Updates(Queries):
    """The rules for updates."""

    def update(self) -> Update:
        """[29] Update, after its first prologue: operations separated by ``;``, each of which
        may have a prologue of its own."""
        found = Update([], self.base, self.declared, self.used)
        while True:
            found.operations.append(self.operation())
            if not self.accept(";"):
                return found
            self.prologue()
            if self.kinds[self.i] not in UPDATE_KEYWORDS:
                return found

    def operation(self) -> UpdateOperation:
        """[30] Update1."""
        keyword = self.take().upper()
        op = UpdateOperation(keyword, keyword)
        if keyword in ("LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"):
            op.silent = self.accept("SILENT")
        if keyword == "LOAD":
            op.graphs.append(self.iri())
            if self.accept("INTO"):
                self.expect("GRAPH")
                op.graphs.append(self.iri())
        elif keyword in ("CLEAR", "DROP"):
            op.graphs.append(self._graph_ref_all())
        elif keyword == "CREATE":
            self.expect("GRAPH")
            op.graphs.append(self.iri())
        elif keyword in ("ADD", "MOVE", "COPY"):
            op.graphs.append(self._graph_or_default())
            self.expect("TO")
            op.graphs.append(self._graph_or_default())
        elif keyword in ("INSERT", "DELETE") and self.accept("DATA"):
            op.kind = keyword + " DATA"
            (op.insert if keyword == "INSERT" else op.delete).extend(self.quads())
        elif keyword == "DELETE" and self.accept("WHERE"):
            op.kind = "DELETE WHERE"
            op.delete.extend(self.quads())
        else:
            self._modify(op)
        return op

    def _modify(self, op: UpdateOperation) -> None:
        """[41] Modify: WITH, DELETE and/or INSERT templates, USING clauses, WHERE."""
        op.kind = "MODIFY"
        if op.keyword == "WITH":
            op.graphs.append(self.iri())
            if self.kinds[self.i] not in ("DELETE", "INSERT"):
                self.fail("`DELETE` or `INSERT`")
            self.advance()
            keyword = self.values[self.i - 1].upper()
        else:
            keyword = op.keyword
        if keyword == "DELETE":
            op.delete.extend(self.quads())
            if self.accept("INSERT"):
                op.insert.extend(self.quads())
        else:
            op.insert.extend(self.quads())
        self.dataset(op.using)
        self.expect("WHERE")
        op.where = self.group_graph_pattern()

    def _graph_ref_all(self) -> Iri | str:
        """[47] GraphRefAll: ``GRAPH <g>``, DEFAULT, NAMED or ALL."""
        kind = self.kinds[self.i]
        if kind in ("DEFAULT", "NAMED", "ALL"):
            self.advance()
            return kind
        self.expect("GRAPH", "`GRAPH`, `DEFAULT`, `NAMED` or `ALL`")
        return self.iri()

    def _graph_or_default(self) -> Iri | str:
        """[45] GraphOrDefault: DEFAULT, or ``[GRAPH] <g>``."""
        if self.accept("DEFAULT"):
            return "DEFAULT"
        self.accept("GRAPH")
        return self.iri()

    def quads(self) -> list[Triples | Quads]:
        """[48] QuadPattern / [49] QuadData: ``{`` [50] Quads ``}``."""
        self.expect("{")
        self.enter()
        self.bgp = None  # not checked in update data (see above)
        found: list[Triples | Quads] = list(self.triples_template())
        while self.accept("GRAPH"):
            name = self.var_or_iri()
            self.expect("{")
            found.append(Quads(name, self.triples_template()))
            self.expect("}", "`.` or `}`")
            self.accept(".")
            found.extend(self.triples_template())
        self.expect("}", "`.`, `GRAPH` or `}`")
        self.leave()
        return found
