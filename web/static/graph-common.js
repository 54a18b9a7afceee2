// What the graph views share: one colour and shape per kind of resource (with the legend that
// explains them), the Cytoscape style built from them, and small DOM helpers. No inline script:
// each page passes its addresses in data- attributes and loads this file first.
(function () {
  "use strict";

  var KINDS = [
    { kind: "resolution", label: "resolution, decision, declaration", colour: "#0b4f8a",
      shape: "round-rectangle",
      types: ["Resolution", "DraftResolution", "Decision", "Declaration", "Convention"] },
    { kind: "body", label: "body", colour: "#b8322a", shape: "hexagon",
      types: ["Body", "PrincipalOrgan", "FunctionalCommission", "ExpertGroup", "AdHocCommittee",
        "Bureau", "Office", "Conference"] },
    { kind: "meeting", label: "meeting", colour: "#d9730d", shape: "diamond",
      types: ["Meeting"] },
    { kind: "document", label: "report and other document", colour: "#2e7d32",
      shape: "rectangle",
      types: ["Document", "Report", "ReportAddendum", "Agenda", "Workplan", "Study",
        "ConferenceRoomPaper", "Note", "WebSummary", "Source"] },
    { kind: "matter", label: "matter", colour: "#7b3fa0", shape: "ellipse", types: ["Matter"] },
    { kind: "item", label: "agenda item, recommendation", colour: "#5d6d7e", shape: "tag",
      types: ["AgendaItem", "Recommendation"] },
    { kind: "agent", label: "person, officer, group, organization", colour: "#00897b",
      shape: "triangle",
      types: ["Agent", "Person", "Officer", "StateGroup", "Organization"] },
    { kind: "other", label: "other", colour: "#8a96a3", shape: "ellipse", types: [] }
  ];
  var BY_TYPE = {};
  KINDS.forEach(function (k) { k.types.forEach(function (t) { BY_TYPE[t] = k; }); });

  function local(iri) {
    return String(iri || "").split(/[#/]/).pop();
  }

  /** The kind (colour and shape) of a node from its type IRI or name. */
  function kindOf(type) {
    return BY_TYPE[local(type)] || KINDS[KINDS.length - 1];
  }

  function style() {
    var rules = [
      { selector: "node", style: {
        "label": "data(short)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 130,
        "text-valign": "bottom", "text-margin-y": 4, "width": 26, "height": 26,
        "color": "#1d2733", "text-background-color": "#fff", "text-background-opacity": 0.8,
        "text-background-padding": 1, "border-width": 1, "border-color": "#fff" } },
      { selector: "node.expanded", style: { "border-width": 3, "border-color": "#1d2733" } },
      { selector: "node.centre", style: { "width": 38, "height": 38, "font-weight": "bold" } },
      { selector: "node.more", style: {
        "shape": "round-rectangle", "background-color": "#eef2f6", "border-color": "#8a96a3",
        "border-width": 1, "border-style": "dashed", "width": 70, "height": 18,
        "text-valign": "center", "text-margin-y": 0, "color": "#0b4f8a",
        "text-background-opacity": 0 } },
      { selector: "node.postponed", style: { "border-style": "dashed", "border-width": 3,
        "border-color": "#b8322a" } },
      { selector: "node:selected", style: { "overlay-color": "#f5b700", "overlay-opacity": 0.35 } },
      { selector: "edge", style: {
        "label": "data(label)", "font-size": 9, "curve-style": "bezier",
        "target-arrow-shape": "triangle", "width": 1.5, "line-color": "#9aa7b5",
        "target-arrow-color": "#9aa7b5", "color": "#3d4a57", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.85 } },
      { selector: "edge.more", style: { "line-style": "dashed", "label": "", "target-arrow-shape": "none" } },
      { selector: "edge.postponement", style: { "line-style": "dashed", "line-color": "#b8322a",
        "target-arrow-color": "#b8322a" } },
      { selector: "edge:selected", style: { "line-color": "#f5b700", "target-arrow-color": "#f5b700",
        "width": 3 } }
    ];
    KINDS.forEach(function (k) {
      rules.splice(1, 0, { selector: "node.kind-" + k.kind,
        style: { "background-color": k.colour, "shape": k.shape } });
    });
    return rules;
  }

  /** A node's Cytoscape data and classes from an API node. */
  function nodeElement(n, extraClasses) {
    var k = kindOf(n.type);
    var label = n.label || local(n.id);
    return {
      group: "nodes",
      data: Object.assign({}, n, { short: label.length > 60 ? label.slice(0, 57) + "…" : label }),
      classes: ["resource", "kind-" + k.kind].concat(extraClasses || []).join(" ")
    };
  }

  /** A legend item per kind, drawn with the same colours and shapes as the nodes. */
  function legend(list) {
    list.textContent = "";
    KINDS.forEach(function (k) {
      var swatch = el("span", { "class": "swatch shape-" + k.shape, "aria-hidden": "true" });
      swatch.style.backgroundColor = k.colour;
      list.appendChild(el("li", { "data-kind": k.kind }, [swatch, " " + k.label]));
    });
  }

  /** An element with attributes and children (strings become text, never HTML). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== undefined) { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  /** A link to a resource's page when the API gave one, else its name as text. */
  function link(node) {
    if (!node) { return document.createTextNode("?"); }
    var text = node.label || local(node.id);
    return node.url ? el("a", { href: node.url }, [text]) : el("span", {}, [text]);
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(url + " answered " + r.status); }
      return r.json();
    });
  }

  function withParams(base, params) {
    var url = new URL(base, window.location.href);
    Object.keys(params).forEach(function (k) {
      if (params[k] !== "" && params[k] !== null && params[k] !== undefined) {
        url.searchParams.set(k, params[k]);
      }
    });
    return url.pathname + url.search;
  }

  function download(name, href) {
    var a = el("a", { href: href, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  window.mandatesGraphKit = {
    KINDS: KINDS, kindOf: kindOf, style: style, nodeElement: nodeElement, legend: legend,
    el: el, link: link, getJSON: getJSON, withParams: withParams, download: download,
    local: local
  };
}());
