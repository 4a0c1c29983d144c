"""A benchmark corpus: distinct documents made by recombining sentences of the shipped examples.

Fixed seed, so every run measures the same texts. Sentences come from the demo
corpus (examples/) and the social-media fixtures, read through Storyline's own
readers so the text is exactly what ingest would store.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from functools import lru_cache
from pathlib import Path

from storyline.ingest import read_documents
from storyline.ingest.base import IngestOptions
from storyline.model import Document

REPO = Path(__file__).resolve().parents[1]
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    out: list[str] = []
    for item in read_documents([str(REPO / "examples"), str(REPO / "tests" / "fixtures" / "social")], IngestOptions()):
        if isinstance(item, Document):
            for para in item.text.split("\n"):
                for s in _SENTENCE.split(para.strip()):
                    if len(s.split()) >= 6:
                        out.append(s)
    return tuple(sorted(set(out)))


def documents(n: int, *, seed: int = 20251127, min_sentences: int = 4, max_sentences: int = 12) -> list[Document]:
    """``n`` distinct documents, 2 to 4 paragraphs each, spread over 2024-2025."""
    rng = random.Random(seed)
    pool = sentences()
    docs: list[Document] = []
    start = dt.date(2024, 1, 1)
    for i in range(n):
        k = rng.randint(min_sentences, max_sentences)
        picked = rng.sample(pool, k)
        cut = sorted(rng.sample(range(1, k), min(k - 1, rng.randint(1, 3))))
        paras, last = [], 0
        for c in [*cut, k]:
            paras.append(" ".join(picked[last:c]))
            last = c
        text = f"Bench report {i}\n\n" + "\n\n".join(paras)
        docs.append(Document.from_text(text, source=f"Outlet {i % 7}", published=start + dt.timedelta(days=i % 700),
                                       title=f"Bench report {i}"))
    return docs


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)
