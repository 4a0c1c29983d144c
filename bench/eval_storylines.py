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
   Two measures of whether storylines follow questions: storylines per (actor, subject) pair (the subject of a
   remark is the resolved entity, not a place, that its actor names most among those the remark names; pairs with
   at least three remarks; 1.0 when an actor's remarks on one subject share one storyline; also counting the
   storylines whose labels name the subject, its themes and "other remarks about" it, as one), and the share of labels
   that name a question: a named subject ("ISIS-K's presence", "Hillary Clinton") or a noun phrase of at least two
   words ("the border wall"), not a broad issue, a pooled "other statements", "other remarks about" a subject or a
   lone word ("emails", "deeper"). Stricter, the label kinds (:func:`label_kind`): something said about a named
   subject ("Hillary Clinton's emails"), a noun phrase, a bare name ("Hillary Clinton": a person is no question),
   a lone word, a broad issue, "other remarks about" a subject, or a pool.
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
from storyline.corpus.findings.claims import MentionIndex, entity_key  # noqa: E402
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities  # noqa: E402
from storyline.corpus.questions import OTHER_REMARKS  # noqa: E402
from storyline.corpus.storylines import UNTOPICED, build_storylines, reports_speech, statement_order  # noqa: E402
from storyline.corpus.topics import TopicModel  # noqa: E402
from storyline.model import Document, DocumentAnalysis, EntityType, Mention, Storyline  # noqa: E402
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


def storylines_of(docs: list[Document], found: list[DocumentAnalysis]) -> tuple[list[Storyline], dict, dict, dict]:
    """Storylines as ``analyze`` builds them in a full run; also entity names, statements by id and each storyline
    statement's subject (:func:`subjects_by_statement`)."""
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
    stmts = {s.id: s for s in statements}
    return lines, names, stmts, subjects_by_statement(lines, stmts, by_doc, res.key_to_entity)


def subjects_by_statement(lines: list[Storyline], stmts: dict, by_doc: dict[str, list[Mention]],
                          key_to_entity: dict[str, str]) -> dict[str, str]:
    """Storyline statement id → its subject: of the entities (not places, not the actor) its content names, the one
    its actor names most in all its storyline statements (first in the text on ties). Computed here from mentions
    and resolved entities only, apart from how storylines choose questions."""
    indexes = {doc: MentionIndex(ms) for doc, ms in by_doc.items()}
    named: dict[str, list[str]] = {}
    counts: dict[str, Counter] = defaultdict(Counter)
    for line in lines:
        for sid in line.statement_ids:
            st = stmts[sid]
            found: list[str] = []
            for m in indexes[st.document_id].within(st.content_start, st.content_end) if st.document_id in indexes else ():
                eid = entity_key(m.local_key, m.canonical, key_to_entity)
                if m.type == EntityType.PLACE or eid == line.actor_id or m.cluster == st.speaker_cluster or eid in found:
                    continue
                if not m.canonical[:1].isupper():
                    continue
                found.append(eid)
            named[sid] = found
            counts[line.actor_id].update(found)
    out = {}
    for line in lines:
        for sid in line.statement_ids:
            if named[sid]:
                out[sid] = max(named[sid], key=lambda e: counts[line.actor_id][e])  # max keeps text order on ties
    return out


_DETERMINER = frozenset("a an the this that these those his her its their our my your".split())


def label_names_question(topic: str, issues: set[str], entity_names: set[str], nlp) -> bool:
    """Whether a storyline label names a question: a named subject, or a noun phrase of at least two words
    (determiners not counted) ending in a noun; not a broad issue, "other statements", "statements on ..." or
    "other remarks about ..."."""
    if topic == UNTOPICED or topic in issues or topic.startswith(("statements on ", OTHER_REMARKS)):
        return False
    if any(name and name in topic for name in entity_names):
        return True
    tokens = [t for t in nlp(topic) if t.lower_ not in _DETERMINER and not t.is_punct]
    return len(tokens) >= 2 and tokens[-1].pos_ in ("NOUN", "PROPN")


def label_kind(topic: str, issues: set[str], entity_names: set[str]) -> str:
    """What a storyline label names, for counting by kind: ``question`` (something said about a named subject: "Hillary
    Clinton's emails", "role of X", "the deal and Israel"), ``phrase`` (a noun phrase of two words or more naming no
    one: "the border wall"), ``name`` (a bare name: "Hillary Clinton"), ``word`` (one word: "money"), ``issue`` (a
    broad issue), ``remarks`` ("other remarks about X": an actor's remarks on a subject sharing no theme) or ``pool``
    ("other statements", "statements on role")."""
    if topic == UNTOPICED or topic.startswith("statements on "):
        return "pool"
    if topic in issues:
        return "issue"
    if topic.startswith(OTHER_REMARKS):
        return "remarks"
    if topic in entity_names:
        return "name"
    if any(name in topic for name in entity_names):
        return "question"
    words = [w for w in re.findall(r"[\w'’-]+", topic) if w.lower() not in _DETERMINER]
    return "phrase" if len(words) >= 2 else "word"


