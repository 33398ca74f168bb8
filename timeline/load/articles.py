"""Reading articles: front matter, publication date, slug and Markdown body.

``load_*`` functions read the disk and hand strings to ``parse_*`` functions, which are pure.
Every problem is a :class:`ContentError` naming the file and the line.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import ContentError
from timeline.load.files import article_paths, inside, outside_error
from timeline.load.front_matter import FrontMatterFields, parse_published
from timeline.load.urls import body_link_errors, url_problem
from timeline.model import Article, SourceLocation

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^---[ \t]*\r?$\n?", re.S | re.M)
_DATE_PREFIX = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d)-(?P<rest>.+)$")
_NOT_NAME = re.compile(r"[\W_]+")
_NESTING = 50
"""How deep lists and quotes may nest in an article: Markdown parses each level by a
recursion of its own (and in time that grows faster than the depth)."""
# A tag that runs code ("<script", "<IFRAME"), or an event handler ("onerror='x()'"). The
# pattern begins with a case-sensitive character class, which the regex engine skips to
# (an alternative opening with "\b" is tried at every character of the body); the
# look-behinds say which of the two it is, and that "on" begins a word.
_DANGEROUS_HTML = re.compile(
    r"[<oO](?:(?<=<)\s*(?i:(script|iframe|object|embed|style|form))\b|"
    r"(?<=[oO])(?<!\w[oO])(?i:n[a-z]+)\s*=\s*[\"'])"
)


# libyaml's parser when PyYAML has it (its wheels do): several times faster than Python's.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """YAML without implicit timestamps (dates are parsed here, with errors that say where)
    and without duplicate keys (YAML would keep the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """The mapping, or an error at the second of two equal keys."""
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The YAML mapping at the top of a file, and where the body starts."""

    data: dict[str, Any]
    body_start: int
    lines: dict[str, int]
    """The line of each top-level key, for error messages."""


def discover_articles(content_dir: Path, site: Path | None = None) -> list[Path]:
    """Every article file under ``content_dir/articles``, in a stable order."""
    return [Path(path) for path in article_paths(content_dir, site)]


def load_article(path: Path, root: Path) -> Article:
    """Read one article file and parse it (one that leads outside ``root`` is an error)."""
    relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if path.is_symlink() and not inside(path, root):
        raise outside_error(path, root)
    text = decode_text(path.read_bytes(), relative)
    return parse_article(text, relative)


def decode_text(data: bytes, path: str) -> str:
    """The UTF-8 text of a file, or an error naming the line of the first bad byte."""
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise ContentError(SourceLocation(path, line), "binary file, not a Markdown article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ContentError(
            SourceLocation(path, line),
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


def parse_article(text: str, path: str) -> Article:
    """An :class:`Article` from the text of a Markdown file with YAML front matter.

    Every problem of the front matter is reported at once (:class:`FrontMatterErrors`).
    """
    front = parse_front_matter(text, path)
    fields = FrontMatterFields(front.data, front.lines, path)
    title = fields.required_text("title")
    published = fields.publication_date(_prefix_date(path))
    given = fields.slug()
    slug = page_name(given) if given else slug_of(path)
    url, image = fields.text("url"), fields.text("image")
    article = Article(
        path=path,
        slug=slug,
        title=title,
        published=published,
        source=fields.text("source") or "",
        text=text,
        body_start=front.body_start,
        url=url,
        author=fields.authors(),
        tags=fields.tags(),
        draft=fields.draft(),
        summary=fields.text("description", "summary"),
        updated=fields.date("lastmod", "updated", "modified"),
        aliases=fields.aliases(),
        image=image,
        lang=fields.text("lang"),
        data=fields.other_data(),
        notes=fields.notes(),
    )
    problems = fields.problems() + url_problem(url, fields.where("url"))
    problems += url_problem(image, fields.where("image"))
    problems.sort(key=lambda problem: problem.location.line)
    if problems:
        raise _reported(problems)
    _reject_dangerous_html(text, front.body_start, path)
    _reject_deep_nesting(text, front.body_start, path)
    _reject_bad_links(text, front.body_start, path)
    return article


class FrontMatterErrors(ContentError):
    """Several problems in the front matter of one file, reported together: the first one's
    place and message, then each other one as a line ``path:line: message`` of its own."""

    def __init__(self, problems: list[ContentError]) -> None:
        first = problems[0]
        others = "".join(f"\n{problem}" for problem in problems[1:])
        super().__init__(first.location, first.message + others)
        self.problems = tuple(problems)


def _reported(problems: list[ContentError]) -> ContentError:
    if len(problems) == 1:
        return problems[0]
    return FrontMatterErrors(problems)


def parse_front_matter(text: str, path: str) -> FrontMatter:
    """Split the YAML front matter from the body; errors carry the YAML error's line."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        message = "no front matter: the file must start with a '---' line, YAML, and '---'"
        if text.startswith("---"):
            message = "front matter is not closed: add a '---' line after it"
        raise ContentError(SourceLocation(path, 1), message)
    try:
        data = yaml.load(match.group("yaml"), Loader=_FrontMatterLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(SourceLocation(path, line), f"broken front matter: {problem}") from None
    if not isinstance(data, dict):
        raise ContentError(SourceLocation(path, 2), "front matter must be a YAML mapping")
    return FrontMatter(data, match.end(), _key_lines(match.group("yaml")))


def slug_of(path: str) -> str:
    """The URL name of an article: its file name without extension and date prefix, made a
    ``page_name`` (``تقرير.md`` → ``تقرير``)."""
    stem = unicodedata.normalize("NFKC", Path(path).stem)
    prefixed = _DATE_PREFIX.match(stem)
    if prefixed:
        stem = prefixed.group("rest")
    return page_name(stem)


def page_name(text: str) -> str:
    """A page name made of ``text`` (a file name, a ``slug``, a title): lower case, the
    letters of every script kept (``تقرير`` stays), anything else a ``-``. Texts that differ
    only in case or Unicode normalization give the same name."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_NAME.sub("-", text).strip("-") or "article"


def _prefix_date(path: str) -> dt.date | None:
    """The date of a ``YYYY-MM-DD-`` file name prefix (Jekyll's convention), if any."""
    prefixed = _DATE_PREFIX.match(Path(path).stem)
    if prefixed is None:
        return None
    try:
        return parse_published(prefixed.group("date"))
    except ValueError:
        return None


def _key_lines(yaml_text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(yaml_text.splitlines(), start=2):
        key = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if key:
            lines.setdefault(key.group(1), number)
    return lines


def _reject_dangerous_html(text: str, body_start: int, path: str) -> None:
    """Scripts and embedded frames never reach a page: they are errors, not content."""
    match = _DANGEROUS_HTML.search(text, body_start)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise ContentError(
            SourceLocation(path, line),
            f"raw HTML '{match.group(0).strip()}' is not allowed in an article; "
            "write the text in Markdown",
        )


def _reject_bad_links(text: str, body_start: int, path: str) -> None:
    """A link the site would not publish is the article's error, never a dead link."""
    errors = body_link_errors(text, body_start, path)
    if errors:
        raise errors[0]


def _reject_deep_nesting(text: str, body_start: int, path: str) -> None:
    """Lists and quotes nested deeper than ``_NESTING`` levels are an error: Markdown
    would exhaust its recursion on them, or take minutes."""
    for number, line in enumerate(text[body_start:].splitlines(), start=1):
        depth = _depth(line)
        if depth > _NESTING:
            line_number = text.count("\n", 0, body_start) + number
            raise ContentError(
                SourceLocation(path, line_number),
                f"lists or quotes nested {depth} levels deep; at most {_NESTING} are allowed",
            )


def _depth(line: str) -> int:
    """How deep a line may nest: a level per 4 columns of indentation and per '>'."""
    stripped = line.lstrip(" \t>")
    prefix = line[: len(line) - len(stripped)]
    return len(prefix.expandtabs(4).replace(">", "")) // 4 + prefix.count(">")
