from __future__ import annotations

from storyline.corpus.subject_themes import subject_themes, titles


def _themes(contents: list[str], docs: list[str] | None = None, **kw) -> dict[str, str]:
    texts = {f"s{i}": c for i, c in enumerate(contents)}
    documents = {f"s{i}": (docs[i] if docs else f"d{i}") for i in range(len(contents))}
    return {sid: t.label for sid, t in subject_themes(texts, documents, "Mira Suda", "Mira Suda Suda", **kw).items()}


def test_subject_themes_remarks_sharing_a_noun_the_subject_owns_are_named_by_it() -> None:
    got = _themes(["Suda's judgment was poor", "her judgment is lacking on trade", "Suda gave the paid speeches to bankers",
                   "the paid speeches of Suda", "Suda is ahead in the polls", "voters trust Suda"], actor_name="John Hask")
    assert got == {"s0": "Mira Suda's judgment", "s1": "Mira Suda's judgment",
                   "s2": "Mira Suda's paid speeches", "s3": "Mira Suda's paid speeches"}


def test_subject_themes_a_noun_not_given_as_the_subjects_stands_beside_it() -> None:
    got = _themes(["Suda backed the pipeline", "Suda dragged her feet on the pipeline"], actor_name="John Hask")
    # "her feet": the possessive is on another noun; the pipeline is not hers
    assert got == {"s0": "the pipeline and Mira Suda", "s1": "the pipeline and Mira Suda"}


def test_subject_themes_a_possessive_of_the_actors_own_gender_does_not_tell_whose() -> None:
    said_by_a_man = _themes(["his budget will beat Suda", "Suda attacked his budget"], actor_name="John Hask")
    assert said_by_a_man == {"s0": "the budget and Mira Suda", "s1": "the budget and Mira Suda"}
    said_by_a_woman = _themes(["his budget will beat Suda", "Suda attacked his budget"], actor_name="Mary Marr")
    assert said_by_a_woman == {"s0": "Mira Suda's budget", "s1": "Mira Suda's budget"}


def test_subject_themes_a_noun_said_in_one_document_only_is_no_theme() -> None:
    assert _themes(["Suda's judgment was poor", "her judgment is lacking"], docs=["d0", "d0"]) == {}


def test_subject_themes_a_noun_naming_the_subject_itself_is_no_theme() -> None:
    apposition = ["Suda thanked his rival, Mira Suda", "he praised his rival, Mira Suda"]
    predicate = ["Suda is the nominee now", "Suda would be the nominee"]
    assert _themes(apposition, actor_name="John Hask") == {}
    assert _themes(predicate) == {}
    titled = ["the senator lied again about Suda", "Suda and the senator"]
    assert set(_themes(titled).values()) == {"the senator and Mira Suda"}
    assert _themes(titled, named_by=titles(["he met Senator Suda yesterday"])) == {}


def test_subject_themes_a_word_of_the_subjects_name_or_a_modifier_is_no_theme() -> None:
    texts = {"s0": "the Rhenland war was lost", "s1": "a war like the Rhenland war"}
    assert subject_themes(texts, {"s0": "d0", "s1": "d1"}, "Rhenland war") == {}
    assert _themes(["Suda's tax plans", "the tax plans of Suda"]) == {
        "s0": "Mira Suda's tax plans", "s1": "Mira Suda's tax plans"}  # the noun is "plans", not "tax"


def test_titles_are_nouns_capitalised_inside_a_sentence_or_before_a_full_name_without_an_article() -> None:
    got = titles(["he met President Obama and Judge Gonzalo Curiel", "Democratic front-runner Hillary Clinton won",
                  "Senators met. Senator Warren spoke", "the emails Hillary Clinton sent"])
    assert {"president", "judge", "frontrunner"} <= got
    assert "senator" not in got  # capitalised at a sentence start: no title
    assert "email" not in got and "met" not in got


def test_subject_themes_one_quote_reposted_in_two_documents_is_one_remark() -> None:
    assert _themes(["Suda's judgment was poor", "Suda’s judgment was poor."]) == {}


