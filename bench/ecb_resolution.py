"""Cross-document resolution on ECB+ (real news, gold cross-document chains), against exact strings.

    python bench/ecb_resolution.py [--cache FILE] [--split dev|held-out|all]

Reads ../shared/eval/ecbplus (or STORYLINE_SHARED); skips with a message when absent.
The documents go through the real ``entities`` stage and ``resolve_entities`` over the
whole corpus at once. Scored items are our *name* mentions that coincide with a gold
mention of a person, organisation or place that belongs to a cross-document chain (ECB+ links
only the participants of the topic's seminal events across documents; other mentions are kept per
document, so they cannot be scored across documents) (same span, or one span inside the other
with the shorter one at least half the longer); each item carries its gold chain and
our entity. Pairwise and B³ precision/recall/F1 are computed within each topic (pairs
across topics are not scored), for ours and for the baseline that joins items whose
normalised surface strings are equal — both on exactly the same items.

Topics are split once: ``held-out`` = topics whose number is divisible by 3 (never looked
at while tuning), ``dev`` = the rest. ``--cache`` keeps the stage's mentions in a pickle
keyed by the pipeline version (for iterating on the resolver alone).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.text.names import name_key  # noqa: E402
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities  # noqa: E402
from storyline.model import Document, Mention  # noqa: E402

GOLD_TYPES = frozenset({"HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "LOC_GEO", "LOC_FAC", "LOC_OTHER"})


def eval_dir() -> Path:
    return Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared")) / "eval" / "ecbplus"


def is_held_out(topic: int) -> bool:
    return topic % 3 == 0


@dataclass(frozen=True)
class Item:
    topic: int
    gold: str
    ours: str
    surface: str


def load(folder: Path) -> tuple[list[dict], dict[str, list[dict]]]:
    docs = [json.loads(line) for line in (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines() if line]
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in (folder / "mentions.jsonl").read_text(encoding="utf-8").splitlines():
        if line:
            m = json.loads(line)
            if m["type"] in GOLD_TYPES and m["cross_doc"]:
                gold[m["doc"]].append(m)
    return docs, gold


def stage_mentions(docs: Sequence[dict], cache: Path | None) -> list[Mention]:
    from storyline.config import settings
    from storyline.nlp.pipeline import analyze_documents, build_stages, load_nlp, pipeline_version

    stages = build_stages(("entities",))
    version = pipeline_version(stages)
    documents = [Document.from_text(d["text"], external_id=d["id"]) for d in docs]
    if cache is not None and cache.is_file():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("version") == version and stored.get("ids") == [d.id for d in documents]:
            return stored["mentions"]
    t0 = time.perf_counter()
    nlp = load_nlp(settings().spacy_model)
    mentions = [m for a in analyze_documents(documents, nlp, stages) for m in a.mentions]
    print(f"(entities stage on {len(documents)} documents: {time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    if cache is not None:
        cache.write_bytes(pickle.dumps({"version": version, "ids": [d.id for d in documents], "mentions": mentions}))
    return mentions


def _match(m: Mention, golds: Sequence[dict]) -> dict | None:
    best, best_overlap = None, 0
    for g in golds:
        s, e = max(m.start, g["start"]), min(m.end, g["end"])
        if e <= s:
            continue
        short, long_ = sorted((m.end - m.start, g["end"] - g["start"]))
        inside = (m.start >= g["start"] and m.end <= g["end"]) or (g["start"] >= m.start and g["end"] <= m.end)
        if not inside or short * 2 < long_:
            continue
        if e - s > best_overlap:
            best, best_overlap = g, e - s
    return best


def items_for(docs: Sequence[dict], gold: dict[str, list[dict]], mentions: Iterable[Mention]) -> list[Item]:
    mentions = list(mentions)
    doc_of = {Document.from_text(d["text"]).id: d for d in docs}
    res = resolve_entities(clusters_from_mentions(mentions))
    out: list[Item] = []
    for m in mentions:
        if not m.is_name:
            continue
        d = doc_of[m.document_id]
        g = _match(m, gold.get(d["id"], ()))
        if g is None:
            continue
        out.append(Item(d["topic"], g["cluster"], res.key_to_entity.get(m.local_key, m.local_key), m.text))
    return out


def baseline(items: Sequence[Item]) -> list[Item]:
    return [Item(i.topic, i.gold, "str:" + (name_key(i.surface).norm or i.surface), i.surface) for i in items]


@dataclass(frozen=True)
class Scores:
    pairwise: tuple[float, float, float]
    b_cubed: tuple[float, float, float]
    items: int


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(items: Sequence[Item]) -> Scores:
    tp = pred = true = 0
    bp = br = 0.0
    by_topic: dict[int, list[Item]] = defaultdict(list)
    for i in items:
        by_topic[i.topic].append(i)
    for topic_items in by_topic.values():
        gold_sizes: dict[str, int] = defaultdict(int)
        ours_sizes: dict[str, int] = defaultdict(int)
        both: dict[tuple[str, str], int] = defaultdict(int)
        for i in topic_items:
            gold_sizes[i.gold] += 1
            ours_sizes[i.ours] += 1
            both[(i.gold, i.ours)] += 1
        tp += sum(n * (n - 1) // 2 for n in both.values())
        pred += sum(n * (n - 1) // 2 for n in ours_sizes.values())
        true += sum(n * (n - 1) // 2 for n in gold_sizes.values())
        for i in topic_items:
            k = both[(i.gold, i.ours)]
            bp += k / ours_sizes[i.ours]
            br += k / gold_sizes[i.gold]
    n = len(items)
    p = tp / pred if pred else 1.0
    r = tp / true if true else 1.0
    bp, br = (bp / n, br / n) if n else (1.0, 1.0)
    return Scores((p, r, _f(p, r)), (bp, br, _f(bp, br)), n)


def report(items: Sequence[Item]) -> list[str]:
    rows = ["| ECB+ split | system | items | pairwise P | R | F1 | B³ P | R | F1 |", "|---|---|---|---|---|---|---|---|---|"]
    for label, keep in (("dev", lambda t: not is_held_out(t)), ("held-out", is_held_out), ("all", lambda t: True)):
        part = [i for i in items if keep(i.topic)]
        for system, its in (("exact strings", baseline(part)), ("ours", part)):
            s = score(its)
            rows.append(f"| {label} | {system} | {s.items} | " + " | ".join(f"{x:.3f}" for x in (*s.pairwise, *s.b_cubed)) + " |")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the stage's mentions (outside the repository)")
    args = ap.parse_args(argv)
    folder = eval_dir()
    if not (folder / "documents.jsonl").is_file():
        print(f"skip: no ECB+ data under {folder}")
        return 0
    docs, gold = load(folder)
    items = items_for(docs, gold, stage_mentions(docs, args.cache))
    print("\n".join(report(items)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
