"""Every benchmark in one command; each prints its figures as ratios to a baseline measured in the same run.

    python bench/run_all.py            # quick sizes (a few minutes on 2 cores)
    python bench/run_all.py --full     # the sizes the issues ask for (20k documents analysed, 100k statements,
                                       # findings streamed from SQLite at 100k and 1M statements, 1% new documents
                                       # on a 20k-document synthetic corpus, 50k-document web store,
                                       # 100k-message channel, 50k-document export,
                                       # 20k-document resolution rebuild and 1% update)

Benchmarks are never part of the test run; quality floors live in the tests' evaluation gates instead.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUICK = [
    ("analyze vs bare spaCy, memory, Ray vs local", ["bench_analyze.py", "--docs", "300", "--memory-docs", "500,2000", "--ray"]),
    ("statements + facts vs the parse", ["bench_stages.py", "--limit", "30"]),
    ("findings and topics scaling", ["bench_findings.py", "2000", "6000", "20000"]),
    ("incremental corpus update vs full rebuild", ["bench_incremental.py", "--docs", "300", "--new", "10"]),
    ("findings rebuild streamed from SQLite: time and peak memory", ["bench_findings.py", "--store", "2000", "20000"]),
    ("incremental update, 1% new synthetic documents, vs full rebuild, by step",
     ["bench_incremental.py", "--synthetic", "10000", "--new", "10", "--no-memory"]),
    ("entity resolution rebuild: streamed vs whole corpus, memory, update, Ray", ["bench_resolution.py", "--sizes", "300,1200", "--ray"]),
    ("web page latency", ["bench_web.py", "--docs", "10000", "--requests", "10"]),
    ("export streaming memory", ["bench_export.py", "--sizes", "2000,10000"]),
    ("HTML ingest vs lxml", ["bench_ingest.py", "--limit", "60"]),
    ("social-media channel ingest", ["bench_threads.py", "--messages", "20000"]),
]

FULL = [
    ("analyze vs bare spaCy, memory, Ray vs local", ["bench_analyze.py", "--docs", "1000", "--memory-docs", "2000,20000", "--ray"]),
    ("statements + facts vs the parse", ["bench_stages.py"]),
    ("findings and topics scaling", ["bench_findings.py", "10000", "30000", "100000"]),
    ("incremental corpus update vs full rebuild", ["bench_incremental.py", "--docs", "2000", "--new", "20"]),
    ("findings rebuild streamed from SQLite: time and peak memory", ["bench_findings.py", "--store", "100000", "1000000"]),
    ("incremental update, 1% new synthetic documents, vs full rebuild, by step",
     ["bench_incremental.py", "--synthetic", "200000", "--new", "200", "--no-memory"]),
    ("entity resolution rebuild: streamed vs whole corpus, memory, update, Ray", ["bench_resolution.py", "--sizes", "2000,20000", "--ray"]),
    ("web page latency", ["bench_web.py", "--docs", "50000", "--requests", "20"]),
    ("export streaming memory", ["bench_export.py", "--sizes", "10000,50000"]),
    ("HTML ingest vs lxml", ["bench_ingest.py"]),
    ("social-media channel ingest", ["bench_threads.py", "--messages", "100000"]),
    ("entity recognition (re3d) vs plain spaCy", ["eval_entities.py"]),
    ("attribution (PolNeAR dev) vs published Citron", ["eval_attribution.py"]),
    ("alias resolution and watchlist linking", ["eval_resolution.py"]),
    ("inferred titles, dates and outlets (PolNeAR, article benchmark)", ["eval_metadata.py"]),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--only", help="run only benchmarks whose title contains this text")
    args = ap.parse_args()
    failed = 0
    for title, cmd in FULL if args.full else QUICK:
        if args.only and args.only.lower() not in title.lower():
            continue
        print(f"\n=== {title}: python bench/{' '.join(cmd)}", flush=True)
        started = time.perf_counter()
        rc = subprocess.call([sys.executable, str(HERE / cmd[0]), *cmd[1:]], cwd=HERE.parent)
        print(f"--- {time.perf_counter() - started:.0f} s, exit {rc}", flush=True)
        failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
