"""``timeline.toml`` → a validated, frozen :class:`Config`.

Unknown keys and values of the wrong type are errors that name the key, the file and the
line; every error in the file is reported at once, not just the first.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from timeline.errors import BuildFailed, ConfigError, UsageError
from timeline.model import SourceLocation

CONFIG_NAME = "timeline.toml"


@dataclass(frozen=True, slots=True)
class Phase:
    """A named stretch of the timeline an editor marks (``[[phases]]``: a truce, an
    offensive), drawn as a band along the track and listed in the overview."""

    name: str
    start: dt.date
    end: dt.date
    """The last day of the phase (inclusive)."""


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of one site. Relative paths are resolved against the site root."""

    root: Path
    """The folder holding ``timeline.toml``."""
    title: str = "Timeline"
    """The site's name, shown on every page and in feeds."""
    description: str = ""
    """One sentence about the timeline, for the front page and feeds."""
    base_url: str = "/"
    """Where the site is served from, such as ``https://user.github.io/repo/``."""
    language: str = "en"
    """The language of the pages (``<html lang>``)."""
    theme: str = "default"
    """The theme: a folder of ``themes/`` that overrides the built-in one file by file."""
    content_dir: Path = field(default=Path("content"))
    """Where articles (``articles/``) and hand-written events (``events/``) live."""
    output_dir: Path = field(default=Path("output"))
    """Where the built site is written."""
    day_first: bool = False
    """Read ``10/7/2023`` as 10 July rather than October 7."""
    strict: bool = False
    """Treat doubtful dates as errors."""
    key_events: int | None = None
    """How many key events open the front page; by default it follows from the span and
    the size of the collection (``merge/rank.py``, ``key_event_count``)."""
    phases: tuple[Phase, ...] = ()
    """Named stretches of the timeline (``[[phases]]`` with ``name``, ``start``, ``end``),
    in the order of their start."""
    timelinejs_events: str = "key"
    """What ``timelinejs.json`` holds: ``key`` (the key events, a story of readable length)
    or ``all`` (every entry)."""

    @property
    def content_path(self) -> Path:
        """The absolute content folder."""
        return self.root / self.content_dir

    @property
    def output_path(self) -> Path:
        """The absolute output folder."""
        return self.root / self.output_dir

    @property
    def base_path(self) -> str:
        """The path part of ``base_url``, always starting and ending with ``/``."""
        path = re.sub(r"^[a-z]+://[^/]+", "", self.base_url) or "/"
        return path if path.endswith("/") else path + "/"


_KEYS = {f.name: f for f in fields(Config) if f.name not in ("root", "phases")}
_TYPES: dict[str, type] = {
    "title": str,
    "description": str,
    "base_url": str,
    "language": str,
    "theme": str,
    "content_dir": str,
    "output_dir": str,
    "day_first": bool,
    "strict": bool,
    "key_events": int,
    "timelinejs_events": str,
}
_CHOICES: dict[str, tuple[str, ...]] = {"timelinejs_events": ("key", "all")}


