"""Topics: statements grouped by what they are about, each with a readable label.

Statements are visited in a fixed order (said_on, undated last, then document
and offset). Each is embedded (its content, by the configured
:class:`~storyline.corpus.embeddings.Embedder`, plus a hashed vector of the
entities mentioned inside the content) and joins the most similar existing
topic whose centroid is at least ``threshold`` away in cosine similarity, else
starts a new topic. Only topics that share an entity with the statement (the
most recent few per entity) are compared, so the work stays near-linear.

Labels name the topic's main actor or subject, an aspect taken from the
findings lexicon (role, presence, talks, ...) or its most frequent content
word, and its main place: "NLF presence in Vardania", "role of Ilen Sorov",
"Merovia's role".
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import EntityType, Mention, Statement
from .embeddings import Embedder, HashingEmbedder
from .findings.claims import MentionIndex, entity_key
from ..text.lexicon import Lexicon, default_lexicon
from ..text.words import STOPWORDS
from .questions import ASPECT_PRIORITY as _ASPECT_PRIORITY
from .questions import aspects as _aspects
from .storylines import statement_order

__all__ = ["DEFAULT_THRESHOLD", "TopicModel", "assign_topics"]

DEFAULT_THRESHOLD = 0.4
ENTITY_DIM = 128
ENTITY_WEIGHT = 0.5
CANDIDATES_PER_ENTITY = 16
BATCH = 2048

_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december today yesterday tomorrow night morning evening earlier later".split()
)


@dataclass
class _Topic:
    centroid: np.ndarray
    entities: Counter[str] = field(default_factory=Counter)
    aspects: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    size: int = 0


def _entity_vector(ids: Sequence[str]) -> np.ndarray:
    v = np.zeros(ENTITY_DIM, dtype=np.float32)
    for eid in ids:
        h = int.from_bytes(hashlib.blake2b(eid.encode("utf-8"), digest_size=8).digest(), "little")
        v[h % ENTITY_DIM] += 1.0
    n = float(np.linalg.norm(v))
    return v / n if n else v


class TopicModel:
    """The online clustering, with everything it carries from one statement to the next.

    :meth:`assign` visits statements in the order given; :meth:`state` / :meth:`from_state`
    keep the model between runs, so statements of new documents join the topics built so far
    (``services/topics_update.py``) instead of re-clustering the corpus.
    """

    def __init__(self, embedder: Embedder | None = None, *, threshold: float = DEFAULT_THRESHOLD,
                 lexicon: Lexicon | None = None) -> None:
        self.embedder = embedder or HashingEmbedder()
        self.threshold = threshold
        self.lex = lexicon or default_lexicon()
        self.topics: list[_Topic] = []
        self.by_entity: dict[str, list[int]] = defaultdict(list)
        self.names: dict[str, str] = {}  # first canonical form seen per entity (labels prefer the entity's name)
        self.types: dict[str, EntityType] = {}

    def assign(self, statements: Sequence[Statement], mentions_by_doc: Mapping[str, Sequence[Mention]],
               key_to_entity: Mapping[str, str]) -> dict[str, int]:
        """Statement id → topic number, visiting ``statements`` in the given order."""
        indexes: dict[str, MentionIndex] = {}
        assignment: dict[str, int] = {}
        for lo in range(0, len(statements), BATCH):
            batch = statements[lo : lo + BATCH]
            text_vecs = self.embedder.embed([s.content for s in batch])
            for st, tv in zip(batch, text_vecs):
                idx = indexes.get(st.document_id)
                if idx is None:
                    idx = indexes[st.document_id] = MentionIndex(mentions_by_doc.get(st.document_id, ()))
                ents: list[str] = []
                for m in idx.within(st.content_start, st.content_end):
                    eid = entity_key(m.local_key, m.canonical, key_to_entity)
                    if eid not in ents:
                        ents.append(eid)
                    self.names.setdefault(eid, m.canonical)
                    self.types.setdefault(eid, EntityType(m.type))
                assignment[st.id] = self._place(st, tv, ents)
        return assignment

    def _place(self, st: Statement, tv: np.ndarray, ents: list[str]) -> int:
        vec = np.concatenate([tv.astype(np.float32), ENTITY_WEIGHT * _entity_vector(ents)])
        n = float(np.linalg.norm(vec))
        vec = vec / n if n else vec
        keys = ents or ["\x00none"]
        cand = sorted({t for e in keys for t in self.by_entity.get(e, [])[-CANDIDATES_PER_ENTITY:]})
        best, best_sim = -1, self.threshold
        if cand:
            cents = np.stack([self.topics[t].centroid for t in cand])
            sims = cents @ vec / np.maximum(np.linalg.norm(cents, axis=1), 1e-9)
            k = int(np.argmax(sims))
            if float(sims[k]) >= best_sim:
                best, best_sim = cand[k], float(sims[k])
        if best < 0:
            best = len(self.topics)
            self.topics.append(_Topic(centroid=np.zeros_like(vec)))
        topic = self.topics[best]
        topic.centroid += vec
        topic.entities.update(ents)
        topic.aspects.update(_aspects(st.content, self.lex))
        topic.words.update(w for w in st.content.lower().split() if w.isalpha() and len(w) > 4 and w not in STOPWORDS and w not in _TIME_WORDS)
        topic.size += 1
        for e in keys:
            lst = self.by_entity[e]
            if not lst or lst[-1] != best:
                lst.append(best)
        return best

    def labels(self, entity_names: Mapping[str, str]) -> list[str]:
        names = {**self.names, **entity_names}
        return [_label(t, names, self.types) for t in self.topics]

    # -- keeping the model between runs -------------------------------------------
    def state(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """(model-wide state, one JSON-ready dict per topic); only what the next statements can read is kept."""
        meta = {
            "by_entity": {e: ts[-CANDIDATES_PER_ENTITY:] for e, ts in self.by_entity.items()},
            "names": self.names,
            "types": {e: t.value for e, t in self.types.items()},
            "threshold": self.threshold,
            "dim": int(self.topics[0].centroid.shape[0]) if self.topics else None,
        }
        topics = [{"c": base64.b64encode(t.centroid.astype(np.float32).tobytes()).decode("ascii"), "e": t.entities,
                   "a": t.aspects, "w": t.words, "n": t.size} for t in self.topics]
        return meta, topics

    @classmethod
    def from_state(cls, meta: Mapping[str, Any], topics: Sequence[Mapping[str, Any]], embedder: Embedder | None = None,
                   *, lexicon: Lexicon | None = None) -> TopicModel:
        model = cls(embedder, threshold=float(meta["threshold"]), lexicon=lexicon)
        model.by_entity = defaultdict(list, {e: list(ts) for e, ts in meta["by_entity"].items()})
        model.names = dict(meta["names"])
        model.types = {e: EntityType(t) for e, t in meta["types"].items()}
        for t in topics:
            centroid = np.frombuffer(base64.b64decode(t["c"]), dtype=np.float32).copy()
            model.topics.append(_Topic(centroid, Counter(t["e"]), Counter(t["a"]), Counter(t["w"]), int(t["n"])))
        return model


def assign_topics(
    statements: Sequence[Statement],
    mentions_by_doc: Mapping[str, Sequence[Mention]],
    key_to_entity: Mapping[str, str],
    entity_names: Mapping[str, str],
    embedder: Embedder | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    lexicon: Lexicon | None = None,
) -> dict[str, str]:
    """Statement id → topic label. Deterministic for a given set of statements."""
    model = TopicModel(embedder, threshold=threshold, lexicon=lexicon)
    assignment = model.assign(sorted(statements, key=statement_order), mentions_by_doc, key_to_entity)
    labels = model.labels(entity_names)
    return {sid: labels[t] for sid, t in assignment.items()}


def _top(counter: Counter[str], keep: Sequence[str]) -> str | None:
    items = [(n, k) for k, n in counter.items() if k in keep]
    if not items:
        return None
    return min(items, key=lambda nk: (-nk[0], nk[1]))[1]


def _label(t: _Topic, names: Mapping[str, str], types: Mapping[str, EntityType]) -> str:
    places = [e for e in t.entities if types.get(e) == EntityType.PLACE]
    actors = [e for e in t.entities if types.get(e) != EntityType.PLACE]
    actor = _top(t.entities, actors)
    place = _top(t.entities, places)
    aspect = None
    if t.aspects:
        most = max(t.aspects.values())
        aspect = min((a for a, n in t.aspects.items() if n == most), key=lambda a: (_ASPECT_PRIORITY.index(a) if a in _ASPECT_PRIORITY else 99, a))
    actor_name = names.get(actor, "") if actor else ""
    place_name = names.get(place, "") if place else ""
    if aspect == "role" and actor and types.get(actor) == EntityType.PERSON:
        return f"role of {actor_name}"
    if actor_name and aspect and place_name:
        return f"{actor_name} {aspect} in {place_name}"
    if actor_name and aspect:
        return f"{actor_name}'s {aspect}"
    if place_name and aspect:
        return f"{place_name}'s {aspect}" if aspect == "role" else f"{aspect} in {place_name}"
    return actor_name or place_name or aspect or "other statements"
