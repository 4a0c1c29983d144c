"""Rebuild the learned watchlist ranker from the UN Consolidated List (the recipe behind the shipped weights).

    PYTHONPATH=src python scripts/train_watchlist_ranker.py [--draws 30] [--l2 0.01] [--max-wrong 0.02] [--out DIR]

1. Reads ../shared/watchlists/un-consolidated-2025-08.xml (the UN Security Council Consolidated List, public).
2. For each of ``--draws`` alias draws (seeds 1..N, as ``bench/eval_resolution.py: remove_aliases`` draws them:
   one Good Latin-script alias removed from every entry with one, the list indexed without them), queries
   each removed alias of a **development-half** entry (``is_held_out_ref`` false) and keeps the rules' first
   candidates (``WatchlistIndex.candidates``) with what the ranker sees of them. A query whose own entry is not
   among them teaches the ranking nothing and is kept only to calibrate the link confidence. Entries of the
   held-out half are never queried (they are candidates, as every entry is for every query).
3. Fits a conditional logit (softmax over each query's candidates, L2, full-batch Adam, numpy, fixed start)
   on the features of ``storyline.corpus.watchlist_rank.candidate_features``; chooses ``link_confidence``
   from 5-fold out-of-fold probabilities (folds by entry) as the lowest value at which the share of
   queries with a wrong candidate above the link threshold and the confidence is at most ``--max-wrong``;
   refits on all of it and writes ``ranker.json`` into ``--out`` (default: the package's
   ``data/models/watchlist``).
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from eval_resolution import UN_LIST, is_held_out_ref, remove_aliases  # noqa: E402

from storyline.corpus.watchlist import LINK_THRESHOLD, WatchlistIndex, name_parts, parse_un_consolidated  # noqa: E402
from storyline.corpus.watchlist_rank import FEATURES, MODEL_DIR, MODEL_FILE, candidate_features  # noqa: E402

# one query's pool: its features (candidates x features), the index of its own entry (-1: absent), each
# candidate's name score, the entry's reference
Pool = tuple[np.ndarray, int, np.ndarray, str]


def collect(draws: int) -> list[Pool]:
    entries = list(parse_un_consolidated(UN_LIST.read_bytes(), "UN", UN_LIST.name))
    seen: set[tuple[str, str]] = set()
    pools: list[Pool] = []
    for seed in range(1, draws + 1):
        removed, kept = remove_aliases(entries, None, seed)
        index = WatchlistIndex(kept, ranker=False)
        for ref, (etype, wn) in sorted(removed.items()):
            if is_held_out_ref(ref) or (ref, wn.name) in seen:
                continue
            seen.add((ref, wn.name))
            for part in name_parts(wn.name) or [wn.name]:
                found = index.candidates(part, etype)
                if not found:
                    continue
                refs = [m.ref for m, _ in found]
                x = np.array(candidate_features([c for _, c in found]), dtype=float)
                scores = np.array([m.score for m, _ in found])
                pools.append((x, refs.index(ref) if ref in refs else -1, scores, ref))
        print(f"draw {seed}: {len(pools)} pools", file=sys.stderr)
    return pools


def fit(pools: list[Pool], l2: float, steps: int = 1500, lr: float = 0.05) -> np.ndarray:
    """Conditional-logit weights (one per feature) maximising the log-probability of each query's own entry."""
    train = [(x, y) for x, y, _, _ in pools if y >= 0 and len(x) > 1]
    w = np.zeros(len(FEATURES))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        grad = l2 * w * len(train)
        for x, y in train:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            grad -= x[y] - p @ x
        grad /= len(train)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def probabilities(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    z = x @ w
    p = np.exp(z - z.max())
    return p / p.sum()


def measure(pools: list[Pool], probs: list[np.ndarray], confidence: float) -> tuple[float, float, float]:
    """Top-1, share of pools with their own entry linked, share with a wrong link (score and confidence)."""
    top1 = linked = wrong = 0
    for (_x, y, scores, _), p in zip(pools, probs):
        order = np.argsort(-p, kind="stable")
        top1 += int(order[0] == y)
        link = (scores >= LINK_THRESHOLD) & (p >= confidence)
        linked += int(y >= 0 and bool(link[y]))
        wrong += int(any(link[i] for i in range(len(p)) if i != y))
    n = len(pools)
    return top1 / n, linked / n, wrong / n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=30)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--max-wrong", type=float, default=0.02, help="out-of-fold wrong-link rate to calibrate to")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    args = ap.parse_args()
    if not UN_LIST.exists():
        print(f"no UN list at {UN_LIST}", file=sys.stderr)
        return 2
    pools = collect(args.draws)
    folds = [zlib.crc32(ref.encode()) % 5 for _, _, _, ref in pools]
    oof: list[np.ndarray] = [np.zeros(0)] * len(pools)
    for k in range(5):
        w = fit([p for p, f in zip(pools, folds) if f != k], args.l2)
        for i, f in enumerate(folds):
            if f == k:
                oof[i] = probabilities(w, pools[i][0])
    rules = [np.linspace(1.0, 0.5, len(x)) for x, _, _, _ in pools]  # the rules' order, every candidate confident
    print("out-of-fold (dev): rules top-1 %.3f linked %.3f wrong %.3f" % measure(pools, rules, 0.0))
    confidence = 1.0
    for c in np.arange(0.0, 1.0001, 0.01):
        top1, linked, wrong = measure(pools, oof, float(c))
        if wrong <= args.max_wrong:
            confidence = round(float(c), 2)
            break
    print("out-of-fold (dev): ranker top-1 %.3f linked %.3f wrong %.3f at confidence %.2f"
          % (*measure(pools, oof, confidence), confidence))
    w = fit(pools, args.l2)
    out = {
        "name": "ranker",
        "trained_on": f"UN Consolidated List 2025-08, development half, {args.draws} leave-one-alias-out draws, "
                      f"{sum(1 for p in pools if p[1] >= 0)} queries with their entry among the candidates "
                      f"({len(pools)} in all)",
        "recipe": "scripts/train_watchlist_ranker.py",
        "l2": args.l2,
        "max_wrong": args.max_wrong,
        "link_confidence": confidence,
        "weights": {name: round(float(x), 5) for name, x in zip(FEATURES, w)},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / MODEL_FILE).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out / MODEL_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
