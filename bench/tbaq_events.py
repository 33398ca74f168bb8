"""Which clause a date governs, and whether its event happened, against TimeML (issue 13).

Reads the TBAQ-cleaned corpus (``../shared/data/timex/tbaq-cleaned``: TimeBank and AQUAINT in
TimeML), whose EVENTs carry a class, a tense, an aspect, a polarity and a modality, and whose
TLINKs anchor events to the date expressions (TIMEX3) of their sentence. The gold expressions
are given to the event layer as they are (the date engine is not scored here), and two
things are measured:

- **governing**: of the sentence's dated expressions, the ones ``govern.dating_expressions``
  lets date a clause, against the ones a TLINK anchors an event of the same sentence to
  (``IS_INCLUDED``, ``DURING``, ``SIMULTANEOUS``, ``IDENTITY``, or the time ``INCLUDES`` the
  event): precision and recall;
- **classes**: for each date that both govern and anchor, ``classes.classify`` of its clause
  against the class of the events anchored to it. An anchored event is *expected* when it
  is in the future tense, under a modal ("would", "could", "may" ...), subordinated by a
  MODAL or CONDITIONAL SLINK ("planned to leave", "is expected to join") or anchored to a
  time after the document's date in a tense other than the past; it is a *state* when it
  is a TimeML STATE or I_STATE, or subordinated by a COUNTER_FACTIVE or NEG_EVIDENTIAL
  SLINK; else it *happened*. (Polarity is not read: TBAQ-cleaned's AQUAINT files mark
  every event NEG.) A date is *happened* when one of its events is, else *expected* when
  one is, else *state*. A ``mention`` (a date naming a happening the clause recalls, "since
  the Oct. 23 slaying") counts as happened: its event happened on that date.

    .venv/bin/python bench/tbaq_events.py [CORPUS_DIR] [--json] [--errors KIND:KIND]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.extract.classes import classify
from timeline.extract.govern import dated_clauses
from timeline.extract.sentences import Span, split_paragraphs, split_sentences
from timeline.extract.values import parse_value
from timeline.model import Basis, EventKind, TimeExpression

ROOT = Path(__file__).resolve().parent.parent
TBAQ = Path("data") / "timex" / "tbaq-cleaned"
ANCHORS = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY"})
CLASSES = ("happened", "expected", "state")
_DATE_VALUE = re.compile(r"^\d{4}(?:-\S+)?$")


@dataclass
class Document:
    """One TimeML document: its text without tags, the DCT, expressions and events."""

    name: str
    text: str
    published: dt.date
    timexes: dict[str, TimeExpression] = field(default_factory=dict)
    events: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    """Each EVENT's offsets and class, by eid."""
    instances: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each MAKEINSTANCE's attributes, by eiid."""
    anchors: list[tuple[str, str]] = field(default_factory=list)
    """(tid, eiid): the pairs a TLINK anchors."""
    subordinated: dict[str, str] = field(default_factory=dict)
    """The relation of the SLINK that subordinates an event instance, by eiid."""


def read_document(path: Path) -> Document:
    """A TimeML file: the text of its TEXT element with the offsets of its tags."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    published = dt.date.fromisoformat((dct.get("value") if dct is not None else "")[:10])
    body = root.find("TEXT")
    assert body is not None, f"{path}: no TEXT"
    doc = Document(path.name, "", published)
    pieces: list[str] = []
    _walk(body, doc, pieces)
    doc.text = "".join(pieces)
    for instance in root.iter("MAKEINSTANCE"):
        doc.instances[instance.get("eiid", "")] = dict(instance.attrib)
    for link in root.iter("SLINK"):
        doc.subordinated[link.get("subordinatedEventInstance", "")] = link.get("relType", "")
    for link in root.iter("TLINK"):
        relation = link.get("relType", "")
        time, event = link.get("relatedToTime"), link.get("eventInstanceID")
        if time and event and relation in ANCHORS:
            doc.anchors.append((time, event))
        time, event = link.get("timeID"), link.get("relatedToEventInstance")
        if time and event and relation in ANCHORS | {"INCLUDES"}:
            doc.anchors.append((time, event))
    return doc


def _walk(element: ET.Element, doc: Document, pieces: list[str]) -> None:
    """Collect the text of ``element`` in ``pieces``, noting where each tag's text lies."""
    pieces.append(element.text or "")
    for child in element:
        start = sum(map(len, pieces))
        _walk(child, doc, pieces)
        end = sum(map(len, pieces))
        if child.tag == "TIMEX3":
            expression = _expression(child, start, end, "".join(pieces)[start:end], doc.published)
            if expression is not None:
                doc.timexes[child.get("tid", "")] = expression
        elif child.tag == "EVENT":
            doc.events[child.get("eid", "")] = (start, end, child.get("class", ""))
        pieces.append(child.tail or "")


def _expression(
    tag: ET.Element, start: int, end: int, text: str, published: dt.date
) -> TimeExpression | None:
    """The gold expression as the event layer sees one: dated when its value is a date."""
    kind, value = tag.get("type", ""), tag.get("value", "")
    if kind not in ("DATE", "TIME") or not _DATE_VALUE.match(value):
        return None
    try:
        date = parse_value(value, None)
    except ValueError:
        return None
    basis = Basis.EXPLICIT if re.search(r"\d{4}", text) else Basis.RELATIVE
    return TimeExpression(start, end, text, kind, value, None, date, basis)


def sentences_of(text: str) -> list[Span]:
    """The sentences of a TimeML text, as the event layer splits them."""
    return [s for paragraph in split_paragraphs(text, 0) for s in split_sentences(paragraph)]


