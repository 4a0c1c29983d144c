"""Corpus steps after a few new documents: incremental update against a full rebuild, in the same run.

    python bench/bench_incremental.py [--docs 2000] [--new 20]
    python bench/bench_incremental.py --synthetic 20000 [--new 20]   bench_findings' generated corpus, no spaCy

Analyses ``--docs`` generated documents and rebuilds the corpus results; then
adds ``--new`` more, analyses them, and times the incremental corpus update.
With ``--synthetic N`` the documents and their analyses come from bench_findings'
generator (N statements, saved as analyses: no spaCy run), in ``--docs`` documents
of 10 statements. The baseline is a full rebuild over the same final corpus, timed right after;
both must give the same entities and findings; the steps both runs share (resolving entities, findings: the
findings step without the write) are timed too. Then the peak memory (a fresh
process each, from the same database copy) of the incremental update
against a full rebuild (tracemalloc: what the corpus step itself allocates).
Prints a table with the ratios.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from storyline.config import settings
from storyline.model import Document, DocumentAnalysis
from storyline.services.analyze import analyze_documents_in_store, finish_analysis
from storyline.store import Store, open_store


def _snapshot(store: Store) -> tuple[list, list]:
    entities = sorted((e.id, e.name, e.local_keys) for e in store.iter_entities())
    findings = sorted((f.id, f.score, f.explanation) for f in store.iter_findings())
    return entities, findings


def _memory_child(mode: str, db: str) -> None:
    from storyline.nlp.pipeline import pipeline_version

    store = open_store("sqlite:///" + db)
    version = pipeline_version()
    tracemalloc.start()
    finish_analysis(store, settings(), 0, version, force_corpus=mode == "full")
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(json.dumps({"traced_kib": traced // 1024}))


def _peak_mib(mode: str, source: Path, tmp: Path) -> float:
    db = tmp / f"{mode}.db"
    shutil.copyfile(source, db)
    out = subprocess.run([sys.executable, __file__, "--memory-child", mode, str(db)], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"memory run ({mode}) failed:\n{out.stderr[-3000:]}")
    got = json.loads(out.stdout.strip().splitlines()[-1])
    return got["traced_kib"] / 1024


class _StepTimes(logging.Handler):
    """Each corpus step's wall seconds (as the progress log reports them) and CPU seconds (this process's, between
    two reports: what a shared machine's load does not stretch): (full rebuild?, step) → (wall, CPU) of the last run."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seconds: dict[tuple[bool, str], tuple[float, float]] = {}
        self.mark()

    def mark(self) -> None:
        """A corpus step run starts now."""
        self._cpu = time.process_time()

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and len(record.args) == 3:
            description, step, seconds = record.args
            now = time.process_time()
            self.seconds[("(full)" in str(description), str(step))] = (float(seconds), now - self._cpu)  # type: ignore[arg-type]
            self._cpu = now


def _synthetic(n: int) -> list[tuple[Document, DocumentAnalysis]]:
    """bench_findings' generated corpus of ``n`` statements: each document with its analysis, in generation order."""
    from bench_findings import generate

    st, fa, me, _k2e, _ents, docs = generate(n)
    by_doc: dict[str, tuple[list, list]] = {d: ([], []) for d in docs}
    for s in st:
        by_doc[s.document_id][0].append(s)
    for f in fa:
        by_doc[f.document_id][1].append(f)
    order = sorted(docs, key=lambda d: int(d[3:]))
    return [(replace(docs[d], sha256=d), DocumentAnalysis(d, "bench", tuple(me[d]), tuple(by_doc[d][0]), tuple(by_doc[d][1])))
            for d in order]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--new", type=int, default=20)
    ap.add_argument("--no-memory", action="store_true", help="skip the two memory runs")
    ap.add_argument("--synthetic", type=int, default=0, help="statements of bench_findings' generated corpus instead of spaCy")
    ap.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        _memory_child(*args.memory_child)
        return
    logging.basicConfig(level=logging.WARNING)
    steps = _StepTimes()
    progress = logging.getLogger("storyline.progress")
    progress.addHandler(steps)
    progress.setLevel(logging.INFO)
    progress.propagate = False
    cfg = settings()
    synthetic = _synthetic(args.synthetic) if args.synthetic else None
    if synthetic is not None:
        args.docs = len(synthetic) - args.new
    docs = [d for d, _a in synthetic] if synthetic is not None else corpus.documents(args.docs + args.new)

    def analyse(store: Store, lo: int, hi: int) -> tuple[int, str]:
        if synthetic is None:
            return analyze_documents_in_store(store, cfg)
        store.save_analyses([a for _d, a in synthetic[lo:hi]])
        return hi - lo, "bench"

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store("sqlite:///" + str(Path(tmp) / "inc.db"))
        for d in docs[: args.docs]:
            store.add_document(d)
        analyse(store, 0, args.docs)
        t0 = time.perf_counter()
        finish_analysis(store, cfg, args.docs, "", force_corpus=True)
        t_first = time.perf_counter() - t0

        for d in docs[args.docs :]:
            store.add_document(d)
        analyzed, version = analyse(store, args.docs, args.docs + args.new)
        store.close()  # the last connection checkpoints the WAL: the file alone is the whole database
        pending = Path(tmp) / "pending.db"
        shutil.copyfile(Path(tmp) / "inc.db", pending)
        store = open_store("sqlite:///" + str(Path(tmp) / "inc.db"))
        logging.getLogger("storyline.services").setLevel(logging.INFO)
        t0 = time.perf_counter()
        steps.mark()
        report = finish_analysis(store, cfg, analyzed, version)
        t_inc = time.perf_counter() - t0
        logging.getLogger("storyline.services").setLevel(logging.WARNING)
        assert report.corpus_mode == "incremental", report.corpus_mode
        incremental = _snapshot(store)

        t0 = time.perf_counter()
        steps.mark()
        finish_analysis(store, cfg, 0, version, force_corpus=True)
        t_full = time.perf_counter() - t0
        same = _snapshot(store) == incremental
        statements = store.count("statements")
        mems = None if args.no_memory else (_peak_mib("incremental", pending, Path(tmp)), _peak_mib("full", pending, Path(tmp)))

    rows = [
        (f"full rebuild, {args.docs} documents", f"{t_first:.1f} s", ""),
        (f"full rebuild, {args.docs + args.new} documents (baseline)", f"{t_full:.1f} s", "1.00"),
        (f"incremental, {args.new} new documents", f"{t_inc:.1f} s", f"{t_inc / t_full:.3f}"),
        ("same entities and findings as the rebuild", "yes" if same else "NO", ""),
        *((f"  step '{step}', {kind} seconds: incremental / full rebuild", f"{steps.seconds[(False, step)][k]:.1f} s",
           f"{steps.seconds[(False, step)][k] / steps.seconds[(True, step)][k]:.3f}")
          for step in ("resolving entities", "findings") for k, kind in ((0, "wall"), (1, "CPU"))
          if (False, step) in steps.seconds and (True, step) in steps.seconds and steps.seconds[(True, step)][k]),
        ("statements in the corpus", str(statements), ""),
    ]
    if mems is not None:
        mem_inc, mem_full = mems
        rows += [
            ("peak Python memory of the corpus step, full rebuild (baseline)", f"{mem_full:.0f} MiB", "1.00"),
            ("peak Python memory of the corpus step, incremental update", f"{mem_inc:.0f} MiB", f"{mem_inc / mem_full:.2f}"),
        ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':<12}  ratio")
    for name, value, ratio in rows:
        print(f"{name:<{width}}  {value:<12}  {ratio}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