def question_measures(lines: list[Storyline], subjects: dict[str, str], names: dict, issues: set[str], nlp) -> tuple[str, str, str]:
    """The two lines of the storylines-follow-questions measures (see the module docstring)."""
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    sizes: Counter = Counter()
    family: dict[tuple[str, str], set[str]] = defaultdict(set)  # a subject's theme storylines counted as one
    for i, line in enumerate(lines):
        for sid in line.statement_ids:
            if sid in subjects:
                pairs[(line.actor_id, subjects[sid])].add(str(i))
                sizes[(line.actor_id, subjects[sid])] += 1
                name = names.get(subjects[sid], "")
                family[(line.actor_id, subjects[sid])].add(name if name and name in line.topic else str(i))
    spread = sorted(len(pairs[p]) for p in pairs if sizes[p] >= 3)
    split = [len(family[p]) for p in pairs if sizes[p] >= 3]
    if spread:
        per_pair = (f"  storylines per (actor, subject) pair with >= 3 remarks: {len(spread)} pairs, mean "
                    f"{sum(spread) / len(spread):.2f}, median {spread[len(spread) // 2]}, in one storyline "
                    f"{100 * sum(n == 1 for n in spread) / len(spread):.1f}%, in one storyline or the subject's themes "
                    f"{100 * sum(n == 1 for n in split) / len(split):.1f}%")
    else:
        per_pair = "  storylines per (actor, subject) pair: no pair with >= 3 remarks"
    entity_names = {n for n in names.values() if len(n) > 2}
    good = [label_names_question(line.topic, issues, entity_names, nlp) for line in lines]
    held = sum(len(line.statement_ids) for line, g in zip(lines, good) if g)
    total = sum(len(line.statement_ids) for line in lines) or 1
    labels = (f"  labels naming a question (named subject or noun phrase of >= 2 words): "
              f"{100 * sum(good) / max(1, len(lines)):.1f}% of storylines, holding {100 * held / total:.1f}% of their statements")
    kinds = Counter(label_kind(line.topic, issues, entity_names) for line in lines)
    kind_line = "  label kinds (storylines): " + ", ".join(f"{k} {100 * kinds[k] / max(1, len(lines)):.1f}%" for k in _KINDS)
    return per_pair, labels, kind_line


_KINDS = ("question", "phrase", "name", "word", "issue", "remarks", "pool")


def report(title: str, docs: list[Document], lines: list[Storyline], names: dict, stmts: dict, actors: int, show: int,
           sample: int = 0, subjects: dict[str, str] | None = None) -> list[str]:
    sizes = [len(s.statement_ids) for s in lines]
    single = sum(n == 1 for n in sizes)
    attributed = sum(sizes)
    actions = sum(1 for st in stmts.values() if st.speaker_key and not reports_speech(st))
    print(f"\n== {title}: {len(docs)} documents, {len(stmts)} statements, {attributed} in storylines"
          f" ({actions} with a speaker report an action, no remark: in none)")
    if not lines:
        print("  no storylines")
        return []
    print(f"  storylines {len(lines)}; single-statement {single} ({100 * single / len(lines):.1f}%); "
          f"statements per storyline mean {attributed / len(lines):.2f}, max {max(sizes)}")
    issues = {i["label"] for i in json.loads((ROOT / "src/storyline/data/subjects/issues.json").read_text(encoding="utf-8"))["issues"]}
    pooled = sum(len(s.statement_ids) for s in lines if s.topic == UNTOPICED)
    on_issue = sum(len(s.statement_ids) for s in lines if s.topic in issues)
    print(f"  statements in actors' 'other statements' {100 * pooled / attributed:.1f}%, in broad-issue storylines "
          f"{100 * on_issue / attributed:.1f}%, in subject questions {100 * (attributed - pooled - on_issue) / attributed:.1f}%")
    summary = [f"storylines {len(lines)}, single-statement {100 * single / len(lines):.1f}%, in storylines {attributed}, "
               f"actions left out {actions}",
               *question_measures(lines, subjects or {}, names, issues, load_nlp(settings().spacy_model))]
    for line in summary[1:]:
        print(line)
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
    return summary


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
        lines, names, stmts, subjects = storylines_of([doc], found)
        report("seed article", [doc], lines, names, stmts, 10, 40, subjects=subjects)
    else:
        print(f"seed article not found at {SEED}; skipped")
    if args.seed_only:
        return
    if not POLNEAR_TRAIN.is_dir():
        print(f"PolNeAR train not found at {POLNEAR_TRAIN}; skipped")
        return
    summaries = {}
    for split in (("dev", "held-out") if args.split == "both" else (args.split,)):
        docs = load_polnear(split, args.limit)
        found = analyses(docs)
        lines, names, stmts, subjects = storylines_of(docs, found)
        summaries[split] = report(f"PolNeAR train, {split}", docs, lines, names, stmts, args.actors, args.show, args.sample,
                                  subjects)
    if len(summaries) > 1:
        print("\n== side by side")
        for split, summary in summaries.items():
            for line in summary:
                print(f"  {split:8} {line.strip()}")


if __name__ == "__main__":
    main()
