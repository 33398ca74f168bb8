"""The store, parallel extraction and unchanged files: faster, never different."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

import timeline.build.inputs as inputs_module
from tests.helpers import tree, write_article
from timeline.build import build_site, load_site
from timeline.build.inputs import file_key, read_articles
from timeline.build.store import (
    CACHE_DIR,
    STORE_FILE,
    Store,
    entry_digest,
    last_build,
    save_last_build,
)
from timeline.config import load_config


def many_articles(site: Path, count: int) -> None:
    for number in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=number * 3)
        write_article(
            site,
            f"report-{number:03d}.md",
            f"---\ntitle: Report {number}\npublished: {day.isoformat()}\n"
            f"source: Wire {number % 4}\n---\n\n"
            f"Shelling hit sector {number} on {day.strftime('%d %B %Y')}, officials said."
            f" Talks resumed on Monday.\n",
        )


def test_parallel_cached_build_is_byte_identical_to_serial_uncached(
    sample_site: Path, tmp_path: Path
) -> None:
    many_articles(sample_site, 40)
    build_site(sample_site, output=tmp_path / "serial", jobs=1, use_cache=False)
    assert not (sample_site / CACHE_DIR).exists()
    build_site(sample_site, output=tmp_path / "parallel", jobs=2)
    assert (sample_site / CACHE_DIR / STORE_FILE).is_file()
    build_site(sample_site, output=tmp_path / "cached", jobs=2)
    serial = tree(tmp_path / "serial")
    assert tree(tmp_path / "parallel") == serial
    assert tree(tmp_path / "cached") == serial
    write_article(  # one article changed: an incremental, parallel build
        sample_site,
        "report-007.md",
        "---\ntitle: Report 7\npublished: 2024-01-22\nsource: Wire 3\n---\n\n"
        "Shelling hit sector 7 on 22 January 2024, officials said. Aid arrived on Sunday.\n",
    )
    build_site(sample_site, output=tmp_path / "cached", jobs=2)
    build_site(sample_site, output=tmp_path / "serial-2", jobs=1, use_cache=False)
    assert tree(tmp_path / "cached") == tree(tmp_path / "serial-2") != serial


def test_the_code_fingerprint_covers_files_that_exist() -> None:
    # A part that names no file would drop out of the articles' keys unnoticed (a folder
    # that is gone hashes nothing), e.g. after a module moved.
    package = Path(inputs_module.__file__).resolve().parents[1]
    missing = [p for p in inputs_module._EXTRACTION_CODE if not (package / p).exists()]
    assert missing == []


def test_changed_article_is_extracted_again(sample_site: Path) -> None:
    build_site(sample_site)
    path = sample_site / "content" / "articles" / "talks-open.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("December 12, 2024", "December 14, 2024"),
        encoding="utf-8",
    )
    build_site(sample_site)
    index = (sample_site / "output" / "index.html").read_text(encoding="utf-8")
    assert "14 December 2024" in index and "12 December 2024" not in index


def entries(site: Path) -> dict[tuple[str, str], bytes]:
    with sqlite3.connect(site / CACHE_DIR / STORE_FILE) as db:
        rows = db.execute("SELECT kind, key, value FROM entries").fetchall()
    return {(kind, key): value for kind, key, value in rows}


def plant(site: Path, kind: str, key: str, value: bytes, *, sign: bool) -> None:
    """Write an entry into the store as someone with access to the folder could: with a
    digest made as the store makes it (``sign``), or keeping the old one."""
    with sqlite3.connect(site / CACHE_DIR / STORE_FILE) as db:
        if sign:
            digest = entry_digest(kind, key, value)
            db.execute(
                "UPDATE entries SET value = ?, digest = ? WHERE kind = ? AND key = ?",
                (value, digest, kind, key),
            )
        else:
            db.execute(
                "UPDATE entries SET value = ? WHERE kind = ? AND key = ?", (value, kind, key)
            )


def rebuilt(site: Path) -> None:
    """Build again with every output file gone, so every page is rendered."""
    shutil.rmtree(site / "output")
    build_site(site)


class Planted:
    """What a planted pickle would do if it were ever unpickled: leave a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (self.marker, "ran"))


