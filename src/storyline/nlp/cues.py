"""The attribution vocabulary: cue verbs, cue nouns, multi-word cues and fact measure names.

The words live in versioned data files under ``storyline/data/cues/`` (see the README
there); this module only reads them, once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CueLexicon", "lexicon"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "cues"


@dataclass(frozen=True)
class CueLexicon:
    version: str
    verbs: dict[str, str]  # lemma -> speech | belief | denial
    nouns: dict[str, str]
    phrases: dict[str, str]  # "according to" -> cue lemma
    measures: dict[str, str]  # word or lemma -> normalised measure
    people: frozenset[str]

    def is_denial(self, lemma: str) -> bool:
        return self.verbs.get(lemma) == "denial" or self.nouns.get(lemma) == "denial"


def _read(name: str) -> list[list[str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@functools.lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    """The cue lexicon from the package data (read once)."""
    return CueLexicon(
        version=_read("VERSION")[0][0],
        verbs={r[0]: r[1] for r in _read("verbs.tsv")},
        nouns={r[0]: r[1] for r in _read("nouns.tsv")},
        phrases={r[0]: r[1] for r in _read("phrases.tsv")},
        measures={r[0]: r[1] for r in _read("measures.tsv")},
        people=frozenset(r[0] for r in _read("people.txt")),
    )
