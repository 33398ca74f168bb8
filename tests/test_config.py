"""timeline.toml: defaults, validation with key and line, overrides, base paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import Config, load_config, parse_config
from timeline.errors import BuildFailed, ConfigError, TimelineError


def test_defaults_and_values() -> None:
    config = parse_config('title = "War"\nday_first = true\n', Path("/site"))
    assert config.title == "War"
    assert config.day_first is True
    assert config.output_path == Path("/site/output")
    assert config.content_path == Path("/site/content")


@pytest.mark.parametrize(
    ("base_url", "path"),
    [
        ("/", "/"),
        ("https://user.github.io/repo/", "/repo/"),
        ("https://user.github.io/repo", "/repo/"),
        ("https://example.org", "/"),
    ],
)
def test_base_path(base_url: str, path: str) -> None:
    config = parse_config(f'base_url = "{base_url}"\n', Path("/site"))
    assert config.base_path == path


def test_every_problem_is_reported_with_its_line() -> None:
    text = 'title = "War"\n\ncolour = "red"\nday_first = "yes"\n'
    with pytest.raises(BuildFailed) as caught:
        parse_config(text, Path("/site"), "site/timeline.toml")
    messages = [str(error) for error in caught.value.errors]
    assert messages == [
        "site/timeline.toml:3: unknown key 'colour' (known keys: base_url, content_dir, "
        "day_first, description, key_events, language, output_dir, strict, theme, "
        "timelinejs_events, title)",
        "site/timeline.toml:4: 'day_first' must be a bool, not str",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("key_events = true", "'key_events' must be an int, not bool"),
        ("key_events = 2.5", "'key_events' must be an int, not float"),
        ("key_events = -1", "'key_events' must not be negative"),
        ('timelinejs_events = "some"', "'timelinejs_events' must be 'key' or 'all', not 'some'"),
    ],
)
def test_key_event_settings_are_checked(line: str, message: str) -> None:
    with pytest.raises(BuildFailed) as caught:
        parse_config(f'title = "War"\n{line}\n', Path("/site"), "timeline.toml")
    assert [str(e) for e in caught.value.errors] == [f"timeline.toml:2: {message}"]


def test_key_event_settings() -> None:
    config = parse_config('key_events = 25\ntimelinejs_events = "all"\n', Path("/site"))
    assert (config.key_events, config.timelinejs_events) == (25, "all")
    assert (Config(Path("/s")).key_events, Config(Path("/s")).timelinejs_events) == (None, "key")


def test_toml_syntax_error_names_the_line() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config('title = "War"\nbase_url = \n', Path("/site"), "timeline.toml")
    assert caught.value.location.line == 2


def test_overrides_apply_before_validation() -> None:
    config = parse_config('title = "War"\n', Path("/s"), overrides={"output_dir": "public"})
    assert config.output_path == Path("/s/public")
    with pytest.raises(BuildFailed):
        parse_config("", Path("/s"), overrides={"strict": "no"})


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(TimelineError, match="no timeline\\.toml"):
        load_config(tmp_path)
