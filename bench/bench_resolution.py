"""Entity resolution of a full rebuild: streamed by component against the whole-corpus resolver, in the same run.

    python bench/bench_resolution.py [--sizes 500,5000] [--new-share 0.01] [--ray]

For each size a synthetic corpus (``resolution_corpus.py``: mentions only, skewed name
pools) is stored; then, each in a fresh process from a copy of the database, the
resolution part of a full rebuild is run two ways and its time and peak traced memory
(tracemalloc: what the step itself allocates) taken:

* baseline: the previous rebuild: every mention read into one process, clusters built,
  resolved at once, their clusters and blocks written to the index;
* streamed: ``services/resolution_rebuild.py``: clusters indexed page by page, the block
  graph's components resolved one job at a time.

Both must give the same entities. At the largest size it then adds ``--new-share`` new
documents and times the incremental corpus update against a full rebuild of the same
final corpus (same entities required), and with ``--ray`` the streamed rebuild's jobs
as Ray tasks (one CPU each, all cores) against the same jobs in this process.
Prints one table with the ratios.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolution_corpus import NamePools, analyses, document

from storyline.config import Settings
from storyline.store import Store, open_store


def _build(db: Path, documents: int, pools: NamePools) -> None:
    store = open_store("sqlite:///" + str(db))
    _add(store, 0, documents, pools)
    store.close()  # the last connection checkpoints the WAL: the file alone is the whole database


def _add(store: Store, start: int, count: int, pools: NamePools) -> None:
    batch = []
    for a in analyses(start, count, pools):
        store.add_document(document(a))
        batch.append(a)
        if len(batch) == 500:
            store.save_analyses(batch)
            batch = []
    if batch:
        store.save_analyses(batch)


def _entities(entities) -> list:
    return sorted((e.id, e.name, e.aliases, e.mention_count, e.local_keys, e.evidence) for e in entities)


def _child(mode: str, db: str) -> None:
    """One resolution rebuild, traced; prints time, peak and a digest of the entities."""
    import hashlib

    from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
    from storyline.services.resolution_rebuild import rebuild_resolution
    from storyline.services.resolution_update import all_blocks

    store = open_store("sqlite:///" + db)
    decisions = store.entity_decisions()
    tracemalloc.start()
    t0 = time.perf_counter()
    extra = {}
    if mode == "baseline":
        clusters = clusters_from_mentions(list(store.iter_mentions()))
        entities = resolve_entities(clusters, decisions).entities
        with store.transaction() as conn:  # the index the previous rebuild wrote with its results
            store.clear_cluster_index(conn)
            store.add_to_cluster_index(conn, clusters, all_blocks(clusters, decisions))
    else:
        rebuilt = rebuild_resolution(store, decisions)
        entities = rebuilt.entities
        extra = {"clusters": rebuilt.clusters, "components": rebuilt.components, "largest": rebuilt.largest_component}
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    digest = hashlib.sha256(repr(_entities(entities)).encode()).hexdigest()
    print(json.dumps({"seconds": seconds, "peak_mib": peak / 2**20, "digest": digest, "entities": len(entities), **extra}))


def _run_child(mode: str, source: Path, tmp: Path) -> dict:
    db = tmp / f"{mode}.db"
    shutil.copyfile(source, db)
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(db)], capture_output=True, text=True)
    db.unlink()
    if out.returncode != 0:
        raise RuntimeError(f"{mode} run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _update_vs_rebuild(source: Path, tmp: Path, documents: int, new: int, pools: NamePools) -> tuple[float, float, bool]:
    from storyline.services.analyze import finish_analysis

    db = tmp / "update.db"
    shutil.copyfile(source, db)
    store = open_store("sqlite:///" + str(db))
    cfg = Settings()
    finish_analysis(store, cfg, documents, "bench", force_corpus=True)
    _add(store, documents, new, pools)
    t0 = time.perf_counter()
    report = finish_analysis(store, cfg, new, "bench")
    t_update = time.perf_counter() - t0
    assert report.corpus_mode == "incremental", report.corpus_mode
    updated = _entities(store.iter_entities())
    t0 = time.perf_counter()
    finish_analysis(store, cfg, 0, "bench", force_corpus=True)
    t_full = time.perf_counter() - t0
    same = _entities(store.iter_entities()) == updated
    store.close()
    return t_update, t_full, same


def _ray_vs_local(source: Path, tmp: Path) -> tuple[float, float, float, bool]:
    import ray

    from storyline.scale.ray_engine import ray_resolution_runner
    from storyline.services.resolution_rebuild import rebuild_resolution

    db = tmp / "ray.db"
    shutil.copyfile(source, db)
    store = open_store("sqlite:///" + str(db))
    t0 = time.perf_counter()
    local = rebuild_resolution(store, ())
    t_local = time.perf_counter() - t0
    src = str(Path(__file__).resolve().parents[1] / "src")  # Ray's workers import this checkout's storyline too
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH", "")) if p)
    t0 = time.perf_counter()
    ray.init(include_dashboard=False, log_to_driver=False, configure_logging=False)
    t_start = time.perf_counter() - t0
    try:
        t0 = time.perf_counter()
        distributed = rebuild_resolution(store, (), ray_resolution_runner(store.url()))
        t_ray = time.perf_counter() - t0
    finally:
        ray.shutdown()
    store.close()
    return t_local, t_ray, t_start, distributed.entities == local.entities


class _Rows:
    """The table, printed a group of rows at a time (a long run shows what it has measured so far)."""

    WIDTH = 62

    def __init__(self) -> None:
        print(f"{'measure':<{self.WIDTH}}  {'value':<24}  ratio", flush=True)

    def add(self, *rows: tuple[str, str, str]) -> None:
        for name, value, ratio in rows:
            print(f"{name:<{self.WIDTH}}  {value:<24}  {ratio}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="500,5000", help="documents, comma-separated (the first is the baseline size)")
    ap.add_argument("--new-share", type=float, default=0.01, help="new documents for the update, as a share of the largest size")
    ap.add_argument("--ray", action="store_true", help="also time the streamed rebuild's jobs as Ray tasks")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(*args.child)
        return
    logging.basicConfig(level=logging.WARNING)
    sizes = [int(x) for x in args.sizes.split(",")]
    rows = _Rows()
    same_everywhere = True
    first: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for n in sizes:
            pools = NamePools(n)
            source = tmp / f"corpus{n}.db"
            _build(source, n, pools)
            got = {mode: _run_child(mode, source, tmp) for mode in ("baseline", "streamed")}
            same = got["baseline"]["digest"] == got["streamed"]["digest"]
            same_everywhere &= same
            s, b = got["streamed"], got["baseline"]
            first = first or got
            rows.add(
                (f"{n} documents: clusters / components / largest component", f"{s['clusters']} / {s['components']} / {s['largest']}",
                 f"{s['largest'] / s['clusters']:.2f}"),
                (f"{n} documents: baseline rebuild, time / peak", f"{b['seconds']:.1f} s / {b['peak_mib']:.0f} MiB",
                 f"{b['seconds'] / first['baseline']['seconds']:.2f} / {b['peak_mib'] / first['baseline']['peak_mib']:.2f}"),
                (f"{n} documents: streamed rebuild, time / peak", f"{s['seconds']:.1f} s / {s['peak_mib']:.0f} MiB",
                 f"{s['seconds'] / first['streamed']['seconds']:.2f} / {s['peak_mib'] / first['streamed']['peak_mib']:.2f}"),
                (f"{n} documents: streamed / baseline, time / peak", "", f"{s['seconds'] / b['seconds']:.2f} / {s['peak_mib'] / b['peak_mib']:.2f}"),
                (f"{n} documents: same entities", "yes" if same else "NO", ""),
            )
        n = sizes[-1]
        new = max(1, round(n * args.new_share))
        t_update, t_full, same = _update_vs_rebuild(tmp / f"corpus{n}.db", tmp, n, new, NamePools(n))
        same_everywhere &= same
        rows.add(
            (f"{n} + {new} new documents: full corpus rebuild (baseline)", f"{t_full:.1f} s", "1.00"),
            (f"{n} + {new} new documents: incremental update", f"{t_update:.1f} s", f"{t_update / t_full:.3f}"),
            ("update gives the rebuild's entities", "yes" if same else "NO", ""),
        )
        if args.ray:
            t_local, t_ray, t_start, same = _ray_vs_local(tmp / f"corpus{n}.db", tmp)
            same_everywhere &= same
            rows.add(
                (f"{n} documents: streamed rebuild in this process (baseline)", f"{t_local:.1f} s", "1.00"),
                (f"{n} documents: streamed rebuild, jobs as Ray tasks", f"{t_ray:.1f} s", f"{t_ray / t_local:.2f}"),
                ("  Ray start (not included)", f"{t_start:.1f} s", ""),
                ("Ray gives the local entities", "yes" if same else "NO", ""),
            )
    print("ratios: a size's time / peak against the first size's; streamed against baseline at the same size")
    if not same_everywhere:
        sys.exit(1)


if __name__ == "__main__":
    main()
