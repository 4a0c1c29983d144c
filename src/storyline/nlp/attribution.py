"""The learned attribution scorer: which rule candidates are attributions, learned from annotated news.

The statements stage proposes candidates by rule (a cue verb with a clausal complement, a
quotation next to a cue, "according to", "NAME: text" lines, ...) and, when the scorer is
present, also every verb that takes a clausal complement or sits next to a quotation, whatever
its lemma (``open-*`` origins). The scorer is a logistic regression over a candidate's sparse
binary features (:func:`candidate_features`): which rule proposed it, the cue lemma, the
speaker's kind, the content's length and shape. A candidate is kept when its probability
reaches the model's threshold.

The weights are package data (``storyline/data/models/attribution/scorer.json``, trained by
``scripts/train_attribution.py`` on PolNeAR train; see ``MODEL_CARD.md`` there). Without the
file the stage runs on its rules alone; :func:`attribution_mode` says which is in use and the
statements stage's version names it, so re-analysis follows a new model.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError

__all__ = ["AttributionModel", "CandidateView", "MODEL_DIR", "attribution_mode", "candidate_features", "load_model"]

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "attribution"
MODEL_FILE = "scorer.json"


@dataclass(frozen=True)
class CandidateView:
    """What the scorer sees of one rule candidate."""

    origin: str  # the rule: verb-ccomp, verb-quote, noun, according, colon, dash, turn, orphan, open-ccomp, ...
    cue: str | None  # cue lemma
    cue_class: str | None  # speech | belief | denial | None (not in the lexicon)
    kind: str  # direct | indirect | mixed
    polarity: int
    content_words: int
    speaker: str  # none | pronoun | person | organization | place | role | document | other
    speaker_words: int
    content_before_cue: bool
    speaker_after_cue: bool
    content_quoted: bool  # the content is, or holds, a quotation
    content_first: str  # first word of the content, lowercased
    cue_prev: str  # the word before the cue, lowercased ("not", "also", "has")
    cue_tag: str  # fine-grained tag of the cue token (VBD, VBZ, NN, ...)
    nested: bool = False  # the cue (and speaker) lie inside another candidate's reported content
    cue_dep: str = ""  # the cue token's dependency label (ROOT, ccomp, relcl, conj, advcl, ...)
    cue_head: str = ""  # what governs the cue: root, a lexicon class (speech, belief, ...) or a part of speech
    cue_quoted: bool = False  # the cue stands inside a quotation


def _bucket(n: int, edges: Iterable[int]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return "more"


def candidate_features(v: CandidateView) -> tuple[str, ...]:
    """The sparse binary features of a candidate (names; the model weighs each)."""
    cue = v.cue or "-"
    words = _bucket(v.content_words, (2, 4, 7, 12, 20, 35, 60, 120))
    feats = [
        "bias",
        f"origin={v.origin}",
        f"cue={cue}",
        f"cue_class={v.cue_class or 'open'}",
        f"kind={v.kind}",
        f"neg={v.polarity < 0}",
        f"words={words}",
        f"speaker={v.speaker}",
        f"speaker_words={_bucket(v.speaker_words, (0, 1, 2, 4, 8))}",
        f"content_before_cue={v.content_before_cue}",
        f"speaker_after_cue={v.speaker_after_cue}",
        f"quoted={v.content_quoted}",
        f"first={v.content_first}",
        f"cue_prev={v.cue_prev}",
        f"cue_tag={v.cue_tag}",
        f"origin_cue={v.origin}|{cue}",
        f"origin_speaker={v.origin}|{v.speaker}",
        f"origin_words={v.origin}|{words}",
        f"cue_speaker={cue}|{v.speaker}",
        f"kind_speaker={v.kind}|{v.speaker}",
        f"tag_origin={v.cue_tag}|{v.origin}",
        f"nested={v.nested}",
        f"nested_origin={v.nested}|{v.origin}",
        f"nested_class={v.nested}|{v.cue_class or 'open'}",
        f"cue_dep={v.cue_dep}",
        f"dep_origin={v.cue_dep}|{v.origin}",
        f"cue_head={v.cue_head}",
        f"head_origin={v.cue_head}|{v.origin}",
        f"head_class={v.cue_head}|{v.cue_class or 'open'}",
        f"cue_quoted={v.cue_quoted}",
        f"quoted_origin={v.cue_quoted}|{v.origin}",
    ]
    return tuple(feats)


@dataclass(frozen=True)
class AttributionModel:
    """A logistic regression over candidate features, with its keep threshold."""

    version: str
    weights: Mapping[str, float]
    threshold: float
    trained_on: str = ""

    def probability(self, features: Iterable[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        ez = math.exp(z)
        return ez / (1.0 + ez)

    def keeps(self, features: Iterable[str]) -> bool:
        return self.probability(features) >= self.threshold

    @classmethod
    def from_json(cls, raw: str) -> AttributionModel:
        try:
            data = json.loads(raw)
            weights = {str(k): float(w) for k, w in data["weights"].items()}
            threshold = float(data["threshold"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError(f"attribution scorer weights are malformed ({exc.__class__.__name__}: {exc})") from exc
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]
        return cls(version=f"{data.get('name', 'scorer')}.{digest}", weights=weights, threshold=threshold,
                   trained_on=str(data.get("trained_on", "")))

    def to_json(self, **extra: object) -> str:
        payload = {"name": self.version.split(".")[0], "trained_on": self.trained_on, "threshold": self.threshold,
                   **extra, "weights": {k: round(w, 5) for k, w in sorted(self.weights.items()) if abs(w) >= 1e-5}}
        return json.dumps(payload, indent=0, sort_keys=False, ensure_ascii=False) + "\n"


@functools.lru_cache(maxsize=4)
def load_model(directory: Path = MODEL_DIR) -> AttributionModel | None:
    """The shipped scorer, or None (rules only) when its file is absent."""
    path = directory / MODEL_FILE
    if not path.is_file():
        log.info("attribution: no learned scorer at %s; using the rules alone", path)
        return None
    model = AttributionModel.from_json(path.read_text(encoding="utf-8"))
    log.info("attribution: learned scorer %s (trained on %s)", model.version, model.trained_on or "?")
    return model


def attribution_mode(model: AttributionModel | None = None, *, directory: Path = MODEL_DIR) -> str:
    """``rules`` or ``rules+scorer-<version>``: which attribution finder the statements stage uses."""
    model = model if model is not None else load_model(directory)
    return "rules" if model is None else f"rules+{model.version}"
