"""Attribution and numeric-fact accuracy against the shared evaluation data.

    python bench/eval_attribution.py [--limit N] [--split dev|heldback|both] [--errors N] [--coverage]

0. Splits: ``dev`` is PolNeAR dev (never trained on); ``heldback`` is the ~15% of PolNeAR train
   whose article name hashes into the held-back bucket (:func:`polnear_split`): never trained
   on, never looked at while tuning; the rest of PolNeAR train is what
   ``scripts/train_attribution.py`` learns from. ``both`` prints dev and held-back side by side.

1. PolNeAR dev (../shared/eval/polnear-dev): cue, source and content spans of the
   statements stage against the annotators' brat spans, in the layout of BBC Citron's
   published table (cue F1 82.3, source F1 82.0, content exact 59.3 / overlap 83.3, on
   PARC 3.0). Span-level scoring: every gold fragment and every predicted span counts once
   per type. *exact*: same span after trimming surrounding whitespace, quotation marks and
   punctuation on both sides, and a leading complementizer "that" (PolNeAR includes the
   quotation marks, the closing comma and "that" in content; Storyline stores the quoted
   words and the clause after "that"); *strict*: identical offsets; *overlap*: the
   spans share at least one word character, or, for a cue written only in punctuation (the
   colon of "PENCE: ...", the dash of a "― Name" signature), they share a character. For
   the two articles with six annotators' files, the alphabetically first file is used.
   Only attributions count: statements without a cue (the document's own narrative claims,
   from the claims stage) are left out of every score.
2. The seed article (seed-gold.json): statement recall (speaker + one of content_any) and
   numeric-fact recall (value + subject + period).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import datetime as dt
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.config import settings  # noqa: E402
from storyline.model import Document, DocumentAnalysis, Statement  # noqa: E402
from storyline.nlp.pipeline import analyze_documents, load_nlp  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
POLNEAR = EVAL / "polnear-dev" / "data" / "dev"
POLNEAR_TRAIN = EVAL / "polnear-train" / "data" / "train"
HELDBACK_PERCENT = 15
SEED_TEXT = ROOT / "examples" / "sat-shifting-storylines.txt"
_TRIM = " \t\n\"“”‘’'.,;:—–-()[]…"
TYPES = ("cue", "source", "content")


@dataclass(frozen=True)
class Scores:
    p: float
    r: float
    f: float
    n_pred: int
    n_gold: int


def polnear_split(article: str) -> str:
    """``heldback`` or ``train`` for a PolNeAR train article, by a stable hash of its name (about 15% held back)."""
    bucket = int(hashlib.sha256(article.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "heldback" if bucket < HELDBACK_PERCENT else "train"


def _published_from_name(article: str) -> str | None:
    m = re.search(r"_(\d{4}-\d{2}-\d{2})_", article)
    return m.group(1) if m else None


def polnear_folder(split: str) -> Path:
    return POLNEAR if split == "dev" else POLNEAR_TRAIN


def load_polnear(limit: int | None = None, split: str = "dev") -> list[tuple[Document, dict[str, set[tuple[int, int]]]]]:
    """(document, gold spans by type) for each PolNeAR article of ``split`` (dev, heldback, train), one annotator per article."""
    return [(doc, spans) for doc, spans, _ in load_polnear_relations(limit, split)]


Relation = dict[str, list[tuple[int, int]]]


def load_polnear_relations(limit: int | None = None, split: str = "dev"
                           ) -> list[tuple[Document, dict[str, set[tuple[int, int]]], list[Relation]]]:
    """As :func:`load_polnear`, plus each attribution relation's fragments by role (cue, source, content)."""
    folder = polnear_folder(split)
    meta: dict[str, str] = {}
    meta_file = folder.parent / "metadata.tsv"
    if meta_file.exists():
        with meta_file.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row["filename"]] = row["publication_date"]
    by_article: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if split != "dev" and polnear_split(article) != split:
            continue
        by_article.setdefault(article, ann)
    out = []
    for article, ann in sorted(by_article.items())[: limit or None]:
        text = (folder / "text" / f"{article}.txt").read_text(encoding="utf-8")
        relations: list[Relation] = []
        spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
        tspans: dict[str, list[tuple[int, int]]] = {}
        ttype: dict[str, str] = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T") and line.count("\t") >= 2:  # one train file has a stray "T" line
                tid, info, _ = line.split("\t", 2)
                label, offsets = info.split(" ", 1)
                ttype[tid] = label.lower()
                tspans[tid] = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]  # type: ignore[misc]
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("E"):
                rel: Relation = defaultdict(list)
                for arg in line.split("\t")[1].split():
                    role, tid = arg.split(":")
                    role = role.lower().rstrip("0123456789")
                    if role in TYPES and tid in tspans:
                        spans[role].update(tspans[tid])
                        rel[role].extend(tspans[tid])
                relations.append(dict(rel))
        published = meta.get(article) or _published_from_name(article)
        doc = Document.from_text(text, published=dt.date.fromisoformat(published) if published and published != "None" else None,
                                 external_id=article)
        out.append((doc, spans, relations))
    return out


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if text[s : s + 5].lower() == "that " and e - s > 5:
        # PolNeAR keeps the complementizer ("said that X"); Storyline stores the clause after it
        return _trimmed(text, s + 5, e)
    return s, e


