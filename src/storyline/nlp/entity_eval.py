"""Scoring entity mentions against annotated text (used by bench/eval_entities.py and the evaluation gate).

Gold comes from a re3d-style folder (JSON lines ``documents.json`` and
``entities.json`` with ``begin``/``end`` offsets per source folder). Only the
Person, Organisation and Location types are scored, and only annotations whose
``confidence`` is at least :data:`MIN_CONFIDENCE` (re3d keeps rejected
candidate labels with confidence 0).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document, EntityType, Mention

log = logging.getLogger(__name__)

__all__ = ["GOLD_TYPES", "Gold", "Scores", "alias_pair_scores", "load_re3d", "plain_spans", "score", "stage_spans"]

GOLD_TYPES = {"Person": "person", "Organisation": "organization", "Location": "place"}
MIN_CONFIDENCE = 0.5
_PLAIN = {"PERSON": "person", "ORG": "organization", "NORP": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}

Span = tuple[int, int, str]  # start, end, type


@dataclass
class Gold:
    documents: list[Document]
    spans: dict[str, list[Span]]  # document id -> gold spans


def load_re3d(root: Path, *, limit_per_source: int | None = None) -> Gold:
    """Read every source folder under ``root``; document ids are our content ids."""
    if not root.is_dir():
        raise InputError(str(root), "no such evaluation folder")
    docs: list[Document] = []
    spans: dict[str, list[Span]] = {}
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").is_file()):
        ext_to_doc: dict[str, Document] = {}
        with open(folder / "documents.json", encoding="utf-8-sig") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                if limit_per_source is not None and len(ext_to_doc) >= limit_per_source:
                    break
                doc = Document.from_text(rec["text"], external_id=rec["_id"], source=folder.name)
                ext_to_doc[rec["_id"]] = doc
        seen: set[tuple[str, int, int, str]] = set()
        with open(folder / "entities.json", encoding="utf-8-sig") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                gold_doc = ext_to_doc.get(rec["documentId"])
                etype = GOLD_TYPES.get(rec["type"])
                if gold_doc is None or etype is None or float(rec.get("confidence", 1)) < MIN_CONFIDENCE:
                    continue
                key = (gold_doc.id, rec["begin"], rec["end"], etype)
                if key not in seen:
                    seen.add(key)
                    spans.setdefault(gold_doc.id, []).append((rec["begin"], rec["end"], etype))
        for d in ext_to_doc.values():
            if d.id not in spans:
                spans[d.id] = []
            docs.append(d)
    return Gold(docs, spans)


def plain_spans(documents: Sequence[Document], nlp: Any) -> dict[str, list[Span]]:
    """The baseline: the model's own entities, labels mapped to the three types."""
    out: dict[str, list[Span]] = {}
    for d, sdoc in zip(documents, nlp.pipe(d.text for d in documents)):
        out[d.id] = [(e.start_char, e.end_char, _PLAIN[e.label_]) for e in sdoc.ents if e.label_ in _PLAIN]
    return out


def stage_spans(mentions: Iterable[Mention]) -> dict[str, list[Span]]:
    """Our names (not role phrases or events) as scored spans."""
    out: dict[str, list[Span]] = defaultdict(list)
    keep = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}
    for m in mentions:
        if m.is_name and m.type in keep:
            out[m.document_id].append((m.start, m.end, m.type.value))
    return dict(out)


@dataclass
class Scores:
    """True positives, predictions and gold counts per type ('all' is micro over types)."""

    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    pred: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    gold_hit: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def prf(self, t: str = "all") -> tuple[float, float, float]:
        p = self.tp[t] / self.pred[t] if self.pred[t] else 0.0
        r = self.gold_hit[t] / self.gold[t] if self.gold[t] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(gold: dict[str, list[Span]], pred: dict[str, list[Span]], *, overlap: bool = False) -> Scores:
    """Precision over predictions, recall over gold; a match needs the same type and the same span (or any overlap)."""
    s = Scores()
    for doc_id, g_spans in gold.items():
        p_spans = pred.get(doc_id, [])
        by_type_g: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for a, b, t in g_spans:
            by_type_g[t].append((a, b))
        by_type_p: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for a, b, t in p_spans:
            by_type_p[t].append((a, b))
        for t in set(by_type_g) | set(by_type_p):
            gs, ps = by_type_g.get(t, []), by_type_p.get(t, [])
            if overlap:
                hit_p = sum(1 for a, b in ps if any(a < d and c < b for c, d in gs))
                hit_g = sum(1 for c, d in gs if any(a < d and c < b for a, b in ps))
            else:
                gset, pset = set(gs), set(ps)
                hit_p = hit_g = len(gset & pset)
            for key in (t, "all"):
                s.tp[key] += hit_p
                s.pred[key] += len(ps)
                s.gold[key] += len(gs)
                s.gold_hit[key] += hit_g
    return s


def _norm(name: str) -> str:
    n = name.lower().replace("’", "'").strip()
    for suffix in ("'s", "'"):
        if n.endswith(suffix):
            n = n[: -len(suffix)]
    return n


def alias_pair_scores(mentions: Sequence[Mention], alias_groups: Sequence[Sequence[str]], distinct: Sequence[Sequence[str]]) -> dict[str, float]:
    """Pairwise precision/recall of "same cluster" over the gold names that appear as mentions.

    Gold-same pairs come from ``alias_groups``; predicted-same pairs are pairs of
    gold names (from the groups and ``distinct``) with a mention of each in one
    cluster. Names not found as any mention count against recall.
    """
    clusters: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        if m.is_name:
            clusters[_norm(m.text)].add(m.cluster)
    names = sorted({_norm(n) for g in alias_groups for n in g} | {_norm(n) for pair in distinct for n in pair})
    same_gold = {frozenset((_norm(a), _norm(b))) for g in alias_groups for a in g for b in g if _norm(a) != _norm(b)}
    pred_same = {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1 :] if clusters.get(a, set()) & clusters.get(b, set())}
    tp = len(pred_same & same_gold)
    distinct_pairs = {frozenset((_norm(a), _norm(b))) for a, b in distinct}
    return {
        "precision": tp / len(pred_same) if pred_same else 0.0,
        "recall": tp / len(same_gold) if same_gold else 0.0,
        "gold_pairs": float(len(same_gold)),
        "predicted_pairs": float(len(pred_same)),
        "distinct_violations": float(len(pred_same & distinct_pairs)),
        "names_found": float(sum(1 for n in names if n in clusters)),
        "names": float(len(names)),
    }
