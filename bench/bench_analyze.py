"""Throughput and memory of ``analyze``, each figure against a baseline measured in the same run.

    python bench/bench_analyze.py [--docs 400] [--memory-docs 1000,4000] [--ray]

- analyze (all per-document stages + store writes) in one process vs the bare en_core_web_sm pipeline on the
  same texts (goal: ratio <= 1.5);
- analyze on every core (worker processes, ``--workers``) vs bare en_core_web_sm in one process, model loading
  included on both sides (goal: ratio <= 0.8 on 2 cores);
- peak memory (ru_maxrss, fresh subprocess each) of analysing N documents at two sizes (bounded: the ratio of
  memory should stay near 1 while the corpus grows);
- --engine ray vs --engine local on the same texts with 2 workers, and the projected speed-up per worker.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from storyline.config import settings
from storyline.store import open_store


def _fill(db: Path, n: int):
    store = open_store("sqlite:///" + str(db))
    for d in corpus.documents(n):
        store.add_document(d)
    return store


def bare_spacy_seconds(n: int) -> float:
    import spacy

    nlp = spacy.load(settings().spacy_model)
    texts = [d.text for d in corpus.documents(n)]
    list(nlp.pipe(texts[:5]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - t0


def bare_spacy_cold_seconds(n: int) -> float:
    """Bare spaCy in a fresh process, loading the model included."""
    out = subprocess.run([sys.executable, __file__, "--bare-child", str(n)], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"bare spaCy run failed:\n{out.stderr[-3000:]}")
    return float(out.stdout.strip().splitlines()[-1])


def _bare_child(n: int) -> None:
    texts = [d.text for d in corpus.documents(n)]
    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load(settings().spacy_model)
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    print(time.perf_counter() - t0)


def analyze_seconds(n: int, tmp: Path) -> float:
    """All stages in this process, the model already loaded."""
    from storyline.nlp.pipeline import build_stages, load_nlp
    from storyline.services.analyze import analyze_documents_in_store

    store = _fill(tmp / f"local-{n}.db", n)
    load_nlp(settings().spacy_model)
    build_stages()
    t0 = time.perf_counter()
    analyze_documents_in_store(store, settings(), workers=1)
    return time.perf_counter() - t0


def analyze_workers_seconds(n: int, tmp: Path, workers: int) -> float:
    """All stages in ``workers`` processes; starting them and loading their models included."""
    from storyline.services.analyze import analyze_documents_in_store

    store = _fill(tmp / f"workers-{n}.db", n)
    t0 = time.perf_counter()
    analyze_documents_in_store(store, settings(), workers=workers)
    return time.perf_counter() - t0


def ray_seconds(n: int, tmp: Path, workers: int) -> float:
    from storyline.scale.ray_engine import analyze_with_ray

    store = _fill(tmp / f"ray-{n}.db", n)
    t0 = time.perf_counter()
    analyze_with_ray(store, settings(), num_workers=workers, batch_size=8)
    return time.perf_counter() - t0


def _memory_child(n: int) -> None:
    from storyline.services.analyze import analyze_documents_in_store

    with tempfile.TemporaryDirectory() as tmp:
        store = _fill(Path(tmp) / "m.db", n)
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        analyze_documents_in_store(store, settings(), workers=1)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"n": n, "before_kib": base, "peak_kib": peak}))


def peak_memory_mib(n: int) -> float:
    out = subprocess.run([sys.executable, __file__, "--memory-child", str(n)], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"memory run with {n} documents failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])["peak_kib"] / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--memory-docs", default="1000,4000", help="two sizes, comma-separated (the issue asks for 20000)")
    ap.add_argument("--ray", action="store_true", help="also measure --engine ray (starts a local Ray)")
    ap.add_argument("--workers", type=int, default=0, help="worker processes for the every-core figure (0: every core)")
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--bare-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        _memory_child(args.memory_child)
        return
    if args.bare_child:
        _bare_child(args.bare_child)
        return
    docs = corpus.documents(args.docs)
    n_words = corpus.words(docs)
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        base = bare_spacy_seconds(args.docs)
        ours = analyze_seconds(args.docs, tmp)
        rows.append(("bare en_core_web_sm (baseline)", f"{args.docs / base:.1f} docs/s, {n_words / base:.0f} words/s", "1.00"))
        rows.append(("analyze, all stages + store, 1 process", f"{args.docs / ours:.1f} docs/s, {n_words / ours:.0f} words/s",
                     f"{ours / base:.2f} (goal <= 1.5)"))
        from storyline.services.workers import available_cores

        n_workers = args.workers or available_cores()
        cold = bare_spacy_cold_seconds(args.docs)
        par = analyze_workers_seconds(args.docs, tmp, n_workers)
        rows.append(("bare en_core_web_sm, 1 process, model load incl. (baseline)", f"{cold:.1f} s", "1.00"))
        rows.append((f"analyze on {n_workers} worker processes, model loads incl.", f"{par:.1f} s",
                     f"{par / cold:.2f} (goal <= 0.8 on 2 cores)"))
        if args.ray:
            workers = max(1, os.cpu_count() or 1)
            t_ray = ray_seconds(args.docs, tmp, workers)
            rows.append((f"--engine ray, {workers} workers (incl. Ray start)", f"{args.docs / t_ray:.1f} docs/s",
                         f"{t_ray / ours:.2f} x local time"))
            per_worker = args.docs / t_ray / workers
            rows.append(("projected speed-up on 8 workers", f"{8 * per_worker:.1f} docs/s",
                         f"{8 * per_worker / (args.docs / ours):.2f} x local"))
    sizes = [int(x) for x in args.memory_docs.split(",")]
    mems = [peak_memory_mib(n) for n in sizes]
    for n, mem in zip(sizes, mems):
        rows.append((f"peak memory analysing {n} documents", f"{mem:.0f} MiB", f"{mem / mems[0]:.2f}"))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':<40}  ratio")
    for name, value, ratio in rows:
        print(f"{name:<{width}}  {value:<40}  {ratio}")


if __name__ == "__main__":
    main()
