"""Question terms: the nouns an actor keeps using, joined and named."""

from __future__ import annotations

import pytest

from storyline.corpus.question_terms import (
    noun_phrase_used,
    noun_terms,
    owner_of,
    says_possessive,
    singular,
    term_groups,
    term_label,
)


@pytest.mark.parametrize(("plural", "one"), [("taxes", "tax"), ("countries", "country"), ("dams", "dam"), ("lives", "life"),
                                             ("crisis", "crisis"), ("process", "process"), ("bus", "bus")])
def test_singular_by_spelling(plural: str, one: str) -> None:
    assert singular(plural) == one


def test_noun_terms_take_the_last_word_of_a_noun_run_after_a_determiner_or_preposition() -> None:
    assert noun_terms("we will build a dam and the province will pay for the river dam") == {
        "dam": ("dam", None), "province": ("province", None)}
    assert noun_terms("the pipeline deal is dead") == {"deal": ("deal", "pipeline")}
    assert noun_terms("she used a personal e-mail account for the e-mails") == {"account": ("account", "e-mail"),
                                                                                 "email": ("e-mails", None)}


def test_noun_terms_skip_verbs_general_nouns_and_names() -> None:
    assert noun_terms("we want to build") == {}
    assert noun_terms("it is a mistake and a problem for the people") == {}
    assert noun_terms("the Velar Party met in Rhenland") == {}
    assert noun_terms("the deal signed yesterday") == {"deal": ("deal", None)}


def test_term_groups_need_three_remarks_and_join_nouns_used_together() -> None:
    texts = {"a": "we will build a dam on the border", "b": "the dam will stop the floods", "c": "nobody builds dams like us",
             "d": "the border dam is coming", "e": "floods hit the valley", "f": "the weather is fine"}
    groups, terms = term_groups(texts)
    assert set(groups) == {"dam"}  # "border" and "flood" are in two remarks each: no question
    assert groups["dam"].phrase == "the dam"
    assert "dam" in terms["c"]  # "builds dams": a word used as a noun elsewhere is one here too


def test_term_groups_drop_words_mostly_used_before_another_noun() -> None:
    texts = {str(i): t for i, t in enumerate(["a bad deal for farmers", "the bad trade deal", "this bad idea",
                                              "so bad", "the bad weather", "the bad"])}
    groups, _terms = term_groups(texts)
    assert "bad" not in groups


def test_term_groups_drop_a_noun_used_about_many_different_subjects() -> None:
    texts = {str(i): f"the campaign of X{i} is over" for i in range(4)}
    spread, _ = term_groups(texts, {str(i): [f"subj{i}"] for i in range(4)})
    focused, _ = term_groups(texts, {str(i): ["subj0"] for i in range(4)})
    assert "campaign" not in spread
    assert set(focused) == {"campaign"}


def test_term_groups_join_one_level_only() -> None:
    texts = {"1": "the wall on the border", "2": "a wall on the border", "3": "the wall at the border", "4": "the wall",
             "5": "the border and its patrol", "6": "the border patrol", "7": "our patrol", "8": "the patrol",
             "9": "a wall", "10": "the wall again"}
    groups, _ = term_groups(texts)
    assert groups["border"].key == "wall"
    assert groups["patrol"].key == "patrol"  # "patrol" goes with "border", which already follows "wall": no chain


def test_term_labels_name_the_subject_as_owner_only_where_the_actor_says_so() -> None:
    assert term_label("the emails", "Mira Suda", possessive=True) == "Mira Suda's emails"
    assert term_label("the dam", "Rhenland", possessive=False) == "the dam and Rhenland"
    assert term_label("the dam", None, possessive=False) == "the dam"
    assert term_label("the plan", "Velar Partners", possessive=True) == "Velar Partners' plan"
    assert says_possessive("Mira Suda's private emails leaked", "Mira Suda", {"email"})
    assert not says_possessive("Mira Suda hates emails", "Mira Suda", {"email"})


def test_term_phrase_is_how_the_actor_names_the_thing_not_where_it_modifies_another_noun() -> None:
    texts = {"1": "the emails leaked", "2": "her emails", "3": "email rules were broken", "4": "email chains grow",
             "5": "email storage is cheap"}
    groups, _ = term_groups(texts)
    assert groups["email"].phrase == "emails"


def test_a_word_used_before_names_is_a_modifier_too() -> None:
    texts = {"1": "the foreign Rhenish", "2": "all foreign Velars", "3": "those foreign Marrs", "4": "the foreign Suda"}
    groups, _ = term_groups(texts)
    assert "foreign" not in groups


