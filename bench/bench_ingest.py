"""Ingest throughput and main-text quality of the HTML reader on the article-extraction benchmark.

Reads ../shared/eval/article-extraction-benchmark (or $STORYLINE_SHARED/eval/...) in place:
html/*.html.gz and ground-truth.json. For each page it runs
  * storyline: the HTML reader (trafilatura + lxml fallback, decoding, normalisation), and
  * baseline:  lxml.html.fromstring(page).text_content() (all text, no boilerplate removal),
and prints documents/s, MB/s and the benchmark's own F1 (token 4-gram shingles, per-page
normalised TP/FP/FN, macro precision and recall, as in its evaluate.py).

    python bench/bench_ingest.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.errors import InputError  # noqa: E402
from storyline.ingest import read_raw  # noqa: E402
from storyline.ingest.base import IngestOptions, RawInput  # noqa: E402
from storyline.model import Document  # noqa: E402

SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
DATA = SHARED / "eval" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+")


def shingle_counts(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingle_counts(true), shingle_counts(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in p)
    fn = sum(max(0, t[k] - p[k]) for k in t)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(recall(*r) for r in rows if r[0] + r[2] > 0)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def storyline_text(data: bytes) -> str:
    results = list(read_raw(RawInput("page.html", data, ".html"), IngestOptions()))
    texts = [r.text for r in results if isinstance(r, Document)]
    return texts[0] if texts else ""


def baseline_text(data: bytes) -> str:
    try:
        return lxml.html.fromstring(data).text_content()
    except (lxml.etree.ParserError, ValueError):
        return ""


def run(name: str, extract: Callable[[bytes], str], pages: list[tuple[str, bytes]], truth: dict[str, str]) -> dict:
    rows = []
    failures = 0
    started = time.perf_counter()
    outputs = {}
    for key, data in pages:
        try:
            outputs[key] = extract(data)
        except InputError:
            failures += 1
            outputs[key] = ""
    elapsed = time.perf_counter() - started
    for key, _ in pages:
        rows.append(tp_fp_fn(truth[key], outputs[key]))
    f1, p, r = scores(rows)
    megabytes = sum(len(d) for _, d in pages) / 1e6
    return {
        "name": name,
        "docs_s": len(pages) / elapsed,
        "mb_s": megabytes / elapsed,
        "f1": f1,
        "precision": p,
        "recall": r,
        "failures": failures,
        "seconds": elapsed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0 = all)")
    args = parser.parse_args()
    if not (DATA / "ground-truth.json").is_file():
        print(f"article-extraction benchmark not found at {DATA} (set STORYLINE_SHARED)", file=sys.stderr)
        return 1
    truth = {k: v.get("articleBody", "") for k, v in json.loads((DATA / "ground-truth.json").read_text("utf-8")).items()}
    files = sorted((DATA / "html").glob("*.html.gz"))
    if args.limit:
        files = files[: args.limit]
    pages = [(f.name.split(".")[0], gzip.decompress(f.read_bytes())) for f in files]
    pages = [(k, d) for k, d in pages if k in truth]
    total_mb = sum(len(d) for _, d in pages) / 1e6
    print(f"{len(pages)} pages, {total_mb:.1f} MB of HTML (single process)\n")
    results = [run("lxml text_content (baseline)", baseline_text, pages, truth), run("storyline html reader", storyline_text, pages, truth)]
    header = f"{'extractor':<30} {'docs/s':>8} {'MB/s':>7} {'F1':>6} {'prec':>6} {'recall':>6} {'errors':>6}"
    print(header)
    print("-" * len(header))
    for row in results:
        print(
            f"{row['name']:<30} {row['docs_s']:>8.1f} {row['mb_s']:>7.2f} {row['f1']:>6.3f} "
            f"{row['precision']:>6.3f} {row['recall']:>6.3f} {row['failures']:>6}"
        )
    base, ours = results
    print(f"\nstoryline / baseline: speed x{ours['docs_s'] / base['docs_s']:.3f}, F1 {ours['f1'] - base['f1']:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
