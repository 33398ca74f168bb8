"""Importance: every entry's place in one order, from the evidence of the collection.

Nothing here is set by hand per topic. An entry's score is made of named parts, each a
count taken from the collection (docs/events.md, "Key events"):

- ``reports``: the distinct articles among its sources;
- ``outlets``: the distinct outlets among them;
- ``day``: the distinct articles whose dated clauses, of any kind, point at its day
  ("on Tuesday", "the April 20 explosion", "since 7 October"), or that were published on
  it and tell it as the day's news (reports, whose text dates something);
- ``recalls``: those of them published a week or more after it, when it is no longer the
  day's news but remembered; none unless at least ``MIN_RECALLS`` of them do (one later
  article naming a day is a passing mention, a listing's "Easter", or a misread year);
- ``echo``: how many of the articles that tell of its day share its words, a rare word
  counting more than a common one (how many tell this happening rather than another of
  the same day, even where their reports did not merge);
- ``story``: how many of the articles' tellings, of any day, share its words, a word
  weighted by its rarity (what the collection is about, rather than page furniture, a
  programme listing or an aside that happened to be printed on its pages).

``day``, ``recalls`` and ``echo`` need a day: "in January" points at no happening in
particular, so an entry known only to a week or coarser has none of them. What the
collection says of each day is gathered in ``mentions.py``.

Each part adds ``log(1 + count)``: the second article counts more than the twentieth. The
sum is multiplied by the entry's ``kind`` (an expected happening counts half), its
``attribution`` (a date that only says when someone spoke counts a little less than a
happening), its ``text`` (one that needs its article counts a little less), whether it
is a ``retelling`` of a higher entry of its day (half: one happening told by two entries is
told once where the day's entries are read) and its ``dating`` (an entry that only the
publication of articles dating nothing dates, an opinion piece's or a feature's, counts a
little less). Ties go to the smaller id, so the order is
total and the same on every build.

The key events are the first of the order but for an entry of a day that a higher entry
already has: the day's evidence (``day``, ``recalls``) counts once when they are chosen, so
they are distinct happenings (``Evidence.key_score``).

Editors can pin an entry among the key events or drop it from them
(``content/corrections.toml``): pinned entries rank first, dropped ones last.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from timeline.merge.entries import report_text, text_choice
from timeline.merge.mentions import DateMentions, day_of
from timeline.merge.readable import needs_context
from timeline.merge.similarity import content_words
from timeline.merge.text import clean_text
from timeline.merge.traits import Traits, words_text
from timeline.model import (
    ArticleEvents,
    Entry,
    EventKind,
    Source,
)

WEIGHTS: Mapping[str, float] = {
    "reports": 1.0,
    "outlets": 1.0,
    "day": 1.0,
    "recalls": 1.0,
    "echo": 1.0,
    "story": 1.0,
}
"""How much each part's ``log(1 + count)`` adds to the score."""
KIND_FACTORS: Mapping[EventKind, float] = {EventKind.HAPPENED: 1.0, EventKind.EXPECTED: 0.5}
STATEMENT_FACTOR = 0.9
"""The attribution part: an entry whose every source is dated only by when someone spoke."""
CONTEXT_FACTOR = 0.9
"""The text part: an entry whose text needs its article to be read ("They were freed late on
Thursday.", "Since then, ...")."""
UNDATED_FACTOR = 0.9
"""The dating part: an entry told only by articles whose text dates nothing (an opinion
piece, a feature, a listing), dated by their publication alone."""
DOUBLE_FACTOR = 0.5
"""The retelling part: an entry whose text says what a higher entry of its day says."""
MIN_DOUBLE_OVERLAP = 0.5
"""The share of two texts' content words (of the words either says) that makes the lower one
a retelling of the higher."""
DOUBLE_WINDOW = 10
"""How many of a day's best entries a lower entry of the day is compared with: a retelling
matters where the day's first entries are read, and a day of thousands stays linear."""
_DAY_PARTS = frozenset({"day", "recalls"})
"""The parts that are the day's rather than the entry's."""
MIN_KEY_EVENTS = 10
MAX_KEY_EVENTS = 150


