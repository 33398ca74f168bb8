"""What the merge keeps between builds: the merge record and the tags that fit each entry.

Both are kept in the store under a salt of the program and the corrections: another
program or another set of corrections is another merge. Each is data
(``kept_codec.py``), and each is only ever a shortcut: what it gives is what working it out
again gives.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from timeline.build.inputs import code_fingerprint, input_signature
from timeline.build.store import Store, dumps
from timeline.model import ArticleEvents, Entry, Timeline

if TYPE_CHECKING:
    from timeline.build import Loaded
    from timeline.merge import BlockKey
    from timeline.merge.mentions import DateMentions, MentionPart, MentionSum
    from timeline.merge.record import MergeRecord

log = logging.getLogger(__name__)

_MERGE = "merge"
_TAGS = "tags"
_MENTIONS = "mentions"
_MENTION_SUM = "mention-sum"
_MENTIONS_WRITTEN = 200
"""How many articles' parts of the day mentions are written to the store at a time."""


@dataclass(slots=True)
class TagMemo:
    """The tags that fit an entry (``merge.tags.fitting_tags``), by a digest of all that
    function reads of it: an entry told as before is not searched for its tags again."""

    known: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The fitting tags, by the digest of an entry's tags and words (``tags_key``)."""
    used: set[str] = field(default_factory=set)
    """The digests the last ``fit`` looked up: what the next build can use."""
    worked: int = 0
    """How many entries the last ``fit`` searched for their tags (the others were known)."""

    def fit(self, entries: Iterable[Entry]) -> tuple[Entry, ...]:
        """``merge.tags.fit_tags``: every entry with only the tags that fit it."""
        from timeline.merge.tags import fitting_tags

        self.used, self.worked = set(), 0
        fitted = []
        for entry in entries:
            if entry.curated or not entry.tags:
                tags = fitting_tags(entry)  # no search: the editor's tags, or none
            else:
                key = tags_key(entry)
                self.used.add(key)
                found = self.known.get(key)
                if found is None:
                    found = self.known[key] = fitting_tags(entry)
                    self.worked += 1
                tags = found
            fitted.append(entry if tags == entry.tags else replace(entry, tags=tags))
        return tuple(fitted)


