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


def test_language_of_documents_german_russian_and_all_caps_english():
    from storyline.ingest.language import detect_document_language

    german = "Die Patienten und ihre Daten werden in der Klinik sicher gespeichert, sagte der Arzt am Montag in Berlin."
    russian = "Что происходит в Москве сегодня? Власти сообщили, что встреча состоится в понедельник."
    shouted = "THE MINISTER SAID ON TUESDAY THAT THE BRIDGE WOULD REOPEN AFTER THE FLOODS HAD GONE DOWN."
    assert detect_document_language(german) == "de"
    assert detect_document_language(russian) == "ru"
    assert detect_document_language(shouted) == "en"


def test_language_a_list_of_names_is_not_taken_for_another_language():
    from storyline.ingest.language import detect_document_language

    assert detect_document_language("Lena Varga, Darius Kemal, Amira Haddad, Tomas Keller, Ines Moreau") == "en"


def test_language_make_document_records_only_languages_other_than_english():
    from storyline.ingest.build import make_document

    de = make_document("a.txt", "Die Regierung hat am Montag neue Regeln für die Daten der Patienten beschlossen.", format="text")
    en = make_document("b.txt", "The government adopted new rules for patient data on Monday.", format="text")
    assert de.language == "de" and en.language is None
