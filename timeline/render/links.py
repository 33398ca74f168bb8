"""Where every kind of thing lives in the site: one place that names all site paths.

Pages ask ``SiteLinks`` for a site path and turn it into an href with their ``Linker``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.model import Entry, Timeline
from timeline.render.plan import SOURCES_PER_PAGE, PagePlan
from timeline.render.related import Relations, relations
from timeline.render.urls import unique_slugs


@dataclass(frozen=True, slots=True)
class SiteLinks:
    """Site paths of entries, dates, months, articles, tags and outlets."""

    plan: PagePlan
    tag_slugs: dict[str, str]
    outlet_slugs: dict[str, str]
    article_slugs: frozenset[str]
    """The articles that have a page (curated sources may cite others)."""
    relations: Relations = field(default_factory=Relations)
    """The reaction links between entries, both ways."""

    def entry(self, entry: Entry) -> str:
        """The page holding the entry, with its anchor."""
        return self.plan.entry_href(entry)

    def reacts_to(self, entry: Entry) -> tuple[Entry, ...]:
        """The entries this one reacts to ("In reaction to: …")."""
        return self.relations.reacts_to.get(entry.id, ())

    def reactions(self, entry: Entry) -> tuple[Entry, ...]:
        """The entries that react to this one ("Reactions: …"), in timeline order."""
        return self.relations.reactions.get(entry.id, ())

    def entry_sources(self, entry: Entry, part: int = 1) -> str:
        """The page listing every source of a widely reported entry (or a later part)."""
        return f"entries/{entry.id}{_part(part)}.html"

    def entry_mentions(self, entry: Entry) -> str:
        """The page of an entry's own pages where its mentions begin (after its sources)."""
        return self.entry_sources(entry, len(entry.sources) // SOURCES_PER_PAGE + 1)

    def anchor(self, anchor: str) -> str:
        """The page holding a date, month or year anchor, with the anchor."""
        return self.plan.anchor_href(anchor)

    def article(self, slug: str) -> str:
        """An article's page."""
        return article_path(slug)

    def article_page(self, slug: str) -> str | None:
        """An article's page, or None when the site has no page for it."""
        return article_path(slug) if slug in self.article_slugs else None

    def tag(self, tag: str, part: int = 1) -> str:
        """A tag's page (or a later page of a long tag)."""
        return f"tags/{self.tag_slugs[tag]}{_part(part)}.html"

    def outlet(self, outlet: str, part: int = 1) -> str:
        """An outlet's page (or a later page of a prolific outlet)."""
        return f"sources/{self.outlet_slugs[outlet]}{_part(part)}.html"


def site_links(timeline: Timeline, plan: PagePlan) -> SiteLinks:
    """The links of a site: the plan, plus a unique file name for every tag and outlet."""
    tags = {tag for entry in timeline.entries for tag in entry.tags}
    outlets = {outlet_name(x.article.source) for x in timeline.articles}
    outlets |= {outlet_name(s.article.source) for e in timeline.entries for s in e.sources}
    slugs = frozenset(x.article.slug for x in timeline.articles)
    linked = relations(timeline.entries)
    return SiteLinks(plan, unique_slugs(tags), unique_slugs(outlets), slugs, linked)


def article_path(slug: str) -> str:
    """Where an article's page lives in the output."""
    return f"articles/{slug}.html"


def outlet_name(source: str) -> str:
    """The outlet as shown, with a name for a missing one."""
    return source or "Unknown outlet"


def _part(part: int) -> str:
    return f".{part}" if part > 1 else ""
