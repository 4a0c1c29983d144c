"""Real-news corpora for judging findings: samples of ../shared/eval/ecbplus and ../shared/eval/polnear-train.

Each corpus is split once, by a hash of a stable key, into a ``dev`` half (looked at while
tuning) and a ``held`` half (never looked at; reported side by side). ecbplus splits by
topic, so held-out topics are unseen events; polnear splits by article.

The texts are read from ../shared/eval/ at run time and stored only in a temporary SQLite
database outside the repository (``--cache``); nothing is copied into the project.

ecbplus has two events per topic: documents ``<topic>_<n>ecb`` describe one event and
``<topic>_<n>ecbplus`` the other. A finding whose sides come from the two events of one
topic is wrong by construction (:func:`ecb_event`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from storyline.ingest import IngestOptions, RawInput, read_raw
from storyline.model import Document

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("STORYLINE_EVAL", ROOT.parent / "shared" / "eval"))
ECBPLUS = EVAL / "ecbplus" / "documents.jsonl"
POLNEAR = EVAL / "polnear-train" / "data" / "train" / "text"
_POLNEAR_NAME = re.compile(r"^(?P<outlet>[a-z-]+)_(?P<date>\d{4}-\d{2}-\d{2})_")


def _half(key: str) -> str:
    return "dev" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held"


def available(corpus: str) -> bool:
    return (ECBPLUS if corpus == "ecbplus" else POLNEAR).exists()


def ecb_event(external_id: str | None) -> str | None:
    """``"12/ecbplus"`` for document ``12_3ecbplus``: the topic and which of its two events."""
    if not external_id:
        return None
    m = re.match(r"^(\d+)_\d+(ecbplus|ecb)$", external_id)
    return f"{m.group(1)}/{m.group(2)}" if m else None


def _ecbplus(split: str) -> Iterator[Document]:
    with ECBPLUS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if _half(f"topic{row['topic']}") != split or not row["text"].strip():
                continue
            event = ecb_event(row["id"])
            # read as `storyline ingest` reads a JSON Lines record (the date a saved page's URL line or header line
            # gives), then named for the bench: one source per document, its event recorded
            line = json.dumps({"id": row["id"], "text": row["text"]}).encode("utf-8")
            (doc,) = read_raw(RawInput(f"{row['id']}.jsonl", line, ".jsonl"), IngestOptions())
            if not isinstance(doc, Document):
                continue
            yield replace(doc, external_id=row["id"], title=row["id"], source=f"ecb:{row['id']}",
                          metadata={**doc.metadata, "event": event or ""})


def _polnear(split: str) -> Iterator[Document]:
    for path in sorted(POLNEAR.glob("*.txt")):
        if _half(path.name) != split:
            continue
        m = _POLNEAR_NAME.match(path.name)
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            continue
        yield Document.from_text(text, external_id=path.stem, title=text.split("\n", 1)[0][:120],
                                 source=m.group("outlet") if m else "unknown",
                                 published=dt.date.fromisoformat(m.group("date")) if m else None)


def polnear_origin(external_id: str | None) -> tuple[str, dt.date] | None:
    """The outlet and publication date a PolNeAR file name carries (``wash-post_2016-01-16_...``)."""
    m = _POLNEAR_NAME.match(external_id or "")
    return (m.group("outlet"), dt.date.fromisoformat(m.group("date"))) if m else None


def sample(corpus: str, split: str, n: int) -> list[Document]:
    """``n`` documents of one half, picked by a fixed hash order (the same every run)."""
    docs = list(_ecbplus(split) if corpus == "ecbplus" else _polnear(split))
    docs.sort(key=lambda d: hashlib.sha1(f"pick{d.external_id}".encode("utf-8")).hexdigest())
    return docs[:n]
