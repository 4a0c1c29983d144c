"""A synthetic corpus for entity resolution benchmarks: documents of mentions only, no text model needed.

Names are made of invented syllables with a fixed seed, drawn with a Zipf-like skew from
pools that grow with the corpus, as news names people, groups and places: a few places
and groups appear in a large share of documents (one exact-name block holds thousands
of clusters), people share first names and family names, some are named by the family
name alone, some groups by their acronym. Nothing here is shaped on any real text.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from storyline.model import Document, DocumentAnalysis, EntityType, Mention

SYLLABLES = ("ka", "ren", "to", "mi", "sal", "vor", "an", "del", "ou", "bri", "zen", "ta", "lo", "mar", "qui", "sen",
             "dra", "hul", "pe", "ni", "gor", "sta", "vi", "lem", "cho", "ra", "dun", "ez", "fal", "ti")


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _skewed(rng: random.Random, pool: list, skew: float = 1.1):
    """An item of ``pool``, earlier items far more often (a Zipf-like draw)."""
    n = len(pool)
    i = int(n ** rng.random() ** skew) - 1
    return pool[min(max(i, 0), n - 1)]


class NamePools:
    def __init__(self, documents: int, seed: int = 2026) -> None:
        rng = random.Random(seed)
        firsts = [_word(rng, rng.choice((2, 3))) for _ in range(max(60, documents // 40))]
        lasts = [_word(rng, rng.choice((2, 3))) for _ in range(max(200, documents // 8))]
        self.people = [(rng.choice(firsts), rng.choice(lasts)) for _ in range(max(300, documents // 3))]
        self.groups = []
        for _ in range(max(40, documents // 50)):
            words = [_word(rng, 2) for _ in range(rng.choice((2, 3, 3, 4)))]
            self.groups.append((" ".join(words), "".join(w[0] for w in words).upper()))
        self.places = [_word(rng, rng.choice((2, 3))) for _ in range(max(30, documents // 200))]


def _cluster(rng: random.Random, pools: NamePools) -> tuple[EntityType, list[str]]:
    kind = rng.random()
    if kind < 0.5:
        first, last = _skewed(rng, pools.people)
        full = f"{first} {last}"
        return EntityType.PERSON, rng.choice([[full], [full, last], [full, last, last], [last]])
    if kind < 0.75:
        name, acronym = _skewed(rng, pools.groups)
        return EntityType.ORGANIZATION, rng.choice([[name], [name, acronym], [acronym]])
    return EntityType.PLACE, [_skewed(rng, pools.places)]


def analyses(start: int, count: int, pools: NamePools, *, seed: int = 7, version: str = "bench") -> Iterator[DocumentAnalysis]:
    """Documents ``start`` .. ``start + count - 1``, 4 to 12 clusters each (the same documents for the same numbers)."""
    for d in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + d)
        doc_id = f"doc{d:07d}"
        mentions: list[Mention] = []
        pos = 0
        for cluster in range(rng.randint(4, 12)):
            etype, names = _cluster(rng, pools)
            for name in names:
                mentions.append(Mention(doc_id, pos, pos + len(name), name, etype, cluster, names[0]))
                pos += len(name) + 1
        yield DocumentAnalysis(doc_id, version, tuple(mentions))


def document(analysis: DocumentAnalysis) -> Document:
    return Document(analysis.document_id, f"synthetic document {analysis.document_id}", analysis.document_id)
