"""Findings on real news: how many, how many disputes hold several pairs, how many are wrong by construction.

    python bench/eval_findings_real.py --corpus ecbplus|polnear --split dev|held [--n 150] [--judge FILE]
                                       [--published same] [--recall]

Builds (once, cached in ``--cache``, outside the repository) a SQLite store of ``n`` articles
of one half of a real corpus (:mod:`findings_corpora`): ingest and the per-document
analysis through storyline.services, exactly as ``storyline analyze`` does. Then runs the
findings step of the current code over the stored annotations and prints:

- findings produced, by kind;
- disputes that hold more than one pair (a finding with more than two items), and the
  largest;
- pairs of findings of one kind that share an item (two findings where one dispute should
  be): what "one finding per dispute" should make zero;
- ecbplus only: findings whose items come from different events (the two events of one
  topic, or two topics) - wrong by construction.

ECB+ documents carry no publication date. ``--published same`` gives every undated document one date
(2015-06-01) at findings time: the worst case for the date gates (every report looks published the same
day, so only the facts' own words keep events apart), and the case of a real corpus where every article
is dated. ``--recall`` (ecbplus dev) says which of the disputes listed in :mod:`ecb_gold` (document ids,
kind and values: real disagreements between reports of one event, written down by reading the dev
topics) a finding holds.

``--judge FILE`` writes every finding (or the top 50 and 50 at random when there are
more than 150) with 200 characters of context around each item, for a person to label
U / T / W as ../shared/eval/JUDGING.md says. Keep that file outside the repository: it
quotes the corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import replace
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import ecb_gold  # noqa: E402
from findings_corpora import available, ecb_event, polnear_origin, sample  # noqa: E402

from storyline.corpus.findings import detect_findings  # noqa: E402
from storyline.corpus.name_variants import find_name_variants  # noqa: E402
from storyline.model import Finding, ItemType  # noqa: E402


def build(corpus: str, split: str, n: int, cache: Path):
    from storyline.services.analyze import analyze
    from storyline.services.ingest import store_document
    from storyline.store import open_store

    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{corpus}-{split}-{n}.db"
    # an existing store is only read (its annotations), so code of another schema version can measure it too
    store = open_store(f"sqlite:///{path}", migrate=not path.exists())
    if store.get_state("eval_built") != "1":  # a built store is never analysed again (a half may hold fewer than n)
        t0 = time.perf_counter()
        for doc in sample(corpus, split, n):
            store_document(store, doc)
        analyze(store)
        store.set_state("eval_built", "1")
        print(f"built {corpus}/{split}: {store.count('documents')} documents in {time.perf_counter() - t0:.0f} s")
    return store


ONE_DATE = dt.date(2015, 6, 1)


def findings_of(store, published: str = "none"):
    statements = list(store.iter_statements())
    facts = list(store.iter_facts())
    mentions_by_doc: dict[str, list] = defaultdict(list)
    for m in store.iter_mentions():
        mentions_by_doc[m.document_id].append(m)
    docs = {}
    for d in store.iter_documents():
        origin = polnear_origin(d.external_id) if d.source in (None, "unknown") else None
        docs[d.id] = replace(d, source=origin[0], published=origin[1]) if origin else d
        if published == "same" and docs[d.id].published is None:
            docs[d.id] = replace(docs[d.id], published=ONE_DATE)
    k2e = store.key_to_entity()
    entities = list(store.iter_entities())
    t0 = time.perf_counter()
    found = detect_findings(statements, facts, mentions_by_doc, k2e, entities, docs)
    mentions = [m for ms in mentions_by_doc.values() for m in ms]
    found += find_name_variants(entities, mentions)  # as analyze adds them
    return found, statements, facts + mentions, docs, time.perf_counter() - t0


def _item_doc(f: Finding, st: dict, fa: dict) -> list[str]:
    out = []
    for i in f.items:
        rec = st.get(i.id) if i.type == ItemType.STATEMENT else fa.get(i.id)
        if rec is not None:
            out.append(rec.document_id)
    return out


def report(corpus: str, split: str, found: list[Finding], statements, facts, docs, judge: Path | None,
           recall: bool = False) -> None:
    st = {s.id: s for s in statements}
    fa = {f.id: f for f in facts}
    kinds = Counter(f.kind.value for f in found)
    multi = [f for f in found if len(f.items) > 2]
    print(f"{corpus}/{split}: {len(docs)} documents, {len(statements)} statements, "
          f"{sum(1 for f in facts if hasattr(f, 'measure'))} facts")
    print(f"  findings produced        {len(found)}  " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"  disputes > 1 pair        {len(multi)}  (largest: {max((len(f.items) for f in found), default=0)} items)")
    by_item: dict[tuple[str, str], set[int]] = defaultdict(set)
    for k, f in enumerate(found):
        for i in f.items:
            by_item[(f.kind.value, i.id)].add(k)
    overlapping = {tuple(sorted((x, y))) for ks in by_item.values() for x in ks for y in ks if x < y}
    print(f"  findings sharing an item {len(overlapping)} pairs (same kind)")
    sides = [len(getattr(f, 'sides', ()) or ()) for f in found]
    if any(sides):
        print(f"  findings with sides      {sum(1 for s in sides if s)}")
    if corpus == "ecbplus":
        cross_event = cross_topic = 0
        for f in found:
            events = {ecb_event(docs[d].external_id) for d in _item_doc(f, st, fa) if d in docs}
            topics = {e.split("/")[0] for e in events if e}
            if len(topics) > 1:
                cross_topic += 1
            elif len(events) > 1:
                cross_event += 1
        print(f"  cross-event (wrong)      {cross_event}")
        print(f"  cross-topic (wrong)      {cross_topic}")
        if recall and split == "dev":
            covered = [(f.kind.value, {docs[d].external_id for d in _item_doc(f, st, fa) if d in docs}) for f in found]
            hits = [g for g in ecb_gold.DEV if any(ecb_gold.held(g, k, c) for k, c in covered)]
            print(f"  recall (ecb_gold.DEV)    {len(hits)}/{len(ecb_gold.DEV)}  " + " ".join(g.key for g in hits))
    if judge is not None:
        rng = random.Random(7)
        picked = list(enumerate(found))
        if len(picked) > 150:
            picked = picked[:50] + sorted(rng.sample(picked[50:], 50))
        with judge.open("w", encoding="utf-8") as fh:
            for rank, f in picked:
                fh.write(f"=== #{rank} {f.id} {f.kind.value} {f.score:.2f}\n{f.explanation}\n")
                for side in getattr(f, "sides", ()) or ((None, f.items),):
                    label, items = (side.label, side.items) if hasattr(side, "label") else side
                    if label:
                        fh.write(f"  -- side: {label}\n")
                    for i in items:
                        rec = st.get(i.id) if i.type == ItemType.STATEMENT else fa.get(i.id)
                        if rec is None:
                            fh.write(f"  [{i.type.value} {i.id}: not found]\n")
                            continue
                        d = docs[rec.document_id]
                        lo, hi = max(0, rec.start - 200), min(len(d.text), rec.end + 200)
                        ctx = (d.text[lo:rec.start] + "[[" + d.text[rec.start:rec.end] + "]]" + d.text[rec.end:hi])
                        fh.write(f"  [{d.external_id} {d.source} {d.published}] " + " ".join(ctx.split()) + "\n")
                fh.write("\n")
        print(f"  judging sample written to {judge} ({len(picked)} findings)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=("ecbplus", "polnear"), required=True)
    ap.add_argument("--split", choices=("dev", "held"), default="dev")
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storyline-eval"))
    ap.add_argument("--judge", type=Path)
    ap.add_argument("--recall", action="store_true", help="ecbplus dev: which listed real disputes a finding holds")
    ap.add_argument("--published", choices=("none", "same"), default="none",
                    help="same: one publication date for every undated document")
    args = ap.parse_args()
    if not available(args.corpus):
        print(f"../shared/eval data for {args.corpus} missing: skipped")
        return
    store = build(args.corpus, args.split, args.n, args.cache)
    found, statements, facts, docs, elapsed = findings_of(store, args.published)
    report(args.corpus, args.split, found, statements, facts, docs, args.judge, args.recall)
    print(f"  findings step            {elapsed:.1f} s")


if __name__ == "__main__":
    main()
