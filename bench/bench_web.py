"""Page latency of the web workbench on a synthetic 50,000-document store.

    python bench/bench_web.py [--docs 50000] [--requests 20] [--db PATH | --url postgresql+psycopg://...]

Builds the store (SQLite by default, or an empty PostgreSQL database) with bulk
inserts through ``store.engine`` (documents, full-text index, mentions,
statements, facts) and the corpus results through ``Store.replace_corpus`` (the
write path of ``analyze``: entities, storylines, findings, read-side indexes), then times
each page with the in-process TestClient: median and p95 over N requests after
two warm-ups. The baseline, measured in the same run, is a static file and
``/api/documents?limit=1``; the goal is < 200 ms per page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.model import (
    Entity,
    EntityType,
    Finding,
    FindingItem,
    FindingKind,
    ItemType,
    Statement,
    StatementKind,
    Storyline,
    content_hash,
    document_id_for,
    make_id,
)
from storyline.store import CorpusResult, open_store
from storyline.store import records as r
from storyline.store import schema as t

FIRST = ["Abdul", "Zabihullah", "Mohammad", "Sirajuddin", "Amir", "Hamid", "Khalid", "Noor", "Ahmad", "Farid",
         "Rahim", "Yusuf", "Bilal", "Tariq", "Jalal", "Omar", "Karim", "Nasir", "Qasim", "Saif"]
LAST = ["Mujahid", "Haqqani", "Rahman", "Khan", "Yousafzai", "Akhund", "Baradar", "Muttaqi", "Stanikzai", "Hanafi"]
ORGS = ["Taliban", "TTP", "ISKP", "Afghan army", "Pakistan army", "UNAMA", "Red Cross", "Haqqani network"]
PLACES = ["Kabul", "Kandahar", "Peshawar", "Quetta", "Khost", "Kunar", "Nangarhar", "Herat", "Mazar", "Bannu"]
SOURCES = ["Dawn", "Tolo", "Pajhwok", "Khaama", "Express Tribune", "Al Jazeera", "BBC", "Reuters", "AP", "VOA"]
TOPICS = ["attacks", "negotiations", "refugees", "border", "economy", "elections", "aid", "detentions"]
VERSION = "bench-1"


def build(url: str, n_docs: int, seed: int = 7) -> tuple[Any, dict[str, str]]:
    rnd = random.Random(seed)
    store = open_store(url)
    actors = [f"{f} {ln}" for f in FIRST for ln in LAST]  # 200 people
    weights = [1 / (i + 1) for i in range(len(actors))]  # Zipf: a few very active actors
    actor_ids = {a: make_id("ent", a) for a in actors}
    org_ids = {o: make_id("ent", o) for o in ORGS}
    place_ids = {p: make_id("ent", p) for p in PLACES}
    docs, fts, mentions, stmts, stm_fts, facts, keys, topics = [], [], [], [], [], [], [], []
    mention_counts: dict[str, int] = {}
    by_actor_topic: dict[tuple[str, str], list[tuple[str, str]]] = {}
    statements_of: dict[str, list[str]] = {}
    start_day = dt.date(2019, 1, 1).toordinal()
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    for i in range(n_docs):
        actor = rnd.choices(actors, weights)[0]
        org, place, source = rnd.choice(ORGS), rnd.choice(PLACES), rnd.choice(SOURCES)
        day = dt.date.fromordinal(start_day + rnd.randrange(6 * 365))
        n = rnd.randrange(3, 900)
        topic = rnd.choice(TOPICS)
        title = f"{place}: {org} and {topic} ({i})"
        sents = [
            f"{title}\n",
            f"{actor} said that the {org} had carried out {n} attacks in {place} in {day.year}.",
            f" Officials in {place} said the situation about {topic} remained tense.",
            f" {actor.split()[-1]} told reporters the {org} was not based in {place}.",
            " " + " ".join(rnd.choice(["Residents", "Witnesses", "Analysts", "Elders"]) + " described "
                           + rnd.choice(["heavy", "sporadic", "renewed", "unusual"]) + " activity near the "
                           + rnd.choice(["market", "border", "checkpoint", "mosque", "school"]) + "." for _ in range(12)),
        ]
        body = "".join(sents)
        doc_id = document_id_for(body)
        docs.append({"id": doc_id, "sha256": content_hash(body), "external_id": None, "title": title,
                     "url": f"https://news.example/{i}", "source": source, "author": None, "published": day.isoformat(),
                     "format": "text", "language": "en", "origin": None, "meta": "{}", "text": body, "chars": len(body),
                     "ingested_at": now, "near_duplicate_of": None, "near_duplicate_score": None})
        fts.append({"id": doc_id, "title": title, "text": body})
        a0 = body.index(actor)
        o0 = body.index(org, a0)
        p0 = body.index(place, o0)
        short = actor.split()[-1]
        s0 = body.index(f" {short} told") + 1
        for (st, txt, typ, cl, canon) in (
            (a0, actor, EntityType.PERSON, 0, actor), (o0, org, EntityType.ORGANIZATION, 1, org),
            (p0, place, EntityType.PLACE, 2, place), (s0, short, EntityType.PERSON, 0, actor),
        ):
            mentions.append({"id": make_id("men", doc_id, st, st + len(txt)), "document_id": doc_id, "start": st,
                             "end": st + len(txt), "text": txt, "type": typ.value, "cluster": cl, "canonical": canon,
                             "source": "bench", "is_name": True, "pipeline_version": VERSION})
        for cl, eid in ((0, actor_ids[actor]), (1, org_ids[org]), (2, place_ids[place])):
            keys.append({"local_key": f"{doc_id}#{cl}", "entity_id": eid})
            mention_counts[eid] = mention_counts.get(eid, 0) + 1
        sent1 = sents[1]
        c1 = body.index("the " + org, a0)
        content1 = body[c1 : a0 + len(sent1) - 1]
        sent3_start = s0
        c3 = body.index("the " + org, sent3_start)
        content3 = body[c3 : body.index(".", c3)]
        for (ss, se, cs, content, sp, pol) in (
            (a0, a0 + len(sent1), c1, content1, (a0, a0 + len(actor)), 1),
            (sent3_start, body.index(".", c3) + 1, c3, content3, (s0, s0 + len(short)), -1),
        ):
            stmt = Statement(doc_id, ss, se, content, cs, cs + len(content), StatementKind.INDIRECT, body[sp[0]:sp[1]],
                             sp[0], sp[1], 0, "say", None, None, pol, day)
            stmts.append(r.statement_row(stmt, VERSION))
            stm_fts.append({"id": stmt.id, "doc": doc_id, "content": content})
            topics.append({"statement_id": stmt.id, "topic": topic})
            by_actor_topic.setdefault((actor_ids[actor], topic), []).append((day.isoformat(), stmt.id))
            statements_of.setdefault(actor_ids[actor], []).append(stmt.id)
        f0 = body.index(f"{n} attacks")
        facts.append({"id": make_id("fct", doc_id, f0, f0 + len(f"{n} attacks"), "attacks"), "document_id": doc_id,
                      "start": f0, "end": f0 + len(f"{n} attacks"), "text": f"{n} attacks", "measure": "attacks",
                      "value": float(n), "value_max": None, "comparator": "eq", "unit": None, "period": str(day.year),
                      "subject_text": org, "subject_cluster": 1, "pipeline_version": VERSION})
    entities = [Entity(actor_ids[a], EntityType.PERSON, a, (a, a.split()[-1]), mention_counts.get(actor_ids[a], 0))
                for a in actors]
    entities += [Entity(org_ids[o], EntityType.ORGANIZATION, o, (o,), mention_counts.get(org_ids[o], 0)) for o in ORGS]
    entities += [Entity(place_ids[p], EntityType.PLACE, p, (p,), mention_counts.get(place_ids[p], 0)) for p in PLACES]
    storylines = []
    for (aid, topic), items in by_actor_topic.items():
        items.sort()
        storylines.append(Storyline(aid, topic, tuple(s for _, s in items)))
    findings: dict[str, Finding] = {}
    for ids in statements_of.values():
        for _ in range(min(40, len(ids) // 2)):
            a, b = rnd.sample(ids, 2)
            f = Finding(FindingKind.SELF_CONTRADICTION, (FindingItem(ItemType.STATEMENT, a),
                        FindingItem(ItemType.STATEMENT, b)), rnd.random(), "Synthetic pair of statements.")
            findings.setdefault(f.id, f)
    # documents and annotations in bulk (as analyze's batches would leave them) ...
    with store.engine.begin() as conn:
        for table, rows in ((t.documents, docs), (t.mentions, mentions), (t.statements, stmts), (t.facts, facts)):
            for j in range(0, len(rows), 2000):
                conn.execute(insert(table), rows[j : j + 2000])
        if store.dialect == "sqlite":  # PostgreSQL's GIN expression indexes fill themselves
            conn.execute(text("INSERT INTO documents_fts(document_id, title, text) VALUES (:id, :title, :text)"), fts)
            conn.execute(text("INSERT INTO statements_fts(statement_id, document_id, content) VALUES (:id, :doc, :content)"),
                         stm_fts)
        conn.execute(insert(t.analyses), [{"document_id": d["id"], "pipeline_version": VERSION, "language": "en",
                                           "analyzed_at": now} for d in docs])
    # ... and the corpus results through the store's own write path (finding items, read-side indexes)
    t0 = time.perf_counter()
    store.replace_corpus(CorpusResult(entities, {k["local_key"]: k["entity_id"] for k in keys}, (),
                                      {x["statement_id"]: x["topic"] for x in topics}, storylines, list(findings.values())))
    corpus_s = time.perf_counter() - t0
    # planner statistics (and, on PostgreSQL, the visibility map autovacuum would build after a bulk load)
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE" if store.dialect == "postgresql" else "ANALYZE"))
    top = max(actor_ids.values(), key=lambda e: mention_counts.get(e, 0))
    mid = sorted(actor_ids.values(), key=lambda e: mention_counts.get(e, 0))[len(actor_ids) // 2]
    longest = max(storylines, key=lambda s: len(s.statement_ids))
    story = longest.id
    sample = {"doc": docs[len(docs) // 2]["id"], "top_actor": top, "mid_actor": mid, "storyline": story,
              "storyline_last": (len(longest.statement_ids) - 1) // 100 * 100,
              "top_org": max(org_ids.values(), key=lambda e: mention_counts.get(e, 0)),
              "finding_stmt": stmts[0]["id"], "counts": f"{len(docs)} docs, {len(stmts)} statements, "
              f"{len(mentions)} mentions, {len(findings)} findings, {len(storylines)} storylines "
              f"(replace_corpus {corpus_s:.1f} s)"}
    return store, sample


def timed(client: Any, url: str, n: int) -> tuple[float, float, int, int]:
    """Median and p95 ms over n requests after two warm-ups, the last status and the response size."""
    for _ in range(2):
        client.get(url)
    times = []
    status = size = 0
    for _ in range(n):
        t0 = time.perf_counter()
        resp = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        status, size = resp.status_code, len(resp.content)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, status, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=50_000)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--db", type=Path, default=None, help="create the SQLite store here (a new file) and keep it")
    ap.add_argument("--url", default=None, help="build in this empty PostgreSQL database instead of SQLite")
    args = ap.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from storyline.web.app import create_app

    tmp = tempfile.TemporaryDirectory()
    if args.url:
        url = args.url  # an empty PostgreSQL database, e.g. postgresql+psycopg://user@host:5432/bench
    else:
        path = args.db or Path(tmp.name) / "bench.db"
        if path.exists():
            ap.error(f"{path} exists; the benchmark builds its own store")
        url = "sqlite:///" + str(path)
    t0 = time.perf_counter()
    store, s = build(url, args.docs)
    print(f"store: {store.dialect}", flush=True)
    print(f"built {s['counts']} in {time.perf_counter() - t0:.1f} s", flush=True)
    client = TestClient(create_app(store))
    baseline = {"static file": "/static/style.css", "api documents limit=1": "/api/documents?limit=1"}
    pages = {
        "home": "/",
        "documents list (page 100)": "/documents?offset=2000",
        "document": f"/documents/{s['doc']}?hl=20-60",
        "findings": "/findings",
        "findings filtered (source)": "/findings?source=Dawn&status=open",
        "findings by top actor": f"/findings?actor={s['top_actor']}",
        "search": "/search?q=attacks+Kabul",
        "search rare term": "/search?q=checkpoint+mosque&source=Reuters",
        "entity (median actor)": f"/entities/{s['mid_actor']}",
        "entity (most active actor)": f"/entities/{s['top_actor']}",
        "entity (most mentioned org)": f"/entities/{s['top_org']}",
        "entity (most active, page 50)": f"/entities/{s['top_actor']}?offset=1000",
        "storyline (longest)": f"/storylines/{s['storyline']}",
        "storyline (longest, last page)": f"/storylines/{s['storyline']}?offset={s['storyline_last']}",
        "api findings": "/api/findings",
        "api findings by top actor": f"/api/findings?actor={s['top_actor']}&status=open",
        "api entity (most active)": f"/api/entities/{s['top_actor']}",
        "api storyline (longest)": f"/api/storylines/{s['storyline']}",
        "api document": f"/api/documents/{s['doc']}",
        "api search": "/api/search?q=attacks",
        "api search (statements, page 5)": "/api/search?q=attacks&kind=statements&offset=80",
    }
    results = {}
    for name, url in {**baseline, **pages}.items():
        results[name] = timed(client, url, args.requests)
    base = results["api documents limit=1"][0]
    print(f"\n{'page':32} {'median ms':>10} {'p95 ms':>9} {'x baseline':>11} {'status':>7} {'KB':>6}  goal < 200 ms")
    for name, (med, p95, status, size) in results.items():
        flag = "" if name in baseline else ("ok" if p95 < 200 else "SLOW")
        print(f"{name:32} {med:10.1f} {p95:9.1f} {med / base:11.1f} {status:7d} {size / 1024:6.1f}  {flag}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
