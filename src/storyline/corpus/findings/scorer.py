"""Pluggable contradiction scorers (a local NLI or LLM model), none by default.

A scorer is any object with ``score(a_text, b_text) -> float | None``: the
probability that the two texts contradict each other, or ``None`` when it has
no opinion. Storyline ships none that needs a model; to plug one in:

1. Write a factory ``make(arg: str | None) -> Scorer`` that loads your model
   from a local directory (``arg``) - never from the network.
2. Either register it in your code::

       from storyline.corpus.findings.scorer import register_scorer

       @register_scorer("nli")
       def make_nli(path):
           return MyNliScorer(path)

   or name it by import path, without registering: ``load_scorer("mypkg.nli:make=/models/nli")``.
3. Pass the scorers to :func:`storyline.corpus.findings.detect_findings` (``scorers=[load_scorer("nli=/models/nli")]``).

With scorers, a rule-based finding's score becomes the mean of the rule score
and the scorers' mean probability; a candidate pair that no rule flagged
becomes a finding when the scorers' mean probability is at least
:data:`MODEL_ONLY_THRESHOLD`.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from ...errors import UsageError

__all__ = ["MODEL_ONLY_THRESHOLD", "Scorer", "available_scorers", "combine", "load_scorer", "model_probability", "register_scorer"]

log = logging.getLogger(__name__)

MODEL_ONLY_THRESHOLD = 0.8


@runtime_checkable
class Scorer(Protocol):
    def score(self, a_text: str, b_text: str) -> float | None: ...


ScorerFactory = Callable[[str | None], Scorer]
_REGISTRY: dict[str, ScorerFactory] = {}


def register_scorer(name: str) -> Callable[[ScorerFactory], ScorerFactory]:
    """Decorator: make a scorer factory available to :func:`load_scorer` by ``name``."""

    def wrap(factory: ScorerFactory) -> ScorerFactory:
        _REGISTRY[name] = factory
        return factory

    return wrap


def available_scorers() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))


def load_scorer(spec: str) -> Scorer:
    """Build a scorer from ``NAME`` or ``NAME=ARG``; NAME is registered or ``module:function``."""
    name, _, arg = spec.partition("=")
    name = name.strip()
    factory = _REGISTRY.get(name)
    if factory is None and ":" in name:
        module, _, attr = name.partition(":")
        try:
            factory = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise UsageError(f"cannot import scorer factory {name!r}: {exc}") from exc
    if factory is None:
        known = ", ".join(available_scorers()) or "none registered"
        raise UsageError(f"no scorer {name!r}; available: {known}; or give module:function")
    scorer = factory(arg or None)
    if not isinstance(scorer, Scorer):
        raise UsageError(f"scorer factory {name!r} returned {type(scorer).__name__}, which has no score(a_text, b_text)")
    return scorer


def model_probability(scorers: Sequence[Scorer], a_text: str, b_text: str) -> float | None:
    """Mean contradiction probability of the scorers that have an opinion, clipped to 0..1."""
    probs = []
    for s in scorers:
        p = s.score(a_text, b_text)
        if p is not None:
            probs.append(min(1.0, max(0.0, float(p))))
    return sum(probs) / len(probs) if probs else None


def combine(rule_score: float, probability: float | None) -> float:
    return rule_score if probability is None else (rule_score + probability) / 2
