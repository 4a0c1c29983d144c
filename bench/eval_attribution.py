"""Attribution and numeric-fact accuracy against the shared evaluation data.

    python bench/eval_attribution.py [--limit N]

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
import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.config import settings  # noqa: E402
from storyline.model import Document, DocumentAnalysis, Statement  # noqa: E402
from storyline.nlp.pipeline import analyze_documents, load_nlp  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
POLNEAR = EVAL / "polnear-dev" / "data" / "dev"
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


def load_polnear(limit: int | None = None) -> list[tuple[Document, dict[str, set[tuple[int, int]]]]]:
    """(document, gold spans by type) for each PolNeAR dev article, one annotator per article."""
    meta: dict[str, str] = {}
    meta_file = POLNEAR.parents[1] / "data" / "metadata.tsv"
    if not meta_file.exists():
        meta_file = POLNEAR.parent / "metadata.tsv"
    with meta_file.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row["publication_date"]
    by_article: dict[str, Path] = {}
    for ann in sorted((POLNEAR / "attributions").glob("*.ann")):
        article = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        by_article.setdefault(article, ann)
    out = []
    for article, ann in sorted(by_article.items())[: limit or None]:
        text = (POLNEAR / "text" / f"{article}.txt").read_text(encoding="utf-8")
        spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
        tspans: dict[str, list[tuple[int, int]]] = {}
        ttype: dict[str, str] = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                tid, info, _ = line.split("\t", 2)
                label, offsets = info.split(" ", 1)
                ttype[tid] = label.lower()
                tspans[tid] = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]  # type: ignore[misc]
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("E"):
                for arg in line.split("\t")[1].split():
                    role, tid = arg.split(":")
                    role = role.lower().rstrip("0123456789")
                    if role in TYPES and tid in tspans:
                        spans[role].update(tspans[tid])
        published = meta.get(article)
        doc = Document.from_text(text, published=dt.date.fromisoformat(published) if published and published != "None" else None,
                                 external_id=article)
        out.append((doc, spans))
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
                ("overlap", g, p, lambda a, b: _overlaps(text, a, b)),
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


def run_polnear(limit: int | None = None) -> tuple[dict[str, dict[str, Scores]], float, int]:
    pairs = load_polnear(limit)
    nlp = load_nlp(settings().spacy_model)
    t0 = time.perf_counter()
    analyses = list(analyze_documents([d for d, _ in pairs], nlp))
    return score_polnear(pairs, analyses), time.perf_counter() - t0, len(pairs)


def run_seed() -> tuple[float, float, list[str]]:
    gold = json.loads((EVAL / "seed-gold.json").read_text(encoding="utf-8"))
    nlp = load_nlp(settings().spacy_model)
    doc = Document.from_text(SEED_TEXT.read_text(encoding="utf-8"))
    analysis = next(analyze_documents([doc], nlp))
    return score_seed(analysis, gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR articles")
    args = ap.parse_args()
    if not POLNEAR.is_dir():
        sys.exit(f"evaluation data not found at {POLNEAR}")
    scores, secs, n = run_polnear(args.limit)
    print(f"PolNeAR dev: {n} articles, analysed in {secs:.1f} s")
    print(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}   (Citron on PARC 3.0: cue F1 82.3, source 82.0, content exact 59.3 / overlap 83.3)")
    for t in TYPES:
        for mode in ("strict", "exact", "overlap"):
            s = scores[t][mode]
            print(f"{t + ' ' + mode:18}{100 * s.p:7.1f}{100 * s.r:7.1f}{100 * s.f:7.1f}   pred={s.n_pred} gold={s.n_gold}")
    s_rec, f_rec, misses = run_seed()
    print(f"\nseed article: statement recall {100 * s_rec:.1f}%  numeric-fact recall {100 * f_rec:.1f}%")
    for m in misses:
        print("  missed:", m)


if __name__ == "__main__":
    main()
