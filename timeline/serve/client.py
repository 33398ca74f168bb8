"""The live-reload script, added to HTML responses in serve mode only (never to built files).

The page listens on Server-Sent Events. Each message carries the session's epoch, the digest
of the page as the server has it now, and the errors of the last build. The page reloads when
its digest changed (keeping its scroll position) and shows the errors as an overlay of plain
text; the next good build removes the overlay.
"""

from __future__ import annotations

import json

EVENTS_PATH = "/__timeline/events"

_SCRIPT = """<script data-timeline-serve>
(() => {
  const page = %(page)s;
  const scrollKey = "timeline-serve-scroll:" + location.pathname + location.search;
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const restore = () => window.scrollTo(0, Number(saved));
    if (document.readyState === "complete") restore(); else addEventListener("load", restore);
  }
  const showErrors = (errors) => {
    let box = document.getElementById("timeline-serve-errors");
    if (errors.length === 0) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "timeline-serve-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0 0 auto 0;z-index:2147483647;margin:0;" +
        "padding:1em;max-height:60vh;overflow:auto;white-space:pre-wrap;font:14px/1.4 " +
        "monospace;background:#2b0b0b;color:#fff;border-bottom:4px solid #e33;";
      document.body.appendChild(box);
    }
    box.textContent = "The build failed; this is the last good version.\\n\\n" + errors.join("\\n");
  };
  const source = new EventSource(%(events)s + "?page=" + encodeURIComponent(page.key));
  source.onmessage = (message) => {
    const state = JSON.parse(message.data);
    showErrors(state.errors);
    if (state.errors.length === 0 && state.digest !== page.digest) {
      sessionStorage.setItem(scrollKey, String(window.scrollY));
      source.close();
      location.reload();
    }
  };
})();
</script>
"""


def reload_script(key: str, digest: str) -> bytes:
    """The script for the page at ``key`` whose content has ``digest``."""
    page = _script_json({"key": key, "digest": digest})
    return (_SCRIPT % {"page": page, "events": _script_json(EVENTS_PATH)}).encode("utf-8")


def inject(html: bytes, script: bytes) -> bytes:
    """``html`` with ``script`` before its last ``</body>`` (or at the end if it has none)."""
    tail_start = max(0, len(html) - 65536)
    at = html[tail_start:].lower().rfind(b"</body>")
    if at < 0:
        at = html.lower().rfind(b"</body>")
        return html + script if at < 0 else html[:at] + script + html[at:]
    at += tail_start
    return html[:at] + script + html[at:]


def _script_json(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
