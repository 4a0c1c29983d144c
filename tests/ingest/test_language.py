from __future__ import annotations

import pytest

from storyline.ingest.language import detect_language, document_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("د کورنیو چارو وزارت ویاند وویل چې په ولایت کې امنیتي وضعیت ښه دی.", "ps"),
        ("سخنگوی وزارت امور داخله گفت که وضعیت امنیتی در این ولایت خوب است.", "fa"),
        ("وزارت داخلہ کے ترجمان نے کہا ہے کہ صوبے میں سیکیورٹی کی صورتحال بہتر ہے۔", "ur"),
        ("قال المتحدث باسم وزارة الداخلية إن الوضع الأمني في الولاية مستقر.", "ar"),
        ("The ministry said the road is open. https://t.me/x #Sarvan", "en"),
    ],
)
def test_language_detects_script_and_language(text, lang):
    assert detect_language(text) == lang


def test_language_unknown_for_too_little_text_or_other_scripts():
    assert detect_language("ok") is None
    assert detect_language("Привет всем друзьям") is None


def test_language_english_post_with_a_short_arabic_phrase_stays_english():
    assert detect_language("The spokesman ended with الحمد لله and thanked the elders of the district.") == "en"


def test_language_document_language_needs_one_shared_language():
    assert document_language(["ps", "ps", None]) == "ps"
    assert document_language(["ps", "en"]) is None
