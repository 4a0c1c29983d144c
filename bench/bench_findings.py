"""Time and peak memory of topics + findings on synthetic corpora of 10k/30k/100k statements.

    python bench/bench_findings.py [SIZES...]      (default: 10000 30000 100000)
    python bench/bench_findings.py --store [--dense] [SIZES...]   the full rebuild as analyze runs it: streamed from
        SQLite (--dense: every place mention the one place, every document the one day: one shard holds them all)

Statements (and half as many facts) are generated with a fixed seed from a small
fictional vocabulary: speakers, groups, persons and places drawn from pools that
grow with the corpus, so blocks stay realistic. Prints one row per size: seconds
for detect_findings and for assign_topics, peak traced memory of both (tracemalloc, a second
run, since tracing slows the code), the
number of findings, and each time's ratio to the first size's time; then the time to
update the findings when the last 1% of documents are new (only the shards they touch
are recomputed) and its ratio to the full run at the same size.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.corpus.findings import (
    MAX_PER_ITEM,
    PairMemory,
    detect_findings,
    find_candidates,
    pair_hash,
    select_findings,
)
from storyline.corpus.topics import assign_topics
from storyline.model import Comparator, Document, Entity, EntityType, Fact, Mention, Statement, StatementKind

TEMPLATES = [
    "{G} has been eliminated as a fighting force",
    "{G} carries out attacks from new bases in {P}",
    "{G} keeps its havens inside {P}, not {Q}",
    "{X} was nothing more than an observer",
    "{X} was the mastermind behind the bombing in {P}",
    "security forces are actively fighting {G} in {P}",
    "the authorities have failed to act against {G}",
    "the ministry will hold direct talks with {G} next month",
    "the ministry will never hold direct talks with {G}",
    "prices of grain rose sharply in {P} this week",
]


def generate(n: int, seed: int = 7, *, dense: bool = False):
    """``dense``: the bad case of one shard: every place mention is the one place, every document the one day."""
    rng = random.Random(seed)
    pools = {"S": max(20, n // 100), "G": max(20, n // 100), "X": max(20, n // 50), "P": 1 if dense else max(10, n // 500)}
    types = {"S": EntityType.PERSON, "G": EntityType.ORGANIZATION, "X": EntityType.PERSON, "P": EntityType.PLACE}
    entities = {f"E{k}{i}": Entity(f"E{k}{i}", types[k], f"{k}name{i}", (f"{k}name{i}",), 1) for k, m in pools.items() for i in range(m)}
    per_doc = 10
    statements, facts, mentions, k2e, docs = [], [], {}, {}, {}
    base = dt.date(2024, 1, 1)
    n_docs = (n + per_doc - 1) // per_doc
    for d in range(n_docs):
        doc_id = f"doc{d}"
        text, doc_mentions, clusters = "", [], {}
        published = base if dense else base + dt.timedelta(days=rng.randrange(700))

        def ment(kind: str) -> str:
            nonlocal text
            eid = f"E{kind}{rng.randrange(pools[kind])}"
            cl = clusters.setdefault(eid, len(clusters))  # noqa: B023 - called only within this document's loop
            k2e[f"{doc_id}#{cl}"] = eid  # noqa: B023
            s = len(text)
            text += entities[eid].name
            doc_mentions.append(Mention(doc_id, s, len(text), entities[eid].name, types[kind], cl, entities[eid].name))  # noqa: B023
            return eid

        for _ in range(min(per_doc, n - d * per_doc)):
            spk = ment("S")
            cl = clusters[spk]
            text += " said that "
            c0 = len(text)
            tpl = rng.choice(TEMPLATES)
            pos = 0
            while pos < len(tpl):
                j = tpl.find("{", pos)
                if j < 0:
                    text += tpl[pos:]
                    break
                text += tpl[pos:j]
                ment({"G": "G", "P": "P", "Q": "P", "X": "X"}[tpl[j + 1]])
                pos = j + 3
            c1 = len(text)
            text += ".\n"
            statements.append(Statement(doc_id, c0, c1, text[c0:c1], c0, c1, StatementKind.INDIRECT, speaker_cluster=cl, cue="say",
                                        said_on=published))
        for _ in range(per_doc // 2):
            g = ment("G")
            f0 = len(text) - len(entities[g].name)
            year = rng.choice(["2022", "2023", "2024"])
            value = rng.choice([37, 60, 150, 170, 2000])
            text += f" carried out {value} attacks in {year}"
            facts.append(Fact(doc_id, f0, len(text), text[f0:], "attacks", float(value), rng.choice(list(Comparator)), None, None, year,
                              entities[g].name, clusters[g]))
            text += ".\n"
        docs[doc_id] = Document(id=doc_id, text=text, sha256="", source=f"Outlet {d % 25}", published=published)
        mentions[doc_id] = doc_mentions
    return statements, facts, mentions, k2e, entities, docs


def update_seconds(st, fa, me, k2e, ents, docs, share: float = 0.01) -> float:
    """Findings after the last ``share`` of documents arrive: recompute the shards they touch, pick from all candidates.

    What ``analyze`` does incrementally (services/findings_update.py), minus the store reads and writes.
    """
    doc_ids = sorted(docs, key=lambda d: int(d[3:]))
    new = set(doc_ids[int(len(doc_ids) * (1 - share)):])
    before = find_candidates([x for x in st if x.document_id not in new], [x for x in fa if x.document_id not in new], me, k2e,
                             ents, docs)
    after = find_candidates(st, fa, me, k2e, ents, docs, only=())
    touched = {s for s, _i, d in after.rows if d in new}
    members = {i for s, i, _d in after.rows if s in touched}
    fresh_ids = frozenset(x.id for x in st if x.document_id in new)
    t0 = time.perf_counter()
    memory = PairMemory(fresh_ids, {s: frozenset(p) for s, p in before.pairs.items() if s in touched},
                        {pair_hash(*c.order): c for c in before.candidates if c.shard in touched})
    fresh = find_candidates([x for x in st if x.id in members], [x for x in fa if x.id in members], me, k2e, ents, docs,
                            only=touched, memory=memory)
    select_findings([c for c in before.candidates if c.shard not in touched] + fresh.candidates, MAX_PER_ITEM)
    return time.perf_counter() - t0


def _store_child(db: str) -> None:
    """Findings of a full rebuild streamed from ``db`` (services/findings_full.py); prints time and peak RSS."""
    import json
    import resource

    from storyline.services.findings_full import FindingsContext, streamed_findings
    from storyline.store import open_store

    store = open_store("sqlite:///" + db, migrate=False)
    context = FindingsContext(store.key_to_entity(), {e.id: e for e in store.iter_entities()})
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    found = streamed_findings(store, context)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mib": peak, "context_mib": base, "findings": len(found.findings),
                      "candidates": len(found.candidates)}))


def _write_store(n: int, db: str, dense: bool = False) -> tuple[int, int]:
    """The generated corpus of ``n`` statements in a new SQLite file, with its resolution as the stored entities."""
    from storyline.model import DocumentAnalysis
    from storyline.store import CorpusResult, open_store

    st, fa, me, k2e, ents, docs = generate(n, dense=dense)
    store = open_store("sqlite:///" + db)
    by_doc: dict[str, tuple[list, list]] = {d: ([], []) for d in docs}
    for s in st:
        by_doc[s.document_id][0].append(s)
    for f in fa:
        by_doc[f.document_id][1].append(f)
    ids = sorted(docs)
    for i in range(0, len(ids), 500):
        batch = ids[i : i + 500]
        for d in batch:
            store.add_document(replace(docs[d], sha256=d))
        store.save_analyses([DocumentAnalysis(d, "bench", tuple(me[d]), tuple(by_doc[d][0]), tuple(by_doc[d][1])) for d in batch])
    store.replace_corpus(CorpusResult(entities=list(ents.values()), key_to_entity=k2e))
    store.close()
    return len(st), len(fa)


def main_store(sizes: list[int], dense: bool = False) -> None:
    """Each size written to SQLite, then its findings rebuilt in a fresh process: seconds (wall and CPU: a shared
    machine's wall time varies with its load), peak RSS, ratios to the first size."""
    import json
    import subprocess
    import tempfile

    print(f"{'statements':>10} {'facts':>7} {'findings':>9} {'find_s':>8} {'cpu_s':>8} {'peak_RSS_MiB':>12} "
          f"{'of_which_resolution':>19} {'time_ratio':>10} {'cpu_ratio':>9}")
    first = None
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "bench.db")
            n_st, n_fa = _write_store(n, db, dense)
            out = subprocess.run([sys.executable, __file__, "--store-child", db], capture_output=True, text=True)
            if out.returncode != 0:
                raise SystemExit(out.stderr[-3000:])
            got = json.loads(out.stdout.strip().splitlines()[-1])
        first = first or (got["seconds"], got["cpu_seconds"])
        print(f"{n_st:>10} {n_fa:>7} {got['findings']:>9} {got['seconds']:>8.1f} {got['cpu_seconds']:>8.1f} {got['peak_mib']:>12.0f} "
              f"{got['context_mib']:>19.0f} {got['seconds'] / first[0]:>10.2f} {got['cpu_seconds'] / first[1]:>9.2f}", flush=True)


