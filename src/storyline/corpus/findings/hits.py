"""The value a pair detector returns when two claims cannot both hold."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Hit"]


@dataclass(frozen=True)
class Hit:
    """Why a pair conflicts: a rule score in 0..1, a short reason, and where each side says it."""

    score: float
    reason: str  # one clause: "opposite claims about the role of X (observer vs mastermind)"
    detector: str
    span_a: tuple[int, int]  # offsets in the first item's text (statement content or fact text)
    span_b: tuple[int, int]
    subject: str = ""  # what the conflict is about (an entity id, a concept): the pairs of one question form one finding
    labels: tuple[str, str] = ("", "")  # the position each side takes, short ("still active", "a leading figure")
    question: str = ""  # what is claimed about the subject, when the detector alone does not say it (a predicate)
