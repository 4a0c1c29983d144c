"""Findings quality: recall and list size on the seed article, and the demo corpus's findings for a person to judge.

    python bench/eval_findings.py [--stages entities,statements,...] [--top N] [--no-demo]

1. The seed article (examples/sat-shifting-storylines.txt) through the per-document
   pipeline, entity resolution, findings and name variants. Scored against
   ../shared/eval/seed-gold.json ``findings`` with its own rule: a finding matches a
   gold finding when its kind is one of the gold kinds and its items cover both
   sides (an item covers a side when its text contains one of the side's phrases,
   case-insensitively; a statement's text is its whole span: speaker, cue and
   content). Prints recall (all gold findings, and the non-name-variant ones),
   the number of findings, precision@10 (findings in the top 10 that match some
   gold finding) and the top of the list.
2. The demo corpus (examples/): ingested and analysed into a temporary SQLite store
   through storyline.services, exactly as ``storyline demo`` does; prints every
   finding with its explanation.

``--stages`` runs another stage order (e.g. without ``claims``) to measure a change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.config import settings  # noqa: E402
from storyline.corpus.findings import detect_findings  # noqa: E402
from storyline.corpus.name_variants import find_name_variants  # noqa: E402
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities  # noqa: E402
from storyline.model import Document, Finding, FindingKind, ItemType  # noqa: E402
from storyline.nlp.pipeline import DEFAULT_ORDER, analyze_documents, build_stages, load_nlp  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SEED_GOLD = EVAL / "seed-gold.json"
SEED_TEXT = ROOT / "examples" / "sat-shifting-storylines.txt"
SEED_META = ROOT / "examples" / "sat-shifting-storylines.meta.json"


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("‘", "'").lower().split())


def item_texts(findings: list[Finding], texts: dict[tuple[str, str], str]) -> list[list[str]]:
    return [[_norm(texts.get((i.type.value, i.id), "")) for i in f.items] for f in findings]


def matches(gold: dict, kind: str, items: list[str]) -> bool:
    if kind not in gold["kinds"]:
        return False
    return all(any(_norm(p) in t for p in side for t in items) for side in gold["sides"])


def seed_findings(stage_names: tuple[str, ...]) -> tuple[list[Finding], dict[tuple[str, str], str], float]:
    meta = json.loads(SEED_META.read_text(encoding="utf-8")) if SEED_META.exists() else {}
    text = SEED_TEXT.read_text(encoding="utf-8")
    doc = Document.from_text(text, source=meta.get("source", "seed"), title=meta.get("title"), published=dt.date(2025, 3, 5))
    nlp = load_nlp(settings().spacy_model)
    t0 = time.perf_counter()
    analysis = next(iter(analyze_documents([doc], nlp, build_stages(stage_names))))
    mentions = list(analysis.mentions)
    res = resolve_entities(clusters_from_mentions(mentions), ())
    entities = list(res.entities)
    findings = detect_findings(list(analysis.statements), list(analysis.facts), {doc.id: mentions}, dict(res.key_to_entity), entities, {doc.id: doc})
    findings += find_name_variants(entities, mentions)
    elapsed = time.perf_counter() - t0
    texts: dict[tuple[str, str], str] = {}
    for s in analysis.statements:
        texts[(ItemType.STATEMENT.value, s.id)] = text[s.start : s.end]
    for f in analysis.facts:
        texts[(ItemType.FACT.value, f.id)] = f.text
    for m in mentions:
        texts[(ItemType.MENTION.value, m.id)] = m.text
    for e in entities:
        texts[(ItemType.ENTITY.value, e.id)] = " | ".join(e.aliases)
    return findings, texts, elapsed


def score_seed(findings: list[Finding], texts: dict[tuple[str, str], str], gold: list[dict], top: int = 10) -> dict[str, float]:
    items = item_texts(findings, texts)
    hit = [any(matches(g, f.kind.value, it) for f, it in zip(findings, items)) for g in gold]
    core = [h for g, h in zip(gold, hit) if g["kinds"] != ["name_variant"]]
    ranked = findings[:top]
    good = [any(matches(g, f.kind.value, it) for g in gold) for f, it in zip(ranked, items)]
    distinct = sum(any(matches(g, f.kind.value, it) for f, it in zip(ranked, items[:top])) for g in gold)
    return {
        "recall": sum(hit) / len(gold) if gold else 0.0,
        "recall_core": sum(core) / len(core) if core else 0.0,
        "core_hit": sum(core),
        "core_n": len(core),
        "findings": len(findings),
        "non_name_variant": sum(f.kind != FindingKind.NAME_VARIANT for f in findings),
        "p_at_top": sum(good) / len(ranked) if ranked else 0.0,
        "gold_in_top": distinct,
    }


def run_demo() -> list[tuple[str, float, str]]:
    from storyline.services.analyze import analyze
    from storyline.services.demo import examples_dir
    from storyline.services.ingest import ingest_paths
    from storyline.ingest.base import IngestOptions
    from storyline.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store("sqlite:///" + str(Path(tmp) / "demo.db"))
        ingest_paths(store, [str(examples_dir())], IngestOptions(max_bytes=settings().max_bytes))
        analyze(store)
        n_docs = store.count("documents")
        stmts = {s.id: s for s in store.iter_statements()}
        rows = []
        for f in sorted(store.iter_findings(), key=lambda f: -f.score):
            rows.append((f.kind.value, f.score, f.explanation))
        per_doc: dict[str, int] = defaultdict(int)
        for s in stmts.values():
            if s.cue is None and s.speaker_text is None:
                per_doc[s.document_id] += 1
        print(f"demo: {n_docs} documents, {len(stmts)} statements ({sum(per_doc.values())} narrative claims)")
        return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stages", default=",".join(DEFAULT_ORDER), help="comma-separated stage order")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--no-demo", action="store_true")
    ap.add_argument("--show", type=int, default=15, help="seed findings to print")
    args = ap.parse_args()
    stages = tuple(s for s in args.stages.split(",") if s)
    if stages != DEFAULT_ORDER:  # the demo runs through storyline.services, which builds the default order
        import storyline.nlp.pipeline as pipeline

        pipeline.build_stages.__defaults__ = (stages,)
    if not SEED_GOLD.exists():
        print(f"{SEED_GOLD} missing: seed scoring skipped")
    else:
        gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["findings"]
        findings, texts, elapsed = seed_findings(stages)
        s = score_seed(findings, texts, gold, args.top)
        print(f"seed article, stages {'+'.join(stages)} ({elapsed:.1f} s)")
        print(f"{'recall (all gold)':<34}{s['recall']:.2f}")
        print(f"{'recall (non-name-variant)':<34}{s['recall_core']:.2f}  ({s['core_hit']}/{s['core_n']})")
        print(f"{'findings produced':<34}{s['findings']}  ({s['non_name_variant']} not name_variant)")
        print(f"{'precision@' + str(args.top):<34}{s['p_at_top']:.2f}  (distinct gold findings in the top {args.top}: {s['gold_in_top']})")
        items = item_texts(findings, texts)
        for f, it in list(zip(findings, items))[: args.show]:
            mark = "+" if any(matches(g, f.kind.value, it) for g in gold) else " "
            print(f" {mark} {f.score:.2f} {f.kind.value:<18} {f.explanation}")
    if not args.no_demo:
        rows = run_demo()
        print(f"demo corpus: {len(rows)} findings")
        for kind, score, expl in rows:
            print(f"   {score:.2f} {kind:<18} {expl}")


if __name__ == "__main__":
    main()
