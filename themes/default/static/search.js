// Client-side search over the prebuilt index (search-index.js sets window.timelineSearchIndex).
// Our own small script: no library, no network request, results built with textContent only.
(function () {
  "use strict";
  var LIMIT = 100;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(entries) {
    return entries.map(function (entry) {
      var haystack = [entry.date, entry.text, entry.tags.join(" "), entry.outlets.join(" ")];
      return { entry: entry, haystack: fold(haystack.join(" ")) };
    });
  }

  function matches(item, terms, tag, outlet) {
    if (tag && item.entry.tags.indexOf(tag) < 0) return false;
    if (outlet && item.entry.outlets.indexOf(outlet) < 0) return false;
    return terms.every(function (term) { return item.haystack.indexOf(term) >= 0; });
  }

  function resultItem(entry) {
    var li = document.createElement("li");
    var time = document.createElement("time");
    time.setAttribute("datetime", entry.datetime);
    time.textContent = entry.date;
    var link = document.createElement("a");
    link.href = entry.url;
    link.dir = "auto";
    link.textContent = entry.text;
    var outlets = document.createElement("span");
    outlets.className = "outlets";
    outlets.textContent = "(" + entry.outlets.join(", ") + ")";
    li.append(time, ": ", link, " ", outlets);
    return li;
  }

  function statusText(found, shown, query) {
    if (!query) return "Type words, or choose a tag or an outlet.";
    if (!found) return "No entry matches.";
    var text = found + (found === 1 ? " entry matches" : " entries match");
    return shown < found ? text + "; the first " + shown + " are shown." : text + ".";
  }

  function run(items, form, status, list) {
    var q = form.elements.q.value;
    var tag = form.elements.tag.value;
    var outlet = form.elements.outlet.value;
    var terms = fold(q).split(/\s+/).filter(Boolean);
    var any = terms.length > 0 || tag || outlet;
    var found = any ? items.filter(function (i) { return matches(i, terms, tag, outlet); }) : [];
    list.replaceChildren.apply(list, found.slice(0, LIMIT).map(function (i) { return resultItem(i.entry); }));
    status.textContent = statusText(found.length, Math.min(found.length, LIMIT), any);
  }

  function fillFromAddress(form) {
    var params = new URLSearchParams(window.location.search);
    ["q", "tag", "outlet"].forEach(function (name) {
      if (params.has(name)) form.elements[name].value = params.get(name);
    });
  }

  function remember(form) {
    var params = new URLSearchParams(new FormData(form));
    try {
      window.history.replaceState(null, "", "?" + params.toString());
    } catch (error) {
      // Pages opened from the file system may not change their address; search still works.
    }
  }

  function start() {
    var form = document.getElementById("search-form");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var index = window.timelineSearchIndex;
    if (!form || !status || !list) return;
    if (!index) {
      status.textContent = "The search index could not be loaded.";
      return;
    }
    var items = prepare(index.entries);
    var update = function () { run(items, form, status, list); };
    fillFromAddress(form);
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      remember(form);
      update();
    });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