_SPOKEN = re.compile(
    r"\b(?:said|says|told|tells|stated|added|claimed|insisted|warned|confirmed|denied|"
    r"announced|declared)\b[^.;:!?]{0,30}$",
    re.IGNORECASE,
)
_SPOKEN_AFTER = re.compile(
    r"^,?\s*(?:\w+\s+){0,3}?(?:said|says|told|stated|added|claimed|insisted|warned|"
    r"confirmed|denied|announced|declared)\b",
    re.IGNORECASE,
)

# A report in the present perfect ("Israel and Hamas have agreed", "has been found guilty")
# tells what was just done: the day it was told is its day. Not a state that lasts ("has
# entered the Gulf since 15 July") nor a denial ("has not agreed", "No oil has leaked").
_JUST_DONE = re.compile(
    r"(?i)\b(?:has|have)\s+(?:(?:now|just|finally|also|formally|already)\s+)?(?:been\s+)?"
    r"(?!(?:been|had|not|never|said|told|stated|added|claimed|warned|insisted|confirmed|"
    r"denied|announced|declared|reported)\b)[a-z]+(?:ed|en|wn|ght|nd|un|ung|t|ne|de|won|ck|"
    r"ld|ot)\b(?P<rest>[^,;:.]*)"
)
_LASTING = re.compile(r"(?i)\b(?:since|for\s+(?:\w+\s+)?(?:days|weeks|months|years))\b")
_DENIED = re.compile(r"(?i)\b(?:no|never|nothing|none|neither|nor)\b[^,;:.]*$")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the collection says about one entry's importance, part by part."""

    reports: int
    outlets: int
    day: int
    recalls: int
    echo: float
    story: float = 0.0
    kind: EventKind = EventKind.HAPPENED
    statement: bool = False
    """True when every source's date only says when someone spoke ("X said on Tuesday")."""
    needs_context: bool = False
    """True when the entry's text cannot be read without its article (``needs_context``)."""
    first_of_day: bool = True
    """False when another entry of its day scores higher: the day's evidence (``day`` and
    ``recalls``) is that entry's, counted once for the day when key events are chosen."""
    double: bool = False
    """True when its text says what a higher entry of its day says (``is_double``): one
    happening that two entries tell, told once where the day's entries are read."""
    undated: bool = False
    """True when no article among its sources dates anything in its text: an opinion
    piece's, a feature's or a listing's sentence, which only its publication dates."""

    def points(self, weights: Mapping[str, float] = WEIGHTS) -> dict[str, float]:
        """What each counted part adds to the score, by its name."""
        counts = {
            "reports": self.reports,
            "outlets": self.outlets,
            "day": self.day,
            "recalls": self.recalls,
            "echo": self.echo,
            "story": self.story,
        }
        return {name: weights[name] * math.log1p(value) for name, value in counts.items()}

    def factor(self) -> float:
        """The kind's factor times the attribution's, the text's, the retelling's and the
        dating's."""
        kind = KIND_FACTORS.get(self.kind, 1.0)
        said = STATEMENT_FACTOR if self.statement else 1.0
        read = CONTEXT_FACTOR if self.needs_context else 1.0
        dated = UNDATED_FACTOR if self.undated else 1.0
        return kind * said * read * dated * (DOUBLE_FACTOR if self.double else 1.0)

    def score(self, weights: Mapping[str, float] = WEIGHTS) -> float:
        """The sum of the points times the factor, rounded so that no last bit decides."""
        return round(math.fsum(self.points(weights).values()) * self.factor(), 9)

    def key_score(self, weights: Mapping[str, float] = WEIGHTS) -> float:
        """The score that chooses the key events: without the day's evidence when a higher
        entry of its day has it (a second entry of a day is key on evidence of its own)."""
        if self.first_of_day:
            return self.score(weights)
        points = self.points(weights)
        own = math.fsum(v for name, v in points.items() if name not in _DAY_PARTS)
        return round(own * self.factor(), 9)


