"""What the ranking and the tags read, kept in memory between serve's rebuilds.

``timeline build`` keeps in its store (``build/kept.py``) what the articles say of each day
(a sum of each article's part, ``merge.mentions.MentionSum``), what the ranking read of each
entry alone (``merge.rank.entry_traits``) and the tags that fit each entry (``TagMemo``).
Serve keeps the same in memory: on a rebuild only the parts of the articles that changed
are taken out of the sum and added to it, only the entries the merge made anew are read
again, and only they are searched for their tags. Each is only ever a shortcut: what it
gives is what working it out again gives (``tests/serve/test_ranking.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from timeline.build import corrected_articles
from timeline.build.kept import TagMemo
from timeline.made import Made
from timeline.merge.mentions import DateMentions, MentionSum, mention_part
from timeline.merge.rank import entry_traits
from timeline.merge.traits import Traits
from timeline.model import ArticleEvents, Correction, Entry


class MentionMemo:
    """What the articles (as corrected) say of each day, kept as the sum of each article's
    part (``MentionSum``): the parts of the articles gone are taken out, those of the
    articles new added. An article is known by its key (its file's bytes, path and the
    extraction settings); the part of one gone is made again from its events, which serve
    holds anyway, rather than every part held (the words of every clause of every article)."""

    def __init__(self) -> None:
        self._corrections: tuple[Correction, ...] | None = None
        self._articles: dict[str, ArticleEvents] = {}
        self._sum = MentionSum()
        self.worked = 0
        """How many articles' parts the last ``update`` worked out, taken out or added."""

    def update(
        self, articles: Sequence[ArticleEvents], corrections: tuple[Correction, ...]
    ) -> Callable[[], DateMentions]:
        """Bring the sum to ``articles`` (as loaded; corrected here as the merge corrects
        them) and give what they say of each day, made when the ranking asks for it."""
        if corrections != self._corrections:  # another set re-dates events: every part
            self._corrections, self._articles, self._sum = corrections, {}, MentionSum()
        wanted = {article.key: article for article in corrected_articles(articles, corrections)}
        known, total = self._articles, self._sum
        try:
            gone = [key for key in known if key not in wanted]
            new = [article for key, article in wanted.items() if key not in known]
            for key in gone:  # first: a changed article's new part may name the same page
                total.take_out(mention_part(known.pop(key).events))
            for article in new:
                total.add(mention_part(article.events))
                known[article.key] = article
        except Exception:
            self._corrections = None  # a sum cut short is not the sum of its parts
            raise
        self.worked = len(gone) + len(new)
        total.changed.clear()  # only a keeper of the sum by days reads it
        return total.mentions


class TraitsMemo:
    """``merge.rank.entry_traits`` of each entry, kept by the digest of what the merge made
    it of (``Entry.made``: its id, date, text, kind and every field of its sources) and
    which source gives its text: all the traits read. An entry not as the merge made it
    (an editor's, one a correction changed) is read every time."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[int | None, Traits]] = {}
        self._used: dict[str, tuple[int | None, Traits]] = {}
        self.worked = 0
        """How many entries' traits were worked out since ``next_build``."""

    def next_build(self) -> None:
        """Start a rebuild: what the last one read is kept, whatever no entry read is let go."""
        if self._used:
            self._known, self._used = self._used, {}
        self.worked = 0

    def __call__(self, entry: Entry) -> Traits:
        """The entry's traits (``merge.rank.entry_traits``)."""
        made = entry.made
        if made is None or not _still_made(made, entry):
            self.worked += 1
            return entry_traits(entry)
        found = self._known.get(made.digest)
        if found is None or found[0] != entry.told:
            found = (entry.told, entry_traits(entry))
            self.worked += 1
        self._used[made.digest] = found
        return found[1]


def _still_made(made: Made, entry: Entry) -> bool:
    """Whether ``entry`` is still the one ``made`` is the digest of (compared by value)."""
    found = made.joined(entry.id, entry.date, entry.text, entry.kind, entry.sources,
                        entry.mentions)  # fmt: skip
    return found is not None


class RankingMemo:
    """What serve keeps for ``build.make_timeline`` besides the merge: the day mentions'
    sum, the entries' traits and the tags that fit each entry."""

    def __init__(self) -> None:
        self.mentions = MentionMemo()
        self.traits = TraitsMemo()
        self.tags = TagMemo()

    def next_build(self) -> None:
        """Start a rebuild: the tags no entry of the last one used are let go."""
        self.traits.next_build()
        tags = self.tags
        if tags.used:
            tags.known = {key: tags.known[key] for key in tags.used if key in tags.known}
