"""Interpreters for dates relative to publication: "yesterday", "last week", "on Monday"."""

from __future__ import annotations

import datetime as dt
import re

from timeline.extract.timex import calendar as cal
from timeline.extract.timex.context import Context, expression, unresolved
from timeline.extract.timex.lexicon import MONTHS, PARTS_OF_DAY, WEEKDAYS, capitalized
from timeline.extract.timex.scanner import MONTH
from timeline.extract.timex.tense import BACKSHIFTED, FUTURE, PAST
from timeline.extract.timex.words import choose, month_number, previous_word, safe_date
from timeline.model import DateValue, Precision, TimeExpression

Found = list[TimeExpression]
_WORD = re.compile(r"[A-Za-z]+(?:'s)?|\d+(?::\d+)?")
_STEPS = {"last": -1, "this": 0, "the": 0, "next": 1, "coming": 1}
_EDGE_MODS = {"early": "START", "late": "END", "mid": "MID"}
_DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_CLOCK_DATE = re.compile(
    rf"(?:(?P<month>{MONTH})\s+(?P<day>\d+)(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d+)(?:st|nd|rd|th)?\s+(?P<month2>{MONTH}))(?:,?\s+(?P<year>\d{{4}}))?$"
)
_CLOCK = re.compile(
    r"(?P<hour>[01]?\d|2[0-3])(?::?(?P<minute>[0-5]\d))?(?!\d)"
    r"|\b(?P<word>noon|midnight|midday)\b",
    re.IGNORECASE,
)
_CLOCK_WORD = re.compile(r"(?i)\b(?:noon|midnight|midday)\b")  # not the "noon" of "afternoon"


_DAY_AFTER = re.compile(
    rf"\s*(?:\)\s*)?(?:\([^()\n]{{1,40}}\)\s*)?,?\s*(?:(?i:on)\s+)?"
    rf"(?:(?P<weekday>{capitalized(WEEKDAYS)})(?![A-Za-z'])|"
    r"(?P<deictic>(?i:today|yesterday|tomorrow))(?![A-Za-z]))"
)
_RECENT = 2
"""Days before publication a story's day may lie for "overnight" to be the night after it."""
_NEWS_WEEK = 6
"""How far from publication a day the text named may lie for a possessive weekday to be it."""
# What a possessive weekday's noun may be scheduled for, right before it.
_SCHEDULED_FOR = re.compile(
    r"(?i)(?:\b(?P<was>was|were)\s+|\b)(?:set|scheduled|slated|planned|due)\s+for\s+$"
)
_SCHEDULE_SIZE = 40
_GLOSS = re.compile(r"\s*\(\s*(?:about\s+|around\s+)?")
# "Tuesday last week", "on Wednesday to Friday next week": the week is named after the day.
_WEEK_AFTER = re.compile(
    r"(?:\s+(?:to|and|or|through|until|-|–)\s+[A-Z][a-z]+day)?\s+(?i:(last|next|this)\s+week)"
    r"(?![A-Za-z'’])"
)
_PRICED = re.compile(r"(?i)\b(?:shares?|stocks?|ADRs?|index|bonds?|yields?|futures|crude|Brent)\b")
_PRICE_MOVE = re.compile(r"(?i)\d(?:\s*%|\s+(?:percent|per\s+cent|pence|cents|points)\b)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“(])|\n")
_QUOTE_WINDOW = 200
_DAWN = "06:00"
"""Times before it are in the small hours, which news counts with the night before."""
_AFTER = re.compile(r"(?i)\b(?:after|past)\s+$")
_INDEFINITE = re.compile(r"(?i)\b(?:a|an|one|any)\s+$")
_DEFINITE = re.compile(r"(?i)\bthe\s+$")
_MODIFIED_NOUN = re.compile(
    r"\s+(?!(?:the|a|an|that|when|which|before|after|of|in|on|at|and|or|he|she|it|we|they|"
    r"his|her|its|their|this|these|those)\b)[a-z]"
)


def words_of(text: str) -> list[str]:
    """The lower-cased words of a matched span."""
    return [w.lower().removesuffix("'s") for w in _WORD.findall(text)]


