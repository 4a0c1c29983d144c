"""Storyline quality on real news: single-statement share, and what three frequent actors' storylines look like.

    python bench/eval_storylines.py [--limit N] [--split dev|held-out|both] [--actors 3] [--show N] [--sample N] [--seed-only]

1. PolNeAR train (../shared/eval/polnear-train: 840 real 2016 US election articles, 7 outlets)
   is split by a hash of the file name into two halves: ``dev`` (rules may be looked at and
   tuned on it) and ``held-out`` (never tuned on; reported side by side). Each half runs through
   the per-document pipeline (cached under $TMPDIR/storyline-eval-cache, keyed by the pipeline
   version and the files), entity resolution, topics and storylines, as ``analyze`` builds them.
   Prints: storylines, share holding one statement, statements per storyline, and, for the
   actors with the most statements, every storyline label with its size, so a person can judge
   whether an actor's statements on one question share one storyline and whether each label
   names the question (JUDGING.md). ``--sample N`` also prints N random statements of each of those
   actors with their storyline label and the actor's other storylines' labels, for judging by hand
   whether each statement sits in the storyline of its question.
2. The seed article (../shared/seed/shifting-storylines.txt): every storyline of its
   most-quoted actor (the seed's own story: Mujahid on ISIS-K over the years).

The texts are read from ../shared/eval and never copied; the script skips a corpus that is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import pickle
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.config import settings  # noqa: E402
from storyline.corpus.embeddings import load_embedder  # noqa: E402
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities  # noqa: E402
from storyline.corpus.storylines import UNTOPICED, build_storylines, reports_speech, statement_order  # noqa: E402
from storyline.corpus.topics import TopicModel  # noqa: E402
from storyline.model import Document, DocumentAnalysis, Storyline  # noqa: E402
from storyline.nlp.pipeline import analyze_documents, build_stages, load_nlp, pipeline_version  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
POLNEAR_TRAIN = EVAL / "polnear-train" / "data" / "train" / "text"
SEED = ROOT.parent / "shared" / "seed" / "shifting-storylines.txt"
CACHE = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "storyline-eval-cache"
_NAME = re.compile(r"^(?P<outlet>[a-z]+)_(?P<date>\d{4}-\d{2}-\d{2})_")


def split_of(name: str) -> str:
    """``dev`` or ``held-out``, fixed by the file name (half each)."""
    return "dev" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


def load_polnear(split: str, limit: int | None = None) -> list[Document]:
    docs = []
    for path in sorted(POLNEAR_TRAIN.glob("*.txt")):
        if split != "both" and split_of(path.stem) != split:
            continue
        m = _NAME.match(path.name)
        docs.append(Document.from_text(path.read_text(encoding="utf-8"), source=m["outlet"] if m else None,
                                       published=dt.date.fromisoformat(m["date"]) if m else None, external_id=path.stem))
    return docs[: limit or None]


def analyses(docs: list[Document]) -> list[DocumentAnalysis]:
    """The per-document analyses, from the cache when this pipeline version already analysed these documents."""
    stages = build_stages()
    key = hashlib.sha1((pipeline_version(stages) + "".join(d.id for d in docs)).encode()).hexdigest()[:16]
    path = CACHE / f"{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    nlp = load_nlp(settings().spacy_model)
    t0 = time.perf_counter()
    out = list(analyze_documents(docs, nlp, stages))
    print(f"  analysed {len(docs)} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def storylines_of(docs: list[Document], found: list[DocumentAnalysis]) -> tuple[list[Storyline], dict, dict]:
    """Storylines as ``analyze`` builds them in a full run; also entity names and statements by id."""
    mentions = [m for a in found for m in a.mentions]
    statements = [s for a in found for s in a.statements]
    res = resolve_entities(clusters_from_mentions(mentions), ())
    by_doc: dict[str, list] = defaultdict(list)
    for m in mentions:
        by_doc[m.document_id].append(m)
    names = {e.id: e.name for e in res.entities}
    model = TopicModel(load_embedder(settings().embed_model))
    index = model.assign(sorted(statements, key=statement_order), by_doc, res.key_to_entity)
    labels = model.labels(names)
    topics = {sid: labels[i] for sid, i in index.items()}
    lines = build_storylines(statements, res.key_to_entity, topics, by_doc, names)
    return lines, names, {s.id: s for s in statements}


def report(title: str, docs: list[Document], lines: list[Storyline], names: dict, stmts: dict, actors: int, show: int,
           sample: int = 0) -> None:
    sizes = [len(s.statement_ids) for s in lines]
    single = sum(n == 1 for n in sizes)
    attributed = sum(sizes)
    actions = sum(1 for st in stmts.values() if st.speaker_key and not reports_speech(st))
    print(f"\n== {title}: {len(docs)} documents, {len(stmts)} statements, {attributed} in storylines"
          f" ({actions} with a speaker report an action, no remark: in none)")
    if not lines:
        print("  no storylines")
        return
    print(f"  storylines {len(lines)}; single-statement {single} ({100 * single / len(lines):.1f}%); "
          f"statements per storyline mean {attributed / len(lines):.2f}, max {max(sizes)}")
    issues = {i["label"] for i in json.loads((ROOT / "src/storyline/data/subjects/issues.json").read_text(encoding="utf-8"))["issues"]}
    pooled = sum(len(s.statement_ids) for s in lines if s.topic == UNTOPICED)
    on_issue = sum(len(s.statement_ids) for s in lines if s.topic in issues)
    print(f"  statements in actors' 'other statements' {100 * pooled / attributed:.1f}%, in broad-issue storylines "
          f"{100 * on_issue / attributed:.1f}%, in subject questions {100 * (attributed - pooled - on_issue) / attributed:.1f}%")
    per_actor = Counter()
    for s in lines:
        per_actor[s.actor_id] += len(s.statement_ids)
    texts = {d.id: d.text for d in docs}
    for actor, n in per_actor.most_common(actors):
        own = sorted((s for s in lines if s.actor_id == actor), key=lambda s: -len(s.statement_ids))
        print(f"  -- {names.get(actor, actor)}: {n} statements in {len(own)} storylines")
        for s in own[:show]:
            print(f"     [{len(s.statement_ids):3}] {s.topic}")
            if os.environ.get("SHOW_STATEMENTS"):
                for sid in s.statement_ids[:4]:
                    st = stmts[sid]
                    print(f"           {st.said_on} {texts[st.document_id][st.content_start:st.content_end][:110]!r}")
        if sample:
            line_of = {sid: s.topic for s in own for sid in s.statement_ids}
            for sid in random.Random(actor).sample(sorted(line_of), min(sample, len(line_of))):
                st = stmts[sid]
                print(f"     sample [{line_of[sid]}] {texts[st.document_id][st.content_start:st.content_end][:160]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of each half")
    ap.add_argument("--split", choices=("dev", "held-out", "both"), default="dev")
    ap.add_argument("--actors", type=int, default=3)
    ap.add_argument("--show", type=int, default=12, help="storylines listed per actor")
    ap.add_argument("--sample", type=int, default=0, help="random statements per listed actor, with their storyline")
    ap.add_argument("--seed-only", action="store_true")
    args = ap.parse_args()
    if SEED.exists():
        doc = Document.from_text(SEED.read_text(encoding="utf-8"), source="seed", published=dt.date(2025, 3, 5))
        found = analyses([doc])
        lines, names, stmts = storylines_of([doc], found)
        report("seed article", [doc], lines, names, stmts, 10, 40)
    else:
        print(f"seed article not found at {SEED}; skipped")
    if args.seed_only:
        return
    if not POLNEAR_TRAIN.is_dir():
        print(f"PolNeAR train not found at {POLNEAR_TRAIN}; skipped")
        return
    for split in (("dev", "held-out") if args.split == "both" else (args.split,)):
        docs = load_polnear(split, args.limit)
        found = analyses(docs)
        lines, names, stmts = storylines_of(docs, found)
        report(f"PolNeAR train, {split}", docs, lines, names, stmts, args.actors, args.show, args.sample)


if __name__ == "__main__":
    main()