def gold_class(doc: Document, tid: str, eiids: list[str]) -> str:
    """The class of the events a date anchors (see the module docstring)."""
    kinds = [_event_class(doc, tid, eiid) for eiid in eiids]
    for kind in ("happened", "expected"):
        if kind in kinds:
            return kind
    return "state"


def _event_class(doc: Document, tid: str, eiid: str) -> str:
    instance = doc.instances.get(eiid, {})
    event = doc.events.get(instance.get("eventID", ""))
    modality = instance.get("modality", "").lower()
    link = doc.subordinated.get(eiid, "")
    date = doc.timexes[tid].date
    ahead = date is not None and date.start > doc.published and instance.get("tense") != "PAST"
    if instance.get("tense") == "FUTURE" or modality not in ("", "none") or ahead:
        return "expected"
    if link in ("MODAL", "CONDITIONAL"):
        return "expected"
    if event is None or event[2] in ("STATE", "I_STATE"):
        return "state"
    return "state" if link in ("COUNTER_FACTIVE", "NEG_EVIDENTIAL") else "happened"


@dataclass
class Scores:
    """Counts over a corpus: governing and the confusion of classes (gold, system)."""

    governed: int = 0
    anchored: int = 0
    both: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        """Precision and recall of governing, accuracy and per-class figures of classes."""
        total = sum(self.confusion.values())
        right = sum(n for (gold, system), n in self.confusion.items() if gold == system)
        figures: dict[str, Any] = {
            "governing_precision": _share(self.both, self.governed),
            "governing_recall": _share(self.both, self.anchored),
            "class_pairs": total,
            "class_accuracy": _share(right, total),
        }
        for kind in CLASSES:
            said = sum(n for (_, system), n in self.confusion.items() if system == kind)
            true = sum(n for (gold, _), n in self.confusion.items() if gold == kind)
            hit = self.confusion[(kind, kind)]
            figures[f"{kind}_precision"] = _share(hit, said)
            figures[f"{kind}_recall"] = _share(hit, true)
            figures[f"{kind}_gold"] = true
        return figures


def score_document(doc: Document, scores: Scores) -> None:
    """Add one document's governing and classes to ``scores``."""
    anchored: dict[str, list[str]] = {}
    for tid, eiid in doc.anchors:
        anchored.setdefault(tid, []).append(eiid)
    by_start = sorted(doc.timexes.items(), key=lambda item: item[1].start)
    for sentence in sentences_of(doc.text):
        inside = [(t, e) for t, e in by_start if sentence.start <= e.start < sentence.end]
        gold = {t for t, _ in inside if _anchors_here(doc, anchored.get(t, []), sentence)}
        chosen = dated_clauses(sentence.text, sentence.start, [e for _, e in inside])
        system = {t for t, e in inside if any(c is e for c, _ in chosen)}
        clauses = {id(c): clause for c, clause in chosen}
        scores.governed += len(system)
        scores.anchored += len(gold)
        scores.both += len(system & gold)
        for tid in sorted(system & gold, key=lambda t: doc.timexes[t].start):
            expression = doc.timexes[tid]
            clause = clauses[id(expression)]
            kind = classify(sentence.text, sentence.start, expression, doc.published, clause)
            kind = _system_class(kind)
            truth = gold_class(doc, tid, _here(doc, anchored[tid], sentence))
            scores.confusion[(truth, kind)] += 1
            if truth != kind:
                scores.errors.append((truth, kind, expression.text, sentence.text))


def _anchors_here(doc: Document, eiids: list[str], sentence: Span) -> bool:
    return bool(_here(doc, eiids, sentence))


def _here(doc: Document, eiids: list[str], sentence: Span) -> list[str]:
    """The anchored event instances whose event lies in ``sentence``."""
    found = []
    for eiid in eiids:
        event = doc.events.get(doc.instances.get(eiid, {}).get("eventID", ""))
        if event is not None and sentence.start <= event[0] < sentence.end:
            found.append(eiid)
    return found


def _system_class(kind: EventKind) -> str:
    return "happened" if kind is EventKind.MENTION else kind.value


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score_corpus(corpus: Path) -> Scores:
    """Scores over every ``*.tml`` file under ``corpus``."""
    scores = Scores()
    for path in sorted(corpus.rglob("*.tml")):
        score_document(read_document(path), scores)
    return scores


def report(figures: dict[str, Any]) -> str:
    """The figures, for people."""
    lines = [
        f"governing: precision {figures['governing_precision']:.1%}, "
        f"recall {figures['governing_recall']:.1%}",
        f"classes: accuracy {figures['class_accuracy']:.1%} over {figures['class_pairs']} dates",
    ]
    for kind in CLASSES:
        lines.append(
            f"  {kind:9} precision {figures[f'{kind}_precision']:6.1%}  "
            f"recall {figures[f'{kind}_recall']:6.1%}  (gold {figures[f'{kind}_gold']})"
        )
    return "\n".join(lines)


def locate_corpus() -> Path | None:
    """TBAQ-cleaned in ``../shared`` of the repository, or of the main checkout when this is
    a worktree."""
    for shared in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (shared / TBAQ).is_dir():
            return shared / TBAQ
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=locate_corpus() or TBAQ)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", help="list the dates classed wrongly, e.g. happened:state")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: no TimeML corpus there")
    scores = score_corpus(args.corpus)
    figures = scores.figures()
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    if args.errors:
        gold, system = args.errors.split(":")
        for truth, kind, text, sentence in scores.errors:
            if truth == gold and kind == system:
                print(f"  [{text}] {' '.join(sentence.split())}")


if __name__ == "__main__":
    main()
