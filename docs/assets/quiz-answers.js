// Equivalent answers for mkdocs-quiz's blanks (`[[answer]]`), which it compares as text.
// Before the quiz marks a blank, an answer equal in value to the expected one is replaced by it:
//   a shape, in names or numbers, any spacing: (B, T, D) = (32, 12, 64) = (32,12,64) = [B,T,D]
//   a number: 29491200 = 29,491,200 = 29 491 200 = 2.9491200e7 = 2*B*T*V*D = 2BTVD
//   "1.33 ± 0.01" expects a number within 0.01 of 1.33 (a decimal comma is read as a point).
// Anything else stays text (mkdocs-quiz ignores case and outer spaces).
// Tested by tests/test_quizzes.py (node) and tests/browser/test_quizzes.py.
(function () {
  "use strict";
  // The running example's sizes: learner/lacourse/universe.py (tests/test_quizzes.py compares).
  var SIZES = {
    B: 32, T: 12, D: 64, H: 4, D_HEAD: 16, V: 600,
    N_VERBS: 20, N_TENSES: 5, N_PERSONS: 3, N_SLOTS: 15,
  };
  var ALIASES = { DH: "D_HEAD", D_H: "D_HEAD" };
  var NAMES = {};
  Object.keys(SIZES).forEach(function (name) { NAMES[name.toUpperCase()] = SIZES[name]; });
  Object.keys(ALIASES).forEach(function (alias) { NAMES[alias] = SIZES[ALIASES[alias]]; });
  var LONGEST_FIRST = Object.keys(NAMES).sort(function (a, b) { return b.length - a.length; });

  function plainNumber(text) {
    var t = text.replace(/[\s\u00a0\u202f]/g, "");
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");  // 29,491,200
    else if (/^[+-]?\d+,\d+$/.test(t)) t = t.replace(",", ".");  // 1,33: a decimal comma
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
    return parseFloat(t);
  }

  // One factor: a number, or a number followed by names with powers (2BTVD, BHT^2D_h, T²).
  function factor(text) {
    var value = plainNumber(text);
    if (!isNaN(value)) return value;
    var rest = text.replace(/\s/g, "").replace(/\u00b2/g, "^2").replace(/\u00b3/g, "^3").toUpperCase();
    var lead = /^\d+(\.\d+)?/.exec(rest);
    value = lead ? parseFloat(lead[0]) : 1;
    rest = lead ? rest.slice(lead[0].length) : rest;
    if (!rest) return NaN;
    while (rest) {
      var name = LONGEST_FIRST.find(function (n) { return rest.indexOf(n) === 0; });
      if (!name) return NaN;
      rest = rest.slice(name.length);
      var power = /^\^(\d+)/.exec(rest);
      value *= Math.pow(NAMES[name], power ? parseInt(power[1], 10) : 1);
      if (power) rest = rest.slice(power[0].length);
    }
    return value;
  }

  // A product of factors: 2*B*T, B × T, B·T (an empty text is NaN).
  function term(text) {
    var parts = text.split(/[*\u00d7\u00b7\u22c5]/);
    var value = 1;
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i].trim()) return NaN;
      value *= factor(parts[i].trim());
    }
    return value;
  }

  // A shape: a tuple of terms in () or [], or a list with commas; null if the text is not one.
  function shape(text) {
    var t = text.trim();
    var bracketed = /^[([](.*)[)\]]$/.exec(t);
    if (bracketed) t = bracketed[1];
    else if (t.indexOf(",") < 0 || !isNaN(plainNumber(t))) return null;
    var parts = t.split(",").map(function (p) { return p.trim(); });
    if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();  // (B,)
    if (parts.length === 1 && parts[0] === "") return [];  // ()
    var dims = parts.map(term);
    return dims.every(function (d) { return Number.isInteger(d); }) ? dims : null;
  }

  // Is `given` (what the reader typed) an answer equal to `expected` (the blank's answer)?
  function same(given, expected) {
    if (typeof given !== "string" || !given.trim()) return false;
    var toleranced = /^(.*?)\s*(?:±|\+\/?-)\s*(.*)$/.exec(expected);
    if (toleranced) {
      var centre = term(toleranced[1]), tolerance = term(toleranced[2]), value = term(given);
      return !isNaN(value) && Math.abs(value - centre) <= tolerance * (1 + 1e-12);
    }
    var want = shape(expected);
    if (want) {
      var got = shape(given);
      return !!got && got.length === want.length &&
        got.every(function (d, i) { return d === want[i]; });
    }
    var number = term(expected);
    if (!isNaN(number)) {
      var typed = term(given);
      return !isNaN(typed) && Math.abs(typed - number) <= 1e-9 * Math.max(1, Math.abs(number));
    }
    return given.trim().toLowerCase() === expected.trim().toLowerCase();
  }

  var api = { same: same, shape: shape, term: term, SIZES: SIZES };
  if (typeof module !== "undefined" && module.exports) module.exports = api;  // node, for the tests
  if (typeof document === "undefined") return;
  window.lacourseQuiz = api;
  // After mkdocs-quiz has built its questions and restored the reader's answers (its handler
  // was registered first), or now if the page has loaded.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  function init() {
    // For screen readers: each blank says what it asks for, a mark says wrong, a verdict is read out.
    function announce(root) {
      root.querySelectorAll(".quiz-blank-input").forEach(function (input) {
        input.setAttribute("aria-invalid", input.classList.contains("wrong") ? "true" : "false");
      });
    }
    document.querySelectorAll(".quiz-feedback").forEach(function (feedback) {
      feedback.setAttribute("role", "status");
    });
    document.querySelectorAll(".quiz-blank-input").forEach(function (input) {
      var cell = input.closest("td");
      var table = cell && cell.closest("table");
      if (!table) return;  // a blank in a sentence keeps mkdocs-quiz's label
      var header = table.querySelectorAll("thead th")[cell.cellIndex];
      var row = cell.parentElement.cells[0];
      if (header && row) input.setAttribute("aria-label", (header.textContent + " " + row.textContent).trim());
    });
    announce(document);
    // mkdocs-quiz 1.7.1's "Reset" assumes every question has a fieldset of choices and stops at
    // the first blank without one: give blanks an empty one, and clear the blanks it leaves.
    document.querySelectorAll(".quiz-fill-blank form").forEach(function (form) {
      if (!form.querySelector("fieldset")) {
        var empty = document.createElement("fieldset");
        empty.hidden = true;
        form.appendChild(empty);
      }
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".quiz-reset-all-link")) return;
      setTimeout(function () {
        var saved = localStorage.getItem("quiz_progress_" + window.location.pathname);
        if (saved && saved !== "{}") return;  // the reader said no
        document.querySelectorAll(".quiz-blank-input").forEach(function (input) {
          input.value = "";
          input.classList.remove("correct", "wrong");
        });
        announce(document);
      }, 0);
    });
    // The blanks sit outside mkdocs-quiz's form: Enter in a blank submits its quiz.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || !event.target.classList.contains("quiz-blank-input")) return;
      var button = event.target.closest(".quiz").querySelector("form button[type=submit]");
      if (button && !button.disabled && !button.classList.contains("hidden")) {
        event.preventDefault();
        button.click();
      }
    });
    // Capture phase: runs before mkdocs-quiz's own submit handler on the form.
    document.addEventListener("submit", function (event) {
      var quiz = event.target.closest && event.target.closest(".quiz-fill-blank");
      if (!quiz) return;
      quiz.querySelectorAll(".quiz-blank-input").forEach(function (input) {
        var expected = input.getAttribute("data-answer");
        if (input.value !== expected && same(input.value, expected)) input.value = expected;
      });
      setTimeout(function () { announce(quiz); }, 0);
    }, true);
  }
})();
