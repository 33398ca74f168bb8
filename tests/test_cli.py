"""End to end: the installed ``timeline`` command, run as a user runs it."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, tree, write_article


def timeline_command() -> str:
    beside_python = Path(sys.executable).parent / "timeline"
    found = str(beside_python) if beside_python.exists() else shutil.which("timeline")
    assert found, "the timeline command is not installed; pip install -e '.[test]'"
    return found


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [timeline_command(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )


@pytest.fixture
def example_site(tmp_path: Path) -> Path:
    """A copy of the repository's own example site."""
    site = tmp_path / "example"
    site.mkdir()
    shutil.copy(REPO / "timeline.toml", site)
    shutil.copytree(REPO / "content", site / "content")
    return site


def test_build_of_the_example_site(example_site: Path) -> None:
    result = run("build", cwd=example_site)
    assert result.returncode == 0, result.stderr
    index = (example_site / "output" / "index.html").read_text(encoding="utf-8")
    articles = list((example_site / "content" / "articles").glob("*.md"))
    pages = list((example_site / "output" / "articles").glob("*.html"))
    assert len(articles) >= 12
    assert len(pages) == len(articles) - 1  # one draft
    assert index.count('<li class="entry"') >= 20
    assert '<time datetime="2025-01-19">19 January 2025</time>' in index
    assert 'href="articles/' in index and 'href="/' not in index
    assert "Built" in result.stderr


def test_build_error_prints_path_line_message_and_exits_1(example_site: Path) -> None:
    run("build", cwd=example_site)
    before = tree(example_site / "output")
    write_article(example_site, "broken.md", "---\ntitle: Broken\npublished: 2025-13-01\n---\n")
    result = run("build", cwd=example_site)
    assert result.returncode == 1
    assert "content/articles/broken.md:3: bad publication date" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(example_site / "output") == before


def test_build_takes_a_directory_argument(example_site: Path, tmp_path: Path) -> None:
    result = run("build", str(example_site), "--output", str(tmp_path / "public"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "public" / "index.html").is_file()


def test_extract_prints_the_contract_json_lines(tmp_path: Path) -> None:
    text = "The attack of October 7, 2023 was recalled. Talks began on 15 January 2025."
    result = run("extract", "--published", "2025-02-03", "-", cwd=tmp_path, stdin=text)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["type"], r["value"]) for r in rows] == [
        ("October 7, 2023", "DATE", "2023-10-07"),
        ("15 January 2025", "DATE", "2025-01-15"),
    ]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_extract_offsets_point_into_the_whole_file(example_site: Path) -> None:
    path = example_site / "content" / "articles" / "dated.md"
    path.write_text(
        "---\ntitle: T\npublished: 2025-02-03\n---\n\n**Talks** began on [3 February 2025](x).\n",
        encoding="utf-8",
    )
    result = run("extract", str(path), cwd=example_site)
    assert result.returncode == 0, result.stderr
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    text = path.read_text(encoding="utf-8")
    assert text[row["start"] : row["end"]] == row["text"] == "3 February 2025"


def test_extract_events_carry_provenance(tmp_path: Path) -> None:
    text = "Officials met.\n\nA truce began on 19 January 2025, the mediators said.\n"
    result = run("extract", "--events", "--published", "2025-02-03", "-", cwd=tmp_path, stdin=text)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["date"]["value"] for e in events] == ["2025-02-03", "2025-01-19"]
    assert events[0]["basis"] == "publication" and events[0]["expression"] is None
    truce = events[1]
    assert truce["text"] == "A truce began on 19 January 2025, the mediators said."
    assert truce["line"] == 3 and truce["basis"] == "explicit"
    assert truce["expression"]["text"] == "19 January 2025"
    assert truce["date"]["precision"] == "day" and truce["date"]["end"] == "2025-01-20"
    assert [e["kind"] for e in events] == ["happened", "happened"]


def test_extract_batch(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "It happened on March 3, 2024.", "published": "2024-03-05"},
        {"id": "b", "text": "Nothing here.", "published": "2024-03-05"},
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    result = run("extract", "--batch", cwd=tmp_path, stdin=stdin)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["expressions"][0]["value"] == "2024-03-03"
    assert rows[1]["expressions"] == []