def _overlaps(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    s, e = max(a[0], b[0]), min(a[1], b[1])
    if s >= e:
        return False
    if any(ch.isalnum() for ch in text[s:e]):
        return True
    # a punctuation-only span (":" or "―" as the cue) can share no word character
    return not any(ch.isalnum() for ch in text[a[0]:a[1]]) or not any(ch.isalnum() for ch in text[b[0]:b[1]])


def attributions(analysis: DocumentAnalysis) -> list[Statement]:
    """The attributed statements of an analysis (a statement without a cue is the document's own claim)."""
    return [s for s in analysis.statements if s.cue is not None]


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> Scores:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f, n_p, n_g)


def predicted_spans(analysis: DocumentAnalysis) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for s in attributions(analysis):
        if s.cue_start is not None and s.cue_end is not None:
            out["cue"].add((s.cue_start, s.cue_end))
        if s.speaker_start is not None and s.speaker_end is not None:
            out["source"].add((s.speaker_start, s.speaker_end))
        out["content"].add((s.content_start, s.content_end))
    return out


def score_polnear(pairs: list[tuple[Document, dict[str, set[tuple[int, int]]]]],
                  analyses: list[DocumentAnalysis]) -> dict[str, dict[str, Scores]]:
    counts: dict[str, dict[str, list[int]]] = {t: {m: [0, 0, 0, 0] for m in ("strict", "exact", "overlap")} for t in TYPES}
    for (doc, gold), analysis in zip(pairs, analyses):
        pred = predicted_spans(analysis)
        text = doc.text
        for t in TYPES:
            g, p = gold.get(t, set()), pred.get(t, set())
            gt = {_trimmed(text, *x) for x in g}
            pt = {_trimmed(text, *x) for x in p}
            for mode, gs, ps, match in (
                ("strict", g, p, lambda a, b: a == b),
                ("exact", gt, pt, lambda a, b: a == b),
                ("overlap", g, p, lambda a, b: _overlaps(text, a, b)),  # noqa: B023 - called within this iteration
            ):
                c = counts[t][mode]
                c[0] += sum(1 for x in ps if any(match(x, y) for y in gs))
                c[1] += len(ps)
                c[2] += sum(1 for y in gs if any(match(x, y) for x in ps))
                c[3] += len(gs)
    return {t: {m: _prf(*counts[t][m]) for m in counts[t]} for t in TYPES}


def _norm(s: str) -> str:
    s = s.lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"'s\b", "", s).strip()


def _names_of(analysis: DocumentAnalysis, cluster: int | None, written: str | None) -> set[str]:
    names = {_norm(written)} if written else set()
    if cluster is not None:
        names |= {_norm(m.text) for m in analysis.mentions if m.cluster == cluster}
    return names


def _name_match(gold_names: list[str], names: set[str]) -> bool:
    gold = [_norm(g) for g in gold_names]
    return any(g == n or re.search(rf"(?<!\w){re.escape(g)}(?!\w)", n) for g in gold for n in names)


def score_seed(analysis: DocumentAnalysis, gold: dict) -> tuple[float, float, list[str]]:
    misses = []
    hit = 0
    for g in gold["statements"]:
        ok = any(
            _name_match(g["speaker"], _names_of(analysis, s.speaker_cluster, s.speaker_text))
            and any(c.lower() in s.content.lower() for c in g["content_any"])
            for s in attributions(analysis)
        )
        hit += ok
        if not ok:
            misses.append(f"statement {g['speaker'][0]}: {g['content_any'][0]}")
    s_rec = hit / len(gold["statements"])
    hit = 0
    for g in gold["facts"]:
        ok = any(
            f.value == g["value"] and f.period == g["period"]
            and _name_match(g["subject"], _names_of(analysis, f.subject_cluster, f.subject_text))
            for f in analysis.facts
        )
        hit += ok
        if not ok:
            misses.append(f"fact {g['subject'][0]} {g['value']} {g['period']}")
    return s_rec, hit / len(gold["facts"]), misses


