"""The learned attribution scorer: its weights file, its fallback to the rules, and what it does to candidates."""

from __future__ import annotations

import json

import pytest

from storyline.errors import ModelError
from storyline.model import EntityType
from storyline.nlp.attribution import (
    MODEL_DIR,
    MODEL_FILE,
    AttributionModel,
    CandidateView,
    attribution_mode,
    candidate_features,
    load_model,
)
from storyline.nlp.statements import statement_candidates, statements_in_document

from ._helpers import parsed_with

PER = EntityType.PERSON


def _view(**kw) -> CandidateView:
    base = dict(origin="verb-ccomp", cue="say", cue_class="speech", kind="indirect", polarity=1, content_words=6,
                speaker="person", speaker_words=2, content_before_cue=False, speaker_after_cue=False,
                content_quoted=False, content_first="the", cue_prev="jane", cue_tag="VBD")
    base.update(kw)
    return CandidateView(**base)


def _model(weights: dict[str, float], threshold: float = 0.5) -> AttributionModel:
    return AttributionModel.from_json(json.dumps({"name": "scorer", "threshold": threshold, "weights": weights}))


def test_features_name_the_rule_the_cue_and_the_speaker():
    feats = candidate_features(_view())
    assert "bias" in feats and "origin=verb-ccomp" in feats and "cue=say" in feats and "speaker=person" in feats
    assert "origin_cue=verb-ccomp|say" in feats
    assert candidate_features(_view(cue=None, cue_class=None))[2:4] == ("cue=-", "cue_class=open")


def test_probability_is_the_logistic_of_the_summed_weights():
    model = _model({"bias": 1.0, "cue=say": 2.0, "cue=find": -4.0})
    assert model.probability(["bias", "cue=say"]) == pytest.approx(1 / (1 + 2.718281828 ** -3), rel=1e-6)
    assert model.keeps(["bias", "cue=say"]) and not model.keeps(["bias", "cue=find"])
    assert model.probability(["unknown"]) == 0.5


def test_model_json_round_trips_and_its_version_follows_the_weights(tmp_path):
    model = _model({"bias": 0.25, "cue=say": 1.5}, threshold=0.4)
    again = AttributionModel.from_json(model.to_json())
    assert again.weights == model.weights and again.threshold == 0.4
    other = _model({"bias": 0.25, "cue=say": 1.0}, threshold=0.4)
    assert other.version != model.version and model.version.startswith("scorer.")


@pytest.mark.parametrize("raw", ["not json", "{}", '{"weights": [1, 2], "threshold": 0.5}', '{"weights": {}, "threshold": "x"}'])
def test_malformed_weights_raise_a_model_error(raw):
    with pytest.raises(ModelError):
        AttributionModel.from_json(raw)


def test_without_weights_the_rules_run_alone_and_say_so(tmp_path):
    assert load_model(tmp_path) is None
    assert attribution_mode(directory=tmp_path) == "rules"
    (tmp_path / MODEL_FILE).write_text(_model({"bias": 1.0}).to_json(), encoding="utf-8")
    load_model.cache_clear()
    model = load_model(tmp_path)
    assert model is not None and attribution_mode(directory=tmp_path) == f"rules+{model.version}"
    load_model.cache_clear()


def test_shipped_weights_load_and_name_the_stage_version():
    from storyline.nlp.pipeline import build_stages

    model = load_model(MODEL_DIR)
    stage = next(s for s in build_stages() if s.name == "statements")
    if model is None:
        assert attribution_mode() == "rules" and "scorer" not in stage.version
    else:
        assert model.version in stage.version and attribution_mode() == f"rules+{model.version}"
        assert 0.0 < model.threshold < 1.0 and model.weights


def test_scorer_drops_the_candidates_it_scores_low(nlp):
    text = "Jane Doe said that the bridge is closed. Jane Doe stressed that the road is open."
    parsed = parsed_with(nlp, text, {"Jane Doe": (PER, 1)})
    rules = statements_in_document(parsed, model=None)
    assert {s.cue for s in rules} == {"say", "stress"}
    no_say = _model({"bias": 2.0, "cue=say": -5.0})
    assert [s.cue for s in statements_in_document(parsed, model=no_say)] == ["stress"]


def test_scorer_admits_verbs_outside_the_lexicon_only_when_it_is_on(nlp):
    text = "Jane Doe fretted that the bridge would close before winter."
    parsed = parsed_with(nlp, text, {"Jane Doe": (PER, 1)})
    assert statements_in_document(parsed, model=None) == []
    keep_open = _model({"bias": -1.0, "origin=open-ccomp": 3.0})
    out = statements_in_document(parsed, model=keep_open)
    assert [(s.cue, s.speaker_cluster, s.content) for s in out] == [("fret", 1, "the bridge would close before winter")]