def entry_traits(entry: Entry) -> Traits:
    """What the evidence reads of the entry alone (``traits.py``), worked out."""
    statement = bool(entry.sources) and all(is_statement(s) for s in entry.sources)
    told, words = told_words(entry), content_words(entry.text)
    text = words_text(told)
    return Traits(text, text if words == told else words_text(words), statement,
                  needs_context(entry.text))  # fmt: skip


def collection_evidence(
    entries: Sequence[Entry],
    articles: Iterable[ArticleEvents],
    mentions: DateMentions | None = None,
    traits: Callable[[Entry], Traits] = entry_traits,
) -> dict[str, Evidence]:
    """The evidence for every entry, by id, from the entries and every event of the
    collection (of any kind but page furniture, set aside or not).

    An entry is ``first_of_day`` when no entry of its day scores higher: when key events are
    chosen, a day's evidence (``day``, ``recalls``) counts for that entry only. It is a
    ``double`` when its text says what one of the day's ``DOUBLE_WINDOW`` best entries above
    it says (``is_double``). A caller that knows what the articles say of each day already
    passes it as ``mentions``, and one that keeps each entry's ``Traits`` ``traits``."""
    if mentions is None:
        mentions = DateMentions(event for article in articles for event in article.events)
    own = {entry.id: traits(entry) for entry in entries}
    found = {entry.id: _evidence(entry, mentions, own[entry.id]) for entry in entries}
    higher: dict[dt.date, list[frozenset[str]]] = {}
    for entry in sorted(entries, key=lambda e: (-found[e.id].score(), e.id)):
        day = day_of(entry.date)
        if day is None:
            continue
        words = own[entry.id].text_words()
        above = higher.setdefault(day, [])
        if above:
            double = any(is_double(words, told) for told in above)
            found[entry.id] = replace(found[entry.id], first_of_day=False, double=double)
            if double:
                continue
        if len(above) < DOUBLE_WINDOW:
            above.append(words)
    return found


def is_double(words: frozenset[str], above: frozenset[str]) -> bool:
    """Whether a text whose content words are ``words`` retells one whose words are
    ``above``: they share at least ``MIN_DOUBLE_OVERLAP`` of the words either says."""
    shared = len(words & above)
    return shared > 0 and shared >= MIN_DOUBLE_OVERLAP * len(words | above)


def rank_entries(
    entries: Sequence[Entry],
    articles: Sequence[ArticleEvents],
    *,
    key_events: int | None = None,
    pinned: Collection[str] = (),
    dropped: Collection[str] = (),
    weights: Mapping[str, float] = WEIGHTS,
    mentions: DateMentions | None = None,
    traits: Callable[[Entry], Traits] = entry_traits,
) -> tuple[Entry, ...]:
    """The entries in the order given, each with its ``rank`` and whether it is ``key``.

    ``key_events`` is how many are key (by default ``key_event_count``); ``pinned`` and
    ``dropped`` are ids of entries (or of one of their sources' events) that an editor put
    among the key events or took out of them. ``mentions``: what the articles say of each
    day, when the caller knows it, and ``traits`` (``collection_evidence``).
    """
    evidence = collection_evidence(entries, articles, mentions, traits)
    pins, drops = _entry_ids(entries, pinned), _entry_ids(entries, dropped)
    scores = {entry_id: found.score(weights) for entry_id, found in evidence.items()}

    def place(entry: Entry) -> tuple[int, float, str]:
        group = 0 if entry.id in pins else 2 if entry.id in drops else 1
        return (group, -scores[entry.id], entry.id)

    ordered = sorted(entries, key=place)
    count = key_events if key_events is not None else key_event_count(articles, entries)
    keys = _key_ids(ordered, evidence, pins, drops, max(count, len(pins)), weights)
    ranks = {entry.id: number for number, entry in enumerate(ordered, start=1)}
    return tuple(replace(e, rank=ranks[e.id], key=e.id in keys) for e in entries)


