"""Numeric conflicts that are wrong by construction, on ECB+ (real news, two events per topic).

    python bench/eval_numeric.py [--topics N] [--published none|same] [--dump FILE]
    python bench/eval_numeric.py --polnear N [--dump FILE]

ECB+ (../shared/eval/ecbplus/) holds 35 topics; each topic has documents about two different
events (ids ending ``ecb`` and ``ecbplus``: e.g. two different earthquakes). The documents are
run through the per-document stages that numeric facts need (entities, facts), entities are
resolved and findings detected; every ``numeric_conflict`` is then classed by its two facts'
documents:

* ``cross_topic``: two topics — two unrelated events: wrong by construction;
* ``cross_event``: one topic, two events — wrong by construction;
* ``same_event``: one topic, one event (or one document) — may be right or wrong; judge by hand.

Counts are also given for odd topics (dev: the conflicts looked at while writing the rules)
and even topics (held-out).

ECB+ carries no publication dates. ``--published none`` (default) keeps it so; ``--published
same`` gives every document one date, the worst case for undated facts (everything looks
reported on the same day, so only the facts' own words keep events apart).
``--polnear N`` runs the last N articles of polnear-train instead (real 2016 political news,
dated by their file names) and lists every numeric conflict for a person to judge.
Prints the counts and the pipeline's fact totals (facts, by relation), so a change that
removes conflicts by dropping facts shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.config import settings  # noqa: E402
from storyline.corpus.findings import detect_findings  # noqa: E402
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities  # noqa: E402
from storyline.model import Document, FindingKind  # noqa: E402
from storyline.nlp.pipeline import analyze_documents, build_stages, load_nlp  # noqa: E402

DOCS = ROOT.parent / "shared" / "eval" / "ecbplus" / "documents.jsonl"
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear-train" / "data" / "train" / "text"


def _polnear_rows(n: int) -> list[dict]:
    rows = []
    for p in sorted(POLNEAR.glob("*.txt"))[-n:]:
        date = re.search(r"_(\d{4}-\d{2}-\d{2})_", p.name)
        rows.append({"id": p.stem, "topic": 0, "text": p.read_text(encoding="utf-8"),
                     "published": dt.date.fromisoformat(date.group(1)) if date else None})
    return rows


def event_of(doc_id: str) -> tuple[str, str]:
    """(topic, event) of an ECB+ document id such as ``1_10ecbplus``."""
    topic, _, rest = doc_id.partition("_")
    return topic, "ecbplus" if rest.endswith("ecbplus") else "ecb"


def _relation(f: object) -> str:
    relation = getattr(f, "relation", "count")  # the field is newer than some trees this is run on
    return str(getattr(relation, "value", relation))


def classify(*doc_ids: str) -> str:
    """A dispute's class from the documents of all its items (a dispute may hold many reports of one event)."""
    events = {event_of(d) for d in doc_ids}
    if len({t for t, _ in events}) > 1:
        return "cross_topic"
    return "same_event" if len(events) == 1 else "cross_event"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", type=int, default=None, help="only the first N topics")
    ap.add_argument("--published", choices=("none", "same"), default="none")
    ap.add_argument("--dump", type=Path, default=None, help="write every numeric finding with its facts as JSON")
    ap.add_argument("--polnear", type=int, default=0, help="the last N polnear-train articles instead of ECB+")
    args = ap.parse_args()
    if args.polnear:
        if not POLNEAR.is_dir():
            sys.exit(f"polnear-train not found at {POLNEAR}")
        rows = _polnear_rows(args.polnear)
    elif not DOCS.exists():
        sys.exit(f"ECB+ not found at {DOCS}")
    else:
        rows = [json.loads(line) for line in DOCS.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.topics:
        keep = sorted({int(r["topic"]) for r in rows})[: args.topics]
        rows = [r for r in rows if int(r["topic"]) in keep]
    published = dt.date(2015, 6, 1) if args.published == "same" else None
    docs = [Document.from_text(r["text"], source=r["id"], external_id=r["id"], published=r.get("published", published))
            for r in rows]
    ext = {d.id: r["id"] for d, r in zip(docs, rows, strict=True)}
    nlp = load_nlp(settings().spacy_model)
    t0 = time.perf_counter()
    analyses = list(analyze_documents(docs, nlp, build_stages(("entities", "facts"))))
    mentions = {a.document_id: list(a.mentions) for a in analyses}
    facts = [f for a in analyses for f in a.facts]
    res = resolve_entities(clusters_from_mentions([m for ms in mentions.values() for m in ms]), ())
    findings = detect_findings([], facts, mentions, dict(res.key_to_entity), list(res.entities), {d.id: d for d in docs})
    numeric = [f for f in findings if f.kind is FindingKind.NUMERIC_CONFLICT]
    by_id = {f.id: f for f in facts}
    classes: Counter[str] = Counter()
    dump = []
    for finding in numeric:
        pair = [by_id[i.id] for i in finding.items if i.id in by_id]  # every item of the dispute, not only one pair
        if len(pair) < 2:
            continue
        cls = classify(*(ext[f.document_id] for f in pair))
        classes[cls] += 1
        dump.append({"class": cls, "score": finding.score, "explanation": finding.explanation,
                     "facts": [{"doc": ext[f.document_id], "text": f.text, "measure": f.measure, "value": f.value,
                                "period": f.period, "subject": f.subject_text,
                                "population": getattr(f, "population", None),
                                "relation": _relation(f)} for f in pair]})
    relations = Counter(_relation(f) for f in facts)
    total = sum(classes.values())
    wrong = classes["cross_topic"] + classes["cross_event"]
    corpus = f"polnear-train (last {args.polnear})" if args.polnear else "ECB+"
    print(f"{corpus} {len(docs)} documents, published={args.published if not args.polnear else 'file dates'}, {time.perf_counter() - t0:.0f}s")
    print(f"facts: {len(facts)} ({', '.join(f'{k} {v}' for k, v in sorted(relations.items()))}), "
          f"with a subject: {sum(1 for f in facts if f.subject_text)}")
    if args.polnear:
        print(f"numeric conflicts: {total} (judge them below)")
    else:
        print(f"numeric conflicts: {total}; wrong by construction: {wrong} "
              f"(cross-event {classes['cross_event']}, cross-topic {classes['cross_topic']}); same event: {classes['same_event']}")
        for split, parity in (("dev (odd topics)", 1), ("held-out (even topics)", 0)):
            part = [x for x in dump if int(event_of(x["facts"][0]["doc"])[0]) % 2 == parity]
            bad = sum(1 for x in part if x["class"] != "same_event")
            print(f"  {split}: {len(part)} conflicts, {bad} wrong by construction")
    if args.polnear:
        for x in dump:
            print(f"- {x['score']:.2f} {x['explanation']}")
    if args.dump:
        args.dump.write_text(json.dumps(dump, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
