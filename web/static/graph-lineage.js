// The lineage view: the chain of mandates from /graph/api/lineage drawn on a time axis, one lane
// per body (x from the date, y from the lane: a preset layout), scaled so that the whole chain
// fits the width of the drawing at its first zoom, labels at their real size. Bodies head their
// lanes; what a meeting considered, adopted or reported is folded into it until the meeting is
// opened (click it, or its button in the text below). Beside it the timeline of meetings and
// documents (#timeline, from /graph/api/timeline); below, the same chain as text, lane by lane
// (#lane-list, #edge-list), every node and act, folded or not.
(function () {
  "use strict";
  var kit = window.mandatesGraphKit;
  var el = kit.el;
  var root = document.getElementById("lineage");
  var cfg = root.dataset;
  var ROW = 46;         // height of a row in a lane
  var HEAD = 150;       // room for the lane heads (the bodies) on the left
  var MIN_YEAR = 48;    // fewest pixels per year
  var LABEL = 7;        // pixels per character of a label, roughly, at font size 11
  var STEP = 30;        // how far right of what led to it an undated node goes

  var cy = window.cytoscape({
    container: document.getElementById("cy"),
    style: kit.style().concat([
      { selector: "node.resource", style: { "label": "data(short)", "font-size": 11,
        "text-max-width": 120, "width": 16, "height": 16 } },
      { selector: "node.band", style: { "shape": "rectangle", "label": "", "events": "no",
        "border-width": 0, "z-index": 0, "z-compound-depth": "bottom", "width": "data(w)",
        "height": "data(h)", "background-color": "data(colour)" } },
      { selector: "node.lane-head", style: { "shape": "round-rectangle", "width": "data(w)",
        "height": 26, "background-color": "#ffffff", "border-width": 1, "border-color": "#b8322a",
        "label": "data(short)", "text-valign": "center", "text-halign": "center",
        "text-margin-y": 0, "font-weight": "bold", "font-size": 12, "text-max-width": 140,
        "text-background-opacity": 0 } },
      { selector: "node.tick", style: { "shape": "rectangle", "width": 1, "height": 10,
        "background-color": "#8a96a3", "label": "data(short)", "text-valign": "top",
        "text-margin-y": -2, "events": "no", "border-width": 0, "font-size": 11 } },
      { selector: "node.folder", style: { "border-width": 3, "border-color": "#1d2733" } },
      { selector: "node.opened", style: { "border-width": 3, "border-color": "#f5b700" } },
      { selector: "node.output", style: { "width": 11, "height": 11, "font-size": 10 } },
      { selector: "edge", style: { "font-size": 10, "text-rotation": "none" } },
      { selector: "edge.mandate", style: { "curve-style": "unbundled-bezier",
        "control-point-distances": "data(bend)", "control-point-weights": 0.5 } },
      { selector: "node.port", style: { "width": 1, "height": 1, "label": "", "events": "no",
        "background-opacity": 0, "border-width": 0 } },
      { selector: "edge.postponement", style: { "label": "" } },
      { selector: "edge.output-edge", style: { "label": "", "line-style": "dotted",
        "curve-style": "taxi", "taxi-direction": "vertical" } },
      { selector: "node.planned", style: { "text-valign": "top", "text-margin-y": -4,
        "background-opacity": 0.15, "border-style": "dashed", "label": "",
        "border-width": 2, "border-color": "#b8322a", "width": 12, "height": 12 } }
    ]),
    minZoom: 0.2,
    maxZoom: 4,
    autoungrabify: true,
    userZoomingEnabled: false
  });
  window.mandatesGraph = cy;
  kit.legend(document.getElementById("legend"));

  var data = null;
  var opened = {};
  var folded = {};   // meeting id -> the ids folded into it

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

  function isBody(n) { return n.category === "body"; }

  /** Whether a node is drawn: not folded, or folded into a meeting that is open. */
  function shown(n) { return !n.fold || opened[n.fold]; }

  /** The lanes in the order the mandate reaches them, walking the arrows from the root. */
  function laneOrder() {
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
    var lanes = (data.lanes || []).slice().sort(function (a, b) {
      var i = order.indexOf(a.id);
      var j = order.indexOf(b.id);
      return (i < 0 ? order.length : i) - (j < 0 ? order.length : j);
    });
    var known = {};
    lanes.forEach(function (l) { known[l.id] = true; });
    data.nodes.forEach(function (n) {
      if (!known[n.lane]) {
        known[n.lane] = true;
        lanes.push({ id: n.lane, label: n.lane ? kit.local(n.lane) : "other" });
      }
    });
    return lanes;
  }

  /** x of every drawn node that is not a body: from its date on a scale that fits the box;
   * an undated node just right of what led to it; an output of an open meeting just right of
   * the meeting. */
  function place(nodes, edges, width) {
    var times = nodes.map(function (n) { return when(n.date || n.year); })
      .filter(function (t) { return t !== null; });
    var t0 = times.length ? Math.floor(Math.min.apply(null, times)) : 2000;
    var t1 = times.length ? Math.ceil(Math.max.apply(null, times) + 0.01) : t0 + 1;
    var year = Math.max(MIN_YEAR, (width - HEAD - 150) / Math.max(t1 - t0, 1));
    var x = {};
    var preds = {};
    nodes.forEach(function (n) {
      preds[n.id] = [];
      var t = when(n.date || n.year);
      if (t !== null && !isBody(n)) { x[n.id] = HEAD + 20 + (t - t0) * year; }
    });
    edges.forEach(function (e) {
      if (preds[e.target] && preds[e.source]) { preds[e.target].push(e.source); }
    });
    var undated = HEAD + 20 + (t1 - t0) * year + 50;
    var todo = nodes.filter(function (n) { return x[n.id] === undefined && !isBody(n); });
    var rounds = 0;
    while (todo.length && rounds++ < 50) {
      todo.forEach(function (n) {
        var from = n.fold && opened[n.fold] ? [n.fold] : preds[n.id].filter(function (q) {
          return !isBody(byId[q]);
        });
        var placed = from.filter(function (q) { return x[q] !== undefined; });
        if (placed.length) {
          x[n.id] = Math.min.apply(null, placed.map(function (q) { return x[q]; })) + STEP;
        } else if (!from.length || rounds > 40) {
          x[n.id] = undated;  // nothing dated leads to it: the column of the undated
        }
      });
      todo = todo.filter(function (n) { return x[n.id] === undefined; });
    }
    return { x: x, t0: t0, t1: t1, year: year, undated: undated };
  }

  function draw() {
    cy.elements().remove();
    var width = Math.max(document.getElementById("cy").clientWidth, 600);
    var nodes = data.nodes.filter(shown);
    var ids = {};
    nodes.forEach(function (n) { ids[n.id] = true; });
    var lanes = laneOrder();
    var laneOf = {};
    data.nodes.forEach(function (n) { laneOf[n.id] = n.lane; });
    // an act of a body on its own lane (its adoptions, its meetings) is what the lane says
    var edges = data.edges.filter(function (e) {
      if (!ids[e.source] || !ids[e.target]) { return false; }
      var s = byId[e.source];
      return !(isBody(s) && laneOf[e.target] === s.id && !isBody(byId[e.target]));
    });
    var placed = place(nodes, edges, width);
    var elements = [];
    var top = 24;
    var pos = {};
    var firstRow = {};
    lanes.forEach(function (lane, i) {
      // the lane's own nodes first, packed into rows; then the outputs of its open meetings,
      // each under its meeting, in rows below those
      var main = nodes.filter(function (n) { return n.lane === lane.id && !isBody(n) && !n.fold; })
        .sort(function (a, b) { return placed.x[a.id] - placed.x[b.id]; });
      var outputs = nodes.filter(function (n) { return n.lane === lane.id && n.fold; })
        .sort(function (a, b) { return placed.x[a.fold] - placed.x[b.fold] || (a.short < b.short ? -1 : 1); });
      var members = main.concat(outputs);
      var rows = [];
      var mainRows = 0;
      members.forEach(function (n) {
        if (n.fold) {
          placed.x[n.id] = placed.x[n.fold];
          if (!mainRows) { mainRows = rows.length; }
        }
        var text = label(n);
        var need = Math.min(text.length * LABEL, 150) / 2 + 8;
        var r = n.fold ? mainRows : 0;
        while (rows[r] !== undefined && placed.x[n.id] - need < rows[r]) { r++; }
        rows[r] = placed.x[n.id] + need;
        var classes = postponed(n) ? ["postponed"] : [];
        if (folded[n.id]) { classes.push(opened[n.id] ? "opened" : "folder"); }
        if (n.fold) { classes.push("output"); }
        var node = kit.nodeElement(n, classes);
        node.data.short = text;
        node.position = { x: placed.x[n.id], y: top + r * ROW + ROW / 2 };
        pos[n.id] = node.position;
        elements.push(node);
        if (n.originalDate && when(n.originalDate) !== null) {
          elements.push({ group: "nodes", classes: "planned kind-" + kit.kindOf(n.type).kind,
            data: { id: n.id + "|planned", short: "first planned " + n.originalDate },
            position: { x: HEAD + 20 + (when(n.originalDate) - placed.t0) * placed.year, y: node.position.y } });
          elements.push({ group: "edges", classes: "postponement",
            data: { id: n.id + "|postponed", source: n.id + "|planned", target: n.id, label: "postponed" } });
        }
      });
      var height = Math.max(rows.length, 1) * ROW;
      elements.push({ group: "nodes", classes: "band", position: { x: width / 2, y: top + height / 2 },
        data: { id: "band|" + i, w: width, h: height - 2, colour: i % 2 ? "#ffffff" : "#eef2f6" } });
      firstRow[lane.id] = top + ROW / 2;
      var head = byId[lane.id];
      if (head) {
        var node = kit.nodeElement(head, ["lane-head"]);
        node.data.short = head.short || head.label;
        node.data.w = HEAD - 12;
        node.position = { x: HEAD / 2, y: top + height / 2 };
        pos[head.id] = node.position;
        elements.push(node);
      } else {
        elements.push({ group: "nodes", classes: "lane-head", position: { x: HEAD / 2, y: top + height / 2 },
          data: { id: "lane|" + i, short: lane.label, w: HEAD - 12 } });
      }
      lane.members = data.nodes.filter(function (n) { return n.lane === lane.id; });
      top += height;
    });
    for (var year = placed.t0; year <= placed.t1; year++) {
      elements.push({ group: "nodes", classes: "tick", data: { id: "tick|" + year, short: String(year) },
        position: { x: HEAD + 20 + (year - placed.t0) * placed.year, y: 8 } });
    }
    if (nodes.some(function (n) { return placed.x[n.id] === placed.undated; })) {
      elements.push({ group: "nodes", classes: "tick", data: { id: "tick|undated", short: "undated" },
        position: { x: placed.undated, y: 8 } });
    }
    edges.forEach(function (e) {
      // an act on a body points at its lane where the act is, not at the lane's head
      var ends = { source: e.source, target: e.target };
      ["target", "source"].forEach(function (end) {
        var other = end === "target" ? e.source : e.target;
        var id = ends[end];
        if (isBody(byId[id]) && pos[id] && pos[other] && !isBody(byId[other])) {
          var port = id + "|at|" + e.id;
          var at = { x: pos[other].x + (end === "target" ? 0 : -STEP), y: firstRow[id] || pos[id].y };
          elements.push({ group: "nodes", classes: "port", data: { id: port }, position: at });
          pos[port] = at;
          ends[end] = port;
        }
      });
      var a = pos[ends.source];
      var b = pos[ends.target];
      var level = a && b && a.y === b.y;
      var bend = level ? -Math.min(14 + Math.abs(b.x - a.x) / 10, 60) : 0;
      var own = byId[e.target].fold === e.source;
      elements.push({ group: "edges", classes: own ? "mandate output-edge" : "mandate",
        data: Object.assign({ bend: own ? 0 : bend }, e, ends, { from: e.source, to: e.target }) });
    });
    cy.add(elements);
    document.getElementById("cy").style.height = Math.max(top + 16, 200) + "px";
    cy.resize();
    cy.layout({ name: "preset", fit: false }).run();
    cy.zoom(1);
    cy.pan({ x: 0, y: 10 });
    describe(lanes, edges.length);
  }

  var byId = {};
  var how = {};  // output id -> what its meeting did with it ("considered", "report" …)

  /** The label drawn: the short name; a folded meeting's count; an output's verb. */
  function label(n) {
    var text = n.short || n.label;
    if (folded[n.id] && !opened[n.id]) { text += " (+" + folded[n.id].length + ")"; }
    if (n.fold && how[n.id]) { text = how[n.id] + ": " + text; }
    return text;
  }

  function toggle(id) {
    opened[id] = !opened[id];
    draw();
  }

  function describe(lanes, drawnEdges) {
    var drawnNodes = cy.nodes(".resource").length;
    document.getElementById("graph-count").textContent = data.nodes.length + " node" +
      (data.nodes.length === 1 ? "" : "s") + " in " + lanes.length + " lane" +
      (lanes.length === 1 ? "" : "s") + " and " + data.edges.length + " mandate act" +
      (data.edges.length === 1 ? "" : "s") + "; " + drawnNodes + " nodes and " + drawnEdges +
      " acts drawn, the rest folded into their meetings.";
    var list = document.getElementById("lane-list");
    list.textContent = "";
    lanes.forEach(function (lane) {
      var items = el("ol", {});
      lane.members.filter(function (n) { return !n.fold; }).forEach(function (n) {
        var children = null;
        var button = null;
        if (folded[n.id]) {
          button = el("button", { type: "button", "class": "fold", "data-meeting": n.id,
            "aria-expanded": opened[n.id] ? "true" : "false" },
            [(opened[n.id] ? "Fold " : "Open ") + folded[n.id].length + " outputs in the drawing"]);
          button.addEventListener("click", function () { toggle(n.id); });
          children = el("ul", { "class": "outputs" }, folded[n.id].map(function (c) {
            return el("li", { "data-id": c.id }, [kit.link(c), " (" + (c.typeLabel || "resource") + ")"]);
          }));
        }
        items.appendChild(el("li", { "data-id": n.id, "data-date": n.date || null,
          "class": postponed(n) ? "postponed" : null }, [
          n.date ? el("time", { datetime: n.date }, [n.date]) : null, n.date ? " " : null,
          kit.link(n), " (" + (n.typeLabel || "resource") + (postponed(n) ? ", postponed" : "") + ")",
          button ? " " : null, button, children]));
      });
      list.appendChild(el("li", { "class": "lane", "data-lane": lane.id },
        [el("h4", {}, [lane.label]), items]));
    });
    var edgeList = document.getElementById("edge-list");
    edgeList.textContent = "";
    data.edges.forEach(function (e) {
      edgeList.appendChild(el("li", { "data-id": e.id }, [kit.link(byId[e.source]), " — " +
        (e.label || kit.local(e.verb)) + " → ", kit.link(byId[e.target])]));
    });
  }

  function timeline(found) {
    var list = document.getElementById("timeline");
    list.textContent = "";
    var items = (found.items || []).slice().sort(function (a, b) {
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

  function load(found) {
    data = found;
    byId = {};
    folded = {};
    data.nodes.forEach(function (n) { byId[n.id] = n; });
    how = {};
    data.nodes.forEach(function (n) {
      if (n.fold) { (folded[n.fold] = folded[n.fold] || []).push(n); }
    });
    data.edges.forEach(function (e) {
      var n = byId[e.target];
      if (n && n.fold === e.source) { how[n.id] = how[n.id] ? how[n.id] + ", " + e.label : e.label; }
    });
    draw();
  }

  cy.on("tap", "node.resource", function (evt) {
    var id = evt.target.id();
    if (folded[id]) { toggle(id); return; }
    var item = document.querySelector('#timeline li[data-id="' + CSS.escape(id) + '"]');
    if (item) { item.scrollIntoView({ block: "nearest" }); item.classList.add("selected"); }
  });
  cy.on("dbltap", "node.resource", function (evt) {
    if (evt.target.data("url")) { window.location.assign(evt.target.data("url")); }
  });
  document.getElementById("graph-fit").addEventListener("click", function () { cy.fit(undefined, 16); });
  function zoom(factor) {
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }
  document.getElementById("graph-zoom-in").addEventListener("click", function () {
    cy.userPanningEnabled(true);
    zoom(1.25);
  });
  document.getElementById("graph-zoom-out").addEventListener("click", function () { zoom(0.8); });
  document.getElementById("export-png").addEventListener("click", function () {
    kit.download("lineage.png", cy.png({ full: true, scale: 2, bg: "#ffffff" }));
  });

  var resized = null;
  window.addEventListener("resize", function () {  // the scale follows the width of the box
    window.clearTimeout(resized);
    resized = window.setTimeout(function () { if (data) { draw(); } }, 150);
  });

  root.dataset.state = "loading";
  function fail(err) {
    document.getElementById("graph-count").textContent = "The lineage could not be loaded: " + err.message;
  }
  window.mandatesGraphReady = Promise.all([
    kit.getJSON(kit.withParams(cfg.lineage, { iri: cfg.iri, depth: cfg.depth })).then(load).catch(fail),
    kit.getJSON(kit.withParams(cfg.timeline, { iri: cfg.iri })).then(timeline).catch(function (err) {
      document.getElementById("timeline").textContent = "The timeline could not be loaded: " + err.message;
    })
  ]).then(function () { root.dataset.state = "ready"; });
}());
