"""Export throughput and peak memory on a synthetic store, against a baseline in the same run.

For each corpus size a synthetic SQLite store is bulk-loaded (documents with
mentions, statements, facts, entities, storylines and findings, offsets right).
Then, each in a fresh subprocess so peak memory (ru_maxrss) is its own:

- ``baseline``: iterate every record the exports read (the JSON export's
  sections and the per-document annotation batches) without writing anything;
- each streaming format written to a temporary file.

Memory is bounded when the peak for the larger corpus stays close to the peak
for the smaller one. Usage: ``python bench/bench_export.py [--sizes 10000,50000]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("jsonl", "csv", "stix", "ftm", "graphml")
PEOPLE = ["Zabihullah Mujahid", "Muhammad Khurasani", "Ahmad Shah", "Fatima Bibi", "Imran Khan", "Ali Reza"]
GROUPS = ["Taliban", "Tehrik-i-Taliban Pakistan", "Islamic State Khorasan", "Baloch Liberation Army"]
PLACES = ["Kabul", "Peshawar", "Quetta", "Kandahar", "Khyber Pakhtunkhwa", "Islamabad"]
N_ENTITY_VARIANTS = 60  # entities per base name, so the corpus has a few thousand entities


def build(url: str, n_docs: int, seed: int = 7) -> None:
    from sqlalchemy import insert

    from storyline.model import content_hash, document_id_for, make_id
    from storyline.store import open_store
    from storyline.store import schema as t

    rng = random.Random(seed)
    store = open_store(url)
    version = "bench/1"
    stamp = "2024-01-01T00:00:00+00:00"
    entities: dict[str, dict] = {}
    docs, mentions, statements, facts, keys, topics = [], [], [], [], [], []
    by_actor: dict[str, list[str]] = {}

    def entity(kind: str, name: str) -> str:
        eid = make_id("ent", kind, name)
        e = entities.setdefault(eid, {"id": eid, "type": kind, "name": name, "aliases": json.dumps([name]),
                                      "mention_count": 0, "evidence": "[]"})
        e["mention_count"] += 1
        return eid

    def flush(conn) -> None:
        for table, rows in ((t.documents, docs), (t.mentions, mentions), (t.statements, statements),
                            (t.facts, facts), (t.entity_keys, keys), (t.topics, topics)):
            if rows:
                conn.execute(insert(table), rows)
                rows.clear()

    with store.engine.begin() as conn:
        for i in range(n_docs):
            person = f"{rng.choice(PEOPLE)} {rng.randrange(N_ENTITY_VARIANTS)}"
            group = f"{rng.choice(GROUPS)} {rng.randrange(N_ENTITY_VARIANTS)}"
            place = rng.choice(PLACES)
            n = rng.randrange(10, 900)
            quote = f"{group} carried out {n} attacks near {place} this year, and will not stop"
            text = (f"Report {i}: {person} said on Monday that \"{quote}\".\n"
                    f"Officials in {place} said {group} had \"no support\" among residents. "
                    + "Background paragraph with more words about the situation. " * rng.randrange(3, 12))
            doc_id = document_id_for(text)
            published = (dt.date(2020, 1, 1) + dt.timedelta(days=i % 1500)).isoformat()
            docs.append({"id": doc_id, "sha256": content_hash(text), "external_id": None, "title": f"Report {i}",
                         "url": f"https://example.org/{i}", "source": f"Outlet {i % 40}", "author": None,
                         "published": published, "format": "text", "language": "en", "origin": None, "meta": "{}",
                         "text": text, "chars": len(text), "ingested_at": stamp, "near_duplicate_of": None,
                         "near_duplicate_score": None})
            spans = [(text.index(person), person, "person", 0), (text.index(group), group, "organization", 1),
                     (text.index(place), place, "place", 2), (text.rindex(group), group, "organization", 1),
                     (text.rindex(place), place, "place", 2)]
            for start, surface, kind, cluster in spans:
                mentions.append({"id": make_id("men", doc_id, start, start + len(surface)), "document_id": doc_id,
                                 "start": start, "end": start + len(surface), "text": surface, "type": kind,
                                 "cluster": cluster, "canonical": surface, "source": "model", "is_name": True,
                                 "pipeline_version": version})
            eids = {c: entity(k, s) for _st, s, k, c in spans}
            keys += [{"local_key": f"{doc_id}#{c}", "entity_id": e} for c, e in eids.items()]
            cs = text.index(quote)
            sid = make_id("stm", doc_id, cs, cs + len(quote))
            statements.append({"id": sid, "document_id": doc_id, "start": text.index(person), "end": cs + len(quote) + 1,
                               "content": quote, "content_start": cs, "content_end": cs + len(quote), "kind": "direct",
                               "speaker_text": person, "speaker_start": text.index(person),
                               "speaker_end": text.index(person) + len(person), "speaker_cluster": 0, "cue": "say",
                               "cue_start": None, "cue_end": None, "polarity": 1, "said_on": published,
                               "pipeline_version": version})
            topics.append({"statement_id": sid, "topic": f"attacks near {place}"})
            by_actor.setdefault(eids[0], []).append(sid)
            fact_text = f"{n} attacks"
            fs = text.index(fact_text)
            facts.append({"id": make_id("fct", doc_id, fs, fs + len(fact_text), "attacks"), "document_id": doc_id,
                          "start": fs, "end": fs + len(fact_text), "text": fact_text, "measure": "attacks",
                          "value": float(n), "value_max": None, "comparator": "eq", "unit": None,
                          "period": published[:4], "subject_text": group, "subject_cluster": 1,
                          "pipeline_version": version})
            if len(mentions) >= 5000:
                flush(conn)
        flush(conn)
        conn.execute(insert(t.entities), list(entities.values()))
        storylines = [{"id": make_id("sty", a, "attacks"), "actor_id": a, "topic": "attacks",
                       "statement_ids": json.dumps(ids[:200])} for a, ids in by_actor.items()]
        conn.execute(insert(t.storylines), storylines)
        findings = []
        for a, ids in list(by_actor.items())[:1000]:
            if len(ids) >= 2:
                items = [["statement", ids[0]], ["statement", ids[1]]]
                findings.append({"id": make_id("fnd", a), "kind": "self_contradiction", "items": json.dumps(items),
                                 "score": 0.5, "explanation": "Two statements that may not both hold."})
        if findings:
            conn.execute(insert(t.findings), findings)


def child(url: str, what: str, out_path: str) -> None:
    """Runs in a subprocess: one export (or the baseline), then prints seconds and peak RSS."""
    import resource

    from storyline.export import export
    from storyline.export.annotations import iter_annotated_documents
    from storyline.export.json_export import iter_sections
    from storyline.store import open_store

    store = open_store(url, migrate=False)
    start = time.perf_counter()
    records = 0
    if what == "baseline":
        for _name, rows in iter_sections(store):
            records += sum(1 for _ in rows)
        for a in iter_annotated_documents(store):
            records += 1 + len(a.mentions) + len(a.statements) + len(a.facts)
    else:
        export(store, what, out_path)
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = os.path.getsize(out_path) if what != "baseline" else 0
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib, "bytes": size, "records": records}))


def run_child(url: str, what: str, out_path: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", url, what, out_path], capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{what} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000", help="comma-separated document counts")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    formats = ["baseline", *args.formats.split(",")]
    results: dict[tuple[int, str], dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            url = f"sqlite:///{Path(tmp) / f'bench-{n}.db'}"
            started = time.perf_counter()
            build(url, n)
            print(f"built {n} documents in {time.perf_counter() - started:.1f}s", file=sys.stderr)
            for what in formats:
                results[(n, what)] = run_child(url, what, str(Path(tmp) / f"out-{n}.{what}"))
                r = results[(n, what)]
                print(f"  {what:9} {r['seconds']:7.1f}s {r['peak_mib']:7.0f} MiB", file=sys.stderr)
    print(f"\n{'format':10}" + "".join(f"{f'{n} docs: s':>16}{'peak MiB':>10}{'MB out':>9}" for n in sizes))
    for what in formats:
        row = f"{what:10}"
        for n in sizes:
            r = results[(n, what)]
            row += f"{r['seconds']:16.1f}{r['peak_mib']:10.0f}{r['bytes'] / 1e6:9.1f}"
        print(row)
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        print(f"\npeak memory growth {lo} -> {hi} docs (x{hi / lo:.0f} data):")
        for what in formats:
            a, b = results[(lo, what)]["peak_mib"], results[(hi, what)]["peak_mib"]
            print(f"  {what:10} {a:6.0f} -> {b:6.0f} MiB  (+{b - a:.0f} MiB)")


if __name__ == "__main__":
    main()
