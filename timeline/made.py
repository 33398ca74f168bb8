"""What the merge made an entry of, with a digest of it, as data that travels with the entry.

The merge makes each entry of its reports and mentions (``merge/entries.py``); the digest
covers every value the entry is made of: its id, date, text, kind and every field of each
of its sources and mentions. A later stage that reads an entry whole on every build (the
render's page digests) reads the digest instead of the entry's every source, once it has
found the entry still as the merge made it (``Made.joined``: the same id, date, text, kind
and sources, compared by value). A kept date block's entries are made again from the
same events each build, so the merge record keeps their digests (``merge/record.py``)
rather than working them out again.

A shared module beside ``model``: the merge makes these values and the render reads them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.model import ArticleRef, DateValue, Entry, EventKind, Source, TimeExpression

_SEP = "\x1f"
"""Between the fields of one value: a character no text of the site holds."""


@dataclass(frozen=True, slots=True)
class Made:
    """An entry as the merge made it, and a digest of every value it was made of."""

    digest: str
    id: str
    date: DateValue
    text: str
    kind: EventKind
    sources: tuple[Source, ...]
    mentions: tuple[Source, ...]

    def joined(
        self, id: str, date: DateValue, text: str, kind: EventKind, sources: tuple[Source, ...],
        mentions: tuple[Source, ...],
    ) -> tuple[Source, ...] | None:  # fmt: skip
        """The mentions joined to an entry of these values after the merge made it (after
        its own: the coarse mentions a later pass joins), or None when the entry is not
        the one made (a correction hid a source, say): then the digest is not of it.

        Compared by value; the entry that carries this is mostly made of the very same
        objects, which Python's comparison of tuples passes over at once.
        """
        if id != self.id or text != self.text or kind is not self.kind or date != self.date:
            return None
        if sources != self.sources:
            return None
        own = len(self.mentions)
        if len(mentions) < own or mentions[:own] != self.mentions:
            return None
        return mentions[own:]


def made(
    id: str,
    date: DateValue,
    text: str,
    kind: EventKind,
    sources: tuple[Source, ...],
    mentions: tuple[Source, ...],
    digest: str | None = None,
) -> Made:
    """What an entry of these values is made of, with its digest: ``digest`` when the
    caller knows it (a merge record's entry made again of the same events), else worked
    out (``made_digest``)."""
    if digest is None:
        digest = made_digest(id, date, text, kind, sources, mentions)
    return Made(digest, id, date, text, kind, sources, mentions)


def joined_made(entry: Entry, others: Sequence[Entry], mentions: tuple[Source, ...]) -> Made | None:
    """What ``entry`` is made of once the sources and mentions of ``others`` (coarse entries
    folded into it) are its ``mentions`` after its own: a digest of the digests of what each
    was made of; None when one of them is no longer as the merge made it."""
    made = entry.made
    if made is None or _joined(entry) != ():
        return None
    digests = [made.digest]
    for other in others:
        if other.made is None or _joined(other) != ():
            return None
        digests.append(other.made.digest)
    told = "joined\0" + "\0".join(digests)
    digest = hashlib.blake2b(told.encode(), digest_size=16).hexdigest()
    return Made(digest, made.id, made.date, made.text, made.kind, made.sources, mentions)


def _joined(entry: Entry) -> tuple[Source, ...] | None:
    assert entry.made is not None
    return entry.made.joined(
        entry.id, entry.date, entry.text, entry.kind, entry.sources, entry.mentions
    )


def made_digest(
    id: str,
    date: DateValue,
    text: str,
    kind: EventKind,
    sources: tuple[Source, ...],
    mentions: tuple[Source, ...],
) -> str:
    """A digest of every value an entry is made of (each piece after its length)."""
    pieces = [id, date_text(date), text, kind.value, str(len(sources))]
    pieces += map(source_text, sources)
    pieces += map(source_text, mentions)
    told = "".join([f"{len(piece)}:{piece}" for piece in pieces])
    return hashlib.blake2b(told.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def source_text(source: Source) -> str:
    """Every field of a source, as one text."""
    return (
        f"{source.event_id}{_SEP}{ref_text(source.article)}{_SEP}{source.sentence}{_SEP}"
        f"{source.line}{_SEP}{expression_text(source.expression)}{_SEP}{source.basis.value}"
        f"{_SEP}{source.kind.value}"
    )


def ref_text(ref: ArticleRef) -> str:
    """Every field of an article's reference, as one text."""
    fields = (ref.slug, ref.path, ref.title, ref.source, ref.published.isoformat())
    return _SEP.join((*fields, ref.url or "\0", "\x1e".join(ref.tags)))


def date_text(date: DateValue) -> str:
    """Every field of a date value, as one text."""
    fields = (date.value, date.start.isoformat(), date.end.isoformat(), date.precision)
    return _SEP.join((*fields, date.mod or "\0"))


def expression_text(expression: TimeExpression | None) -> str:
    """Every field of a time expression (none: a character no text holds), as one text."""
    if expression is None:
        return "\0"
    x = expression
    date = date_text(x.date) if x.date else "\0"
    return (
        f"{x.start}\x1e{x.end}\x1e{x.text}\x1e{x.type}\x1e{x.value}\x1e{x.mod or chr(0)}"
        f"\x1e{date}\x1e{x.basis.value}\x1e{x.resolved}"
    )
