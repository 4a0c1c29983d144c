"""Watchlist name comparison: the variant rules, each with invented names."""

from __future__ import annotations

import pytest

from storyline.text.names import name_key, name_similarity, token_similarity
from storyline.corpus.watchlist_match import (
    ABBREVIATION_SIMILARITY,
    VOWEL_VARIANT_SIMILARITY,
    is_branch_name,
    translated_org_key,
    is_consonant_abbreviation,
    is_core_match,
    merge_compounds,
    name_core,
    strip_glued_article,
    watchlist_name_similarity,
    watchlist_query_coverage,
    watchlist_token_similarity,
)
from storyline.model import EntityType

P = EntityType.PERSON


def _sim(a: str, b: str, etype: EntityType = P) -> float:
    return watchlist_name_similarity(name_key(a, etype), name_key(b, etype), person=etype == P)


@pytest.mark.parametrize(("a", "b"), [
    ("muhajir", "mahajar"),  # short vowels written differently
    ("qutaybi", "kutaibi"),  # across a first letter, q/k and ay/ai
    ("tabarek", "tubaruk"),  # e/u against u/a
])
def test_vowel_variants_of_one_consonant_skeleton_match(a: str, b: str) -> None:
    assert token_similarity(a, b) < 0.88  # the resolver stays strict
    assert watchlist_token_similarity(a, b) == VOWEL_VARIANT_SIMILARITY


@pytest.mark.parametrize(("a", "b"), [
    ("moharra", "mahiri"),  # two different final vowels: another name
    ("sami", "soma"),  # too short to tell
])
def test_vowel_variants_keep_final_vowels_and_short_words_apart(a: str, b: str) -> None:
    assert watchlist_token_similarity(a, b) < 0.88


@pytest.mark.parametrize(("glued", "rest"), [
    ("almutaweb", "mutaweb"), ("elfaroudi", "faroudi"), ("eddarwish", "darwish"), ("essaleh", "saleh"),
    ("ashshakir", "shakir"), ("ezzoubi", "zoubi"),
])
def test_glued_article_is_stripped_and_matches_the_bare_word(glued: str, rest: str) -> None:
    assert strip_glued_article(glued) == rest
    assert watchlist_token_similarity(glued, rest) >= VOWEL_VARIANT_SIMILARITY


@pytest.mark.parametrize("word", ["alan", "alexa", "ali", "edmund", "essen", "assad"])
def test_words_that_only_look_like_a_glued_article_are_kept(word: str) -> None:
    assert strip_glued_article(word) == word


def test_glued_article_links_a_whole_name() -> None:
    assert _sim("Almutaweb Bellah Qadiri", "Mutaweb Billah Qadiri") >= 0.85


@pytest.mark.parametrize(("short", "long_"), [("shpg", "shipping"), ("intl", "international"),
                                              ("mfg", "manufacturing"), ("bldg", "building")])
def test_consonant_abbreviations_match_their_word(short: str, long_: str) -> None:
    assert is_consonant_abbreviation(short, long_)
    assert watchlist_token_similarity(short, long_) == ABBREVIATION_SIMILARITY


@pytest.mark.parametrize(("short", "long_"), [("shpg", "shopkeeper"), ("mfg", "muffin"), ("sant", "saint")])
def test_consonant_abbreviation_needs_first_last_letters_and_order(short: str, long_: str) -> None:
    assert not is_consonant_abbreviation(short, long_)


def test_abbreviated_organisation_name_ranks_like_the_full_one() -> None:
    org = EntityType.ORGANIZATION
    assert _sim("Velmora Shpg Co", "VELMORA SHIPPING CO", org) >= 0.9


def test_spacing_variants_are_joined() -> None:
    a, b = merge_compounds(name_key("Tarek Bakhtzada", P), name_key("TAREK BAKHT ZADA", P))
    assert a.tokens == ("tarek", "bakhtzada") and b.tokens == ("tarek", "bakhtzada")
    assert _sim("Pak Sungwon", "PAK SUNG-WON") >= 0.95
    assert _sim("Dabo Na Welta", "DABO NAWELTA") >= 0.95


