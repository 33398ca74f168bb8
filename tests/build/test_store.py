"""The build cache, parallel extraction and unchanged files: faster, never different."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import timeline.build as build_module
import timeline.build.store as store_module
from tests.helpers import tree, write_article
from timeline.build import build_site
from timeline.build.store import (
    CACHE_DIR,
    ShardedStore,
    article_file,
    load_cache,
    load_last_build,
    save_cache,
    save_last_build,
)
from timeline.extract import extract_article
from timeline.load import parse_article


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
    assert (sample_site / CACHE_DIR).is_dir()
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
    # A part that names no file would drop out of the extraction cache's key unnoticed
    # (a folder that is gone hashes nothing), e.g. after a module moved.
    package = Path(store_module.__file__).resolve().parents[1]
    missing = [p for p in store_module._EXTRACTION_CODE if not (package / p).exists()]
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


def test_a_damaged_cache_is_rebuilt_not_trusted(sample_site: Path) -> None:
    build_site(sample_site)
    before = tree(sample_site / "output")
    files = [p for p in (sample_site / CACHE_DIR).rglob("*") if p.is_file()]
    assert {p.parent.name for p in files} >= {"extractions", "doubts"}
    for damaged in files:
        damaged.write_bytes(b"not a pickle at all")
    assert "render" in build_site(sample_site).timings
    assert tree(sample_site / "output") == before
    for path in files:  # each written again, readable
        if path.name == "merge.pickle":  # a header, a pickle, its digest
            assert path.read_bytes().startswith(b"timeline merge record 2\n")
        else:
            assert isinstance(pickle.loads(path.read_bytes())[0], int)


def test_every_kind_of_damaged_shard_is_a_miss(tmp_path: Path) -> None:
    store: ShardedStore[str] = ShardedStore("things", 3)
    keys = [f"{prefix}{n}" for prefix in ("0a", "0b", "ff") for n in range(3)]
    values = {key: f"value of {key}" for key in keys}
    store.save(tmp_path, "salt", values)
    assert store.load(tmp_path, "salt") == values
    shards = tmp_path / "things"
    assert sorted(p.name for p in shards.iterdir()) == ["0a.pickle", "0b.pickle", "ff.pickle"]
    (shards / "0a.pickle").write_bytes(b"\x80\x05damaged")
    (shards / "0b.pickle").write_bytes(pickle.dumps((2, "salt", {"0b0": "x"})))  # old format
    (shards / "ff.pickle").write_bytes(pickle.dumps((3, "salt", {"0a9": "misfiled"})))
    assert store.load(tmp_path, "salt") == {}
    store.save(tmp_path, "salt", values)
    assert store.load(tmp_path, "salt") == values
    assert store.load(tmp_path, "other salt") == {}
    (shards / "ff.pickle").unlink()
    assert store.load(tmp_path, "salt") == {k: v for k, v in values.items() if k[:2] != "ff"}


def test_a_save_rewrites_only_the_shards_whose_keys_changed(tmp_path: Path) -> None:
    store: ShardedStore[str] = ShardedStore("things", 1)
    values = {"0a1": "a", "0b1": "b", "0c1": "c"}
    store.save(tmp_path, "salt", values)
    shards = tmp_path / "things"
    inodes = {p.name: p.stat().st_ino for p in shards.iterdir()}
    loaded = store.load(tmp_path, "salt")
    changed = {"0a1": "a", "0b2": "new", "0d1": "d"}
    store.save(tmp_path, "salt", changed, loaded)
    assert store.load(tmp_path, "salt") == changed
    assert sorted(p.name for p in shards.iterdir()) == ["0a.pickle", "0b.pickle", "0d.pickle"]
    assert (shards / "0a.pickle").stat().st_ino == inodes["0a.pickle"]
    assert (shards / "0b.pickle").stat().st_ino != inodes["0b.pickle"]


def test_the_cache_of_one_big_file_is_replaced(sample_site: Path) -> None:
    old = sample_site / CACHE_DIR / "extractions.pickle"
    old.parent.mkdir()
    old.write_bytes(pickle.dumps((1, "salt", {})))
    build_site(sample_site)
    assert not old.exists()
    assert any((sample_site / CACHE_DIR / "extractions").iterdir())


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
    for shard in (sample_site / CACHE_DIR / "doubts").iterdir():
        shard.write_bytes(pickle.dumps((1, "another program", {})))
    path.write_text(path.read_text(encoding="utf-8") + "\nAgain.\n", encoding="utf-8")
    assert build_site(sample_site, output=sample_site / "two").warnings == cached


def test_cache_of_another_program_or_setting_is_ignored(tmp_path: Path) -> None:
    text = "---\ntitle: T\npublished: 2025-02-03\n---\n\nTalks began on 3 February 2025.\n"
    extraction = extract_article(parse_article(text, "a.md"))
    key = article_file("a.md", text.encode(), "salt-1").key
    save_cache(tmp_path, "salt-1", {key: extraction})
    assert load_cache(tmp_path, "salt-1") == {key: extraction}
    assert load_cache(tmp_path, "salt-2") == {}
    assert article_file("a.md", text.encode(), "salt-2").key != key
    assert article_file("b.md", text.encode(), "salt-1").key != key


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
    monkeypatch.setattr(build_module, "_RACY_NS", 0)  # the files were written just now
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
    folder = sample_site / CACHE_DIR
    record = load_last_build(folder)
    assert record is not None and record.articles is not None
    later = replace(record.articles, read_at=record.articles.read_at + 3600 * 10**9)
    save_last_build(folder, replace(record, articles=later))
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
    monkeypatch.setattr(build_module, "_RACY_NS", 0)
    build_site(sample_site)
    shutil.rmtree(sample_site / CACHE_DIR / "extractions")
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
    from timeline.build import load_site, read_articles
    from timeline.config import load_config

    site = tmp_path / "site"
    many_articles(site, count)
    (site / "timeline.toml").write_text('title = "T"\n', encoding="utf-8")
    config = load_config(site)
    read = read_articles(config)
    assert all(f.data is None for f in read.files)  # the build holds keys, not bytes
    path = site / "content" / "articles" / "report-001.md"
    old = article_file("content/articles/report-001.md", path.read_bytes(), read.salt).key
    new_bytes = path.read_bytes().replace(b"Shelling hit", b"Drones hit")
    path.write_bytes(new_bytes)  # after its key was made, before it is extracted
    loaded = load_site(config, articles=read, jobs=2)
    assert any("Drones hit" in x.article.text for x in loaded.extractions)
    cached = load_cache(site / CACHE_DIR, read.salt)
    new = article_file("content/articles/report-001.md", new_bytes, read.salt).key
    assert old != new and old in {f.key for f in read.files}
    assert new in cached and old not in cached
    assert "Drones hit" in cached[new].article.text
    assert len(cached) == count


def test_a_file_gone_before_it_is_extracted_fails_the_build(tmp_path: Path) -> None:
    from timeline.build import load_site, read_articles
    from timeline.config import load_config
    from timeline.errors import BuildFailed

    site = tmp_path / "site"
    many_articles(site, 3)
    (site / "timeline.toml").write_text('title = "T"\n', encoding="utf-8")
    config = load_config(site)
    read = read_articles(config)
    (site / "content" / "articles" / "report-002.md").unlink()
    with pytest.raises(BuildFailed) as failed:
        load_site(config, articles=read)
    [error] = failed.value.errors
    assert error.location.path.endswith("report-002.md") and error.location.line == 1
    assert error.message.startswith("cannot read: ")