def test_subject_themes_a_possessive_of_the_other_gender_than_the_subjects_is_anothers() -> None:
    texts = {"s0": "his personal email account was hacked, Hillary Clinton says", "s1": "Hillary Clinton closed an email account"}
    docs = {"s0": "d0", "s1": "d1"}
    got = subject_themes(texts, docs, "Hillary Clinton", "Hillary Clinton")
    assert {t.label for t in got.values()} == {"the email account and Hillary Clinton"}
    texts["s0"] = "her personal email account was hacked, Hillary Clinton says"
    assert {t.label for t in subject_themes(texts, docs, "Hillary Clinton", "Hillary Clinton").values()} == {"Hillary Clinton's email account"}


def test_subject_themes_a_noun_that_keeps_coming_up_with_a_theme_joins_it() -> None:
    got = _themes(["Suda's judgment on the war was poor", "her judgment on the war failed", "Suda backed the war",
                   "the war was Suda's choice", "Suda's judgment at the bank"], actor_name="John Hask")
    assert got == {f"s{i}": "the war and Mira Suda" for i in range(5)}  # one question: her judgment on the war
    apart = _themes(["Suda's judgment was poor", "her judgment failed", "Suda backed the war", "the war was Suda's choice",
                     "Suda's judgment on the war"], actor_name="John Hask")
    assert set(apart.values()) == {"Mira Suda's judgment", "the war and Mira Suda"}  # together once only: two themes


def test_subject_themes_two_themes_said_in_the_same_articles_are_one_controversy() -> None:
    got = _themes(["Suda's verdict on the fraud case", "the verdict by Suda was unfair", "Suda keeps citing her heritage",
                   "Suda has a conflict because of her heritage", "Suda's verdict came late"],
                  docs=["d0", "d1", "d0", "d1", "d2"], actor_name="John Hask")
    assert set(got.values()) == {"Mira Suda's verdict"} and len(got) == 5
    apart = _themes(["Suda's verdict on the fraud case", "the verdict by Suda was unfair", "Suda keeps citing her heritage",
                     "Suda has a conflict because of her heritage"], docs=["d0", "d1", "d2", "d3"], actor_name="John Hask")
    assert set(apart.values()) == {"Mira Suda's verdict", "Mira Suda's heritage"}


def test_subject_themes_a_remark_beside_one_theme_in_its_article_joins_it_unless_the_article_says_more_else() -> None:
    got = _themes(["Suda's verdict on the fraud case", "the verdict by Suda was unfair", "Suda should be ashamed, so unfair"],
                  docs=["d0", "d1", "d1"], actor_name="John Hask")
    assert got == {"s0": "Mira Suda's verdict", "s1": "Mira Suda's verdict", "s2": "Mira Suda's verdict"}
    unrelated = _themes(["Suda's verdict on the fraud case", "the verdict by Suda was unfair", "Suda went to the opera",
                         "Suda sang", "Suda danced", "Suda slept"], docs=["d0", "d1", "d1", "d2", "d3", "d4"], actor_name="John Hask")
    assert "s2" not in unrelated  # nothing in common with what the article says of her verdict
    profile = _themes(["Suda's verdict on the fraud case", "the verdict by Suda was unfair", "Suda should be ashamed, so unfair",
                       "Suda gave money to the party", "Suda sang", "Suda danced", "Suda slept"],
                      docs=["d0", "d1", "d1", "d1", "d2", "d3", "d4"], actor_name="John Hask")
    assert "s2" not in profile and "s3" not in profile  # an article saying more of her besides: no telling


def test_subject_themes_a_property_predicated_of_the_subject_is_a_theme_whatever_its_form() -> None:
    got = _themes(["Suda was not qualified for the job", "Suda is unqualified", "the qualifications of Suda are thin",
                   "he cast Mira Suda as unqualified", "Suda's judgment is poor", "Suda sang", "Suda danced", "Suda slept",
                   "Suda ate"], actor_name="John Hask")
    assert got == {f"s{i}": "whether Mira Suda is qualified" for i in range(4)}
    # a possessive is no copula ("Suda's judgment"), a role after "as" is no property, nor a progressive verb
    assert _themes(["Suda's comments hurt", "Suda's comments again", "Suda as nominee", "Suda as nominee now",
                    "Suda is running", "Suda is running again"]) == {}