def test_joining_does_not_glue_unrelated_tokens() -> None:
    a, b = merge_compounds(name_key("Karim Dastan", P), name_key("Karim Dast Anwar", P))
    assert b.tokens == ("karim", "dast", "anwar")


def test_word_three_letters_longer_is_another_name() -> None:
    # Jaro-Winkler rewards the shared beginning (0.93); the resolver's similarity keeps it
    assert token_similarity("bakhund", "bakhunzari") >= 0.88
    assert watchlist_token_similarity("bakhund", "bakhunzari") < 0.88
    assert _sim("Tarek Jan Bakhunzari", "Tarek Jan Bakhund") < 0.85


def test_tokens_out_of_order_that_are_not_a_rotation_do_not_link() -> None:
    # a permutation inside the name: another person
    assert _sim("Hamid Yaqub Nasir", "Hamid Nasir Yaqub") < 0.85
    # the family name moved to the front is the same person written family-first
    assert _sim("Qarawi Zaid Hamdan", "Zaid Hamdan Qarawi") >= 0.9
    # the resolver's own order penalty is unchanged
    plain = name_similarity(name_key("Hamid Yaqub Nasir", P), name_key("Hamid Nasir Yaqub", P), person=True)
    assert plain >= 0.9


@pytest.mark.parametrize(("compound", "core"), [("abdrahim", "rahim"), ("nurudduddin", "nurudd"),
                                                ("zarifullah", "zarif")])
def test_name_core_of_compounds(compound: str, core: str) -> None:
    assert name_core(compound) == core


def test_core_word_is_related_but_never_scores_as_the_compound() -> None:
    assert is_core_match("rahim", "abdrahim")
    assert is_core_match("ghiyas", "ghiyasuddin")
    assert not is_core_match("rahim", "abdkarim")
    assert watchlist_token_similarity("rahim", "abdrahim") < 0.88
    assert _sim("Oruz Rahim", "Oruz Abdul Rahim") < 0.85


def test_query_coverage_counts_joined_tokens() -> None:
    q, other = name_key("Sorab Tahmaszada", P), name_key("SORAB TAHMAS ZADA KHEL", P)
    assert watchlist_query_coverage(q, other) >= 0.95


def test_cyrillic_is_romanised_with_kh_and_other_scripts_are_not() -> None:
    from storyline.corpus.watchlist_match import romanize_cyrillic

    assert romanize_cyrillic("Тамерлан Хасбулатов") == "Tamerlan Khasbulatov"
    assert romanize_cyrillic("کریم الله زرداد") == ""
    assert romanize_cyrillic("Karim Zardad") == ""


@pytest.mark.parametrize(("a", "b"), [("khaledov", "haledov"), ("rakhmatullo", "rahmatullo")])
def test_kh_written_h_is_one_name(a: str, b: str) -> None:
    assert watchlist_token_similarity(a, b) >= VOWEL_VARIANT_SIMILARITY


def test_kh_written_h_crosses_a_first_letter_in_a_whole_name() -> None:
    assert token_similarity("khaledov", "haledov") != VOWEL_VARIANT_SIMILARITY  # fuzzy only: not across letters
    assert _sim("Khaledov Timur", "Haledov Timur") >= 0.85


