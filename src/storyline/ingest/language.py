"""Which language a post or a document is written in.

:func:`detect_document_language` is for whole documents: text mostly in Arabic
script goes to the heuristic below; any other text to ``py3langid`` (a small
offline naive-Bayes identifier over byte n-grams that ships its model, 97
languages), on a lower-cased sample so an all-caps article is still English. A
Latin-script guess below :data:`MIN_CONFIDENCE` counts as English (the
pipeline's language): a list of names or a few words is no evidence; text
mostly in another script (Cyrillic, Greek, CJK ...) is never English.

:func:`detect_language` is for short posts:

A small heuristic, no model: count letters by script; a text written mostly in
Arabic script is told apart by the letters each language adds to the Arabic
alphabet (Pashto ټ ډ ړ ږ ښ ګ ڼ ځ څ ې ۍ; Urdu ٹ ڈ ڑ ں ے ھ; Persian پ چ ژ گ
with Persian ک ی; Arabic ة ى and Arabic ك ي) and by a few very frequent
function words. Latin-script text is reported as English (the pipeline's
language); other scripts as ``None`` (unknown).

Codes are ISO 639-1 where one exists: ``en``, ``ps`` (Pashto), ``fa``
(Persian; Dari is the Afghan variety and is written the same way), ``ur``,
``ar``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

__all__ = ["LANGUAGE_NAMES", "MIN_CONFIDENCE", "RTL_LANGUAGES", "detect_document_language", "detect_language",
           "document_language", "language_name"]

LANGUAGE_NAMES = {"en": "English", "ps": "Pashto", "fa": "Dari/Persian", "ur": "Urdu", "ar": "Arabic",
                  "de": "German", "ru": "Russian", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
                  "nl": "Dutch", "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
                  "pl": "Polish", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech",
                  "el": "Greek", "he": "Hebrew", "hi": "Hindi", "id": "Indonesian"}
MIN_CONFIDENCE = 0.9  # py3langid probability a Latin-script text needs to be called other than English
SAMPLE_CHARS = 5000  # how much of a document the identifier reads
RTL_LANGUAGES = frozenset({"ps", "fa", "ur", "ar"})

# Letters that only (or mostly) one language of the four uses.
_LETTERS: dict[str, str] = {
    "ps": "\u067c\u0689\u0693\u0696\u069a\u06ab\u06bc\u0681\u0685\u06d0\u06cd",  # ټ ډ ړ ږ ښ ګ ڼ ځ څ ې ۍ
    "ur": "\u0679\u0688\u0691\u06ba\u06d2\u06be\u06c1",  # ٹ ڈ ڑ ں ے ھ ہ
    "fa": "\u06af",  # گ (Pashto writes ګ, Arabic has none)
    "ar": "\u0629\u0649\u0643\u0623\u0625",  # ة ى ك أ إ
}
# پ چ ژ: Persian, Urdu and Pashto, never Arabic.
_NOT_ARABIC = "\u067e\u0686\u0698"
_WORDS: dict[str, frozenset[str]] = {
    "ps": frozenset("د په او چې دی وي کې ته هم دا له سره یې شوي".split()),
    "ur": frozenset("کے ہے میں اور کی سے نے کو کا یہ ہیں تھا".split()),
    "fa": frozenset("است این که را از با می برای یک شد آن بود".split()),
    "ar": frozenset("في من على إلى الله التي الذي عن هذا مع كان".split()),
}
_WORD = re.compile(r"\w+")
_MIN_LETTERS = 3


_ARABIC = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_ONLY = re.compile(r"[\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\U0001f000-\U0001faff]*")


def detect_language(text: str) -> str | None:
    """``en``, ``ps``, ``fa``, ``ur`` or ``ar`` for ``text``; None when it has too few letters or another script."""
    if _ARABIC.search(text) is None:
        latin = len(_LATIN.findall(text))
        if latin >= _MIN_LETTERS and _LATIN_ONLY.fullmatch(text):
            return "en"
    total = len(_LETTER.findall(text))
    if total < _MIN_LETTERS:
        return None
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    if latin >= arabic and latin >= total - latin - arabic:
        # URLs, handles and hashtags are Latin: English only when Arabic script is a small part.
        return "en" if arabic < 0.25 * total else _arabic_script_language(text)
    if arabic >= total - latin - arabic:
        return _arabic_script_language(text)
    return None


def language_name(code: str | None) -> str:
    """"German" for ``de``; the code itself for a language without a name here; "unknown" for None."""
    if not code:
        return "unknown"
    return LANGUAGE_NAMES.get(code.split("-")[0].lower(), code)


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_document_language(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in; ``en`` when it reads as English or nothing tells."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters < _MIN_LETTERS:
        return None
    arabic = len(_ARABIC.findall(sample))
    if arabic * 2 > letters:
        return _arabic_script_language(sample)
    latin = len(_LATIN.findall(sample))
    code, prob = _identifier().classify(sample.lower())
    if latin * 2 > letters:
        return code if code != "en" and prob >= MIN_CONFIDENCE and letters >= 40 else "en"
    return code if code != "en" else None


def _arabic_script_language(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    score: Counter[str] = Counter()
    for lang, letters in _LETTERS.items():
        score[lang] += 3 * sum(text.count(ch) for ch in letters)
    not_arabic = sum(text.count(ch) for ch in _NOT_ARABIC)
    for word in _WORD.findall(text):
        for lang, words in _WORDS.items():
            if word in words:
                score[lang] += 2
    if not_arabic:
        score["ar"] -= 2 * not_arabic
    # Persian keheh/yeh (ک ی) against Arabic kaf/yeh (ك ي)
    score["ar"] += text.count("\u064a")
    persian_yeh = text.count("\u06cc") + text.count("\u06a9")
    score["fa"] += persian_yeh // 4
    best = max(("ps", "ur", "fa", "ar"), key=lambda lang: (score[lang], lang == "fa"))
    if score[best] <= 0:
        return "fa" if not_arabic or persian_yeh else "ar"
    return best


def document_language(languages: list[str | None]) -> str | None:
    """The language of a document made of parts in ``languages``: the one language all known parts share, else None."""
    known = {lang for lang in languages if lang}
    return known.pop() if len(known) == 1 else None