def tags_key(entry: Entry) -> str:
    """A digest of what ``fitting_tags`` reads of an entry not curated: its tags, in their
    order, and the words they must be named in (``merge.tags.tag_words``)."""
    from timeline.merge.tags import tag_words

    told = "\0".join([*entry.tags, "", tag_words(entry)])
    return hashlib.blake2b(told.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def merge_salt(loaded: Loaded) -> str:
    """What the kept merge is of: the program and the corrections (which re-date events
    before the merge: another set of them is another merge)."""
    pieces = [code_fingerprint(("",)).encode(), repr(loaded.corrections).encode()]
    return input_signature(pieces)


def merge_kept(loaded: Loaded, store: Store) -> Timeline:
    """``make_timeline``, starting from the merge record and the entries' tags the store
    holds for the same program and corrections, and leaving this build's there: the rows
    of the articles and date blocks that changed, and the parts kept whole."""
    from timeline.build import corrected_articles, make_timeline
    from timeline.merge import MergeMemo
    from timeline.merge.record import EntryTraits, memo_from, record_of

    # The record is of the events as corrected (re-dated, restored, dropped): the merge's.
    corrected = corrected_articles(loaded.articles, loaded.corrections)
    articles = [(article.key, article.events) for article in corrected]
    salt = merge_salt(loaded)
    ids = {e.id: e.id for _, events in articles for e in events}  # the record shares them
    record, had = _stored_record(store, salt, ids)
    del ids
    memo = memo_from(record, articles) if record is not None else MergeMemo()
    memo.once = True  # merged once, then recorded: what only another merge reads goes
    traits = EntryTraits(record, memo)  # what the ranking reads of each kept entry alone
    del record
    tags = kept_tags(store, salt)
    # Worked out when the ranking asks, after the merge (the peak of a build), as before.
    timeline = make_timeline(
        loaded, memo, tags, lambda: kept_mentions(store, salt, corrected), traits
    )
    log.debug("merge: %d blocks merged, %d kept", memo.merged, len(memo.blocks) - memo.merged)
    compared = memo.compared
    log.debug(
        "coarse mentions: %d compared with every finer entry, %d with the new ones, %d kept",
        compared.whole, compared.partly, len(memo.folded) - compared.whole - compared.partly,
    )  # fmt: skip
    log.debug("tags: %d entries searched, %d known", tags.worked, len(tags.used) - tags.worked)
    log.debug("ranking: %d entries' own traits worked out, the others kept", traits.worked)
    made = record_of(memo, articles, traits)
    del traits
    remerged = memo.remerged
    del memo  # before the record is written: it holds every event's words and block
    _keep_record(store, salt, made, had, remerged)
    keep_tags(store, salt, tags)
    store.commit()
    return timeline


def _stored_record(
    store: Store, salt: str, ids: dict[str, str] | None = None
) -> tuple[MergeRecord | None, set[str]]:
    """The merge record the store holds under ``salt``, and the names of its rows; None
    and no rows when it has none, or one that is not whole or does not decode. Its rows
    are read and decoded one at a time, each event id the string of ``ids`` that holds
    it (``kept_codec.record_of_rows``)."""
    from timeline.build.kept_codec import RECORD_PARTS, record_of_rows

    prefix = f"{salt}:"
    names = {key[len(prefix) :] for key in store.keys(_MERGE) if key.startswith(prefix)}
    if not set(RECORD_PARTS) <= names:
        return None, set()
    seen: set[str] = set()

    def rows() -> Iterator[tuple[str, bytes]]:
        for key, value in store.scan(_MERGE, prefix):
            seen.add(key[len(prefix) :])
            yield key[len(prefix) :], value

    try:
        record = record_of_rows(rows(), ids)
    except (ValueError, TypeError, KeyError, IndexError, UnicodeDecodeError):
        log.info("ignoring a merge record that does not decode")
        return None, set()
    if seen != names:  # a row damaged (and left out): without it the record is not whole
        log.info("ignoring a merge record with a damaged row")
        return None, set()
    return record, names


def _keep_record(
    store: Store, salt: str, made: MergeRecord, had: set[str], remerged: Collection[BlockKey]
) -> None:
    """Write the rows of ``made`` that the store does not hold as they are (those of the
    articles whose key is new and of the blocks merged again or new) and the parts kept
    whole; remove the rows of what is gone. An article under the same key has the same
    events (its key is of its bytes, and the salt of the corrections), and a block not
    merged again has the members, words and entries it had: their rows are as stored."""
    from timeline.build.kept_codec import ARTICLE_ROW, RECORD_PARTS, block_row, record_rows

    articles = [key for key in made.articles if ARTICLE_ROW + key not in had]
    changed = set(remerged)
    blocks = [key for key in made.blocks if key in changed or block_row(key) not in had]
    log.debug("merge record: %d article and %d block rows written", len(articles), len(blocks))
    rows = record_rows(made, articles=articles, blocks=blocks)
    store.put_many(_MERGE, ((f"{salt}:{name}", data) for name, data in rows))
    names = [*(ARTICLE_ROW + key for key in made.articles), *map(block_row, made.blocks)]
    store.keep_only(_MERGE, [f"{salt}:{name}" for name in (*names, *RECORD_PARTS)])


def kept_mentions(store: Store, salt: str, articles: Iterable[ArticleEvents]) -> DateMentions:
    """What the articles (as corrected) say of each day (``merge.mentions``): the sum of
    each article's part, kept in the store by the article's key under ``salt``, and the sum
    itself (``MentionSum``): the parts of the articles gone since are taken out of it, those
    of the articles new are added. Only the parts of the articles the store does not hold
    (or holds damaged) are worked out, and stored. The parts of articles gone are removed.
    Without a sound sum of the parts kept, every part is added up again."""
    from timeline.build.kept_codec import MentionReader, mention_part_json
    from timeline.merge.mentions import MentionSum, mention_part

    articles = list(articles)
    keys = [f"{salt}:{article.key}" for article in articles]
    reader = MentionReader()
    made: list[tuple[str, bytes]] = []
    worked = 0

    def parts(
        found: dict[str, bytes], wanted: list[tuple[str, ArticleEvents]]
    ) -> Iterator[MentionPart]:
        nonlocal worked
        for key, article in wanted:  # one at a time, each added up as it comes
            data = found.pop(key, None)
            if data is not None:
                try:
                    yield reader.part(data)
                    continue
                except (ValueError, TypeError, IndexError, UnicodeDecodeError):
                    log.info("ignoring what an article says of days that does not decode")
            # Each clause's words are read for its article alone: kept for every article, they
            # were 25 MiB at 10,000 articles when the ranking starts (round sixteen).
            part = mention_part(article.events)
            made.append((key, mention_part_json(part)))
            worked += 1
            if len(made) == _MENTIONS_WRITTEN:  # written as they come, never all held
                store.put_many(_MENTIONS, made)
                made.clear()
            yield part

    total = _updated_sum(store, salt, keys, articles, parts)
    whole = total is None  # every day's row written, not only those the parts changed
    if total is None:
        total = MentionSum()
        for part in parts(store.get_many(_MENTIONS, keys), list(zip(keys, articles, strict=True))):
            total.add(part)
    log.debug("mentions: %d articles' parts worked out, %d kept", worked, len(keys) - worked)
    store.put_many(_MENTIONS, made)
    store.keep_only(_MENTIONS, keys)
    _keep_sum(store, salt, keys, total, whole)
    return total.handed_over()


def _keep_sum(store: Store, salt: str, keys: list[str], total: MentionSum, whole: bool) -> None:
    """Keep ``total``, the sum of the parts under ``keys``, by rows: its head, and the row
    of each day (``whole``) or of each day the parts added and taken out changed (the
    others are as the store holds them); remove the rows of days it no longer has."""
    from timeline.build.kept_codec import SUM_DAY, SUM_HEAD, mention_sum_rows

    rows = mention_sum_rows(keys, total, None if whole else total.changed)
    store.put_many(_MENTION_SUM, ((f"{salt}:{name}", data) for name, data in rows))
    days = total.pointed.keys() | total.own.keys() | total.echoes.keys()
    names = [SUM_HEAD, *(SUM_DAY + day.isoformat() for day in days)]
    store.keep_only(_MENTION_SUM, [f"{salt}:{name}" for name in names])


def _updated_sum(
    store: Store,
    salt: str,
    keys: list[str],
    articles: list[ArticleEvents],
    parts: Callable[[dict[str, bytes], list[tuple[str, ArticleEvents]]], Iterator[MentionPart]],
) -> MentionSum | None:
    """The sum of the parts the store holds under ``salt``, the parts of the articles gone
    since (kept under keys not among ``keys``) taken out and those of the articles new added
    (``parts`` of them); None when the store holds no sum, or one that does not decode or
    does not fit the parts kept."""
    from timeline.build.kept_codec import SUM_HEAD, MentionReader, mention_sum_of_rows

    prefix = f"{salt}:"
    if prefix + SUM_HEAD not in store.keys(_MENTION_SUM):
        return None
    try:
        rows = ((key[len(prefix) :], data) for key, data in store.scan(_MENTION_SUM, prefix))
        of, total = mention_sum_of_rows(rows)
        gone = sorted(of.difference(keys))
        old = store.get_many(_MENTIONS, gone)
        reader = MentionReader()
        for key in gone:
            total.take_out(reader.part(old[key]))
        new = [(key, article) for key, article in zip(keys, articles, strict=True) if key not in of]
        for part in parts(store.get_many(_MENTIONS, [key for key, _ in new]), new):
            total.add(part)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, UnicodeDecodeError):
        log.info("ignoring a sum of what the articles say of days that does not fit its parts")
        return None
    log.debug(
        "mentions: %d articles' parts taken out of the kept sum, %d added", len(gone), len(new)
    )
    return total


def kept_tags(store: Store, salt: str) -> TagMemo:
    """The tags the last build found fitting its entries, if it ran the same program with
    the same corrections; none when they do not decode."""
    found = store.get(_TAGS, salt)
    if found is None:
        return TagMemo()
    try:
        known = json.loads(found)
        return TagMemo({str(k): tuple(str(t) for t in v) for k, v in known.items()})
    except (ValueError, TypeError, AttributeError, UnicodeDecodeError):
        log.info("ignoring kept tags that do not decode")
        return TagMemo()


def keep_tags(store: Store, salt: str, tags: TagMemo) -> None:
    """Keep the tags of the entries of this build (those of no entry now are dropped),
    unless they are what the store holds already."""
    if tags.worked == 0 and len(tags.used) == len(tags.known):
        return  # every entry known, none gone: the store holds just these
    kept = {key: list(tags.known[key]) for key in sorted(tags.used)}
    store.put(_TAGS, salt, dumps(kept).encode())
    store.keep_only(_TAGS, [salt])
