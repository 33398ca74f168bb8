"""The live-reload script, added to HTML responses in serve mode only (never to built files).

The page listens on Server-Sent Events. Each message carries the session's epoch, the digest
of the page as the server has it now, the digest of the theme's static files and the errors
of the last build. When the page's digest changed, the page fetches itself again and swaps
in the new body (title and meta tags too), so it keeps its scroll position and shows the
change without a reload; it reloads in full when the static files changed, when the new page
brings its own scripts or stylesheets, or when it is not a page it can swap. Errors show as
an overlay of plain text; the next good build removes it.
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
  const reload = () => {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    source.close();
    location.reload();
  };
  const resources = (root) => Array.from(
    root.querySelectorAll("link[rel~=stylesheet], script:not([data-timeline-serve]), style"),
    (node) => node.outerHTML).join("\\n");
  const swappable = (next) => next.body !== null &&
    resources(next.head) === resources(document.head) &&
    next.body.querySelector("script:not([data-timeline-serve])") === null &&
    document.body.querySelector("script:not([data-timeline-serve])") === null;
  const update = async () => {
    const response = await fetch(location.href, { cache: "no-store" });
    const digest = response.headers.get("X-Timeline-Digest");
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    if (!response.ok || digest === null || !swappable(next)) { reload(); return; }
    document.title = next.title;
    const meta = "meta[name], meta[property], link:not([rel~=stylesheet])";
    document.head.querySelectorAll(meta).forEach((node) => node.remove());
    next.head.querySelectorAll(meta).forEach((node) => {
      document.head.appendChild(document.adoptNode(node));
    });
    document.body.replaceWith(document.adoptNode(next.body));
    page.digest = digest;
  };
  let fetching = null;
  let latest = null;
  const follow = (state) => {
    latest = state;
    if (fetching !== null) return;
    showErrors(state.errors);
    if (state.errors.length > 0 || state.digest === page.digest) return;
    if (state.assets !== page.assets || page.digest === "missing" ||
        state.digest === "missing") { reload(); return; }
    fetching = update().catch(reload).finally(() => {
      fetching = null;
      if (latest !== state) follow(latest);
    });
  };
  const source = new EventSource(%(events)s + "?page=" + encodeURIComponent(page.key));
  source.onmessage = (message) => follow(JSON.parse(message.data));
})();
</script>
"""


def reload_script(key: str, digest: str, assets: str = "") -> bytes:
    """The script for the page at ``key`` whose content has ``digest``, in a site whose
    static files have the digest ``assets``."""
    page = _script_json({"key": key, "digest": digest, "assets": assets})
    return (_SCRIPT % {"page": page, "events": _script_json(EVENTS_PATH)}).encode("utf-8")


def inject(html: bytes, script: bytes) -> bytes:
    """``html`` with ``script`` before its last ``</body>`` (or at the end if it has none)."""
    at = body_end(html)
    return html[:at] + script + html[at:]


def body_end(html: bytes) -> int:
    """Where the reload script goes in ``html``: before its last ``</body>``, or at the end."""
    tail_start = max(0, len(html) - 65536)
    at = html[tail_start:].lower().rfind(b"</body>")
    if at >= 0:
        return tail_start + at
    at = html.lower().rfind(b"</body>")
    return len(html) if at < 0 else at


def _script_json(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
