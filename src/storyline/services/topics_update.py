"""Topics and storylines: built in full with a kept topic model, or updated for the statements of new documents.

A full run clusters every statement in date order (:class:`~storyline.corpus.topics.TopicModel`)
and keeps the model. Later runs let the statements of new documents join the kept
topics, in date order among themselves, as a stream of news joins them; earlier
statements keep their topics, labels are recomputed, and only the storylines of
actors with a new statement, a relabelled topic or a changed entity are rebuilt.
Because the clustering is online, an update can group differently from a full
rebuild over the same statements (``analyze --rebuild`` re-clusters); when
documents were re-analysed or removed, or the embedder changed, the kept model is
dropped and topics are rebuilt in full.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from ..config import Settings
from ..corpus.embeddings import Embedder, load_embedder
from ..corpus.storylines import UNTOPICED, build_storylines, statement_order, storyline_topics
from ..corpus.topics import ENTITY_DIM, TopicModel
from ..model import Entity, Mention, Statement, Storyline, document_of
from ..store import CorpusUpdate, Store, TopicModelRows
from .after_update import AfterUpdate, by_document

log = logging.getLogger(__name__)

__all__ = ["TopicsResult", "full_topics", "update_topics"]

TopicsResult = tuple[dict[str, str], dict[str, int], TopicModelRows, list[Storyline]]


def _rows(model: TopicModel, labels: Sequence[str], only: Collection[int] | None = None) -> TopicModelRows:
    meta, states = model.state()
    keep = range(len(states)) if only is None else sorted(only)
    return json.dumps(meta, sort_keys=True), [(i, labels[i], json.dumps(states[i], sort_keys=True)) for i in keep]


def full_topics(cfg: Settings, statements: Sequence[Statement], mentions_by_doc: Mapping[str, Sequence[Mention]],
                key_to_entity: Mapping[str, str], entities: Sequence[Entity]) -> TopicsResult:
    """Topics of every statement (label and number), the model to keep, and every storyline."""
    model = TopicModel(load_embedder(cfg.embed_model))
    index = model.assign(sorted(statements, key=statement_order), mentions_by_doc, key_to_entity)
    labels = model.labels({e.id: e.name for e in entities})
    topics = {sid: labels[i] for sid, i in index.items()}
    storylines = build_storylines(statements, key_to_entity, topics, mentions_by_doc, {e.id: e.name for e in entities})
    topics.update(storyline_topics(storylines))
    return topics, index, _rows(model, labels), storylines


def _model(rows: TopicModelRows, embedder: Embedder) -> TopicModel | None:
    meta_json, states = rows
    meta = json.loads(meta_json)
    model = TopicModel.from_state(meta, [json.loads(s) for _i, _l, s in states], embedder)
    if meta.get("dim") is not None and meta["dim"] != embedder.embed(["dimension probe"]).shape[1] + ENTITY_DIM:
        return None
    return model


def update_topics(store: Store, cfg: Settings, update: CorpusUpdate, new_docs: Collection[str],
                  gone_docs: Collection[str]) -> CorpusUpdate | None:
    """``update`` plus the topics and storylines of the new documents; None when topics must be rebuilt in full."""
    rows = store.topic_model_rows()
    if rows is None or gone_docs:
        return None
    model = _model(rows, load_embedder(cfg.embed_model))
    if model is None:
        return None
    after = AfterUpdate(store, update)
    before = len(model.topics)
    statements = sorted(store.statements_of_documents(new_docs), key=statement_order)
    mentions = by_document(store.mentions_of_documents(new_docs))
    assignment = model.assign(statements, mentions, after.key_to_entity(m.local_key for ms in mentions.values() for m in ms))

    labels = model.labels(after.entity_names())
    old_labels = {i: label for i, label, _s in rows[1]}
    relabels = {i: labels[i] for i in range(before) if labels[i] != old_labels.get(i)}
    changed = set(assignment.values()) | set(relabels)
    topic_rows: list[tuple[str, str, int | None]] = [(sid, labels[i], i) for sid, i in assignment.items()]

    # storylines of the actors whose statements or topics changed
    relabelled = store.statements_by_ids(store.statements_in_topics(relabels)) if relabels else {}
    speakers = [s for s in [*statements, *relabelled.values()] if s.speaker_key]
    speaker_entities = after.key_to_entity(s.speaker_key for s in speakers if s.speaker_key)
    actors = set(speaker_entities.values()) | set(update.removed_entities) | {e.id for e in update.entities}
    actors |= _speakers_about(store, after, update)
    storylines, spoken_rows = _storylines_of(store, after, actors, {sid: (label, i) for sid, label, i in topic_rows}, labels)
    rows_by_id: dict[str, tuple[str, int | None]] = {sid: (label, i) for sid, label, i in topic_rows}
    rows_by_id.update(spoken_rows)  # an attributed statement's topic is its storyline's question
    topic_rows = [(sid, label, i) for sid, (label, i) in sorted(rows_by_id.items())]
    log.info("topics: %d new statements joined %d topics (%d new), %d relabelled; %d actors' storylines rebuilt",
             len(statements), len(set(assignment.values())), len(model.topics) - before, len(relabels), len(actors))
    return replace(update, topic_rows=topic_rows, topic_relabels=relabels, topic_model=_rows(model, labels, changed),
                   storyline_actors=frozenset(actors), storylines=storylines)


def _storylines_of(store: Store, after: AfterUpdate, actors: Collection[str], new_topics: Mapping[str, tuple[str, int | None]],
                   labels: Sequence[str]) -> tuple[list[Storyline], dict[str, tuple[str, int | None]]]:
    """The storylines of ``actors``, and the topic (label, number) of each of their statements: its storyline's question."""
    keys: set[str] = {k for e in after.new.values() if e.id in actors for k in e.local_keys}
    stored = store.keys_of_entities(set(actors) - set(after.new) - after.removed_entities)
    keys |= {k for ks in stored.values() for k in ks if k not in after.removed_keys}
    docs = {document_of(k) for k in keys}
    spoken = [s for s in store.statements_of_documents(docs) if s.speaker_key in keys]
    topics: dict[str, str] = {}
    index: dict[str, int | None] = {}
    for sid, (label, i) in store.topics_of_statements(s.id for s in spoken).items():
        topics[sid] = labels[i] if i is not None and i < len(labels) else label
        index[sid] = i
    topics.update({sid: label for sid, (label, _i) in new_topics.items()})
    index.update({sid: i for sid, (_label, i) in new_topics.items()})
    mentions = by_document(store.mentions_of_documents(docs))
    key_to_entity = after.key_to_entity({s.speaker_key for s in spoken if s.speaker_key} | {m.local_key for ms in mentions.values() for m in ms})
    names = after.entity_names()
    lines = [s for s in build_storylines(spoken, key_to_entity, topics, mentions, names) if s.actor_id in actors]
    rows = {s.id: (topics.get(s.id, UNTOPICED), index.get(s.id)) for s in spoken}
    rows.update({sid: (line.topic, index.get(sid)) for line in lines for sid in line.statement_ids})
    return lines, rows


def _speakers_about(store: Store, after: AfterUpdate, update: CorpusUpdate) -> set[str]:
    """Actors who may speak about an entity that is renamed or took over mentions: their questions' subjects changed.

    A storyline's question names its subject entity, so when a stored mention now
    resolves to another entity, or its entity is renamed, the storylines of everyone
    speaking in that mention's document are rebuilt (an over-approximation).
    """
    stored_names = store.entity_names()
    renamed = {k for e in update.entities if stored_names.get(e.id) != e.name for k in e.local_keys}
    now = {k: e.id for e in update.entities for k in e.local_keys}
    remapped = {k for k, e in store.entity_of_keys(set(now) - renamed).items() if now[k] != e}
    docs = {document_of(k) for k in renamed | remapped | set(update.removed_keys)} - set(update.documents)
    if not docs:
        return set()
    speakers = {s.speaker_key for s in store.statements_of_documents(docs) if s.speaker_key}
    return set(after.key_to_entity(speakers).values())