def weekday_of(words: list[str]) -> int | None:
    """The weekday number (Monday 0) a span names, if any."""
    return next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)


def deictic(m: re.Match[str], ctx: Context) -> Found:
    """``today``, ``yesterday morning``, ``tonight``, ``last night``, ``late yesterday``,
    ``mid-afternoon`` and ``in the morning`` (on the story's day)."""
    words = words_of(m.group())
    if words == ["overnight"]:
        return [_overnight(m, ctx)]
    if "before" in words or "after" in words:  # the day before yesterday / after tomorrow
        offset = -2 if "before" in words else 2
    elif words[-2:-1] == ["last"] or words[0] == "last":
        offset = -1  # last night
    elif words[0] in ("mid", "the") and not any(w in _DEICTIC_DAYS for w in words):
        # "by mid-afternoon", "in the morning": on the story's day
        ref = ctx.reference(Precision.DAY)
        part = _part_of_day(words)
        if ref is None or part is None:
            return [unresolved(m.start(), m.group(), "TIME", f"XXXX-XX-XXT{part or 'XX:XX'}")]
        return [_on_day(m, ref.start, part, _edge(words))]
    else:
        offset = next((_DEICTIC_DAYS[w] for w in words if w in _DEICTIC_DAYS), 0)
    day = cal.plus_days(ctx.published, offset)
    part = _part_of_day(words) or ("NI" if "tonight" in words else None)
    return [_on_day(m, day, part, _edge(words))]


def _overnight(m: re.Match[str], ctx: Context) -> TimeExpression:
    """ "overnight" is the night just before the day of publication (a morning report's
    night): early on that day. After a story's day in the two days before publication, it
    is the night after that day ("freed six hostages on Saturday ... held back the
    prisoners overnight"); a day further back is background, not the night meant."""
    ref = ctx.reference(Precision.DAY)
    day = ctx.published
    story = ctx.story_at(m.start())
    if story is not None and story.precision in (Precision.DAY, Precision.TIME):
        day = cal.plus_days(story.start, 1)  # the night after the story's day
    elif ref is not None and 0 < (ctx.published - ref.start).days <= _RECENT:
        day = cal.plus_days(ref.start, 1)
    return expression(m.start(), m.group(), "DATE", cal.day_value(day), mod="START")


def relative(m: re.Match[str], ctx: Context) -> Found:
    """``last week``, ``this month``, ``next year``, ``last Tuesday``, ``earlier this month``."""
    words = words_of(m.group())
    step = -1 if "past" in words else next(_STEPS[w] for w in words if w in _STEPS)
    unit, mod = words[-1], _edge(words)
    if unit in cal.UNIT_PRECISION and m.group()[-len(unit)].isupper():
        return []  # a title: ABC's "This Week"
    if unit in WEEKDAYS:
        return [_on_day(m, _relative_weekday(ctx, m, WEEKDAYS[unit], step), None, mod)]
    if unit in MONTHS:
        return [
            expression(m.start(), m.group(), "DATE", _relative_month(ctx, MONTHS[unit], step, mod))
        ]
    if unit == "weekend":
        return [expression(m.start(), m.group(), "DATE", _weekend(ctx, m, step), mod=mod)]
    value = cal.shift(ctx.today, step, unit, cal.UNIT_PRECISION[unit])
    if value is None:
        return [unresolved(m.start(), m.group())]  # "next year", published in 9999
    return [expression(m.start(), m.group(), "DATE", value, mod=mod)]


