// The lineage view: the chain of mandates from /graph/api/lineage drawn as a DAG on a time axis,
// one lane per body (x from the date, y from the lane: a preset layout), with the timeline of
// meetings and documents from /graph/api/timeline beside it (#timeline, sorted by date) and the
// same chain as text, lane by lane (#lane-list, #edge-list).
(function () {
  "use strict";
  var kit = window.mandatesGraphKit;
  var el = kit.el;
  var root = document.getElementById("lineage");
  var cfg = root.dataset;
  var YEAR = 170;
  var ROW = 62;
  var GAP = 125;
  var READABLE = 0.85;
  var STEP = 70;

  var cy = window.cytoscape({
    container: document.getElementById("cy"),
    style: kit.style().concat([
      { selector: "node.band", style: { "shape": "rectangle", "label": "", "events": "no",
        "border-width": 0, "z-index": 0, "z-compound-depth": "bottom", "width": "data(w)",
        "height": "data(h)", "background-color": "data(colour)" } },
      { selector: "node.lane-label", style: { "shape": "rectangle", "background-opacity": 0,
        "border-width": 0, "label": "data(short)", "font-weight": "bold", "font-size": 12,
        "text-valign": "center", "text-halign": "left", "text-wrap": "wrap", "text-max-width": 150,
        "events": "no", "width": 1, "height": 1 } },
      { selector: "node.tick", style: { "shape": "rectangle", "width": 1, "height": 14,
        "background-color": "#8a96a3", "label": "data(short)", "text-valign": "top",
        "text-margin-y": -2, "events": "no", "border-width": 0 } },
      { selector: "edge.mandate", style: { "curve-style": "unbundled-bezier",
        "control-point-distances": "data(bend)", "control-point-weights": 0.5 } },
      { selector: "node.planned", style: { "text-valign": "top", "text-margin-y": -4,
        "background-opacity": 0.15, "border-style": "dashed",
        "border-width": 2, "border-color": "#b8322a" } }
    ]),
    minZoom: 0.1,
    maxZoom: 4,
    autoungrabify: true
  });
  window.mandatesGraph = cy;
  kit.legend(document.getElementById("legend"));

  /** A date ("2020-07-27", "2020-07" or 2020) as a fractional year, or null. */
  function when(date) {
    if (date === null || date === undefined || date === "") { return null; }
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(date));
    if (!m) { return null; }
    var month = m[2] ? +m[2] - 1 : 0;
    var day = m[3] ? +m[3] - 1 : 0;
    return +m[1] + (month * 30.5 + day) / 366;
  }

  function postponed(n) {
    var s = [].concat(n.status || []).join(" ").toLowerCase();
    return s.indexOf("postpon") >= 0;
  }

  /** x from the date. A node without one is placed, in topological order, just after the
   * earliest node that led to it, but before its first dated successor (a body before its
   * first meeting); undated siblings alternate between two columns to keep lanes low. */
  function place(data) {
    var x = {};
    var dated = {};
    var times = data.nodes.map(function (n) { return when(n.date || n.year); })
      .filter(function (t) { return t !== null; });
    var t0 = times.length ? Math.floor(Math.min.apply(null, times)) : 2000;
    var preds = {};
    var succs = {};
    data.nodes.forEach(function (n) {
      preds[n.id] = [];
      succs[n.id] = [];
      var t = when(n.date || n.year);
      if (t !== null) { x[n.id] = dated[n.id] = (t - t0) * YEAR; }
    });
    data.edges.forEach(function (e) {
      if (preds[e.target] && preds[e.source] && e.source !== e.target) {
        preds[e.target].push(e.source);
        succs[e.source].push(e.target);
      }
    });
    var children = {};
    var todo = data.nodes.filter(function (n) { return x[n.id] === undefined; });
    while (todo.length) {
      var ready = todo.filter(function (n) {
        return preds[n.id].every(function (q) { return x[q] !== undefined; });
      });
      if (!ready.length) {  // a cycle, or a node reached only from undated ones still waiting
        ready = todo.filter(function (n) {
          return preds[n.id].some(function (q) { return x[q] !== undefined; });
        }).slice(0, 1);
        if (!ready.length) { ready = [todo[0]]; }
      }
      ready.forEach(function (n) {
        var placed = preds[n.id].filter(function (q) { return x[q] !== undefined; });
        var first = placed.length ? placed.reduce(function (a, b) { return x[a] <= x[b] ? a : b; }) : null;
        var next = succs[n.id].filter(function (q) { return dated[q] !== undefined; })
          .map(function (q) { return dated[q] - STEP; });
        var k = first === null ? 0 : (children[first] = (children[first] || 0) + 1) - 1;
        var lo = first === null ? null : x[first] + STEP + (k % 2) * GAP;
        var hi = next.length ? Math.min.apply(null, next) : null;
        if (lo === null) { x[n.id] = hi === null ? 0 : hi; } else if (hi === null || lo <= hi) {
          x[n.id] = lo;
        } else { x[n.id] = Math.max(hi, x[first] + STEP / 2); }
      });
      todo = todo.filter(function (n) { return ready.indexOf(n) < 0; });
    }
    return { x: x, t0: t0 };
  }

  /** The lanes in the order the mandate reaches them, walking the arrows from the root. */
  function laneOrder(data) {
    var lane = {};
    data.nodes.forEach(function (n) { lane[n.id] = n.lane; });
    var seen = {};
    var order = [];
    var queue = [data.root];
    seen[data.root] = true;
    while (queue.length) {
      var id = queue.shift();
      if (order.indexOf(lane[id]) < 0 && lane[id]) { order.push(lane[id]); }
      data.edges.forEach(function (e) {
        if (e.source === id && !seen[e.target]) { seen[e.target] = true; queue.push(e.target); }
      });
    }
    return (data.lanes || []).slice().sort(function (a, b) {
      var i = order.indexOf(a.id);
      var j = order.indexOf(b.id);
      return (i < 0 ? order.length : i) - (j < 0 ? order.length : j);
    });
  }

  function draw(data) {
    var placed = place(data);
    var lanes = laneOrder(data);
    var known = {};
    lanes.forEach(function (l) { known[l.id] = true; });
    data.nodes.forEach(function (n) {
      if (!known[n.lane]) {
        known[n.lane] = true;
        lanes.push({ id: n.lane, label: n.lane ? kit.local(n.lane) : "other" });
      }
    });
    var xs = data.nodes.map(function (n) { return placed.x[n.id]; });
    var minX = Math.min.apply(null, xs.concat([0]));
    var maxX = Math.max.apply(null, xs.concat([0]));
    var top = 0;
    var elements = [];
    lanes.forEach(function (lane, i) {
      var members = data.nodes.filter(function (n) { return n.lane === lane.id; })
        .sort(function (a, b) { return placed.x[a.id] - placed.x[b.id]; });
      var rows = [];
      members.forEach(function (n) {
        var r = 0;
        while (rows[r] !== undefined && placed.x[n.id] - rows[r] < GAP) { r++; }
        rows[r] = placed.x[n.id];
        var classes = postponed(n) ? ["postponed"] : [];
        var node = kit.nodeElement(n, classes);
        node.position = { x: placed.x[n.id], y: top + r * ROW + ROW / 2 };
        elements.push(node);
        if (n.originalDate && when(n.originalDate) !== null) {
          elements.push({ group: "nodes", classes: "planned kind-" + kit.kindOf(n.type).kind,
            data: { id: n.id + "|planned", short: "first planned " + n.originalDate },
            position: { x: (when(n.originalDate) - placed.t0) * YEAR, y: node.position.y } });
          elements.push({ group: "edges", classes: "postponement",
            data: { id: n.id + "|postponed", source: n.id + "|planned", target: n.id, label: "postponed" } });
        }
      });
      var height = Math.max(rows.length, 1) * ROW;
      elements.push({ group: "nodes", classes: "band", position: { x: (minX + maxX) / 2, y: top + height / 2 },
        data: { id: "band|" + i, w: maxX - minX + 260, h: height - 4,
          colour: i % 2 ? "#ffffff" : "#eef2f6" } });
      elements.push({ group: "nodes", classes: "lane-label", position: { x: minX - 140, y: top + height / 2 },
        data: { id: "lane|" + i,
          short: lane.label.length > 70 ? lane.label.slice(0, 67) + "…" : lane.label } });
      lane.rows = rows.length;
      lane.members = members;
      top += height + 8;
    });
    var last = Math.ceil(placed.t0 + maxX / YEAR);
    for (var year = placed.t0; year <= last; year++) {
      elements.push({ group: "nodes", classes: "tick", data: { id: "tick|" + year, short: String(year) },
        position: { x: (year - placed.t0) * YEAR, y: -18 } });
    }
    var y = {};
    elements.forEach(function (e) { if (e.position) { y[e.data.id] = e.position.y; } });
    data.edges.forEach(function (e) {
      // along one row an edge arcs above the nodes it would otherwise run through
      var level = y[e.source] === y[e.target];
      var bend = level ? -Math.min(20 + Math.abs(placed.x[e.target] - placed.x[e.source]) / 10, 90) : 0;
      elements.push({ group: "edges", classes: "mandate", data: Object.assign({ bend: bend }, e) });
    });
    cy.add(elements);
    cy.layout({ name: "preset", fit: true, padding: 24 }).run();
    if (cy.zoom() < READABLE) {  // keep the labels readable: start at the left, pan for the rest
      cy.zoom(READABLE);
      cy.pan({ x: 10 - (minX - 300) * READABLE, y: 10 + 40 * READABLE });
    }
    describe(data, lanes);
  }

  function describe(data, lanes) {
    var byId = {};
    data.nodes.forEach(function (n) { byId[n.id] = n; });
    document.getElementById("graph-count").textContent = data.nodes.length + " node" +
      (data.nodes.length === 1 ? "" : "s") + " in " + lanes.length + " lane" +
      (lanes.length === 1 ? "" : "s") + " and " + data.edges.length + " mandate act" +
      (data.edges.length === 1 ? "" : "s") + ".";
    var list = document.getElementById("lane-list");
    list.textContent = "";
    lanes.forEach(function (lane) {
      var items = el("ol", {});
      lane.members.forEach(function (n) {
        items.appendChild(el("li", { "data-id": n.id, "data-date": n.date || null,
          "class": postponed(n) ? "postponed" : null }, [
          n.date ? el("time", { datetime: n.date }, [n.date]) : null, n.date ? " " : null,
          kit.link(n), " (" + (n.typeLabel || "resource") + (postponed(n) ? ", postponed" : "") + ")"]));
      });
      list.appendChild(el("li", { "class": "lane", "data-lane": lane.id },
        [el("h4", {}, [lane.label]), items]));
    });
    var edges = document.getElementById("edge-list");
    edges.textContent = "";
    data.edges.forEach(function (e) {
      edges.appendChild(el("li", { "data-id": e.id }, [kit.link(byId[e.source]), " — " +
        (e.label || kit.local(e.verb)) + " → ", kit.link(byId[e.target])]));
    });
  }

  function timeline(data) {
    var list = document.getElementById("timeline");
    list.textContent = "";
    var items = (data.items || []).slice().sort(function (a, b) {
      return String(a.date || "9999").localeCompare(String(b.date || "9999")) ||
        String(a.label).localeCompare(String(b.label));
    });
    items.forEach(function (item) {
      var kind = String(item.kind || "");
      var late = postponed(item);
      var classes = ["timeline-item", "kind-" + kind.replace(/\W+/g, "-")].concat(late ? ["postponed"] : []);
      list.appendChild(el("li", { "class": classes.join(" "), "data-id": item.id,
        "data-date": item.date || null, "data-kind": kind, "data-status": item.status || null }, [
        el("time", { datetime: item.date || null }, [item.date ? item.date +
          (item.end && item.end !== item.date ? " – " + item.end : "") : "undated"]),
        kit.link(item), " ", el("span", { "class": "kind" }, [kind + (late ? ", postponed" : "")])]));
    });
    if (!items.length) { list.appendChild(el("li", {}, ["Nothing dated here."])); }
  }

  cy.on("tap", "node.resource", function (evt) {
    var item = document.querySelector('#timeline li[data-id="' + CSS.escape(evt.target.id()) + '"]');
    if (item) { item.scrollIntoView({ block: "nearest" }); item.classList.add("selected"); }
  });
  cy.on("dbltap", "node.resource", function (evt) {
    if (evt.target.data("url")) { window.location.assign(evt.target.data("url")); }
  });
  document.getElementById("graph-fit").addEventListener("click", function () { cy.fit(undefined, 24); });
  function zoom(factor) {
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }
  document.getElementById("graph-zoom-in").addEventListener("click", function () { zoom(1.25); });
  document.getElementById("graph-zoom-out").addEventListener("click", function () { zoom(0.8); });
  document.getElementById("export-png").addEventListener("click", function () {
    kit.download("lineage.png", cy.png({ full: true, scale: 2, bg: "#ffffff" }));
  });

  root.dataset.state = "loading";
  function fail(err) {
    document.getElementById("graph-count").textContent = "The lineage could not be loaded: " + err.message;
  }
  window.mandatesGraphReady = Promise.all([
    kit.getJSON(kit.withParams(cfg.lineage, { iri: cfg.iri, depth: cfg.depth })).then(draw).catch(fail),
    kit.getJSON(kit.withParams(cfg.timeline, { iri: cfg.iri })).then(timeline).catch(function (err) {
      document.getElementById("timeline").textContent = "The timeline could not be loaded: " + err.message;
    })
  ]).then(function () { root.dataset.state = "ready"; });
}());
