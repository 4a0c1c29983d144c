from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from storyline.corpus.embeddings import HashingEmbedder, MiniLMEmbedder, load_embedder
from storyline.corpus.topics import assign_topics
from storyline.errors import ModelError
from storyline.model import EntityType, Mention, Statement, StatementKind

from .findings.casebuilder import build_corpus

ENTITIES = {
    "sorov": {"name": "Ilen Sorov", "type": "person"},
    "nlf": {"name": "National Liberation Front", "type": "organization"},
    "kelvar": {"name": "Kelvar Valley", "type": "place"},
    "merovia": {"name": "Merovia", "type": "place"},
}


def _corpus():
    docs = [
        {"id": "d1", "source": "A", "published": "2025-01-01", "statements": [
            {"label": "r1", "content": "[Ilen Sorov](sorov) was only an observer at the rally", "said_on": "2025-01-01"},
            {"label": "p1", "content": "the [NLF](nlf) keeps havens and bases in the [Kelvar Valley](kelvar)", "said_on": "2025-01-02"}]},
        {"id": "d2", "source": "B", "published": "2025-02-01", "statements": [
            {"label": "r2", "content": "[Sorov](sorov) was the mastermind and leader of the rally attack", "said_on": "2025-02-01"},
            {"label": "p2", "content": "the [NLF](nlf) has new bases and havens in the [Kelvar Valley](kelvar)", "said_on": "2025-02-02"}]},
    ]
    return build_corpus(docs, ENTITIES)


def test_topics_group_related_statements_and_label_them() -> None:
    c = _corpus()
    names = {k: e.name for k, e in c.entities.items()}
    topics = assign_topics(c.statements, c.mentions_by_doc, c.key_to_entity, names)
    by_label = {c.labels[sid]: label for sid, label in topics.items()}
    assert by_label["r1"] == by_label["r2"] == "role of Ilen Sorov"
    assert by_label["p1"] == by_label["p2"] == "National Liberation Front presence in Kelvar Valley"


def test_topics_are_deterministic_whatever_the_input_order() -> None:
    c = _corpus()
    names = {k: e.name for k, e in c.entities.items()}
    a = assign_topics(c.statements, c.mentions_by_doc, c.key_to_entity, names)
    b = assign_topics(list(reversed(c.statements)), c.mentions_by_doc, c.key_to_entity, names)
    assert a == b


def test_topics_unrelated_statements_get_separate_topics() -> None:
    text = "Merovia opened a new port. The harvest festival drew crowds."
    m = [Mention("d", 0, 7, "Merovia", EntityType.PLACE, 0, "Merovia")]
    s1 = Statement("d", 0, 26, text[0:26], 0, 26, StatementKind.INDIRECT, said_on=dt.date(2025, 1, 1))
    s2 = Statement("d", 27, 59, text[27:59], 27, 59, StatementKind.INDIRECT, said_on=dt.date(2025, 1, 2))
    topics = assign_topics([s1, s2], {"d": m}, {"d#0": "E_mer"}, {"E_mer": "Merovia"})
    assert topics[s1.id] != topics[s2.id]


def test_embeddings_hashing_rows_are_unit_length_and_similar_texts_closer() -> None:
    v = HashingEmbedder().embed(["the group was eliminated", "the group has been eliminated", "grain prices rose"])
    assert v.shape == (3, 512)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]


def test_embeddings_load_embedder_defaults_to_hashing_and_rejects_missing_paths(tmp_path) -> None:
    assert isinstance(load_embedder(None), HashingEmbedder)
    assert isinstance(load_embedder("hashing"), HashingEmbedder)
    with pytest.raises(ModelError, match="not found"):
        load_embedder(str(tmp_path / "nope"))
    assert isinstance(load_embedder(str(tmp_path)), MiniLMEmbedder)


def test_a_kept_topic_model_continues_exactly_where_it_stopped() -> None:
    import json

    from storyline.corpus.storylines import statement_order
    from storyline.corpus.topics import TopicModel

    c = _corpus()
    names = {k: e.name for k, e in c.entities.items()}
    ordered = sorted(c.statements, key=statement_order)
    whole = TopicModel()
    expected = whole.assign(ordered, c.mentions_by_doc, c.key_to_entity)

    first = TopicModel()
    got = first.assign(ordered[:2], c.mentions_by_doc, c.key_to_entity)
    meta, states = first.state()
    kept = TopicModel.from_state(json.loads(json.dumps(meta)), json.loads(json.dumps(states)))
    got.update(kept.assign(ordered[2:], c.mentions_by_doc, c.key_to_entity))
    assert got == expected
    assert kept.labels(names) == whole.labels(names)