def source_given_content(text: str, relations: list[Relation], analysis: DocumentAnalysis) -> tuple[int, int]:
    """(right, found): of the gold attributions with a source whose content overlaps a predicted content, how many
    got a speaker overlapping the gold source (the predicted statement sharing the most content characters)."""
    right = found = 0
    stmts = attributions(analysis)
    for rel in relations:
        if not rel.get("source") or not rel.get("content"):
            continue
        best, best_overlap = None, 0
        for s in stmts:
            ov = sum(max(0, min(e, s.content_end) - max(b, s.content_start)) for b, e in rel["content"])
            if ov > best_overlap:
                best, best_overlap = s, ov
        if best is None:
            continue
        found += 1
        if best.speaker_start is not None and best.speaker_end is not None and any(
                _overlaps(text, (best.speaker_start, best.speaker_end), g) for g in rel["source"]):
            right += 1
    return right, found


def run_polnear(limit: int | None = None, split: str = "dev") -> tuple[dict[str, dict[str, Scores]], float, int]:
    scores, secs, n, _ = run_polnear_full(limit, split)
    return scores, secs, n


def run_polnear_full(limit: int | None = None, split: str = "dev") -> tuple[dict[str, dict[str, Scores]], float, int, float]:
    """Span scores, seconds, articles, and source accuracy given content."""
    rows = load_polnear_relations(limit, split)
    pairs = [(d, g) for d, g, _ in rows]
    nlp = load_nlp(settings().spacy_model)
    t0 = time.perf_counter()
    analyses = list(analyze_documents([d for d, _ in pairs], nlp))
    secs = time.perf_counter() - t0
    right = found = 0
    for (doc, _, rels), analysis in zip(rows, analyses):
        r, f = source_given_content(doc.text, rels, analysis)
        right, found = right + r, found + f
    return score_polnear(pairs, analyses), secs, len(pairs), right / found if found else 0.0


def source_errors(limit: int | None = None) -> tuple[Counter[str], list[tuple[str, str]]]:
    """PolNeAR dev only (never the held-back slice): the source errors by bucket, and (bucket, context) for each.

    A gold source that no predicted source overlaps is *missing* (no predicted statement has its content),
    *other speaker* (a statement has its content with another speaker) or *no speaker* (the statement has none);
    a predicted source that overlaps no gold source is a *false source*, *on gold content* when its content
    overlaps an annotated content (a nested or wrong-speaker reading), else *without gold content*."""
    rows = load_polnear_relations(limit, "dev")
    nlp = load_nlp(settings().spacy_model)
    buckets: Counter[str] = Counter()
    shown: list[tuple[str, str]] = []
    for (doc, gold, rels), analysis in zip(rows, analyze_documents([d for d, _, _ in rows], nlp)):
        text, stmts = doc.text, attributions(analysis)
        pred = {(s.speaker_start, s.speaker_end) for s in stmts if s.speaker_start is not None and s.speaker_end is not None}
        for g in sorted(gold.get("source", set())):
            if any(_overlaps(text, p, g) for p in pred):
                continue
            contents = [c for r in rels if g in r.get("source", ()) for c in r.get("content", ())]
            same = [s for s in stmts if any(_overlaps(text, (s.content_start, s.content_end), c) for c in contents)]
            bucket = ("missing" if not same else "no speaker" if all(s.speaker_start is None for s in same)
                      else "other speaker")
            buckets[bucket] += 1
            found = "; ".join(sorted({s.speaker_text or "-" for s in same}))[:80]
            shown.append((bucket, f"gold {text[g[0]:g[1]]!r} found [{found}] :: {text[max(0, g[0] - 60):g[1] + 80]!r}"))
        for s in stmts:
            if s.speaker_start is None or s.speaker_end is None:
                continue
            sp = (s.speaker_start, s.speaker_end)
            if any(_overlaps(text, sp, g) for g in gold.get("source", set())):
                continue
            on_gold = any(_overlaps(text, (s.content_start, s.content_end), c) for c in gold.get("content", set()))
            bucket = "false source, on gold content" if on_gold else "false source, without gold content"
            buckets[bucket] += 1
            shown.append((bucket, f"{s.speaker_text!r} {s.cue} :: {text[max(0, sp[0] - 40):sp[1] + 100]!r}"))
    return buckets, shown