def _key_ids(
    ordered: Sequence[Entry],
    evidence: Mapping[str, Evidence],
    pins: Collection[str],
    drops: Collection[str],
    count: int,
    weights: Mapping[str, float],
) -> set[str]:
    """The ids of the ``count`` key events: the pinned entries, then the best by
    ``key_score``, so that they are distinct happenings (a second entry of a day is key only
    on evidence of its own), never a dropped one. Ties go to the better rank."""
    chosen = {e.id for e in ordered if e.id in pins}
    place = {entry.id: number for number, entry in enumerate(ordered)}
    others = [e.id for e in ordered if e.id not in pins and e.id not in drops]
    others.sort(key=lambda i: (-evidence[i].key_score(weights), place[i]))
    chosen.update(others[: max(0, count - len(chosen))])
    return chosen


def key_event_count(articles: Sequence[ArticleEvents], entries: Sequence[Entry]) -> int:
    """How many key events a collection has when the config does not say.

    Ten for every square root of the months its articles span, but no more than three for
    every square root of its articles; at least 10 and at most 150 (newsroom timelines of a
    war hold 15 to 150 lines), and never more than a third of the entries (a selection, not
    the record again).
    """
    published = [x.article.published_date for x in articles]
    most = -(-len(entries) // 3)
    if not published:
        return min(MIN_KEY_EVENTS, most)
    months = ((max(published) - min(published)).days + 1) / 30.44
    by_span = round(10 * math.sqrt(months))
    by_size = round(3 * math.sqrt(len(published)))
    return min(max(MIN_KEY_EVENTS, min(MAX_KEY_EVENTS, by_span, by_size)), most)


def is_statement(source: Source) -> bool:
    """True when the source's date only says when someone spoke: "X said on Tuesday"."""
    expression = source.expression
    if expression is None:
        return False
    at = source.sentence.find(expression.text)
    if at < 0:
        return False
    before, after = source.sentence[:at], source.sentence[at + len(expression.text) :]
    if _just_done(before) or _just_done(after):
        return False  # "have agreed ..., the minister announced on Wednesday": done that day
    if _SPOKEN.search(before):  # "said on Tuesday", "told reporters on Monday"
        return True
    # "On Monday, the spokesman said": the date opens the sentence and the speaker follows;
    # not "Hamas freed them on Sunday, officials said", where it dates what was freed.
    return not before.strip() and bool(_SPOKEN_AFTER.match(after))


def _just_done(text: str) -> bool:
    """Whether ``text`` reports what was just done, in the present perfect."""
    return any(
        not _LASTING.search(found.group("rest")) and not _DENIED.search(text[: found.start()])
        for found in _JUST_DONE.finditer(text)
    )


def told_words(entry: Entry) -> frozenset[str]:
    """The content words of the report that gives an entry its text (``text_choice``), as
    its page printed it (``clean_text``, not ``report_text``): a headline run into the lead
    counts, for it is the newsroom's own summary of what happened; the text shown is only
    the lead. An entry whose text no report gives (an editor's) has its text's words."""
    if entry.told is not None:  # the merge chose it: report_text of it is the entry's text
        return content_words(clean_text(entry.sources[entry.told].sentence))
    if entry.sources:
        sentences = [source.sentence for source in entry.sources]
        chosen = sentences[text_choice(sentences)]
        if report_text(chosen) == entry.text:
            return content_words(clean_text(chosen))
    return content_words(entry.text)


def _evidence(entry: Entry, mentions: DateMentions, traits: Traits) -> Evidence:
    day = day_of(entry.date)
    words = traits.told_words()
    return Evidence(
        reports=len({source.article.slug for source in entry.sources}),
        outlets=len({source.article.source for source in entry.sources}),
        day=len(mentions.articles.get(day, ())) if day else 0,
        recalls=mentions.recalls(day) if day else 0,
        echo=mentions.echo(day, words) if day else 0.0,
        story=mentions.story(words),
        kind=entry.kind,
        statement=traits.statement,
        needs_context=traits.needs_context,
        undated=bool(entry.sources)
        and not any(source.article.slug in mentions.dating for source in entry.sources),
    )


def _entry_ids(entries: Iterable[Entry], ids: Collection[str]) -> frozenset[str]:
    """The entries named by their own id or by the event id of one of their sources."""
    if not ids:
        return frozenset()
    return frozenset(
        entry.id
        for entry in entries
        if entry.id in ids or any(source.event_id in ids for source in entry.sources)
    )