def test_term_phrase_counts_bare_nouns_but_not_modifiers() -> None:
    texts = {"1": "break up banks", "2": "any bank that fails", "3": "banks must pay", "4": "the big banks", "5": "bank rules"}
    groups, _ = term_groups(texts)
    assert groups["bank"].phrase == "banks"


def test_a_noun_inside_a_fixed_verb_phrase_is_no_term() -> None:
    assert noun_terms("we will bomb the hell out of them") == {}
    assert noun_terms("they should get the heck out") == {}
    assert noun_terms("we will take the troops out of the valley") == {"troop": ("troops", None), "valley": ("valley", None)}


def test_a_word_after_to_or_a_modal_is_a_verb_not_the_noun_used_elsewhere() -> None:
    texts = {"a": "the rich must pay their fair share", "b": "a fair share for workers", "c": "people want to share their worries",
             "d": "we will share the plan", "e": "the weather is fine"}
    _groups, terms = term_groups(texts)
    assert "share" in terms["a"] and "share" in terms["b"]
    assert "share" not in terms["c"]
    assert "share" not in terms["d"]


def test_a_word_after_a_subject_pronoun_is_a_verb_not_the_noun_used_elsewhere() -> None:
    texts = {"a": "the mean of the votes", "b": "a mean of the polls", "c": "I mean, we will win", "d": "the weather is fine"}
    _groups, terms = term_groups(texts)
    assert "mean" in terms["a"] and "mean" in terms["b"]
    assert "mean" not in terms["c"]


def test_term_phrase_has_no_article_where_the_actor_uses_the_noun_without_one() -> None:
    texts = {"1": "we must end child labour now", "2": "the fight on child labour", "3": "child labour is theft",
             "4": "they profit from child labour"}
    groups, _ = term_groups(texts)
    assert groups["labour"].phrase == "child labour"
    texts = {"1": "we will build a dam", "2": "the dam will be huge", "3": "our dam is good", "4": "pay for the dam"}
    groups, _ = term_groups(texts)
    assert groups["dam"].phrase == "the dam"



def test_noun_terms_keep_a_name_before_a_noun_as_its_modifier() -> None:
    assert noun_terms("we need the Karsa embargo now") == {"embargo": ("embargo", "Karsa")}
    assert noun_terms("the Velar Party met in Rhenland") == {}
    assert noun_terms("in the NATO summit") == {}


def test_the_owner_of_a_noun_is_the_actor_in_its_own_words_or_name_and_unsure_for_a_pronoun_of_its_gender() -> None:
    assert owner_of("I will release my tax returns", "Tarin Hask", {"return"}) == "actor"
    assert owner_of("the scandal around Hask's emails", "Tarin Hask", {"email"}) == "actor"
    assert owner_of("who told you about your emails", "Tarin Hask", {"email"}) == "other"
    assert owner_of("our borders are open", "Tarin Hask", {"border"}) == "other"
    assert owner_of("she said her emails were fine", "Mary Hask", {"email"}) is None
    assert owner_of("he mocked her emails", "John Hask", {"email"}) == "other"
    assert owner_of("the emails were fine", "Tarin Hask", {"email"}) is None


@pytest.mark.parametrize(("phrase", "text", "used"), [
    ("glass ceiling", "we cracked the glass ceiling", True),
    ("glass ceiling", "Glass ceiling is real", True),
    ("nuclear weapons", "they deploy nuclear weapons", True),
    ("continuing wave", "a continuing wave of arrests", True),
    ("host events", "he wants to host events", False),
    ("love women", "I love women", False),
    ("korean regime", "the North Korean regime", False),
    ("white working", "the white working class", False),
    ("getting oxygen", "he keeps getting oxygen", False),
])
def test_a_shared_pair_is_a_noun_phrase_only_where_no_verb_name_or_longer_phrase_holds_it(phrase: str, text: str, used: bool) -> None:
    assert noun_phrase_used(phrase, [text]) is used


def test_noun_terms_a_contracted_verb_owns_nothing_and_a_common_nouns_possessive_names_the_kind() -> None:
    assert "true" not in noun_terms("It's true. That's what's true")  # "it's": "it is", no owner before a noun
    assert noun_terms("playing the woman's card on me")["card"] == ("card", "woman's")
    assert noun_terms("Clinton's emails")["email"] == ("emails", None)  # a name owns; it is no kind of email
