"""Evaluation gate: the entities stage against re3d (a subset) and the seed's alias groups.

Floors sit a little below what was measured when they were set (see bench/eval_entities.py
for the full run); plain spaCy NER on the same subset must score lower than the stage.
"""

from __future__ import annotations

import json

import spacy

from storyline.config import settings
from storyline.model import Document
from storyline.nlp import entity_eval
from storyline.nlp.pipeline import analyze_documents, build_stages

RE3D_DOCS_PER_SOURCE = 6
OVERLAP_F1_FLOOR = 0.47
EXACT_F1_FLOOR = 0.29
ALIAS_PRECISION_FLOOR = 0.9
ALIAS_RECALL_FLOOR = 0.85


def test_entities_eval_re3d_beats_plain_ner(nlp, eval_dir):
    gold = entity_eval.load_re3d(eval_dir / "re3d", limit_per_source=RE3D_DOCS_PER_SOURCE)
    analyses = list(analyze_documents(gold.documents, nlp, build_stages(("entities",))))
    ours = entity_eval.stage_spans(m for a in analyses for m in a.mentions)
    plain = entity_eval.plain_spans(gold.documents, spacy.load(settings().spacy_model))
    ours_overlap = entity_eval.score(gold.spans, ours, overlap=True).prf()[2]
    plain_overlap = entity_eval.score(gold.spans, plain, overlap=True).prf()[2]
    ours_exact = entity_eval.score(gold.spans, ours).prf()[2]
    plain_exact = entity_eval.score(gold.spans, plain).prf()[2]
    assert ours_overlap >= OVERLAP_F1_FLOOR, ours_overlap
    assert ours_exact >= EXACT_F1_FLOOR, ours_exact
    assert ours_overlap > plain_overlap, (ours_overlap, plain_overlap)
    assert ours_exact > plain_exact, (ours_exact, plain_exact)


def test_entities_eval_seed_alias_pairs(nlp, eval_dir, seed_text):
    gold = json.loads((eval_dir / "seed-gold.json").read_text(encoding="utf-8"))
    analysis = next(analyze_documents([Document.from_text(seed_text)], nlp, build_stages(("entities",))))
    res = entity_eval.alias_pair_scores(analysis.mentions, [g["names"] for g in gold["alias_groups"]], gold["distinct"])
    assert res["precision"] >= ALIAS_PRECISION_FLOOR, res
    assert res["recall"] >= ALIAS_RECALL_FLOOR, res
    assert res["distinct_violations"] == 0, res