@pytest.mark.parametrize("kind", ["article", "body", "merge", "last"])
def test_a_planted_pickle_or_code_never_runs(sample_site: Path, tmp_path: Path, kind: str) -> None:
    build_site(sample_site)
    before = tree(sample_site / "output")
    marker = tmp_path / "ran"
    payloads = [
        pickle.dumps(Planted(marker)),
        b'__import__("pathlib").Path(%r).write_text("ran")' % str(marker).encode(),
    ]
    for payload in payloads:
        keys = [key for k, key in entries(sample_site) if k == kind]
        assert keys
        for key in keys:
            plant(sample_site, kind, key, payload, sign=True)
        (sample_site / "content" / "articles" / "talks-open.md").touch()
        rebuilt(sample_site)
        assert not marker.exists()
        assert tree(sample_site / "output") == before


@pytest.mark.parametrize("sign", [False, True])
def test_text_changed_inside_an_entry_is_never_published(sample_site: Path, sign: bool) -> None:
    """Without a new digest any edit is a miss; with one, a body must still be the text of
    the file's bytes (the article is read again)."""
    build_site(sample_site)
    before = tree(sample_site / "output")
    planted = 0
    for (kind, key), value in entries(sample_site).items():
        if b"ceasefire" in value and kind in ("body", "article" if not sign else ""):
            plant(sample_site, kind, key, value.replace(b"ceasefire", b"CAPITULATION"), sign=sign)
            planted += 1
    assert planted >= (2 if sign else 3)
    rebuilt(sample_site)
    after = tree(sample_site / "output")
    assert after == before
    assert not any(b"CAPITULATION" in data for data in after.values())


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "another format"])
def test_a_damaged_database_is_a_miss(
    sample_site: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    build_site(sample_site)
    before = tree(sample_site / "output")
    path = sample_site / CACHE_DIR / STORE_FILE
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2 + 100])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        with sqlite3.connect(path) as db:
            db.execute("UPDATE meta SET value = 'timeline store 0'")
    (sample_site / "content" / "articles" / "talks-open.md").touch()
    rebuilt(sample_site)
    assert tree(sample_site / "output") == before
    assert len([r for r in caplog.records if r.levelname == "WARNING"]) <= 1
    build_site(sample_site)  # the store was made again, and is used
    assert entries(sample_site)


@pytest.mark.parametrize("fault", ["a folder in the database's place", "a file in its place"])
def test_an_unusable_store_means_a_build_without_it_and_one_warning(
    sample_site: Path, fault: str, caplog: pytest.LogCaptureFixture
) -> None:
    """(A read-only folder fails the same way, as sqlite cannot open the database to
    write; the tests run as root, whom permissions do not stop.)"""
    folder = sample_site / CACHE_DIR
    if fault == "a file in its place":
        folder.write_text("not a folder", encoding="utf-8")
    else:
        (folder / STORE_FILE).mkdir(parents=True)
    report = build_site(sample_site)
    assert report.entries > 0 and (sample_site / "output" / "index.html").is_file()
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "building without it" in warnings[0]
    assert (folder.read_text("utf-8") == "not a folder") if folder.is_file() else True


def test_old_pickles_in_the_cache_folder_are_removed_never_read(
    sample_site: Path, tmp_path: Path
) -> None:
    folder = sample_site / CACHE_DIR
    (folder / "extractions").mkdir(parents=True)
    marker = tmp_path / "ran"
    (folder / "extractions" / "00.pickle").write_bytes(pickle.dumps(Planted(marker)))
    (folder / "last-build.pickle").write_bytes(pickle.dumps(Planted(marker)))
    build_site(sample_site)
    assert not marker.exists()
    assert sorted(p.name for p in folder.iterdir()) == [STORE_FILE]


def test_cached_doubts_are_those_of_an_uncached_build(sample_site: Path) -> None:
    write_article(
        sample_site,
        "doubtful.md",
        "---\ntitle: D\npublished: 2025-03-10\n---\n\nThe convoy left on Friday."
        " Talks are due on 14 April 2025. It happened on June 3.\n",
    )
    uncached = build_site(sample_site, output=sample_site / "one", use_cache=False).warnings
    assert len(uncached) >= 2
    assert build_site(sample_site, output=sample_site / "two").warnings == uncached
    path = sample_site / "content" / "articles" / "talks-open.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMore on Friday.\n", encoding="utf-8")
    cached = build_site(sample_site, output=sample_site / "two").warnings
    assert cached == build_site(sample_site, output=sample_site / "one", use_cache=False).warnings
    assert len(cached) > len(uncached)


