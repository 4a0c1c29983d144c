"""Cost of the statements and facts stages against the bare spaCy parse, on the PolNeAR dev texts.

    python bench/bench_stages.py [--limit N]

Parses every text once with the configured spaCy pipeline (timed: the baseline), then runs
the entities, statements and facts stages on the parsed documents (each timed), and prints
the ratio of each stage's time to the parse time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.config import settings  # noqa: E402
from storyline.model import Document  # noqa: E402
from storyline.nlp.pipeline import build_stages, load_nlp, parse  # noqa: E402

TEXTS = ROOT.parent / "shared" / "eval" / "polnear-dev" / "data" / "dev" / "text"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not TEXTS.is_dir():
        sys.exit(f"texts not found at {TEXTS}")
    docs = [Document.from_text(p.read_text(encoding="utf-8")) for p in sorted(TEXTS.glob("*.txt"))[: args.limit or None]]
    nlp = load_nlp(settings().spacy_model)
    list(parse(docs[:2], nlp))  # warm up
    t0 = time.perf_counter()
    parsed = list(parse(docs, nlp))
    parse_s = time.perf_counter() - t0
    timings: dict[str, float] = {}
    for stage in build_stages():
        t = time.perf_counter()
        for p in parsed:
            stage.run(p)
        timings[stage.name] = time.perf_counter() - t
    chars = sum(d.chars for d in docs)
    print(f"{len(docs)} texts, {chars:,} chars")
    print(f"{'step':14}{'seconds':>9}{'x parse':>9}")
    print(f"{'spaCy parse':14}{parse_s:9.2f}{1.0:9.2f}")
    for name, secs in timings.items():
        print(f"{name:14}{secs:9.2f}{secs / parse_s:9.2f}")
    ours = timings.get("statements", 0.0) + timings.get("facts", 0.0)
    print(f"{'statements+facts':14}{ours:9.2f}{ours / parse_s:9.2f}  (must be < 1.00)")


if __name__ == "__main__":
    main()
