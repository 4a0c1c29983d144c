"""Storylines through ``analyze``: an actor's statements on one question, across aliases and years, in one storyline."""

from __future__ import annotations

import datetime as dt

from storyline.corpus.storylines import storyline_label
from storyline.model import Document
from storyline.services.analyze import analyze
from storyline.store import Store, open_store

ARTICLES = [
    ("Taliban spokesman Tarin Hask said on Wednesday that Daesh has no presence in Afghanistan. The weather in Kabul was mild.",
     dt.date(2021, 9, 1)),
    ("Tarin Hask told reporters in Kabul that the Khawarij have no bases in Afghanistan anymore.", dt.date(2023, 5, 10)),
    ("The spokesman Tarin Hask said in Kabul on Sunday that ISKP hideouts are in Pakistan, not in Afghanistan.", dt.date(2025, 2, 2)),
]


def _storylines(store: Store) -> dict[str, list[str]]:
    names = {e.id: e.name for e in store.iter_entities()}
    statements = {s.id: s for s in store.iter_statements()}
    assert len({names[line.actor_id] for line in store.iter_storylines()}) == len({line.actor_id for line in store.iter_storylines()})
    return {storyline_label(names[line.actor_id], line.topic): [statements[i].content for i in line.statement_ids]
            for line in store.iter_storylines()}


def test_topics_update_one_actor_on_one_question_over_years_is_one_storyline_in_full_and_incremental_runs(tmp_path, nlp) -> None:
    store = open_store("sqlite:///" + str(tmp_path / "s.db"))
    for text, published in ARTICLES[:2]:
        store.add_document(Document.from_text(text, source="Wire", published=published))
    analyze(store)
    store.add_document(Document.from_text(ARTICLES[2][0], source="Wire", published=ARTICLES[2][1]))
    analyze(store)  # the new document joins through the incremental path
    expected = {"Tarin Hask on ISIS-K's presence in Afghanistan": [
        "Daesh has no presence in Afghanistan",
        "the Khawarij have no bases in Afghanistan anymore",
        "ISKP hideouts are in Pakistan, not in Afghanistan",
    ]}
    assert _storylines(store) == expected
    topics = store.topics()
    assert {topics[s.id] for s in store.iter_statements()} == {"ISIS-K's presence in Afghanistan"}
    analyze(store, force_corpus=True)
    assert _storylines(store) == expected