def weekday_expr(m: re.Match[str], ctx: Context) -> Found:
    """``Monday``, ``Monday night``, ``early Tuesday``, ``Friday at 6 a.m.``: tense decides.
    ``Tuesday nights`` is a set."""
    words = words_of(m.group())
    number = weekday_of(words)
    assert number is not None  # the scanner matched a weekday name
    if m.group().endswith("s") and words[-1].removesuffix("s") in PARTS_OF_DAY:
        part = PARTS_OF_DAY[words[-1].removesuffix("s")]  # "Tuesday nights": every one
        return [expression(m.start(), m.group(), "SET", f"XXXX-WXX-{number + 1}T{part}")]
    before, after = ctx.text[max(0, m.start() - 8) : m.start()], ctx.text[m.end() : m.end() + 16]
    if _described(before, m.group(), after):
        return [unresolved(m.start(), m.group(), "DATE", f"XXXX-WXX-{number + 1}")]
    week = _WEEK_AFTER.match(ctx.text, m.end())
    if week is not None:  # "on Wednesday to Friday last week": that week's Wednesday
        step = _STEPS[week.group(1).lower()]
        monday = cal.plus_days(ctx.published, 7 * step - ctx.published.weekday())
        day = cal.plus_days(monday, number)
    else:
        day = _tensed_weekday(ctx, m, number)
    clock = _clock(m.group())
    return [_on_day(m, day, clock or _part_of_day(words), _edge(words))]


def _described(before: str, text: str, after: str) -> bool:
    """ "on a Thursday" is any Thursday, and "the Sunday the truce began" one the text
    describes: neither is the weekday nearest publication, so neither is resolved. Before a
    noun the weekday is the usual one: "the Friday explosions", "a Sunday night service"."""
    if text.endswith(("'s", "’s")) or _MODIFIED_NOUN.match(after):
        return False
    return bool(_INDEFINITE.search(before) or _DEFINITE.search(before))


def clock(m: re.Match[str], ctx: Context) -> Found:
    """``6 a.m.``, ``10:30 p.m. Wednesday``, ``noon``: on the day named, or the reference day.
    "high noon" is a showdown, not a time."""
    words = words_of(m.group())
    if words[0] == "noon" and previous_word(ctx.text, m.start()).lower() == "high":
        return []
    number = weekday_of(words)
    if number is None and _is_gloss(ctx, m, words):
        return []  # "10:35 a.m. (0735 GMT)": the same time in another zone, said once
    if any(w in MONTHS for w in words):  # "5 p.m. EST, Nov. 6": the date says the day
        day: dt.date | None = _dated(ctx, m)
    elif number is not None:
        day = _tensed_weekday(ctx, m, number)
    elif any(w in _DEICTIC_DAYS for w in words):
        offset = sum(_DEICTIC_DAYS.get(w, 0) for w in words)
        day = cal.plus_days(ctx.published, offset)
    else:
        day = _day_named_after(ctx, m)
    time = _clock(m.group())
    if day is None and time is not None:
        day, time = _on_reference_day(ctx, m, time)
    if day is None or time is None:
        return [unresolved(m.start(), m.group(), "TIME", "XXXX-XX-XXT" + (time or "XX:XX"))]
    return [expression(m.start(), m.group(), "TIME", cal.time_value(day, time))]


def _on_reference_day(ctx: Context, m: re.Match[str], time: str) -> tuple[dt.date | None, str]:
    """The day of a clock time the text gives no day for: the story's day. A time in the
    small hours after a day before publication falls in the night after it when the text
    was in that night ("Tuesday night ... at 1 a.m.") or had named the early hours of the
    next day ("released early today ... the buses left shortly after 1 a.m." after a
    ceasefire that "began yesterday"); "after midnight" is the start of the day after the
    story's day, or of the day of publication. In news (not in a story the text tells, see
    ``story``), a day more than two days before publication is background ("the April 20
    explosion"): the time is on the day of publication ("shares traded at 1516 GMT")."""
    ref = ctx.reference(Precision.DAY)
    if ref is None:
        return None, time
    if ctx.story_at(m.start()) is None and (
        (ctx.published - ref.start).days > _RECENT
        or (ref.start != ctx.published and _is_market_quote(ctx, m))
    ):
        ref = ctx.today
    after_midnight = time == "24:00" and _AFTER.search(ctx.text, max(0, m.start() - 12), m.start())
    if after_midnight:
        time = "00:00"
    if time >= _DAWN or ref.start >= ctx.published:
        return ref.start, time
    following = cal.plus_days(ref.start, 1)
    if after_midnight or _in_the_night(ref) or ctx.named_early(following):
        return following, time
    return ref.start, time


