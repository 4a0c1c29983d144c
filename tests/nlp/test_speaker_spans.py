"""Speaker spans drawn as annotated news draws sources: the description after a name belongs to the source, a word
of a quotation never does, a dateline never does; the cluster still comes from the name.

Synthetic sentences only; the rules alone (``model=None``)."""

from __future__ import annotations

import datetime as dt

from storyline.model import EntityType
from storyline.nlp.statements import statement_candidates

from ._helpers import by_content, parsed_with, rule_statements

PER, ORG = EntityType.PERSON, EntityType.ORGANIZATION
PUB = dt.date(2025, 3, 8)


def _stm(nlp, text, names=None):
    return rule_statements(nlp, text, names, PUB)


_by_content = by_content


def test_an_appositive_after_the_name_is_part_of_the_source_and_the_cluster_is_the_name(nlp):
    text = "Karl Berg, the ministry's chief engineer, said that the bridge would reopen in May."
    out = _stm(nlp, text, {"Karl Berg": (PER, 1)})
    s = _by_content(out, "the bridge would reopen")
    assert s.speaker_text == "Karl Berg, the ministry's chief engineer"
    assert s.speaker_cluster == 1


def test_party_and_state_in_brackets_are_part_of_the_source(nlp):
    text = "Sen. Lena Vos (D-Ore.) said that the budget was a disgrace."
    out = _stm(nlp, text, {"Lena Vos": (PER, 2)})
    s = _by_content(out, "the budget was a disgrace")
    assert s.speaker_text == "Sen. Lena Vos (D-Ore.)"
    assert s.speaker_cluster == 2


def test_a_relative_clause_describing_the_speaker_is_part_of_the_source(nlp):
    text = "Omar Khan, who led the inquiry for two years, said that the records had been destroyed."
    out = _stm(nlp, text, {"Omar Khan": (PER, 3)})
    s = _by_content(out, "the records had been destroyed")
    assert s.speaker_text == "Omar Khan, who led the inquiry for two years"
    assert s.speaker_cluster == 3


def test_an_inverted_cue_keeps_the_description_after_the_name_but_not_the_next_sentence(nlp):
    text = "“The port is closed,” said Karl Berg, a spokesman for the harbour board. The ships waited."
    out = _stm(nlp, text, {"Karl Berg": (PER, 1)})
    s = _by_content(out, "The port is closed")
    assert s.speaker_text == "Karl Berg, a spokesman for the harbour board"
    assert s.speaker_cluster == 1


def test_a_cue_in_a_relative_clause_has_the_relative_pronoun_as_source_and_the_antecedent_as_cluster(nlp):
    # annotated news marks "who" as the source, as it marks "he"; the speaker is still the named antecedent
    text = "The board hired Lena Vos, who said that the plan was sound."
    out = _stm(nlp, text, {"Lena Vos": (PER, 2)})
    s = _by_content(out, "the plan was sound")
    assert s.speaker_text == "who"
    assert text[s.speaker_start : s.speaker_end] == "who"
    assert s.speaker_cluster == 2


def test_a_relative_pronoun_whose_antecedent_names_no_entity_leaves_the_antecedent_as_source(nlp):
    # "who" alone would tell a reader nothing: without a cluster the phrase it stands for stays the source
    text = "The board heard from several farmers, who said that the plan was sound."
    out = _stm(nlp, text)
    s = _by_content(out, "the plan was sound")
    assert s.speaker_text is not None and "farmers" in s.speaker_text
    assert s.speaker_cluster is None


def test_a_word_of_the_quotation_is_never_the_speaker_of_a_cue_outside_it(nlp):
    text = "“We will finish the road, and my reaction is simple,” Karl Berg said on Monday."
    out = _stm(nlp, text, {"Karl Berg": (PER, 1)})
    s = _by_content(out, "We will finish the road")
    assert s.speaker_text == "Karl Berg"
    assert s.speaker_cluster == 1


def test_a_quote_word_taken_for_the_subject_gives_way_to_the_name_after_the_cue(nlp):
    text = "“It will happen sooner rather than later, it will,” said Lena Vos, a physicist."
    out = _stm(nlp, text, {"Lena Vos": (PER, 2)})
    s = _by_content(out, "It will happen sooner")
    assert s.speaker_text is not None and s.speaker_text.startswith("Lena Vos")
    assert s.speaker_cluster == 2


def test_a_dateline_before_the_subject_is_not_part_of_the_speaker(nlp):
    text = "VELMORA -- President Omar Khan, opening the new museum on Saturday, said it would tell a hard story."
    out = _stm(nlp, text, {"Omar Khan": (PER, 3)})
    s = _by_content(out, "it would tell a hard story")
    assert s.speaker_text is not None and "VELMORA" not in s.speaker_text
    assert s.speaker_cluster == 3


def test_candidates_carry_where_the_cue_sits_for_the_scorer(nlp):
    text = "Lena Vos said that Karl Berg criticized the plan. “We reject it,” the board said."
    cands = statement_candidates(parsed_with(nlp, text, {"Lena Vos": (PER, 2), "Karl Berg": (PER, 1)}, PUB))
    by_cue = {s.cue: f for s, f in cands}
    assert "cue_dep=ROOT" in by_cue["say"] and "cue_head=root" in by_cue["say"]
    assert "cue_head=speech" in by_cue["criticize"]  # governed by a speech verb: a nested report
    assert "cue_quoted=False" in by_cue["criticize"]


def test_a_quoted_transcript_label_is_not_a_cue_inside_a_quotation(nlp):
    text = ('Partial transcript:\n\n"HOST: Will the minister attend the summit?\n\n'
            '"GUEST: He will not attend the summit.\n')
    cands = statement_candidates(parsed_with(nlp, text, None, PUB))
    labels = [f for s, f in cands if s.speaker_text in ("HOST", "GUEST")]
    assert len(labels) == 2 and all("cue_quoted=False" in f for f in labels)

