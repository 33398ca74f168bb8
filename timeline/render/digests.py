"""Digests of what each page is rendered from, so a rebuild renders only the pages that changed.

A page's digest covers every value its template reads: the entries it shows (all their
fields, and the text, date and page of the entries they react to or that react to them),
the site paths its links point at, its neighbours and the outline, plus a ``salt``
that the build makes of everything global (the program, the config, the theme, the
curation and the build options). Two builds that give a page the same digest render the
same bytes, so the second keeps the first's file.

The salt covers the text of every template, so a site whose templates are copies of the
built-in ones keeps its pages as a site without templates of its own does, and a changed
template renders every page again. A page's digest covers every value its context gives
the template (an article page: the key of the article's bytes and every field of its
events' entries), not only what the built-in templates show of them.

An entry still as the merge made it (``made.Made``, compared by value) is covered by the
digest of what it was made of, which the merge works out once (and keeps with its record
for the blocks it keeps), rather than by its every source again on every build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from timeline.model import ArticleEvents, ArticleRef, DateValue, Entry, Source, TimeExpression
from timeline.render.groups import year_runs
from timeline.render.links import SiteLinks
from timeline.render.listings import Listing, Report
from timeline.render.plan import SOURCES_SHOWN, TimelinePage

_SEP = "\x1f"
"""Between the fields of one value: a character no text of the site holds."""


def _digest(pieces: Iterable[str]) -> str:
    # Each piece after its length in characters: one string encoded and hashed at once
    # (an entry of 15 sources is 20 pieces; 164,000 sources at 10,000 articles).
    text = "".join([f"{len(piece)}:{piece}" for piece in pieces])
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class PageDigests:
    """The digest of every page of one build, each entry's digest worked out once."""

    def __init__(self, salt: str, links: SiteLinks) -> None:
        self._links = links
        # By identity, each value kept beside its digest so that its id is never reused.
        self._entries: dict[int, tuple[Entry, str]] = {}
        self._own_entries: dict[int, tuple[Entry, str]] = {}
        self._refs: dict[int, tuple[ArticleRef, str]] = {}
        self._dates: dict[int, tuple[DateValue, str]] = {}
        """Lean events share their dates: each one's text once."""
        self._salt = _digest(
            [
                salt,
                str(SOURCES_SHOWN),
                repr(sorted(links.tag_slugs.items())),
                repr(sorted(links.outlet_slugs.items())),
            ]
        )
        self._outline = self._outline_digest()

    # ------------------------------------------------------------------ the pages

    def period(
        self, page: TimelinePage, before: TimelinePage | None, after: TimelinePage | None
    ) -> str:
        """A year or month page: its entries by date, its neighbours and the outline."""
        pieces = [self._salt, "period", page.path, page.title, self._outline]
        for neighbour in (before, after):
            pieces += [neighbour.path, neighbour.title] if neighbour else ["", ""]
        for year in page.years:
            pieces.append(f"y{year.year}")
            for month in year.months:
                pieces.append(f"m{month.month}")
                for group in month.dates:
                    pieces.append(self._date(group.date))
                    pieces += [self.entry(e) for e in group.entries]
        return _digest(pieces)

    def article(self, article: ArticleEvents, entries: list[Entry | None]) -> str:
        """An article page: the file it was read from, and each of its events' entries.

        Everything extraction made of the article (its facts, text, expressions and
        events) is a function of the key of its bytes, which covers its path, the program
        and the ``day_first`` setting.
        """
        pieces = [self._salt, "article", article.article.path, article.key]
        for event, entry in zip(article.events, entries, strict=True):
            pieces.append(event.id)
            if entry is not None:
                pieces += [self.entry(entry), self._links.entry(entry)]
            else:
                pieces += ["", ""]
        return _digest(pieces)

    def sources(self, path: str, entry: Entry, part: int, parts: list[str]) -> str:
        """A page listing every source of an entry (or a part of them)."""
        pieces = [self._salt, "sources", path, self.entry(entry), self._links.entry(entry)]
        pieces += [str(part), *parts]
        return _digest(pieces)

    def tag(self, listing: Listing) -> str:
        """A page of a tag's entries."""
        pieces = [self._salt, "tag", *_listing(listing)]
        for entry in listing.items:
            pieces += [self.entry(entry), self._links.entry(entry)]
        return _digest(pieces)

    def outlet(self, listing: Listing) -> str:
        """A page of an outlet's reports."""
        pieces = [self._salt, "outlet", *_listing(listing)]
        for report in listing.items:
            assert isinstance(report, Report)
            pieces += [self._ref(report.ref), report.page or "", str(report.entries)]
        return _digest(pieces)

    # ------------------------------------------------------------------ the parts

    def entry(self, entry: Entry) -> str:
        """Every field of an entry and of each of its sources, and the salt; and, as a page
        shows them beside it, every field and the page of each entry it reacts to and of
        each reaction to it."""
        known = self._entries.get(id(entry))
        if known is not None:
            return known[1]
        pieces = [self._own(entry)]
        for side, linked in (
            ("to", self._links.reacts_to(entry)),
            ("from", self._links.reactions(entry)),
        ):
            pieces.append(f"{side}{len(linked)}")
            pieces += [p for other in linked for p in (self._own(other), self._links.entry(other))]
        digest = _digest(pieces)
        self._entries[id(entry)] = (entry, digest)
        return digest

    def _own(self, entry: Entry) -> str:
        """Every field of an entry and of each of its sources and mentions, and the salt."""
        known = self._own_entries.get(id(entry))
        if known is not None:
            return known[1]
        digest = self._made(entry)
        if digest is None:
            digest = self._whole(entry)
        self._own_entries[id(entry)] = (entry, digest)
        return digest

    def _made(self, entry: Entry) -> str | None:
        """``_own`` of an entry still as the merge made it, read from the digest of what it
        was made of (``made.Made``) rather than from its every source; None for another.

        That digest leaves out the two things here not the entry's own: the fields set
        after the merge (tags, key, related), and whether each source's article has a page
        (the merge made it of the site's articles' events, each with a page: checked).
        """
        made = entry.made
        if made is None:
            return None
        joined = made.joined(
            entry.id, entry.date, entry.text, entry.kind, entry.sources, entry.mentions
        )
        if joined is None:
            return None
        slugs = self._links.article_slugs
        if not all(s.article.slug in slugs for s in (*made.sources, *made.mentions)):
            return None
        head = [self._salt, "made", made.digest, _SEP.join(entry.tags), f"{entry.curated}"]
        head += [str(entry.key), _SEP.join(entry.related), str(len(joined))]
        return _digest(head + [self._source(s) for s in joined])

    def _whole(self, entry: Entry) -> str:
        """``_own`` of any entry, from every field of it and of its sources and mentions."""
        head = [self._salt, entry.id, self._date(entry.date), entry.text, _SEP.join(entry.tags)]
        head.append(f"{entry.curated}{entry.corrected}{entry.kind.value}{entry.key}")
        head.append(_SEP.join(entry.related))
        sources = [self._source(s) for s in entry.sources]
        mentions = [self._source(s) for s in entry.mentions]
        return _digest(head + sources + [str(len(mentions))] + mentions)

    def _source(self, source: Source) -> str:
        # One f-string: 164,000 sources at 10,000 articles, each read once a build.
        return (
            f"{source.event_id}\x1f{self._ref(source.article)}\x1f{source.sentence}\x1f"
            f"{source.line}\x1f{self._expression(source.expression)}\x1f{source.basis.value}"
            f"\x1f{source.kind.value}"
        )

    def _ref(self, ref: ArticleRef) -> str:
        known = self._refs.get(id(ref))
        if known is not None:
            return known[1]
        fields = (ref.slug, ref.path, ref.title, ref.source, ref.published.isoformat())
        page = "page" if ref.slug in self._links.article_slugs else "none"  # links to it?
        text = _SEP.join((*fields, ref.url or "\0", "\x1e".join(ref.tags), page))
        self._refs[id(ref)] = (ref, text)
        return text

    def _date(self, date: DateValue) -> str:
        known = self._dates.get(id(date))
        if known is not None:
            return known[1]
        text = _SEP.join(
            (
                date.value,
                date.start.isoformat(),
                date.end.isoformat(),
                date.precision,
                date.mod or "\0",
            )
        )
        self._dates[id(date)] = (date, text)
        return text

    def _expression(self, expression: TimeExpression | None) -> str:
        if expression is None:
            return "\0"
        x = expression
        date = self._date(x.date) if x.date else "\0"
        return (
            f"{x.start}\x1e{x.end}\x1e{x.text}\x1e{x.type}\x1e{x.value}\x1e{x.mod or chr(0)}"
            f"\x1e{date}\x1e{x.basis.value}\x1e{x.resolved}"
        )

    def _outline_digest(self) -> str:
        # Without the counts: period pages show the outline without them, so a new entry
        # renders the pages it is on, not every period page.
        # The stray years are grouped by counts ("Earlier: 1948, 1967"): the grouping is
        # shown, so it is part of the digest.
        pieces = [repr([(r.label, len(r.years)) for r in year_runs(self._links.plan.outline)])]
        for year in self._links.plan.outline:
            pieces += [f"y{year.year}", self._links.anchor(year.anchor)]
            for month in year.months:
                pieces += [f"m{month.month}", month.label, self._links.anchor(month.anchor)]
        return _digest(pieces)


def _listing(listing: Listing) -> list[str]:
    return [listing.path, listing.name, str(listing.total), str(listing.part), *listing.parts]
