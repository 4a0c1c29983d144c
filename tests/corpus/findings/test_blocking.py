from __future__ import annotations

from storyline.corpus.findings.blocking import entity_pairs
from storyline.corpus.findings.claims import build_claims
from storyline.text.lexicon import default_lexicon

from .casebuilder import build_corpus

ENTS = {f"g{i}": {"name": f"Group {i}", "type": "organization"} for i in range(40)}


def test_blocking_pairs_only_claims_about_a_shared_subject_and_caps_buckets() -> None:
    statements = [{"label": f"s{i}", "content": f"[Group {i % 40}](g{i % 40}) has been eliminated"} for i in range(400)]
    c = build_corpus([{"id": "d", "source": "S", "published": "2025-01-01", "statements": statements}], ENTS)
    claims = build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, default_lexicon())
    about_g3 = [c for c in claims if "E_g3" in c.subjects]
    pairs = entity_pairs(about_g3, "E_g3", cap=5)
    assert pairs, "claims on one group must meet"
    assert all(about_g3[i].subjects == about_g3[j].subjects == {"E_g3"} for i, j in pairs)
    assert len(pairs) <= len(about_g3) * 5 * 3
    assert not entity_pairs(about_g3, "E_g4", cap=5), "only the named entity's buckets are used"
