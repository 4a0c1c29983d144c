from __future__ import annotations

from storyline.corpus.findings.blocking import claim_pairs
from storyline.corpus.findings.claims import build_claims
from storyline.corpus.findings.lexicon import default_lexicon

from .casebuilder import build_corpus

ENTS = {f"g{i}": {"name": f"Group {i}", "type": "organization"} for i in range(40)}


def test_blocking_pairs_only_claims_about_a_shared_subject_and_caps_buckets() -> None:
    statements = [{"label": f"s{i}", "content": f"[Group {i % 40}](g{i % 40}) has been eliminated"} for i in range(400)]
    c = build_corpus([{"id": "d", "source": "S", "published": "2025-01-01", "statements": statements}], ENTS)
    claims = build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, default_lexicon())
    pairs = claim_pairs(claims, cap=5)
    assert pairs, "claims on one group must meet"
    assert all(claims[i].subjects == claims[j].subjects for i, j in pairs)
    assert len(pairs) <= 400 * 5 * 3