def load_config(root: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Read ``root/timeline.toml``; command-line ``overrides`` apply before validation."""
    path = root / CONFIG_NAME
    if not path.is_file():
        raise UsageError(f"{path}: no {CONFIG_NAME} here; is this a timeline site?")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(SourceLocation(str(path), 1), f"not UTF-8 ({error.reason})") from None
    config = parse_config(text, root, str(path), overrides or {})
    _check_theme(config, text, str(path))
    return config


def _check_theme(config: Config, text: str, path: str) -> None:
    """A theme other than the built-in one must be a folder of ``themes/``: a misspelt
    name would otherwise build with the built-in theme and say nothing."""
    if config.theme == "default" or (config.root / "themes" / config.theme).is_dir():
        return
    folder = config.root / "themes"
    found = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    known = f"themes here: {', '.join(found)}" if found else "there is no themes/ folder"
    where = SourceLocation(path, _line_of_key(text, "theme"))
    message = f"theme '{config.theme}' is not a folder of themes/ ({known}; or 'default')"
    raise BuildFailed([ConfigError(where, message)])


def parse_config(
    text: str, root: Path, path: str = CONFIG_NAME, overrides: dict[str, Any] | None = None
) -> Config:
    """Validate the TOML ``text`` of a config file into a :class:`Config`."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(SourceLocation(path, _toml_error_line(error)), str(error)) from None
    raw.update(overrides or {})
    phases, phase_errors = _phases(raw.pop("phases", []), text, path)
    errors = [
        ConfigError(SourceLocation(path, _line_of_key(text, key)), msg)
        for key, msg in _problems(raw)
    ] + phase_errors
    if errors:
        raise BuildFailed(errors)
    values: dict[str, Any] = {
        key: Path(value) if key.endswith("_dir") else value for key, value in raw.items()
    }
    return replace(Config(root=root), **values, phases=phases)


_PHASE_KEYS = ("name", "start", "end")


def _phases(raw: Any, text: str, path: str) -> tuple[tuple[Phase, ...], list[ConfigError]]:
    """The ``[[phases]]`` tables, each with a name, a first and a last day."""
    lines = [
        text.count("\n", 0, m.start()) + 1
        for m in re.finditer(r"^[ \t]*\[\[phases\]\]", text, re.M)
    ]
    if not isinstance(raw, list) or not all(isinstance(table, dict) for table in raw):
        where = SourceLocation(path, _line_of_key(text, "phases"))
        return (), [ConfigError(where, "'phases' must be tables: [[phases]] with name, start, end")]
    phases, errors = [], []
    for number, table in enumerate(raw):
        where = SourceLocation(path, lines[number] if number < len(lines) else 1)
        phase, problem = _phase(table)
        if problem:
            errors.append(ConfigError(where, f"phase {number + 1}: {problem}"))
        elif phase is not None:
            phases.append(phase)
    return tuple(sorted(phases, key=lambda p: (p.start, p.end))), errors


def _phase(table: dict[str, Any]) -> tuple[Phase | None, str | None]:
    unknown = sorted(set(table) - set(_PHASE_KEYS))
    if unknown:
        return None, f"unknown key '{unknown[0]}' (a phase has name, start and end)"
    missing = [key for key in _PHASE_KEYS if key not in table]
    if missing:
        return None, f"'{missing[0]}' is missing (a phase has name, start and end)"
    if not isinstance(table["name"], str) or not table["name"].strip():
        return None, "'name' must be a non-empty string"
    days = []
    for key in ("start", "end"):
        value = table[key]
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return None, f"'{key}' must be a date such as 2025-01-19, not '{table[key]}'"
        if not isinstance(value, dt.date):
            return None, f"'{key}' must be a date such as 2025-01-19"
        days.append(value)
    if days[1] < days[0]:
        return None, "'end' comes before 'start'"
    return Phase(table["name"].strip(), days[0], days[1]), None


def _problems(raw: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    for key, value in raw.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            problems.append((key, f"unknown key '{key}' (known keys: {known})"))
            continue
        problem = _value_problem(key, value)
        if problem:
            problems.append((key, problem))
    return problems


def _value_problem(key: str, value: Any) -> str | None:
    """What is wrong with a known key's value, if anything (a bool is no number here)."""
    wanted = _TYPES[key]
    if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
        name = wanted.__name__
        article = "an" if name[0] in "aeiou" else "a"
        return f"'{key}' must be {article} {name}, not {type(value).__name__}"
    if key in _CHOICES and value not in _CHOICES[key]:
        choices = " or ".join(f"'{c}'" for c in _CHOICES[key])
        return f"'{key}' must be {choices}, not '{value}'"
    if isinstance(value, int) and value < 0:
        return f"'{key}' must not be negative"
    return None


def _line_of_key(text: str, key: str) -> int:
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _toml_error_line(error: tomllib.TOMLDecodeError) -> int:
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else 1