def test_candidates_carry_features_and_offsets_into_the_text(nlp):
    text = "Reportedly, the mayor resigned last night. The idea that taxes will fall is popular."
    parsed = parsed_with(nlp, text)
    cands = statement_candidates(parsed)
    by_origin = {next(f for f in feats if f.startswith("origin=")): s for s, feats in cands}
    assert by_origin["origin=adverb"].content == "the mayor resigned last night"
    assert by_origin["origin=open-noun"].content == "taxes will fall"
    for s, _ in cands:
        assert text[s.content_start : s.content_end] == s.content


def _by_origin(parsed, origin: str):
    return [s for s, feats in statement_candidates(parsed) if f"origin={origin}" in feats]


def test_a_stance_toward_a_prepositional_object_is_a_candidate_with_the_preposition_in_the_cue(nlp):
    text = "Among the delegates, 27 percent would vote for Jane Doe."
    parsed = parsed_with(nlp, text, {"Jane Doe": (PER, 1)})
    [cand] = _by_origin(parsed, "open-prep")
    assert (cand.content, cand.speaker_text, text[cand.cue_start : cand.cue_end]) == ("Jane Doe", "27 percent", "vote for")


def test_a_participle_on_a_noun_gives_the_noun_the_stance(nlp):
    text = "The money went to a group backing Jane Doe."
    parsed = parsed_with(nlp, text, {"Jane Doe": (PER, 1)})
    [cand] = _by_origin(parsed, "open-dobj")
    assert (cand.content, cand.speaker_text, cand.cue) == ("Jane Doe", "a group", "back")


def test_according_to_is_not_taken_for_a_stance_verb(nlp):
    text = "According to the ministry, the bridge was closed on Monday."
    parsed = parsed_with(nlp, text)
    assert _by_origin(parsed, "open-prep") == []
    assert [s.cue for s in statements_in_document(parsed)] == ["according to"]


def test_prepositional_stances_are_only_proposed_when_the_scorer_is_on(nlp):
    text = "Among the delegates, 27 percent would vote for Jane Doe."
    parsed = parsed_with(nlp, text, {"Jane Doe": (PER, 1)})
    assert statements_in_document(parsed, model=None) == []
    keep_prep = _model({"bias": -1.0, "origin=open-prep": 3.0})
    assert [s.content for s in statements_in_document(parsed, model=keep_prep)] == ["Jane Doe"]


def test_an_adjective_stance_takes_the_copulas_subject(nlp):
    text = "Republicans in the House have been critical of Jane Doe's plan."
    parsed = parsed_with(nlp, text, {"Jane Doe": (PER, 1)})
    [cand] = _by_origin(parsed, "open-adj")
    assert (cand.content, cand.speaker_text, text[cand.cue_start : cand.cue_end]) == (
        "Jane Doe's plan", "Republicans in the House", "critical of")


def test_a_quotation_after_a_colon_in_the_next_paragraph_belongs_to_the_verbs_subject(nlp):
    text = "The crowd cheered.\n\nOne student, Jane Doe, echoed:\n\n“He speaks his mind, and that is what the town needs.”\n"
    parsed = parsed_with(nlp, text, {"Jane Doe": (PER, 1)})
    [cand] = _by_origin(parsed, "colon-quote")
    assert (cand.content, cand.speaker_text, cand.cue, cand.kind.value) == (
        "He speaks his mind, and that is what the town needs.", "One student, Jane Doe", "echo", "direct")


def test_a_possessed_noun_with_an_object_names_the_possessor_as_source(nlp):
    text = "Senator Jane Doe's endorsement of the governor surprised many."
    parsed = parsed_with(nlp, text, {"Jane Doe": (PER, 1)})
    [cand] = _by_origin(parsed, "open-poss")
    assert (cand.content, cand.speaker_text, text[cand.cue_start : cand.cue_end]) == (
        "the governor", "Senator Jane Doe", "endorsement of")


def test_a_passive_with_an_agent_names_the_agent_as_source_and_the_subject_as_content(nlp):
    text = "The harbour plan was first reported by The Morning Herald."
    parsed = parsed_with(nlp, text, {"The Morning Herald": (EntityType.ORGANIZATION, 4)})
    [cand] = _by_origin(parsed, "open-passive")
    assert (cand.content, cand.speaker_text, text[cand.cue_start : cand.cue_end]) == (
        "The harbour plan", "The Morning Herald", "was first reported by")


def test_a_passive_act_of_force_is_no_stance_candidate(nlp):
    parsed = parsed_with(nlp, "The town was shelled by the army overnight.")
    assert _by_origin(parsed, "open-passive") == []