def test_a_key_depends_on_the_bytes_the_path_and_the_salt() -> None:
    key = file_key("a.md", b"text", "salt-1")
    assert key == file_key("a.md", b"text", "salt-1")
    assert len({key, file_key("a.md", b"text", "salt-2"), file_key("b.md", b"text", "salt-1")}) == 3
    assert file_key("a.md", b"texts", "salt-1") != key


def test_the_store_keeps_values_by_kind_and_key(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.put_many("a", [("k1", b"one"), ("k2", b"two")])
        store.put("b", "k1", b"other")
        assert store.get("a", "k1") == b"one" and store.get("b", "k1") == b"other"
        assert store.get_many("a", ["k1", "k2", "k3"]) == {"k1": b"one", "k2": b"two"}
        store.keep_only("a", ["k2"])
        assert store.keys("a") == {"k2"} and store.keys("b") == {"k1"}
    with Store(tmp_path, write=False) as reading:
        assert reading.get("a", "k2") == b"two"
        reading.put("a", "k9", b"dropped")
    with Store(tmp_path) as store:
        assert store.get("a", "k9") is None
    with Store(None) as none:
        none.put("a", "k", b"v")
        assert none.get("a", "k") is None and not none.usable


def test_a_store_is_read_through_a_relative_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "cache") as store:
        store.put("a", "k", b"kept")
    monkeypatch.chdir(tmp_path)
    with Store(Path("cache"), write=False) as reading:
        assert reading.usable and reading.get("a", "k") == b"kept"


def test_unchanged_pages_keep_their_files_and_times(sample_site: Path) -> None:
    first = build_site(sample_site)
    output = sample_site / "output"
    stats = {p: p.stat() for p in output.rglob("*") if p.is_file()}
    path = sample_site / "content" / "articles" / "ceasefire-agreed.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    second = build_site(sample_site)
    changed = {
        p.relative_to(output).as_posix()
        for p, stat in stats.items()
        if p.stat().st_ino != stat.st_ino or p.stat().st_mtime_ns != stat.st_mtime_ns
    }
    assert first.changed == first.files
    assert "articles/ceasefire-agreed.html" in changed
    assert "articles/talks-open.html" not in changed
    assert "static/style.css" not in changed
    assert second.changed == len(changed)
    third = build_site(sample_site)
    assert third.changed == 0


def test_a_build_with_nothing_changed_renders_nothing(sample_site: Path) -> None:
    build_site(sample_site)
    again = build_site(sample_site)
    assert "render" not in again.timings and again.changed == 0
    assert again.entries > 0 and again.articles == 2


def test_any_changed_input_or_damaged_output_builds_again(
    sample_site: Path, tmp_path: Path
) -> None:
    build_site(sample_site)
    (sample_site / "output" / "index.html").unlink()
    assert "render" in build_site(sample_site).timings
    assert (sample_site / "output" / "index.html").is_file()
    theme = sample_site / "themes" / "default" / "static"
    theme.mkdir(parents=True)
    (theme / "extra.css").write_text("p { color: red; }\n", encoding="utf-8")
    assert "render" in build_site(sample_site).timings
    assert (sample_site / "output" / "static" / "extra.css").is_file()
    config = sample_site / "timeline.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'language = "fr"\n', encoding="utf-8")
    assert "render" in build_site(sample_site).timings
    assert "render" in build_site(sample_site, drafts=True).timings
    assert "render" in build_site(sample_site, output=tmp_path / "elsewhere").timings
    (sample_site / "content" / "events").mkdir()
    (sample_site / "content" / "events" / "note.md").write_text(
        "---\ndate: 2024-11\n---\nA note.\n", encoding="utf-8"
    )
    assert "render" in build_site(sample_site, output=tmp_path / "elsewhere").timings
    assert "render" not in build_site(sample_site, output=tmp_path / "elsewhere").timings


