// The validation form keeps what was pasted when the server refuses it. The server fills the
// text back in itself after a syntax error; a submission too large to be read at all (413)
// comes back empty, so the text is kept in this tab's session storage until it is sent again.
(function () {
  "use strict";
  var form = document.getElementById("validate-form");
  var text = document.getElementById("text");
  var format = document.getElementById("format");
  if (!form || !text) return;
  var KEY = "mandates.validate.pasted";
  form.addEventListener("submit", function () {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ text: text.value, format: format.value }));
    } catch (err) {
      // Storage full or disabled: the server-side refill still covers syntax errors.
    }
  });
  if (!document.getElementById("error")) {
    try {
      sessionStorage.removeItem(KEY); // a fresh form: nothing to bring back
    } catch (err) {
      // Storage disabled: nothing was kept.
    }
  } else if (!text.value) {
    var kept = null;
    try {
      kept = JSON.parse(sessionStorage.getItem(KEY) || "null");
    } catch (err) {
      kept = null;
    }
    if (kept && kept.text) {
      text.value = kept.text;
      if (kept.format) format.value = kept.format;
    }
  }
})();