def main(sizes: list[int]) -> None:
    print(f"{'statements':>10} {'facts':>7} {'findings':>9} {'find_s':>8} {'topics_s':>9} {'peak_MiB':>9} {'find_ratio':>10} "
          f"{'topic_ratio':>11} {'update_1%_s':>11} {'update/find':>11}")
    first: tuple[float, float] | None = None
    for n in sizes:
        st, fa, me, k2e, ents, docs = generate(n)
        names = {k: e.name for k, e in ents.items()}
        t0 = time.perf_counter()
        found = detect_findings(st, fa, me, k2e, ents, docs)
        t1 = time.perf_counter()
        assign_topics(st, me, k2e, names)
        t2 = time.perf_counter()
        # peak memory in a second, traced run (tracemalloc slows the code it watches)
        tracemalloc.start()
        detect_findings(st, fa, me, k2e, ents, docs)
        assign_topics(st, me, k2e, names)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        ft, tt = t1 - t0, t2 - t1
        first = first or (ft, tt)
        ut = update_seconds(st, fa, me, k2e, ents, docs)
        print(f"{n:>10} {len(fa):>7} {len(found):>9} {ft:>8.2f} {tt:>9.2f} {peak:>9.1f} {ft / first[0]:>10.2f} {tt / first[1]:>11.2f} "
              f"{ut:>11.2f} {ut / ft:>11.3f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--store-child"]:
        _store_child(sys.argv[2])
    elif sys.argv[1:2] == ["--store"]:
        dense = "--dense" in sys.argv
        main_store([int(a) for a in sys.argv[2:] if a != "--dense"] or [10_000, 100_000], dense)
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 30_000, 100_000])