@pytest.mark.parametrize(
    "args",
    [
        ("extract", "-"),
        ("extract", "--published", "someday", "-"),
        ("extract", "no-such-file.md"),
        ("build", "no-such-site"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(*args, cwd=tmp_path, stdin="text")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_new_site_builds_outside_the_repository(tmp_path: Path) -> None:
    result = run("new", "mysite", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "mysite"
    assert not (site / "themes").exists()  # the theme stays in the package
    requirements = (site / "requirements.txt").read_text(encoding="utf-8")
    (wheel,) = (site / "wheels").glob("conflict_timeline-*-py3-none-any.whl")
    assert f"\n./wheels/{wheel.name}\n" in requirements
    result = run("build", cwd=site)
    assert result.returncode == 0, result.stderr
    index = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-01-21">21 January 2025</time>' in index
    assert run("new", "mysite", cwd=tmp_path).returncode == 2


def test_check_explains_an_entrys_rank_part_by_part(example_site: Path) -> None:
    assert run("build", cwd=example_site).returncode == 0
    data = json.loads((example_site / "output" / "timeline.json").read_text(encoding="utf-8"))
    top = min(data["entries"], key=lambda e: e["rank"])
    corrections = example_site / "content" / "corrections.toml"
    kept = corrections.read_text(encoding="utf-8")  # the example's own, which the build needs
    corrections.write_text(
        kept
        + f'\n[not_key]\n"{top["sources"][-1]["event"]}" = "told often, but no turning point"\n',
        encoding="utf-8",
    )
    line = kept.count("\n") + 3  # after a blank line and the heading
    result = run("check", "--explain", top["id"], cwd=example_site)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    last = re.match(rf"{top['id']}: rank (\d+) of (\d+),", lines[0])  # dropped: ranks last
    assert last is not None and last.group(1) == last.group(2)
    assert "not a key event" in lines[0]
    parts = [line.split()[0] for line in lines[2:]]
    counted = ["reports", "outlets", "day", "recalls", "echo", "story"]
    assert parts == [
        *counted,
        "kind",
        "attribution",
        "text",
        "retelling",
        "dating",
        "score",
        "dropped",
    ]
    assert lines[-1].endswith(f"content/corrections.toml:{line}: told often, but no turning point")
    missing = run("check", "--explain", "0123456789ab", cwd=example_site)
    assert missing.returncode == 2 and "no entry has the id '0123456789ab'" in missing.stderr


def test_check_lists_nothing_for_clean_content_and_writes_nothing(example_site: Path) -> None:
    result = run("check", cwd=example_site)
    assert result.returncode == 0, result.stderr
    assert not (example_site / "output").exists()


def test_check_counts_what_was_set_aside_and_lists_it_on_demand(example_site: Path) -> None:
    counted = run("check", cwd=example_site)
    assert re.search(
        r"Dated sentences not told as happenings: \d+ set aside \(\d+ state", counted.stderr
    )
    assert "list them with --set-aside" in counted.stderr
    listed = run("check", "--set-aside", cwd=example_site)
    assert listed.returncode == 0, listed.stderr
    pattern = r"(content/articles/[\w-]+\.md):(\d+): expected ([0-9a-f]{12}): "
    lines = [x for x in listed.stdout.splitlines() if "due to be sworn in on Monday" in x]
    match = next(m for m in map(functools.partial(re.match, pattern), lines) if m)
    path, number, event_id = match.groups()
    text = (example_site / path).read_text(encoding="utf-8").splitlines()[int(number) - 1]
    assert "due to be sworn in on Monday" in text
    corrections = example_site / "content" / "corrections.toml"
    restore = f'[restore]\n"{event_id}" = "It happened"\n'
    text = corrections.read_text(encoding="utf-8")
    text = text.replace("[restore]\n", restore) if "[restore]\n" in text else text + restore
    corrections.write_text(text, encoding="utf-8")
    restored = run("check", "--set-aside", cwd=example_site)
    assert restored.returncode == 0, restored.stderr
    assert event_id not in restored.stdout


def test_check_reports_a_stale_restore_at_its_line(example_site: Path) -> None:
    corrections = example_site / "content" / "corrections.toml"
    old = corrections.read_text(encoding="utf-8")
    corrections.write_text(old + '\n[drop]\n"0123456789ab" = "gone"\n', encoding="utf-8")
    result = run("check", cwd=example_site)
    assert result.returncode == 1
    line = len(old.splitlines()) + 3
    assert f"content/corrections.toml:{line}: no event has the id '0123456789ab'" in result.stderr


ONE_ARTICLE = (
    "---\ntitle: Talks resume\npublished: 2025-02-03\nsource: Agency\n"
    "url: https://agency.example/talks\n---\n\nTalks resumed in Cairo on 3 February 2025.\n"
)


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A site of one clean article."""
    site = tmp_path / "small"
    (site / "content").mkdir(parents=True)
    (site / "timeline.toml").write_text('title = "Small"\n', encoding="utf-8")
    write_article(site, "talks.md", ONE_ARTICLE)
    return site


@pytest.mark.parametrize("args", [("build", "-v"), ("-v", "build"), ("build", "--verbose")])
def test_verbose_before_or_after_the_command(small_site: Path, args: tuple[str, ...]) -> None:
    result = run(*args, cwd=small_site)
    assert result.returncode == 0, result.stderr
    assert "render took" in result.stderr  # the debug lines


def test_quiet_after_the_command(small_site: Path) -> None:
    result = run("build", "-q", cwd=small_site)
    assert result.returncode == 0 and result.stderr == ""


def test_counts_are_pluralised(small_site: Path) -> None:
    built = run("build", cwd=small_site)
    assert "Built 1 entry from 1 event in 1 article: " in built.stderr, built.stderr
    checked = run("check", cwd=small_site)
    assert checked.stderr.strip() == "Read 1 article: 1 entry, no warnings"


def test_check_reads_every_warning_and_fails_on_them_only_when_strict(small_site: Path) -> None:
    write_article(
        small_site,
        "hugo.md",
        "---\ntitle: T\ndate: 2025-02-04\nsummry: Talks\n---\n\nTalks went on on 4 February.\n",
    )
    write_article(
        small_site,
        "ar.md",
        "---\ntitle: تقرير\npublished: 2025-03-18\nsource: S\nurl: https://s.example/\n---\n\n"
        "أعلنت الحكومة يوم الثلاثاء 18 مارس 2025 أن المفاوضات ستستأنف في القاهرة.\n",
    )
    result = run("check", cwd=small_site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "content/articles/ar.md:7: dates not read: the text looks like Arabic, and timeline "
        "reads dates in English only",
        "content/articles/hugo.md:1: no 'source': the report is shown from 'Unknown outlet'; "
        "name the outlet",
        "content/articles/hugo.md:1: no 'url': readers cannot open the original report; "
        "add its link",
        "content/articles/hugo.md:4: front matter key 'summry' is not one timeline reads: kept "
        "as page data; did you mean 'summary'?",
    ]
    assert "Read 3 articles:" in result.stderr
    assert "4 warnings (3 front matter notes, 1 article not in English)" in result.stderr
    assert run("check", "--strict", cwd=small_site).returncode == 1
    built = run("build", cwd=small_site)
    assert built.returncode == 0
    assert "content/articles/ar.md:7: dates not read: the text looks like Arabic" in built.stderr
    assert "hugo.md:4" not in built.stderr  # the others are counted: see `timeline check`
    assert run("build", "--strict", cwd=small_site).returncode == 1


def test_new_article_in_a_site(small_site: Path) -> None:
    result = run("new", "article", "Aid convoy reaches Rafah", cwd=small_site)
    assert result.returncode == 0, result.stderr
    (path,) = (small_site / "content" / "articles").glob("*-aid-convoy-reaches-rafah.md")
    assert 'title: "Aid convoy reaches Rafah"' in path.read_text(encoding="utf-8")
    assert run("new", "article", cwd=small_site).returncode == 2
