"""An accessibility audit of the built example site in Chromium with axe-core, and the
pages' weight against a budget.

axe-core comes from npm: the first run installs it into ``tests/.axe/`` (git-ignored).
"""

from __future__ import annotations

# The fixtures of tests/test_browser.py are imported and then named as parameters:
# ruff: noqa: F811
import os
import shutil
import subprocess
from typing import Any

import pytest

from tests.helpers import TESTS
from tests.test_browser import (  # noqa: F401  (the fixtures browser and site)
    ARTICLE,
    DESKTOP,
    PHONE,
    Served,
    browser,
    open_page,
    site,
)

AXE_VERSION = "4.14.1"
AXE_FOLDER = TESTS / ".axe"
AXE = AXE_FOLDER / "node_modules" / "axe-core" / "axe.min.js"

AUDITED = [
    "index.html",
    ARTICLE,
    "search.html",
    "tags/index.html",
    "tags/hostages.html",
    "sources/index.html",
    "timelinejs.html",
    "404.html",
]


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed from npm on first use."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            if os.environ.get("CI"):
                pytest.fail("CI needs npm: .ci/system-packages installs it")
            pytest.skip("needs npm to install axe-core (apt-get install npm)")
        AXE_FOLDER.mkdir(exist_ok=True)
        command = [npm, "install", "--no-audit", "--no-fund", "--prefix", str(AXE_FOLDER)]
        subprocess.run([*command, f"axe-core@{AXE_VERSION}"], check=True, capture_output=True)
    return AXE.read_text(encoding="utf-8")


def audit(page: Any, axe: str) -> list[str]:
    """axe-core's violations of the WCAG 2.x A and AA rules (and its best practices) on
    the page as it is, each as 'rule: target'."""
    page.add_script_tag(content=axe)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            const where = v => v.nodes.map(n => n.target.join(" ")).join(", ");
            return r.violations.map(v => v.id + ": " + where(v));
        }"""
    )
    return list(result)


@pytest.mark.parametrize("path", AUDITED)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(
    browser: Any, site: Served, axe_source: str, path: str, scheme: str
) -> None:
    page = browser.new_page(viewport=DESKTOP, color_scheme=scheme)
    page.route("https://cdn.knightlab.com/**", lambda route: route.abort())
    try:
        page.goto(site.url + path)
        assert audit(page, axe_source) == []
    finally:
        page.close()


def test_axe_finds_no_violation_on_a_phone_with_sources_open_and_a_filter_on(
    browser: Any, site: Served, axe_source: str
) -> None:
    with open_page(browser, site.url + "index.html?tag=hostages", PHONE) as page:
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert audit(page, axe_source) == []