def _is_market_quote(ctx: Context, m: re.Match[str]) -> bool:
    """Whether a clock time stamps a price in a sentence that names no day ("BP's shares
    traded down 6.8 percent at 582 pence at 1516 GMT", "The stock was up 2.6 percent by 1336
    GMT"): a wire's market report gives the trading of the day it is published, whatever day
    the sentence before named ("results on Tuesday", "sold his shares on Monday")."""
    start = max(0, m.start() - _QUOTE_WINDOW)
    ends = list(_SENTENCE_END.finditer(ctx.text, start, m.start()))
    start = ends[-1].end() if ends else start
    if ctx.last is not None and ctx.last.end > start:
        return False  # a day of the sentence's own ("added to losses on Wednesday, ... at")
    stop = _SENTENCE_END.search(ctx.text, m.end(), m.end() + _QUOTE_WINDOW)
    sentence = ctx.text[start : stop.start() if stop else m.end() + _QUOTE_WINDOW]
    return _PRICED.search(sentence) is not None and _PRICE_MOVE.search(sentence) is not None


def _in_the_night(value: DateValue) -> bool:
    return value.value.endswith(("TNI", "TEV"))


def _is_gloss(ctx: Context, m: re.Match[str], words: list[str]) -> bool:
    """Whether a clock time alone is the time just given, in another zone, in brackets."""
    last = ctx.last
    if last is None or last.type != "TIME" or any(w in MONTHS or w in _DEICTIC_DAYS for w in words):
        return False
    return _GLOSS.fullmatch(ctx.text, last.end, m.start()) is not None


def _day_named_after(ctx: Context, m: re.Match[str]) -> dt.date | None:
    """The day named right after a clock time and the same time in another zone, in
    brackets: "10:35 a.m. (0735 GMT) Friday", "1425 local time (1925 GMT) on Thursday"."""
    after = _DAY_AFTER.match(ctx.text, m.end())
    if after is None:
        return None
    if after.group("weekday"):
        return _tensed_weekday(ctx, after, WEEKDAYS[after.group("weekday").lower()])
    offset = _DEICTIC_DAYS[after.group("deictic").lower()]
    return cal.plus_days(ctx.published, offset)


def _dated(ctx: Context, m: re.Match[str]) -> dt.date | None:
    """The day of a clock time followed by a date, its year from the text or the tense."""
    parts = _CLOCK_DATE.search(m.group())
    assert parts is not None  # the scanner matched a month and a day
    month = month_number(parts.group("month") or parts.group("month2"))
    day = int(parts.group("day") or parts.group("day2"))
    if parts.group("year"):
        return safe_date(int(parts.group("year")), month, day)

    def make(year: int) -> dt.date | None:
        return safe_date(year, month, day)

    return choose(ctx, m.start(), m.end(), make, ctx.published.year)


def _on_day(m: re.Match[str], day: dt.date, clock: str | None, mod: str | None) -> (
    TimeExpression
):  # fmt: skip
    """A DATE for a day, or a TIME when a clock time or a part of day comes with it."""
    if clock:
        return expression(m.start(), m.group(), "TIME", cal.time_value(day, clock), mod=mod)
    return expression(m.start(), m.group(), "DATE", cal.day_value(day), mod=mod)


def _tensed_weekday(ctx: Context, m: re.Match[str], number: int) -> dt.date:
    """The latest such weekday not after publication; in a future clause, the first one from
    publication on (news names the day of publication too: "will meet on Monday" in Monday's
    paper is that day); in a future told in the past, the first one from the day before
    publication, when it was told ("was expected to begin on Sunday", in Monday's paper)."""
    story = ctx.story_weekday(m.start())
    if story is not None:  # "On 5 December 1941 ... On Sunday": the Sunday after it
        return cal.weekday_from(story.start, number, 1)
    possessive = m.group().endswith("'s")
    if possessive:
        named = _named_weekday(ctx, number)
        if named is not None:  # "will gather on Saturday ... Saturday's summit": that Saturday
            return named
    side = _possessive_side(ctx, m) if possessive else ctx.tense(m.start(), m.end())
    if side == FUTURE:
        day = cal.weekday_from(ctx.published, number, 1)
    elif side == BACKSHIFTED:
        day = cal.weekday_from(cal.plus_days(ctx.published, -1), number, 1)
    else:
        day = cal.weekday_from(ctx.published, number, -1)
    opening = ctx.range_start(m.start())
    if opening is not None and day < opening.start:
        # "from Friday until Sunday": a range does not end before it begins
        return cal.weekday_from(opening.start, number, 1)
    return day


