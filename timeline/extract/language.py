"""Whether an article is written in English, the only language whose dates are read.

An article in another language is not refused, but its dates are not read ("يوم الثلاثاء
18 مارس 2025" dates nothing), so the build and ``timeline check`` say so. Two cheap signs,
no language model: the script of the letters (Arabic, Cyrillic, Hebrew, CJK...) by their
Unicode names, and for text in Latin letters how many of its words are the commonest words
of English or of another language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from timeline.model import Article

ENGLISH = "English"

_SCRIPTS = {
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "CYRILLIC": "Russian",
    "GREEK": "Greek",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "DEVANAGARI": "Hindi",
    "BENGALI": "Bengali",
    "THAI": "Thai",
    "ETHIOPIC": "Amharic",
    "HANGUL": "Korean",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "CJK": "Chinese",
}
"""The first word of a letter's Unicode name, and the language its script most likely
writes (a text in Arabic letters with Persian ones is Persian, see ``_VARIANTS``)."""

_VARIANTS = {
    "Arabic": ("Persian", frozenset("پچژگ")),
    "Russian": ("Ukrainian", frozenset("ієїґ")),
    "Chinese": ("Japanese", frozenset()),
}

_COMMON_WORDS = {
    ENGLISH: "the of and to in a is that for on was with said by as at it from be has have "
    "are were an his her their after which who would will not but had been they this",
    "French": "le la les de des et est en du un une que qui dans pour par sur au aux avec "
    "il elle ont sont pas ce cette été selon",
    "Spanish": "el la los las de del y en que un una por con para se es al su sus como más "
    "fue han según lo",
    "Portuguese": "o a os as de do da dos das e em no na que um uma para com por não foi "
    "ao pelo pela segundo",
    "Italian": "il lo la gli le di del della e che un una per con non è sono da nel alla "
    "secondo ha",
    "German": "der die das und ist nicht mit von den dem des ein eine zu im auf für sich "
    "dass wurde nach sind",
    "Dutch": "de het een en van in is dat op te met voor niet zijn werd door aan ook",
    "Turkish": "ve bir bu da de için ile olarak çok daha gibi olan ise en",
    "Indonesian": "yang dan di ke dari ini itu untuk dengan pada tidak dalam akan oleh",
}
"""The commonest words of each language: together they make up a third or more of any
running text in it, and little of a text in another."""

_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_SAMPLE = 2000
"""How much of an article's body is looked at: a language shows in its first paragraphs."""
_FEWEST_WORDS = 20
"""Fewer words than this tell nothing: a headline, a caption."""
_ENGLISH_SHARE = 0.10
"""About a third of the words of English news are among its commonest; a caption or a
list of names has fewer, but still more than a text in another language has."""
_SURELY_ENGLISH = 0.2
"""No text in another language has that many English common words: no need to compare."""
_OTHER_SHARE = 0.12


def language_note(article: Article) -> str | None:
    """The warning for an article whose dates are not read because it is not in English
    (by its text, or by the ``lang`` its front matter declares); None for English."""
    looks = text_language(article.text[article.body_start : article.body_start + _SAMPLE])
    declared = (article.lang or "").strip()
    if declared and not declared.lower().startswith("en") and looks in (ENGLISH, None):
        return (
            f"dates not read: the article's lang is '{declared}', and timeline reads dates "
            "in English only"
        )
    if looks is None or looks == ENGLISH:
        return None
    what = "not English" if looks == "" else f"like {looks}"
    return f"dates not read: the text looks {what}, and timeline reads dates in English only"


def text_language(text: str) -> str | None:
    """``English``, the name of another language the text looks like, ``""`` for another
    language not named here, or None when the text is too short to tell."""
    script = _script(text)
    if script is not None:
        return script
    words = Counter(text.lower().split())  # a word with punctuation attached is no common word
    if words.total() < _FEWEST_WORDS:
        return None
    if _share(words, ENGLISH) >= _SURELY_ENGLISH:
        return ENGLISH
    shares = {language: _share(words, language) for language in _COMMON_WORDS}
    best = max(shares, key=lambda language: (shares[language], language == ENGLISH))
    if best == ENGLISH and shares[ENGLISH] >= _ENGLISH_SHARE:
        return ENGLISH
    return best if best != ENGLISH and shares[best] >= _OTHER_SHARE else ""


def _script(text: str) -> str | None:
    """The language of the script most letters are written in, when it is not Latin."""
    if text.isascii():
        return None
    letters = Counter(_script_of(char) for char in _NOT_ASCII.findall(text) if char.isalpha())
    if letters.keys() <= {"LATIN", ""}:
        return None  # no letter of a script named here (curly quotes, accents): Latin
    letters["LATIN"] += len(_ASCII_LETTERS.findall(text))
    total = letters.total()
    script, count = max(letters.items(), key=lambda item: (item[1], item[0]))
    if script in ("LATIN", "") or count * 2 < total:
        return None
    language = _SCRIPTS[script]
    variant, marks = _VARIANTS.get(language, ("", frozenset()))
    if variant and (marks.intersection(text) or (language == "Chinese" and letters["HIRAGANA"])):
        return variant
    return language


@lru_cache(maxsize=4096)
def _script_of(char: str) -> str:
    """``LATIN``, a key of ``_SCRIPTS``, or ``""`` for other letters."""
    script = unicodedata.name(char, "").split(" ", 1)[0]
    return script if script == "LATIN" or script in _SCRIPTS else ""


@lru_cache(maxsize=len(_COMMON_WORDS))
def _common(language: str) -> frozenset[str]:
    return frozenset(_COMMON_WORDS[language].split())


def _share(words: Counter[str], language: str) -> float:
    return sum(words.get(word, 0) for word in _common(language)) / words.total()
