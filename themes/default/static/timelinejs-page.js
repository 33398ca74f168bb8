// Starts Knight Lab's TimelineJS on timelinejs.html when its script has loaded from the
// CDN; otherwise the page keeps the plain list of key events it was built with.
(function () {
  "use strict";
  var embed = document.getElementById("timelinejs-embed");
  var status = document.getElementById("timelinejs-status");
  if (!embed) return;
  if (!window.TL || !window.TL.Timeline) {
    status.textContent = "TimelineJS could not be loaded from cdn.knightlab.com, so the key events are listed here.";
    return;
  }
  var source = new URL(embed.dataset.source, location.href).href;
  embed.textContent = "";
  embed.classList.add("timelinejs-ready");
  status.textContent = "Showing the key events in TimelineJS.";
  new window.TL.Timeline(embed.id, source);
})();
