"""Which articles are not in English: their dates are not read, and the build says so."""

from __future__ import annotations

import pytest

from timeline.extract.language import language_note, text_language
from timeline.load.articles import parse_article

ENGLISH_NEWS = (
    "Talks between the two delegations resumed on Monday in the capital, officials said. "
    "The first round of negotiations had opened on January 21, 2025, and broke down a week "
    "later without an agreement."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ENGLISH_NEWS, "English"),
        (
            "أعلنت الحكومة يوم الثلاثاء 18 مارس 2025 أن المفاوضات ستستأنف في القاهرة الأسبوع "
            "المقبل بعد توقف دام أسبوعين.",
            "Arabic",
        ),
        ("مذاکرات میان دو هیئت روز دوشنبه در پایتخت از سر گرفته شد، مقامات گفتند.", "Persian"),
        ("השיחות בין שתי המשלחות התחדשו ביום שני בבירה, אמרו גורמים רשמיים.", "Hebrew"),
        ("Переговоры между двумя делегациями возобновились в понедельник в столице.", "Russian"),
        ("Переговори між двома делегаціями відновилися в понеділок у столиці.", "Ukrainian"),
        ("两国代表团之间的谈判周一在首都恢复，官员们说。", "Chinese"),
        ("両代表団の交渉は月曜日に首都で再開されたと当局者は述べた。", "Japanese"),
        (
            "Les négociations entre les deux délégations ont repris lundi dans la capitale, "
            "selon des responsables. Le premier cycle de discussions avait été ouvert le 21 "
            "janvier et a échoué une semaine plus tard sans accord.",
            "French",
        ),
        (
            "Las negociaciones entre las dos delegaciones se reanudaron el lunes en la capital, "
            "según fuentes oficiales. La primera ronda de conversaciones se había abierto el 21 "
            "de enero y fracasó una semana después sin acuerdo.",
            "Spanish",
        ),
        (
            "Die Verhandlungen zwischen den beiden Delegationen wurden am Montag in der "
            "Hauptstadt wieder aufgenommen, sagten Beamte. Die erste Runde der Gespräche war am "
            "21. Januar eröffnet worden und scheiterte eine Woche später ohne Einigung.",
            "German",
        ),
        ("Too short to tell.", None),
        # An English report quoting a little Arabic is English.
        (ENGLISH_NEWS + " A banner read: «لا للحرب».", "English"),
        # A caption: few common words, none of another language's.
        (
            "Then-President George W. Bush, center, flanked by Federal Reserve Chairman Ben S. "
            "Bernanke, left, Treasury Secretary Henry M. Paulson Jr. and Securities and Exchange "
            "Commission Chairman Christopher Cox, speaks in the Rose Garden of the White House.",
            "English",
        ),
    ],
)
def test_text_language(text: str, language: str | None) -> None:
    assert text_language(text) == language


def article(body: str, lang: str | None = None) -> str:
    declared = f"lang: {lang}\n" if lang else ""
    return f"---\ntitle: T\npublished: 2025-03-18\n{declared}---\n\n{body}\n"


def test_an_arabic_article_is_noted_and_an_english_one_is_not() -> None:
    arabic = "أعلنت الحكومة يوم الثلاثاء 18 مارس 2025 أن المفاوضات ستستأنف في القاهرة."
    note = language_note(parse_article(article(arabic), "content/articles/ar.md"))
    assert note == (
        "dates not read: the text looks like Arabic, and timeline reads dates in English only"
    )
    assert language_note(parse_article(article(ENGLISH_NEWS), "a.md")) is None


def test_a_declared_language_is_noted_even_when_the_text_is_too_short_to_tell() -> None:
    note = language_note(parse_article(article("Kurz.", lang="de"), "a.md"))
    assert (
        note
        == "dates not read: the article's lang is 'de', and timeline reads dates in English only"
    )
    assert language_note(parse_article(article(ENGLISH_NEWS, lang="en-GB"), "a.md")) is None