def reads_of_articles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The article files read from now on, by name."""
    read: list[str] = []
    original = Path.read_bytes

    def counting(path: Path) -> bytes:
        if path.parent.name == "articles":
            read.append(path.name)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return read


def test_an_article_file_whose_stat_is_unchanged_is_not_read_again(
    sample_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs_module, "_RACY_NS", 0)  # the files were written just now
    build_site(sample_site)
    read = reads_of_articles(monkeypatch)
    assert build_site(sample_site).changed == 0 and read == []
    path = sample_site / "content" / "articles" / "talks-open.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMore on 3 January 2025.\n", "utf-8")
    build_site(sample_site)
    # Read for its key, then again to be extracted (the build does not keep the bytes).
    assert read == ["talks-open.md", "talks-open.md"]


def test_a_file_changed_under_the_same_size_and_time_is_read(
    sample_site: Path, tmp_path: Path
) -> None:
    build_site(sample_site)
    # As if the last build had read the files an hour from now: every file looks settled,
    # and only its stat tells that it changed.
    with Store(sample_site / CACHE_DIR) as store:
        record = last_build(store)
        assert record is not None and record.articles is not None
        later = replace(record.articles, read_at=record.articles.read_at + 3600 * 10**9)
        save_last_build(store, replace(record, articles=later))
    path = sample_site / "content" / "articles" / "talks-open.md"
    text, stat = path.read_text(encoding="utf-8"), path.stat()
    changed = text.replace("2025", "2024", 1)
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # only its change time moves
    build_site(sample_site)
    build_site(sample_site, output=tmp_path / "fresh", use_cache=False)
    assert tree(sample_site / "output") == tree(tmp_path / "fresh")


def test_a_file_changed_just_before_the_last_build_is_read_again(
    sample_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site(sample_site)  # the fixture wrote the files a moment ago: too recent to trust
    read = reads_of_articles(monkeypatch)
    build_site(sample_site)
    assert sorted(read) == sorted(p.name for p in (sample_site / "content" / "articles").iterdir())


def test_a_file_not_read_is_read_when_the_cache_misses_it(
    sample_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs_module, "_RACY_NS", 0)
    build_site(sample_site)
    with Store(sample_site / CACHE_DIR) as store:
        store.keep_only("article", [])
    (sample_site / "output" / "index.html").unlink()
    read = reads_of_articles(monkeypatch)
    build_site(sample_site)
    assert len(read) == len(list((sample_site / "content" / "articles").iterdir()))
    build_site(sample_site, output=tmp_path / "fresh", use_cache=False)
    assert tree(sample_site / "output") == tree(tmp_path / "fresh")


@pytest.mark.parametrize("count", [3, 30])  # extracted here, and by worker processes
def test_a_file_changed_after_its_key_was_made_is_filed_under_its_new_key(
    tmp_path: Path, count: int
) -> None:
    from timeline.build.parallel import Workers

    site = tmp_path / "site"
    many_articles(site, count)
    (site / "timeline.toml").write_text('title = "T"\n', encoding="utf-8")
    config = load_config(site)
    read = read_articles(config)
    path = site / "content" / "articles" / "report-001.md"
    relative = "content/articles/report-001.md"
    old = file_key(relative, path.read_bytes(), read.stats.salt)
    new_bytes = path.read_bytes().replace(b"Shelling hit", b"Drones hit")
    path.write_bytes(new_bytes)  # after its key was made, before it is extracted
    with Store(site / CACHE_DIR) as store, Workers(2) as workers:
        loaded = load_site(config, read, store, workers)
        new = file_key(relative, new_bytes, read.stats.salt)
        assert old != new and old in {f.key for f in read.files}
        assert new in {a.key for a in loaded.articles}
        assert store.keys("article") == {a.key for a in loaded.articles}
        body = store.get("body", new)
        assert body is not None and "Drones hit" in json.loads(body)[0]
        assert len(store.keys("body")) == count


def test_a_file_gone_before_it_is_extracted_fails_the_build(tmp_path: Path) -> None:
    from timeline.errors import BuildFailed

    site = tmp_path / "site"
    many_articles(site, 3)
    (site / "timeline.toml").write_text('title = "T"\n', encoding="utf-8")
    config = load_config(site)
    read = read_articles(config)
    (site / "content" / "articles" / "report-002.md").unlink()
    with pytest.raises(BuildFailed) as failed:
        load_site(config, read)
    [error] = failed.value.errors
    assert error.location.path.endswith("report-002.md") and error.location.line == 1
    assert error.message.startswith("cannot read: ")
