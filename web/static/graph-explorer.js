// The neighbourhood explorer: Cytoscape.js over /graph/api/neighbourhood. Clicking a node opens
// its neighbours (grouped by predicate and capped, with a "+ N more" node per capped group);
// clicking an edge shows its quotes from /graph/api/edge. The centre, the nodes opened and the
// filters live in the page address, so a view can be shared and reloaded. The same nodes and
// edges are listed as text (#node-list, #edge-list) for people who cannot see the drawing.
(function () {
  "use strict";
  var kit = window.mandatesGraphKit;
  var el = kit.el;
  var root = document.getElementById("explorer");
  var cfg = root.dataset;
  var FILTERS = ["verb", "body", "year", "status"];
  var panel = document.getElementById("graph-panel");
  var state = readState();
  var busy = Promise.resolve();

  var cy = window.cytoscape({
    container: document.getElementById("cy"),
    style: kit.style(),
    minZoom: 0.1,
    maxZoom: 4
  });
  window.mandatesGraph = cy;
  kit.legend(document.getElementById("legend"));

  function readState() {
    var params = new URL(window.location.href).searchParams;
    var s = { iri: params.get("iri") || cfg.iri, expand: params.getAll("expand"),
      more: params.getAll("more"), filters: {} };
    FILTERS.forEach(function (f) { s.filters[f] = params.get(f) || ""; });
    return s;
  }

  function writeState() {
    var url = new URL(window.location.href);
    url.search = "";
    url.searchParams.set("iri", state.iri);
    state.expand.forEach(function (id) { url.searchParams.append("expand", id); });
    state.more.forEach(function (key) { url.searchParams.append("more", key); });
    FILTERS.forEach(function (f) { if (state.filters[f]) { url.searchParams.set(f, state.filters[f]); } });
    window.history.replaceState(null, "", url.pathname + url.search);
  }

  function query(iri) {
    return kit.withParams(cfg.neighbourhood, Object.assign({ iri: iri, limit: cfg.limit }, state.filters));
  }

  function addNode(n, classes) {
    if (!n || !n.id) { return; }
    if (cy.getElementById(n.id).empty()) { cy.add(kit.nodeElement(n, classes)); }
  }

  function addEdge(e) {
    if (!cy.getElementById(e.id).empty()) { return; }
    if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) { return; }
    cy.add({ group: "edges", data: Object.assign({}, e), classes: "mandate" });
  }

  /** Adds what one API answer holds; the groups that were capped get a "+ N more" node. */
  function merge(from, data, moreNode) {
    var center = typeof data.center === "object" ? data.center : null;
    addNode(center);
    (data.nodes || []).forEach(function (n) { addNode(n); });
    (data.edges || []).forEach(addEdge);
    (data.groups || []).forEach(function (g) {
      var id = "more|" + from + "|" + g.predicate + "|" + g.direction;
      var node = cy.getElementById(id);
      if (moreNode && moreNode.id() !== id) { return; }
      var loaded = (node.nonempty() ? node.data("loaded") : 0) + (g.shown || 0);
      var left = g.total - loaded;
      if (!g.more || left <= 0) { cy.remove(node); return; }
      var info = { id: id, from: from, loaded: loaded, more: g.more, total: g.total,
        group: g.label, short: "+ " + left + " more " + g.label };
      if (node.empty()) {
        cy.add({ group: "nodes", data: info, classes: "more" });
        cy.add({ group: "edges", classes: "more",
          data: { id: id + "|edge", source: from, target: id, label: "" } });
      } else {
        node.data(info);
      }
    });
  }

  function expand(id) {
    var node = cy.getElementById(id);
    return kit.getJSON(query(id)).then(function (data) {
      var center = typeof data.center === "object" ? data.center : { id: id };
      merge(center.id || id, data);
      cy.getElementById(center.id || id).addClass("expanded");
      if (node.nonempty() || id === state.iri) { cy.getElementById(id).addClass("expanded"); }
    });
  }

  /** Follows a "+ N more" node and remembers it (its group's key, once per page) in the address. */
  function follow(node) {
    state.more.push(node.id().slice("more|".length));
    writeState();
    return serially(function () { return more(node); });
  }

  function more(node) {
    return kit.getJSON(node.data("more")).then(function (data) {
      merge(node.data("from"), data, node);
    });
  }

  var pending = 0;

  /** Runs API calls one after the other; #explorer[data-state] is "ready" when all are done. */
  function serially(task) {
    pending += 1;
    root.dataset.state = "loading";
    busy = busy.then(task).then(relayout).catch(function (err) {
      document.getElementById("graph-count").textContent = "The graph could not be loaded: " + err.message;
    }).then(function () {
      pending -= 1;
      if (!pending) { root.dataset.state = "ready"; }
    });
    return busy;
  }

  function relayout() {
    var layout = cy.layout({ name: "dagre", rankDir: "LR", nodeSep: 12, rankSep: 90,
      nodeDimensionsIncludeLabels: true, animate: false, fit: true, padding: 20 });
    layout.run();
    cy.getElementById(state.iri).addClass("centre");
    describe();
  }

  function load() {
    cy.elements().remove();
    var ids = [state.iri].concat(state.expand.filter(function (x) { return x !== state.iri; }));
    ids.forEach(function (id) { serially(function () { return expand(id); }); });
    state.more.forEach(function (key) {  // the pages of capped groups opened, in order
      serially(function () {
        var node = cy.getElementById("more|" + key);
        return node.nonempty() ? more(node) : null;
      });
    });
    return busy;
  }

  /** The text alternative: the count sentence and the lists of nodes and edges drawn. */
  function describe() {
    var nodes = cy.nodes(".resource").sort(function (a, b) {
      return (a.data("label") || "").localeCompare(b.data("label") || "");
    });
    var edges = cy.edges(".mandate");
    document.getElementById("graph-count").textContent =
      nodes.length + " node" + (nodes.length === 1 ? "" : "s") + " and " + edges.length +
      " edge" + (edges.length === 1 ? "" : "s") + " shown.";
    var list = document.getElementById("node-list");
    list.textContent = "";
    nodes.forEach(function (n) {
      var button = n.hasClass("expanded") ? null : el("button", { type: "button", "class": "expand",
        "aria-label": "Open the neighbours of " + n.data("label") }, ["open"]);
      if (button) { button.addEventListener("click", function () { open(n); }); }
      list.appendChild(el("li", { "data-id": n.id(), "class": n.hasClass("expanded") ? "expanded" : "" },
        [kit.link(n.data()), " ",
          el("span", { "class": "type" }, ["(" + (n.data("typeLabel") || "resource") + ")"]),
          button ? " " : null, button]));
    });
    cy.nodes(".more").forEach(function (m) {
      var button = el("button", { type: "button", "class": "more" }, [m.data("short")]);
      button.addEventListener("click", function () { follow(m); });
      var from = cy.getElementById(m.data("from")).data("label");
      list.appendChild(el("li", { "class": "more" }, [button, " (linked from " + from + ")"]));
    });
    var elist = document.getElementById("edge-list");
    elist.textContent = "";
    edges.forEach(function (e) {
      var button = el("button", { type: "button", "class": "quotes" }, ["quotes"]);
      button.addEventListener("click", function () { showEdge(e); });
      elist.appendChild(el("li", { "data-id": e.id(), "data-statement": e.data("statement") || null }, [
        e.source().data("label") + " — " + (e.data("label") || kit.local(e.data("predicate"))) +
        " → " + e.target().data("label"), e.data("statement") ? " " : null,
        e.data("statement") ? button : null]));
    });
  }

  function open(node) {
    showNode(node);
    if (node.hasClass("expanded")) { return busy; }
    if (state.expand.indexOf(node.id()) < 0 && node.id() !== state.iri) { state.expand.push(node.id()); }
    writeState();
    return serially(function () { return expand(node.id()); });
  }

  function showNode(node) {
    var d = node.data();
    panel.textContent = "";
    panel.appendChild(el("h2", { id: "panel-title" }, [kit.link(d)]));
    panel.appendChild(el("p", { "class": "type" }, [d.typeLabel || "resource", d.date ? ", " + d.date : ""]));
    panel.appendChild(el("p", {}, [el("a", { href: kit.withParams(cfg.lineagePage, { iri: d.id }),
      "class": "lineage" }, ["Lineage over time"]), " · ",
      el("a", { href: kit.withParams(window.location.pathname, { iri: d.id }), "class": "recentre" },
        ["Centre the graph here"])]));
  }

  function showEdge(edge) {
    var statement = edge.data("statement");
    edge.select();
    panel.textContent = "";
    panel.appendChild(el("h2", { id: "panel-title" }, [kit.link(edge.source().data()), " ",
      el("em", {}, [edge.data("label") || ""]), " ", kit.link(edge.target().data())]));
    if (!statement) {
      panel.appendChild(el("p", {}, ["No statement stands behind this link."]));
      return Promise.resolve();
    }
    return kit.getJSON(kit.withParams(cfg.edge, { statement: statement })).then(function (data) {
      var atts = data.attestations || [];
      panel.appendChild(el("p", { id: "attestation-count" }, [atts.length + " attestation" +
        (atts.length === 1 ? "" : "s") + " of this statement."]));
      var list = el("ol", { "class": "attestations" });
      atts.forEach(function (a) {
        list.appendChild(el("li", { "class": "attestation" }, [
          el("blockquote", { "class": "quote" }, [a.quote || ""]),
          el("dl", { "class": "attestation-facts" }, [
            el("dt", {}, ["paragraph"]), el("dd", { "class": "paragraph" }, [a.reader ?
              el("a", { href: a.reader, "class": "reference" }, [a.reference || a.paragraph]) :
              (a.reference || a.paragraph || "—")]),
            el("dt", {}, ["source"]), el("dd", { "class": "source" }, [kit.link(a.source)]),
            el("dt", {}, ["status"]), el("dd", { "class": "status" }, [a.statusLabel || kit.local(a.status)]),
            el("dt", {}, ["evidence"]), el("dd", { "class": "evidence" }, [kit.local(a.evidence) || "—"])
          ])]));
      });
      panel.appendChild(list);
      if (data.url) {
        panel.appendChild(el("p", {}, [
          el("a", { href: data.url, "class": "statement" }, ["The statement's page"])]));
      }
    });
  }

  cy.on("tap", "node.resource", function (evt) { open(evt.target); });
  cy.on("tap", "node.more", function (evt) { follow(evt.target); });
  cy.on("tap", "edge.mandate", function (evt) { showEdge(evt.target); });

  document.getElementById("graph-fit").addEventListener("click", function () { cy.fit(undefined, 20); });
  function zoom(factor) {
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }
  document.getElementById("graph-zoom-in").addEventListener("click", function () { zoom(1.25); });
  document.getElementById("graph-zoom-out").addEventListener("click", function () { zoom(0.8); });
  document.getElementById("graph-reset").addEventListener("click", function () {
    state = { iri: cfg.iri, expand: [], more: [], filters: {} };
    FILTERS.forEach(function (f) {
      state.filters[f] = "";
      document.getElementById("filter-" + f).value = "";
    });
    writeState();
    load();
  });

  var form = document.getElementById("graph-filters");
  form.addEventListener("submit", function (evt) { evt.preventDefault(); });
  form.querySelector("button[type=submit]").hidden = true;  // each choice applies at once
  FILTERS.forEach(function (f) {
    var select = document.getElementById("filter-" + f);
    select.value = state.filters[f];
    select.addEventListener("change", function () {
      state.filters[f] = select.value;
      writeState();
      load();
    });
  });

  document.getElementById("export-png").addEventListener("click", function () {
    kit.download("graph.png", cy.png({ full: true, scale: 2, bg: "#ffffff" }));
  });
  document.getElementById("export-svg").addEventListener("click", function () {
    kit.download("graph.svg", "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg()));
  });

  /** The drawing as SVG, written from the node positions (no SVG plugin is vendored). */
  function svg() {
    var box = cy.elements().boundingBox();
    var pad = 20;
    var esc = function (t) {
      return String(t || "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
    };
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" viewBox="' +
      (box.x1 - pad) + " " + (box.y1 - pad) + " " + (box.w + 2 * pad) + " " + (box.h + 2 * pad) + '">'];
    cy.edges().forEach(function (e) {
      var s = e.source().position();
      var t = e.target().position();
      out.push('<line x1="' + s.x + '" y1="' + s.y + '" x2="' + t.x + '" y2="' + t.y +
        '" stroke="#9aa7b5" stroke-width="1.5"/>');
      if (e.data("label")) {
        out.push('<text x="' + (s.x + t.x) / 2 + '" y="' + (s.y + t.y) / 2 + '" font-size="9" ' +
          'text-anchor="middle" fill="#3d4a57">' + esc(e.data("label")) + "</text>");
      }
    });
    cy.nodes().forEach(function (n) {
      var p = n.position();
      var r = n.width() / 2;
      var fill = n.hasClass("more") ? "#eef2f6" : n.style("background-color");
      out.push('<circle cx="' + p.x + '" cy="' + p.y + '" r="' + Math.min(r, 19) + '" fill="' + fill + '"/>');
      out.push('<text x="' + p.x + '" y="' + (p.y + Math.min(r, 19) + 11) + '" font-size="10" ' +
        'text-anchor="middle" fill="#1d2733">' + esc(n.data("short")) + "</text>");
    });
    out.push("</svg>");
    return out.join("\n");
  }

  writeState();
  window.mandatesGraphReady = load();
}());
