// Filters a timeline page in place: key events, a tag, an outlet, words. Each filter is a
// link to a page of its own (words: the search page), which is where it leads without
// JavaScript. Filtering adds one CSS rule that matches the entries' data attributes: no work
// per entry at load; words mark the entries that lack one, when they are typed.
(function () {
  "use strict";
  var bar = document.getElementById("filters");
  if (!bar) return;
  var status = document.getElementById("filter-status");
  var style = document.createElement("style");
  document.head.appendChild(style);
  var state = { key: "", tag: "", outlet: "", q: "" };
  var form = bar.querySelector(".filter-search");
  var entries = document.querySelectorAll("li.entry");

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function markMisses() {
    var terms = fold(state.q).split(/\s+/).filter(Boolean);
    for (var i = 0; i < entries.length; i++) {
      var text = terms.length ? fold(entries[i].textContent) : "";
      var miss = terms.some(function (t) { return text.indexOf(t) < 0; });
      entries[i].classList.toggle("miss", miss);
    }
  }
  var ATTRS = { tag: "data-tags", outlet: "data-outlets" };

  function selector() {
    var parts = "";
    if (state.key) parts += ".key";
    if (state.q) parts += ":not(.miss)";
    ["tag", "outlet"].forEach(function (name) {
      if (state[name]) parts += "[" + ATTRS[name] + '~="' + CSS.escape(state[name]) + '"]';
    });
    return parts;
  }

  function label(name, value) {
    var link = bar.querySelector('[data-filter="' + name + '"][data-value="' + CSS.escape(value) + '"]');
    return link ? link.firstChild.textContent.trim() : value;
  }

  function describe(count) {
    var words = [];
    if (state.key) words.push("key events");
    if (state.tag) words.push("tagged " + label("tag", state.tag));
    if (state.outlet) words.push("reported by " + label("outlet", state.outlet));
    if (state.q) words.push("with \u201c" + state.q + "\u201d on this page");
    return count + " entr" + (count === 1 ? "y" : "ies") + " shown: " + words.join(", ") + ". ";
  }

  function apply() {
    var match = selector();
    var links = bar.querySelectorAll("[data-filter]");
    for (var i = 0; i < links.length; i++) {
      var on = state[links[i].dataset.filter] === links[i].dataset.value;
      if (on) links[i].setAttribute("aria-current", "true");
      else links[i].removeAttribute("aria-current");
    }
    status.textContent = "";
    if (!match) {
      style.textContent = "";
      return;
    }
    var hidden = "li.entry:not(" + match + ")";
    var empty = ":not(:has(li.entry" + match + "))";
    style.textContent = hidden + ",section.date" + empty + ",section.month" + empty +
      ",section.year" + empty + "{display:none}";
    status.textContent = describe(document.querySelectorAll("li.entry" + match).length);
    var clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = "Show all entries";
    clear.addEventListener("click", function () {
      if (form) form.elements.q.value = "";
      set({ key: "", tag: "", outlet: "", q: "" });
    });
    status.appendChild(clear);
  }

  function set(next) {
    state = next;
    var query = new URLSearchParams();
    ["key", "tag", "outlet", "q"].forEach(function (name) { if (state[name]) query.set(name, state[name]); });
    markMisses();
    var search = query.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    apply();
  }

  bar.addEventListener("click", function (event) {
    var link = event.target.closest("[data-filter]");
    if (!link) return;
    event.preventDefault();
    var next = { key: state.key, tag: state.tag, outlet: state.outlet, q: state.q };
    var name = link.dataset.filter;
    next[name] = state[name] === link.dataset.value ? "" : link.dataset.value;
    set(next);
  });

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      set({ key: state.key, tag: state.tag, outlet: state.outlet, q: form.elements.q.value.trim() });
    });
  }

  var query = new URLSearchParams(location.search);
  ["key", "tag", "outlet", "q"].forEach(function (name) { state[name] = query.get(name) || ""; });
  if (form) form.elements.q.value = state.q;
  if (state.q) markMisses();
  if (state.key || state.tag || state.outlet || state.q) apply();
})();