def test_acronym_initials_similarity() -> None:
    from storyline.corpus.watchlist_match import (
        ACRONYM_INITIALS_SIMILARITY,
        acronym_initials_similarity,
        acronym_keys,
        acronym_query_keys,
        acronym_words,
    )

    words = acronym_words("Ministry of Coastal Water Works")
    assert acronym_initials_similarity("mcww", words) == ACRONYM_INITIALS_SIMILARITY
    assert acronym_initials_similarity("mocww", words) == ACRONYM_INITIALS_SIMILARITY  # the function word's initial
    assert 0 < acronym_initials_similarity("micww", words) < ACRONYM_INITIALS_SIMILARITY  # "Mi" from Ministry
    assert acronym_initials_similarity("mcw", words) == 0.0  # every content word up to the last gives a letter
    assert acronym_initials_similarity("mwcw", words) == 0.0  # in order
    assert acronym_initials_similarity("cw", words) == 0.0  # two letters never leave leading words out
    assert acronym_initials_similarity("cww", words) == ACRONYM_INITIALS_SIMILARITY
    assert set(acronym_query_keys("mcww")) & set(acronym_keys(words))
    assert set(acronym_query_keys("cww")) & set(acronym_keys(words))


@pytest.mark.parametrize(("a", "b"), [
    ("ramadan", "ramazan"),  # d written z
    ("dhawahri", "zawahri"),  # dh written z, across a first letter
    ("uthmani", "usmani"),  # th written s
    ("fadlullah", "fazlullah"),
])
def test_persianate_spellings_of_one_arabic_name_match(a: str, b: str) -> None:
    assert watchlist_token_similarity(a, b) >= VOWEL_VARIANT_SIMILARITY


@pytest.mark.parametrize(("a", "b"), [
    ("dawud", "zayd"),  # two consonants: too little to tell
    ("daoud", "zaid"),
])
def test_persianate_rule_needs_a_long_enough_skeleton(a: str, b: str) -> None:
    assert watchlist_token_similarity(a, b) < VOWEL_VARIANT_SIMILARITY


def test_a_doubled_glide_is_a_consonant() -> None:
    assert watchlist_token_similarity("qawwas", "qais") < 0.88  # equal skeletons, but the ww is a consonant
    assert watchlist_token_similarity("sayyid", "sayid") >= 0.95  # both keep the y
    assert _sim("Tarek Qawwas", "Tariq Qais") < 0.85
    assert _sim("Tarek Qawwas", "Tariq Qawas") >= 0.95


@pytest.mark.parametrize(("a", "b"), [
    ("djamel", "jamel"),  # dj
    ("chakib", "shakib"),  # ch, across a first letter
    ("ouahid", "wahid"),  # ou before a vowel
])
def test_french_romanisations_match_english_ones(a: str, b: str) -> None:
    assert watchlist_token_similarity(a, b) >= VOWEL_VARIANT_SIMILARITY


O = EntityType.ORGANIZATION


@pytest.mark.parametrize(("a", "b"), [
    ("Islamic Caliphate Front - Kandor", "Islamic Caliphate Front"),  # a province appended
    ("Partisans of Truth Derna", "Partisans of Truth"),  # a city appended
    ("Holy Victory in Veloria", "Holy Victory"),  # a branch "in" a country
])
def test_a_name_followed_by_a_place_names_a_branch(a: str, b: str) -> None:
    assert is_branch_name(name_key(a, O), name_key(b, O)) and is_branch_name(name_key(b, O), name_key(a, O))


@pytest.mark.parametrize(("a", "b"), [
    ("Holy Partisans Group", "Holy Partisans"),  # a generic word
    ("Veloria Committee for Space Studies", "Committee for Space Studies"),  # a national name in front
    ("Holy Partisans Group of Veloria", "Holy Partisans Group"),  # "of": the organisation's own country
    ("Holy Partisans - Kandor", "Holy Partisans - Vask"),  # two branches: neither holds the other
])
def test_generic_words_national_names_and_of_do_not_make_a_branch(a: str, b: str) -> None:
    assert not is_branch_name(name_key(a, O), name_key(b, O))


def test_organisation_words_are_read_for_their_meaning() -> None:
    key = translated_org_key(name_key("Jaish-e-Adl al-Islamiya", O))
    assert key is not None and key.tokens == ("army", "adl", "islamic")
    joined = translated_org_key(name_key("Hezbollah", O))  # party of God, written as one word
    assert joined is not None and joined.tokens == ("party", "god")
    assert translated_org_key(name_key("Orion Trading Group", O)) is None  # nothing to translate