def test_subject_themes_a_pronoun_of_the_actors_own_gender_is_not_the_subject_of_a_property() -> None:
    texts = ["he is not ready to endorse Suda", "he was not ready to back Suda"]
    assert _themes(texts, actor_name="John Hask") == {}
    assert set(_themes(texts, actor_name="Mary Marr").values()) == set()  # "he" is not Mira Suda either
    texts = {"s0": "she is not ready to lead, Mary Suda says", "s1": "she was not ready, Suda says"}
    got = subject_themes(texts, {"s0": "d0", "s1": "d1"}, "Mary Suda", "Mary Suda", "John Hask")
    assert {t.label for t in got.values()} == {"whether Mary Suda is ready"}  # a woman spoken of by a man


def test_says_attribute_reads_the_property_word_negated_or_as_a_noun() -> None:
    from storyline.corpus.subject_themes import says_attribute

    assert says_attribute("she is unqualified", "is:qualified") and says_attribute("her qualifications", "is:qualified")
    assert not says_attribute("a quality product", "is:qualified")


def test_owned_by_pronoun_a_possessive_of_the_actors_gender_or_not_the_subjects_is_not_the_subjects() -> None:
    from storyline.corpus.subject_themes import owned_by_pronoun

    assert owned_by_pronoun("her judgment was not right", "judgment", "John Hask", "Mary Suda")
    assert not owned_by_pronoun("he would release all his speeches", "speech", "John Hask", "Mary Suda")  # his own, maybe
    assert not owned_by_pronoun("his speeches were paid", "speech", "Mary Marr", "Mary Suda")  # not hers
    assert not owned_by_pronoun("a judgment call", "judgment")


def test_subject_themes_a_remark_sharing_three_words_with_one_themes_remarks_joins_it() -> None:
    got = _themes(["the judge was biased because of Suda's Hispanic heritage", "a federal judge can't be impartial to me, given her heritage",
                   "a federal judge was biased and hostile because she is Hispanic", "Suda went to the opera",
                   "Suda sang", "Suda danced", "Suda slept"], docs=["d0", "d1", "d2", "d3", "d4", "d5", "d6"], actor_name="John Hask", named_by=frozenset({"judge"}))  # "Judge Suda"
    assert got == {f"s{i}": "Mira Suda's heritage" for i in range(3)}  # federal, judge, biased, hispanic: one controversy


def test_subject_themes_a_small_theme_sharing_two_of_a_wide_themes_many_articles_stays_apart() -> None:
    verdicts = [f"the verdict by Suda on case {n} was unfair" for n in range(6)]
    got = _themes([*verdicts, "Suda keeps citing her heritage", "Suda has a conflict because of her heritage"],
                  docs=["d0", "d1", "d2", "d3", "d4", "d5", "d0", "d1"], actor_name="John Hask")
    assert set(got.values()) == {"the verdict and Mira Suda", "Mira Suda's heritage"}  # every report on her names a verdict


def test_subject_themes_one_theme_holding_a_third_of_the_remarks_on_a_subject_is_the_question_of_them_all() -> None:
    texts = ["Suda's verdict on the fraud case", "the verdict by Suda was unfair", "Suda should be ashamed of herself",
             "Suda is a disgrace", "Suda met the mayor"]
    got = _themes(texts, docs=["d0", "d1", "d0", "d1", "d2"], actor_name="John Hask")
    assert got == {f"s{i}": "Mira Suda's verdict" for i in range(5)}  # two in five, in two of her three articles
    many = _themes([*texts, "Suda went to the opera", "Suda sang", "Suda danced"], docs=["d0", "d1", "d0", "d1", "d2", "d3", "d4", "d5"],
                   actor_name="John Hask")
    assert set(many) == {"s0", "s1"}  # a quarter: the rest is said of her besides
    apart = _themes(texts, actor_name="John Hask")
    assert set(apart) == {"s0", "s1"}  # in two of her five articles: said of her besides
