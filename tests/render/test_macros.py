"""The built-in theme's macros: ``tag_list`` on its own, and passed on by macros.html."""

from __future__ import annotations

from pathlib import Path

from timeline.config import Config
from timeline.render import make_environment


class _Links:
    tag_slugs = frozenset({"Rafah"})

    def tag(self, name: str) -> str:
        return f"tags/{name.lower()}.html"


def test_tag_list_is_the_same_from_its_own_file_and_from_macros(tmp_path: Path) -> None:
    """A theme of its own whose article.html still imports ``tag_list`` from macros.html
    gets the same list as the built-in article.html, which imports it alone."""
    env = make_environment(Config(root=tmp_path))
    context = {"links": _Links(), "href": lambda path: f"../{path}"}
    shown = {
        source: env.from_string(
            f'{{% from "{source}" import tag_list with context %}}'
            "{{ tag_list(['Rafah', 'aid convoys']) }}"
        ).render(context)
        for source in ("tag_list.html", "macros.html")
    }
    assert shown["tag_list.html"] == shown["macros.html"]
    assert '<a class="tag" href="../tags/rafah.html">Rafah</a>' in shown["macros.html"]
    assert '<span class="tag">aid convoys</span>' in shown["macros.html"]