def _possessive_side(ctx: Context, m: re.Match[str]) -> int:
    """ "Friday's vote" happened, unless it is what something is scheduled for ("the stage is
    set for Saturday's talks"; "was set for" told in the past). A future verb before it is no
    such sign ("will investigate Saturday's attack"), nor its own ("Saturday's attack will be
    investigated")."""
    schedule = _SCHEDULED_FOR.search(ctx.text, max(0, m.start() - _SCHEDULE_SIZE), m.start())
    if schedule is None:
        return PAST
    return BACKSHIFTED if schedule.group("was") else FUTURE


def _named_weekday(ctx: Context, number: int) -> dt.date | None:
    """The day of weekday ``number`` that the text named lately within a week of publication:
    a possessive weekday ("Saturday's summit") is a day the reader was told of, not a new one."""
    days = (r.start for r in ctx.refs if r.precision in (Precision.DAY, Precision.TIME))
    for day in days:
        if day.weekday() == number and abs((day - ctx.published).days) <= _NEWS_WEEK:
            return day
    return None


def _relative_weekday(ctx: Context, m: re.Match[str], number: int, step: int) -> dt.date:
    """ "last Tuesday" is strictly before publication, "next Tuesday" strictly after."""
    if step < 0:
        return cal.weekday_from(ctx.published, number, -1, strict=True)
    if step > 0:
        return cal.weekday_from(ctx.published, number, 1, strict=True)
    return _tensed_weekday(ctx, m, number)


def _relative_month(ctx: Context, number: int, step: int, mod: str | None) -> DateValue:
    """ "last May" is the latest May before this month; "next May" the first one after it."""
    this = ctx.published.replace(day=1)
    year = this.year
    if step < 0 and number >= this.month:
        year -= 1
    elif step > 0 and number <= this.month:
        year += 1
    return cal.month_value(year, number, mod)


def _weekend(ctx: Context, m: re.Match[str], step: int) -> DateValue:
    """ "this weekend" is the coming one, or in a past clause the one just gone."""
    weekday_now = ctx.published.weekday()
    if step == 0 and weekday_now < 5 and ctx.tense(m.start(), m.end()) == PAST:
        step = -1
    return cal.weekend_value(cal.plus_days(ctx.published, 7 * step))


def _part_of_day(words: list[str]) -> str | None:
    return next((PARTS_OF_DAY[w] for w in words if w in PARTS_OF_DAY), None)


def _edge(words: list[str]) -> str | None:
    return next((_EDGE_MODS[w] for w in words if w in _EDGE_MODS), None)


def _clock(text: str) -> str | None:
    """``06:00`` from "6 a.m.", ``18:30`` from "6:30 p.m.", ``12:00`` from "noon"."""
    if not any(c.isdigit() for c in text) and not _CLOCK_WORD.search(text):
        return None
    match = _CLOCK.search(text)
    if match is None:
        return None
    if match.group("word"):
        return "24:00" if match.group("word").lower() == "midnight" else "12:00"
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    half = _half_of_day(text, hour)
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


_MERIDIEM = re.compile(r"(?i)\d\s*([ap])\.?m(?![A-Za-z])")
_PM_PARTS = re.compile(r"(?i)afternoon|evening")
_NIGHT = re.compile(r"(?i)\bnight\b")


def _half_of_day(text: str, hour: int) -> str:
    """ "a", "p" or "" for a clock time: "3 in the afternoon" and "9 at night" are p.m. as
    "3 p.m." is; a night's hours before six are the small hours ("2 at night")."""
    if _PM_PARTS.search(text):
        return "p"
    meridiem = _MERIDIEM.search(text)
    if meridiem is not None:
        return meridiem.group(1).lower()
    if _NIGHT.search(text):
        return "p" if hour >= 6 else "a"
    return ""
