"""Candidates shard by shard (corpus/findings/candidates.py): what a kept run lets an update skip, and what it must not."""

from __future__ import annotations

import random

from storyline.corpus.findings.candidates import PairMemory, pair_hash, shard_candidates
from storyline.corpus.findings.claims import build_claims
from storyline.corpus.findings.hits import Hit
from storyline.text.lexicon import default_lexicon

from .casebuilder import build_corpus

ENTS = {"k": {"name": "1984", "type": "organization"}}  # a name with no word, so it is nobody's rare word
# word rarity is counted in the shard: adding N makes "apple" as rare as "banana" and "cherry",
# so X's rarest words change and X newly meets W and V, two claims that did not change
TEXTS = {"X": "apple banana cherry", "Y": "banana", "Z": "cherry", "W": "apple date", "V": "apple elder",
         "N": "banana cherry fig"}


def _claims(labels):
    docs = [{"id": f"d{label}", "source": f"S{label}", "published": "2025-01-01",
             "statements": [{"label": label, "content": f"[1984](k) {TEXTS[label]}"}]} for label in labels]
    c = build_corpus(docs, ENTS)
    lex = default_lexicon()
    return build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, lex), c, lex


def _every_pair(a, b):
    return Hit(0.5, "a test conflict", "test", (0, 1), (0, 1))


def _pairs(result, c) -> set[frozenset[str]]:
    return {frozenset(c.labels[i.id] for i in x.items) for x in result.candidates if x.shard.startswith("e:")}


def test_an_update_evaluates_new_pairs_of_unchanged_claims_and_reuses_evaluated_ones() -> None:
    old, c_old, lex = _claims("XYZWV")
    before = shard_candidates(old, [], c_old.documents, lex, [_every_pair])
    assert _pairs(before, c_old) == {frozenset("XY"), frozenset("XZ"), frozenset("WV")}

    new, c_new, _ = _claims("XYZWVN")
    full = shard_candidates(new, [], c_new.documents, lex, [_every_pair])
    shard = next(iter(full.pairs))
    fresh = frozenset(x.id for x in new if c_new.labels[x.id] == "N")
    memory = PairMemory(fresh, {shard: frozenset(before.pairs[shard])},
                        {pair_hash(*x.order): x for x in before.candidates})
    calls = []

    def counting(a, b):
        calls.append(frozenset((c_new.labels[a.id], c_new.labels[b.id])))
        return _every_pair(a, b)

    updated = shard_candidates(new, [], c_new.documents, lex, [counting], only={shard}, memory=memory)
    assert _pairs(updated, c_new) == _pairs(full, c_new)
    assert frozenset("XW") in _pairs(updated, c_new), "a pair of two unchanged claims that is new must be evaluated"
    assert frozenset("WV") not in calls, "a pair evaluated before is not evaluated again"
    assert set(calls) == _pairs(full, c_new) - {frozenset("WV"), frozenset("XY")}


def test_picking_is_independent_of_input_order_and_explains_from_the_kept_shard() -> None:
    from storyline.corpus.findings.candidates import select_findings
    from storyline.model import FindingCandidate, FindingItem, FindingKind, ItemType

    items = (FindingItem(ItemType.STATEMENT, "stm_a"), FindingItem(ItemType.STATEMENT, "stm_b"))

    def cand(shard: str, explanation: str) -> FindingCandidate:
        return FindingCandidate(shard, 0.7, FindingKind.SOURCE_CONFLICT, ("stm_a", "stm_b"), items, "same", None, explanation)

    passage, entity = cand("d:doc_1", "in one passage"), cand("e:ent_1", "about one entity")
    assert select_findings([passage, entity], 10) == select_findings([entity, passage], 10)
    (found,) = select_findings([entity, passage], 10)
    assert found.explanation == "in one passage"
    stored = {(c.shard, *c.order): c.explanation for c in (passage, entity)}
    bare = [FindingCandidate(c.shard, c.score, c.kind, c.order, c.items, c.dedup, c.group, "") for c in (entity, passage)]
    (again,) = select_findings(bare, 10, explain=lambda keys: {k: stored[k] for k in keys})
    assert again == found


def test_candidates_do_not_depend_on_the_order_statements_and_facts_arrive_in() -> None:
    from storyline.corpus.findings import find_candidates

    docs = [{"id": f"f{i}", "source": f"Outlet {i}", "published": "2025-03-17", "statements": [],
             "facts": [{"label": f"k{i}", "text": f"[Port Alder](p) attack: {10 + 7 * i} killed", "subject": "p",
                        "measure": "killed", "value": 10 + 7 * i, "period": "2025-03-16"}]} for i in range(12)]
    c = build_corpus(docs, {"p": {"name": "Port Alder", "type": "place"}})
    args = (c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents)

    def pairs(facts):
        found = find_candidates(args[0], facts, *args[1:], block_cap=3).candidates
        return sorted((x.shard, x.order, x.score) for x in found)

    forward = pairs(c.facts)
    assert forward, "facts on one subject and period must be compared"
    assert len(forward) < 12 * 11 // 2, "the cap must matter here"
    shuffled = list(c.facts)
    random.Random(3).shuffle(shuffled)
    assert pairs(shuffled) == forward


def test_narrated_stance_claim_is_read_by_the_stance_detector_only() -> None:
    from storyline.corpus.findings.candidates import _best_hit
    from storyline.corpus.findings.claims import Claim
    from storyline.corpus.findings.hits import Hit
    from storyline.model import Statement, StatementKind

    def claim(start: int, narrated: bool) -> Claim:
        st = Statement(document_id="d1", start=start, end=start + 10, content="x" * 10, content_start=start, content_end=start + 10,
                       kind=StatementKind.INDIRECT)
        return Claim(statement=st, speaker="p1", speaker_name="P", narrative=False, source="s", date=None, entities=(),
                     words=frozenset(), negated=False, denial=False, narrated=narrated)

    def any_pair(a: Claim, b: Claim) -> Hit:
        return Hit(0.9, "always", "test", (0, 1), (0, 1))

    assert _best_hit(claim(0, False), claim(20, False), [any_pair]) is not None
    assert _best_hit(claim(0, True), claim(20, False), [any_pair]) is None


def test_two_sources_months_apart_are_paired_but_never_scored_and_one_speaker_is_scored_at_any_distance() -> None:
    docs = [{"id": f"d{label}", "source": f"S{label}", "published": published,
             "statements": [{"label": label, "speaker": speaker, "content": f"[1984](k) {text}"}]}
            for label, speaker, published, text in (("A", "ann", "2025-01-01", "apple banana"),
                                                    ("B", "bo", "2025-09-01", "apple banana cherry"),
                                                    ("C", "ann", "2025-09-02", "apple banana fig"))]
    c = build_corpus(docs, {**ENTS, "ann": {"name": "Ann Lee", "type": "person"}, "bo": {"name": "Bo Chan", "type": "person"}})
    lex = default_lexicon()
    claims = build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, lex)
    calls = []

    def counting(a, b):
        calls.append(frozenset((c.labels[a.id], c.labels[b.id])))
        return _every_pair(a, b)

    found = shard_candidates(claims, [], c.documents, lex, [counting])
    evaluated = {h for hashes in found.pairs.values() for h in hashes}
    assert pair_hash(*(x.id for x in claims if c.labels[x.id] in "AB")) in evaluated  # paired, and remembered as evaluated
    assert frozenset("AB") not in calls  # two sources eight months apart: no detector runs
    assert frozenset("AC") in calls and frozenset("AC") in _pairs(found, c)  # one speaker against itself has no window
    assert frozenset("BC") in _pairs(found, c)
