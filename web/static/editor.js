// The query editor: YASGUI preset to this server's endpoint, completing from this graph's own
// vocabulary (no remote services), linking result IRIs to this server's resource pages, and
// keeping the query in the page address so that it can be shared.
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  var cfg = root.dataset;
  var initial = document.getElementById("initial-query").value;
  var Yasgui = window.Yasgui.default ? window.Yasgui : window.Yasgui;
  var YasguiClass = Yasgui.default || Yasgui;
  var Yasqe = YasguiClass.Yasqe;
  var vocabulary = fetch(cfg.vocabulary).then(function (r) { return r.json(); });

  Yasqe.forkAutocompleter("prefixes", {
    name: "local-prefixes", bulk: true, persistenceId: null,
    get: function () { return vocabulary.then(function (v) { return v.prefixes; }); }
  }, false);
  Yasqe.forkAutocompleter("class", {
    name: "local-classes", bulk: true, persistenceId: null,
    get: function () { return vocabulary.then(function (v) { return v.classes; }); }
  }, false);
  Yasqe.forkAutocompleter("property", {
    name: "local-properties", bulk: true, persistenceId: null,
    get: function () { return vocabulary.then(function (v) { return v.properties; }); }
  }, false);
  Yasqe.defaults.autocompleters = ["local-prefixes", "variables", "local-classes", "local-properties"];

  var yasgui = new YasguiClass(root, {
    requestConfig: { endpoint: cfg.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: cfg.endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false,
    yasqe: { value: initial },
    yasr: { prefixes: {} }
  });

  function pageFor(iri) {
    if (iri.indexOf(cfg.idBase) === 0 && iri.length > cfg.idBase.length) {
      return cfg.idPages + iri.slice(cfg.idBase.length).split("/").map(encodeURIComponent).join("/");
    }
    return cfg.otherPages + "?iri=" + encodeURIComponent(iri);
  }

  function linkResults(yasr) {
    yasr.resultsEl.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (/^https?:/i.test(href)) {
        a.setAttribute("href", pageFor(href));
        a.removeAttribute("target");
        a.classList.add("resource-link");
      }
    });
  }

  function remember(tab) {
    var url = new URL(window.location.href);
    url.searchParams.set("query", tab.getQuery());
    window.history.replaceState(null, "", url.toString());
  }

  function watch(tab) {
    if (!tab || tab.__watched) { return; }
    tab.__watched = true;
    tab.getYasqe().setValue(tab.getYasqe().getValue());
    tab.getYasqe().on("change", function () { remember(tab); });
    tab.getYasr().on("drawn", function (yasr) { linkResults(yasr); });
  }

  yasgui.on("tabChange", function (_y, tab) { watch(tab); });
  watch(yasgui.getTab());
  yasgui.getTab().getYasqe().setValue(initial);
  window.mandatesEditor = yasgui;
}());
