"""The learned watchlist ranker: which of search's first candidates is the entry a name belongs to.

:meth:`storyline.corpus.watchlist.WatchlistIndex.search` finds and scores candidates by rule (token
blocking, transliteration-tolerant name similarity, the entry's idf-weighted coverage of the query).
The ranker re-orders the first :data:`POOL` of them: a conditional logit (a softmax over the pool)
over a few numbers that describe each candidate against the query and against the other
candidates (:func:`candidate_features`): the rules' rank and name score and their gaps to the
pool's best, the entry's coverage of the query, how rare the shared words are, how much of the
listed name the query holds, how many names the entry holds, the listed name's quality. A
candidate's probability is its share of the pool (:attr:`Candidate` order does not matter to it);
search orders by it and a link needs it to reach the model's ``link_confidence``.

The weights are package data (``storyline/data/models/watchlist/ranker.json``), fitted by
``scripts/train_watchlist_ranker.py`` on the UN Security Council Consolidated List (public),
leave-one-alias-out queries of the entries of the list's development half only; see
``MODEL_CARD.md`` there. Without the file search keeps the rules' order and links on the name
score alone; :func:`ranker_mode` says which is in use.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError

__all__ = ["Candidate", "FEATURES", "MODEL_DIR", "POOL", "WatchlistRanker", "candidate_features", "load_ranker",
           "ranker_mode"]

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "watchlist"
MODEL_FILE = "ranker.json"
POOL = 10  # the rules' first candidates the ranker re-orders


@dataclass(frozen=True)
class Candidate:
    """What the ranker sees of one candidate entry for a query name."""

    mixed: float  # the rules' rank: the best name's rank mixed with the entry's coverage of the query
    name_rank: float  # the best name's rank: its score averaged with how much of the query it holds
    score: float  # the best name's similarity to the query (times its quality weight)
    cover: float  # share of the query's rarity (idf) held by any name of the entry
    shared_idf: float  # the rarity of the query words the best name shares, over the query's whole rarity
    name_cover: float  # how much of the listed name the query holds (1: the query has every word of it)
    exact: float  # share of the query's words written exactly so in the listed name
    names: int  # how many names the entry holds
    quality: int  # the listed name's quality: 0 primary, 1 good, 2 low
    token_gap: int  # difference in word count between the query and the listed name
    person: bool
    acronym: bool  # the query was read as an acronym
    prefix: bool = False  # the listed name begins with the whole query, in order (a short form of it)
    in_order: bool = False  # the query's words the listed name holds stand in the query's order there
    primary_first: bool = False  # the query begins with the first word of the entry's primary name
    primary_last: bool = False  # the query ends with the last word of the entry's primary name
    exact_cover: float = 0.0  # share of the query's rarity spelled alike (one skeleton) in any name of the entry


FEATURES = (
    "mixed", "best_mixed", "score", "best_score", "name_rank", "best_name_rank", "cover", "best_cover",
    "shared_idf", "best_shared_idf", "name_cover", "exact", "best_exact", "log_names", "primary", "low",
    "token_gap", "first", "person_score", "acronym_mixed", "prefix", "in_order", "primary_first",
    "primary_last", "exact_cover", "best_exact_cover",
)


def candidate_features(pool: Sequence[Candidate]) -> list[list[float]]:
    """One row of :data:`FEATURES` per candidate, in the pool's order (the rules' order: ``first`` marks their
    first candidate); ``best_*`` marks the candidates with the pool's highest value of that kind (a softmax
    over the pool sees only differences between its candidates, so these say what a gap to the best cannot)."""
    if not pool:
        return []

    def best(values: list[float]) -> list[float]:
        top = max(values)
        return [float(v >= top - 1e-9) for v in values]

    best_mixed = best([c.mixed for c in pool])
    best_score = best([c.score for c in pool])
    best_rank = best([c.name_rank for c in pool])
    best_cover = best([c.cover for c in pool])
    best_idf = best([c.shared_idf for c in pool])
    best_exact = best([c.exact for c in pool])
    best_exact_cover = best([c.exact_cover for c in pool])
    rows = []
    for pos, c in enumerate(pool):
        rows.append([
            c.mixed, best_mixed[pos], c.score, best_score[pos], c.name_rank, best_rank[pos], c.cover,
            best_cover[pos], c.shared_idf, best_idf[pos], c.name_cover, c.exact, best_exact[pos],
            math.log(c.names), float(c.quality == 0), float(c.quality == 2), float(min(c.token_gap, 3)),
            float(pos == 0), c.score * c.person, c.mixed * c.acronym, float(c.prefix), float(c.in_order),
            float(c.primary_first), float(c.primary_last), c.exact_cover, best_exact_cover[pos],
        ])
    return rows


@dataclass(frozen=True)
class WatchlistRanker:
    """A conditional logit over :data:`FEATURES`, with the probability a link needs."""

    version: str
    weights: Mapping[str, float]
    link_confidence: float
    trained_on: str = ""

    def probabilities(self, pool: Sequence[Candidate]) -> list[float]:
        """Each candidate's share of the pool (softmax of its weighted features), in the pool's order."""
        zs = [sum(self.weights.get(name, 0.0) * x for name, x in zip(FEATURES, row))
              for row in candidate_features(pool)]
        if not zs:
            return []
        top = max(zs)
        exps = [math.exp(z - top) for z in zs]
        total = sum(exps)
        return [e / total for e in exps]

    @classmethod
    def from_json(cls, raw: str) -> WatchlistRanker:
        try:
            data = json.loads(raw)
            weights = {str(k): float(w) for k, w in data["weights"].items()}
            link_confidence = float(data["link_confidence"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError(f"watchlist ranker weights are malformed ({exc.__class__.__name__}: {exc})") from exc
        unknown = sorted(set(weights) - set(FEATURES))
        if unknown:
            raise ModelError(f"watchlist ranker weights name unknown features {unknown}; known: {', '.join(FEATURES)}")
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]
        return cls(version=f"{data.get('name', 'ranker')}.{digest}", weights=weights, link_confidence=link_confidence,
                   trained_on=str(data.get("trained_on", "")))


@functools.lru_cache(maxsize=4)
def load_ranker(directory: Path = MODEL_DIR) -> WatchlistRanker | None:
    """The shipped ranker, or None (the rules' order) when its file is absent."""
    path = directory / MODEL_FILE
    if not path.is_file():
        log.info("watchlist: no learned ranker at %s; ranking by the rules alone", path)
        return None
    ranker = WatchlistRanker.from_json(path.read_text(encoding="utf-8"))
    log.info("watchlist: learned ranker %s (trained on %s)", ranker.version, ranker.trained_on or "?")
    return ranker


def ranker_mode(ranker: WatchlistRanker | None = None, *, directory: Path = MODEL_DIR) -> str:
    """``rules`` or ``rules+ranker.<hash>``: which ranking watchlist search uses."""
    ranker = ranker if ranker is not None else load_ranker(directory)
    return "rules" if ranker is None else f"rules+{ranker.version}"
