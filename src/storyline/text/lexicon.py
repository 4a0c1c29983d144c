"""The versioned word lists the finding detectors read (data/lexicon/findings.json).

Phrases are compiled once into whole-word, case-insensitive patterns; a
:class:`Lexicon` can also be built from a mapping, so tests and users can try
other lists without touching the packaged file.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..errors import InputError

__all__ = ["Lexicon", "PhraseMatcher", "default_lexicon"]


class PhraseMatcher:
    """Finds whole-word occurrences of any of a set of phrases, each tagged with a label."""

    def __init__(self, phrases: Mapping[str, str]) -> None:
        self._labels = {p.lower(): label for p, label in phrases.items()}
        if not self._labels:
            self._pattern: re.Pattern[str] | None = None
            return
        alts = sorted(self._labels, key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def finditer(self, text: str) -> Iterable[tuple[int, int, str, str]]:
        """Yield (start, end, matched text, label), leftmost-longest, non-overlapping."""
        if self._pattern is None:
            return
        for m in self._pattern.finditer(text):
            key = " ".join(m.group(0).lower().split())
            yield m.start(), m.end(), m.group(0), self._labels.get(key, "")


@dataclass(frozen=True)
class Lexicon:
    version: str
    negation: PhraseMatcher
    negation_cancellers: PhraseMatcher
    contrast: PhraseMatcher
    denial_cues: frozenset[str]
    denial_phrases: PhraseMatcher
    roles: PhraseMatcher  # label: "low" | "high"
    location_claims: PhraseMatcher
    concepts: PhraseMatcher  # label: "concept:a" | "concept:b"
    measure_synonyms: Mapping[str, str]
    additive_measures: frozenset[str]
    approx_tolerance: float
    undated_fact_window_days: int
    # "linked to 29 attacks": a link verb followed by a count of acts marks a leading role
    role_links: PhraseMatcher = field(default_factory=lambda: PhraseMatcher({}))
    counted_acts: PhraseMatcher = field(default_factory=lambda: PhraseMatcher({}))
    # "reports indicate otherwise": a claim that contradicts what came just before it
    back_references: PhraseMatcher = field(default_factory=lambda: PhraseMatcher({}))
    # "while", "yet", "however": a contrast between two neighbouring claims
    contrast_markers: PhraseMatcher = field(default_factory=lambda: PhraseMatcher({}))
    # "no immediate reports of", "it is unclear whether": a content that asserts nothing either way
    hedges: PhraseMatcher = field(default_factory=lambda: PhraseMatcher({}))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Lexicon:
        def tagged(words: Iterable[str], label: str) -> dict[str, str]:
            return {w: label for w in words}

        roles: dict[str, str] = {}
        for rank, words in data.get("role_ranks", {}).items():
            roles.update(tagged(words, rank))
        concepts: dict[str, str] = {}
        for name, sides in data.get("antonym_concepts", {}).items():
            for side in ("a", "b"):
                for w in sides.get(side, []):
                    concepts.setdefault(w, f"{name}:{side}")
        return cls(
            version=str(data.get("version", "0")),
            negation=PhraseMatcher(tagged(data.get("negation", []), "neg")),
            negation_cancellers=PhraseMatcher(tagged(data.get("negation_cancellers", []), "cancel")),
            contrast=PhraseMatcher(tagged(data.get("contrast_negators", []), "contrast")),
            denial_cues=frozenset(w.lower() for w in data.get("denial_cues", [])),
            denial_phrases=PhraseMatcher(tagged(data.get("denial_phrases", []), "denial")),
            roles=PhraseMatcher(roles),
            location_claims=PhraseMatcher(tagged(data.get("location_claims", []), "loc")),
            concepts=PhraseMatcher(concepts),
            measure_synonyms={k.lower(): v for k, v in data.get("measure_synonyms", {}).items()},
            additive_measures=frozenset(data.get("additive_measures", [])),
            approx_tolerance=float(data.get("approx_tolerance", 0.10)),
            undated_fact_window_days=int(data.get("undated_fact_window_days", 30)),
            role_links=PhraseMatcher(tagged(data.get("role_links", []), "link")),
            counted_acts=PhraseMatcher(tagged(data.get("counted_acts", []), "acts")),
            back_references=PhraseMatcher(tagged(data.get("back_references", []), "backref")),
            contrast_markers=PhraseMatcher(tagged(data.get("contrast_markers", []), "contrast")),
            hedges=PhraseMatcher(tagged(data.get("hedges", []), "hedge")),
        )


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    res = resources.files("storyline") / "data" / "lexicon" / "findings.json"
    try:
        data = json.loads(res.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(res), f"cannot read the findings lexicon ({exc})") from exc
    return Lexicon.from_mapping(data)
