"""Pronoun speakers on ECB+ (real news with gold within-document chains): is "he said" resolved to the right person?

    python bench/eval_pronoun_speakers.py [--split dev|held-out|all] [--limit N]

Reads ../shared/eval/ecbplus (skips with a message when absent). Each document goes through the real pipeline
(entities, statements). Scored items are the statements whose speaker is one pronoun ("he", "she", "they", "it",
"we", ...) that coincides with a gold ECB+ mention in a chain holding at least one earlier non-pronoun mention
(the pronoun has an antecedent to find). An item is *right* when the speaker cluster has a mention (of the
entities stage) overlapping a gold mention of the pronoun's chain, *wrong* when it resolved elsewhere, and
*unresolved* when it has no cluster. Reported: accuracy over resolved items, coverage (resolved / all) and
accuracy over all items (unresolved counts as wrong).

Topics are split as in ``bench/ecb_resolution.py``: ``held-out`` = topic number divisible by 3, ``dev`` = the rest.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.config import settings  # noqa: E402
from storyline.model import Document  # noqa: E402
from storyline.nlp.pipeline import analyze_documents, load_nlp  # noqa: E402

ECB = REPO.parent / "shared" / "eval" / "ecbplus"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "us"}


def load(split: str, limit: int | None) -> tuple[list[Document], dict[str, list[dict]]]:
    docs: list[Document] = []
    for line in (ECB / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        held = int(row["topic"]) % 3 == 0
        if split == "all" or (split == "held-out") == held:
            docs.append(Document.from_text(row["text"], external_id=row["id"]))
    docs = docs[: limit or None]
    wanted = {d.external_id for d in docs}
    mentions: dict[str, list[dict]] = defaultdict(list)
    for line in (ECB / "mentions.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        if m["doc"] in wanted:
            mentions[m["doc"]].append(m)
    return docs, mentions


def score(docs: list[Document], gold: dict[str, list[dict]], show: bool = False) -> dict[str, int]:
    counts = {"right": 0, "wrong": 0, "unresolved": 0}
    nlp = load_nlp(settings().spacy_model)
    for doc, analysis in zip(docs, analyze_documents(docs, nlp)):
        ms = gold.get(doc.external_id or "", [])
        for s in analysis.statements:
            if s.speaker_start is None or s.speaker_end is None or (s.speaker_text or "").lower() not in PRONOUNS:
                continue
            g = next((m for m in ms if m["start"] == s.speaker_start and m["end"] == s.speaker_end), None)
            if g is None:
                continue
            chain = [m for m in ms if m["cluster"] == g["cluster"]]
            if not any(m["end"] <= g["start"] and m["text"].lower() not in PRONOUNS for m in chain):
                continue
            ours = [m for m in analysis.mentions if m.cluster == s.speaker_cluster] if s.speaker_cluster is not None else []
            hit = any(o.start < m["end"] and m["start"] < o.end for o in ours for m in chain if m is not g)
            verdict = "unresolved" if s.speaker_cluster is None else "right" if hit else "wrong"
            counts[verdict] += 1
            if show and verdict != "right":
                print(f"  {verdict}: {doc.external_id} {s.speaker_text!r} -> {sorted({o.text for o in ours})[:3]}; "
                      f"gold {sorted({m['text'] for m in chain if m is not g})[:4]}")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "held-out", "all", "both"), default="both")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of each split")
    ap.add_argument("--show", action="store_true", help="print the wrong and unresolved items")
    args = ap.parse_args()
    if not (ECB / "documents.jsonl").is_file():
        print(f"ECB+ not found at {ECB}; skipped")
        return
    for split in (("dev", "held-out") if args.split == "both" else (args.split,)):
        c = score(*load(split, args.limit), show=args.show)
        total = sum(c.values())
        resolved = c["right"] + c["wrong"]
        print(f"{split:9} pronoun speakers {total:4d}: right {c['right']}, wrong {c['wrong']}, unresolved {c['unresolved']}"
              f" | accuracy of resolved {100 * c['right'] / max(resolved, 1):.1f}%, coverage {100 * resolved / max(total, 1):.1f}%,"
              f" accuracy over all {100 * c['right'] / max(total, 1):.1f}%")


if __name__ == "__main__":
    main()
