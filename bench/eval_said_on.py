"""When statements were made, on real political news: how many get a date from the text, and a sample to judge.

    python bench/eval_said_on.py [--split dev|heldout] [--limit N] [--sample N]

PolNeAR articles (../shared/eval/) carry their publication date in the file name
(``outlet_YYYY-MM-DD_slug.txt``). ``dev`` is polnear-dev (the articles the date rules
were checked on); ``heldout`` is the last 40 articles of polnear-train in name order
(not looked at while writing the rules). Runs the per-document stages up to statements,
then prints the statements by ``said_on_basis`` and precision, and a random sample
(fixed seed) of text-dated statements: the date words found, the resolved date and the
sentence, for a person to mark right or wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.config import settings  # noqa: E402
from storyline.model import DateBasis, Document  # noqa: E402
from storyline.nlp.pipeline import analyze_documents, build_stages, load_nlp  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DEV = EVAL / "polnear-dev" / "data" / "dev" / "text"
TRAIN = EVAL / "polnear-train" / "data" / "train" / "text"
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def _files(split: str) -> list[Path]:
    if split == "dev":
        return sorted(DEV.glob("*.txt"))
    return sorted(TRAIN.glob("*.txt"))[-40:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--sample", type=int, default=25)
    args = ap.parse_args()
    files = _files(args.split)[: args.limit or None]
    if not files:
        sys.exit(f"PolNeAR texts not found under {EVAL}")
    docs = []
    for p in files:
        m = _DATE.search(p.name)
        published = dt.date.fromisoformat(m.group(1)) if m else None
        docs.append(Document.from_text(p.read_text(encoding="utf-8"), source=p.name, published=published))
    nlp = load_nlp(settings().spacy_model)
    by_id = {d.id: d for d in docs}
    counts: Counter[str] = Counter()
    dated = []
    for analysis in analyze_documents(docs, nlp, build_stages(("entities", "statements"))):
        for s in analysis.statements:
            counts[f"{s.said_on_basis.value}/{s.said_on_precision.value}"] += 1
            if s.said_on_basis is DateBasis.TEXT:
                dated.append(s)
    total = sum(counts.values())
    print(f"{args.split}: {len(docs)} articles, {total} statements")
    for key, n in sorted(counts.items()):
        print(f"  {key:20s} {n:5d} ({n / max(total, 1):.1%})")
    random.Random(7).shuffle(dated)
    for s in dated[: args.sample]:
        doc = by_id[s.document_id]
        text = doc.text
        a = max(text.rfind("\n", 0, s.start), text.rfind(". ", 0, s.start))
        b = text.find("\n", s.end)
        sentence = " ".join(text[a + 1 : b if b != -1 else len(text)].split())[:300]
        print(f"- {s.said_on_text} ({s.said_on_precision.value}; published {doc.published}) :: {sentence}")


if __name__ == "__main__":
    main()