def candidate_coverage(limit: int | None = None) -> tuple[int, int, Counter[str]]:
    """On the training part of PolNeAR train only (never dev or the held-back slice): how many annotated
    attributions share a word character of content with some candidate of the statements rules and open
    candidates (before the scorer), how many there are, and the cue words of the uncovered ones (what to add)."""
    from storyline.nlp.pipeline import build_stages, parse
    from storyline.nlp.statements import statement_candidates

    rows = load_polnear_relations(limit, "train")
    nlp = load_nlp(settings().spacy_model)
    entities = build_stages(("entities",))
    covered = total = 0
    missed: Counter[str] = Counter()
    for (doc, _, rels), parsed in zip(rows, parse([d for d, _, _ in rows], nlp)):
        for stage in entities:
            stage.run(parsed)
        spans = [(s.content_start, s.content_end) for s, _ in statement_candidates(parsed)]
        for rel in rels:
            if not rel.get("content"):
                continue
            total += 1
            if any(_overlaps(doc.text, c, g) for c in spans for g in rel["content"]):
                covered += 1
            else:
                missed[" ".join(doc.text[a:b] for a, b in rel.get("cue", ())).lower().split()[-1:][0]
                       if rel.get("cue") else "(no cue)"] += 1
    return covered, total, missed


def run_seed() -> tuple[float, float, list[str]]:
    gold = json.loads((EVAL / "seed-gold.json").read_text(encoding="utf-8"))
    nlp = load_nlp(settings().spacy_model)
    doc = Document.from_text(SEED_TEXT.read_text(encoding="utf-8"))
    analysis = next(analyze_documents([doc], nlp))
    return score_seed(analysis, gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR articles")
    ap.add_argument("--split", choices=("dev", "heldback", "both"), default="both",
                    help="PolNeAR dev, the held-back slice of PolNeAR train, or both side by side")
    ap.add_argument("--no-seed", action="store_true", help="skip the seed article")
    ap.add_argument("--coverage", action="store_true",
                    help="only: candidate coverage of the annotated attributions on the training part of PolNeAR train")
    ap.add_argument("--errors", type=int, default=None, metavar="N",
                    help="only: PolNeAR dev source errors by bucket, with N examples of each (never the held-back slice)")
    args = ap.parse_args()
    if args.errors is not None:
        buckets, shown = source_errors(args.limit)
        for bucket, n in buckets.most_common():
            print(f"{n:6d}  {bucket}")
            for line in [c for b, c in shown if b == bucket][: args.errors]:
                print("        " + line.replace("\n", " "))
        return
    if args.coverage:
        covered, total, missed = candidate_coverage(args.limit)
        print(f"PolNeAR train (training part): {covered}/{total} annotated attributions have an overlapping candidate "
              f"({100 * covered / max(total, 1):.1f}%); last cue word of the uncovered ones:")
        for word, n in missed.most_common(25):
            print(f"{n:6d}  {word}")
        return
    splits = ("dev", "heldback") if args.split == "both" else (args.split,)
    for split in splits:
        if not polnear_folder(split).is_dir():
            sys.exit(f"evaluation data not found at {polnear_folder(split)}")
    from storyline.nlp.statements import attribution_mode

    print(f"attribution: {attribution_mode()}")
    results = {}
    accuracy = {}
    for split in splits:
        scores, secs, n, acc = run_polnear_full(args.limit, split)
        results[split], accuracy[split] = scores, acc
        print(f"PolNeAR {split}: {n} articles, analysed in {secs:.1f} s")
    print("(Citron on PARC 3.0: cue F1 82.3, source 82.0, content exact 59.3 / overlap 83.3)")
    header = "".join(f"{split + ' P':>13}{'R':>7}{'F1':>7}" for split in splits)
    print(f"{'':18}{header}")
    for t in TYPES:
        for mode in ("strict", "exact", "overlap"):
            row = "".join(f"{100 * results[sp][t][mode].p:13.1f}{100 * results[sp][t][mode].r:7.1f}{100 * results[sp][t][mode].f:7.1f}"
                          for sp in splits)
            print(f"{t + ' ' + mode:18}{row}")
    print(f"{'source acc | content':18}" + "".join(f"{100 * accuracy[sp]:27.1f}" for sp in splits))
    if args.no_seed:
        return
    s_rec, f_rec, misses = run_seed()
    print(f"\nseed article: statement recall {100 * s_rec:.1f}%  numeric-fact recall {100 * f_rec:.1f}%")
    for m in misses:
        print("  missed:", m)


if __name__ == "__main__":
    main()
