"""Inferred metadata (title, date, outlet) on real inputs, dev and held-out side by side.

    python bench/eval_metadata.py [--eval DIR] [--src DIR] [--limit N]

Text files: PolNeAR (polnear-dev = dev, polnear-train = held-out). Each file starts with its headline line and
its name holds the outlet and date (``outlet_YYYY-MM-DD_slug.txt``), which gives the truth: the title is the first
line (without a trailing ";" that separates it from a deck line), the date the one in the name. Reported: share titled, share whose title is that line, share dated, share
whose date is right; then the same files read as stdin (no file name), which measures the dateline rule alone.
HTML: the article-extraction benchmark (pages with their URLs), sorted by file name, even = dev, odd = held-out:
share titled, dated and with an outlet (there is no truth for these fields, so coverage only).
ECB+ (JSON Lines without a date; halves by topic as in findings_corpora.py): share dated, from which line, and
where a page's URL and header line both give a day, how often they agree.
``--src`` runs an older source tree (e.g. ``git archive HEAD~3 src | tar -x -C /tmp/old``) for the "before".
Reads evaluation data from ../shared/eval (or --eval / STORYLINE_SHARED); never copies it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_NAME_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def _eval_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    return Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared")) / "eval"


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "  n/a"


def _text_scores(files: list[Path]) -> dict[str, str]:
    from storyline.ingest import IngestOptions, RawInput, read_raw
    from storyline.model import Document

    counts = dict.fromkeys(("titled", "title_ok", "dated", "date_ok", "stdin_dated", "stdin_date_ok"), 0)
    for path in files:
        data = path.read_bytes()
        first_line = " ".join(data.decode("utf-8", "replace").strip().split("\n", 1)[0].split()).rstrip(";").rstrip()
        match = _NAME_DATE.search(path.name)
        truth = dt.date.fromisoformat(match[1]) if match else None
        for name, prefix in ((str(path), ""), ("-", "stdin_")):
            docs = [d for d in read_raw(RawInput(name=name, data=data, extension=".txt" if prefix == "" else ""),
                                        IngestOptions()) if isinstance(d, Document)]
            if not docs:
                continue
            doc = docs[0]
            if prefix == "":
                counts["titled"] += doc.title is not None
                counts["title_ok"] += doc.title == first_line
            counts[prefix + "dated"] += doc.published is not None
            counts[prefix + "date_ok"] += doc.published is not None and doc.published == truth
    n = len(files)
    return {k: _pct(v, n) for k, v in counts.items()} | {"n": str(n)}


def _html_scores(items: list[tuple[Path, str]]) -> dict[str, str]:
    from storyline.ingest import IngestOptions, RawInput, read_raw
    from storyline.model import Document

    counts = dict.fromkeys(("titled", "dated", "outlet"), 0)
    for path, url in items:
        raw = RawInput(name=url, data=gzip.decompress(path.read_bytes()), extension=".html", url=url)
        docs = [d for d in read_raw(raw, IngestOptions()) if isinstance(d, Document)]
        if not docs:
            continue
        counts["titled"] += docs[0].title is not None
        counts["dated"] += docs[0].published is not None
        counts["outlet"] += docs[0].source is not None
    return {k: _pct(v, len(items)) for k, v in counts.items()} | {"n": str(len(items))}


def _ecb_scores(rows: list[dict]) -> dict[str, str]:
    """ECB+ texts as `storyline ingest` reads a JSON Lines record: share dated (of all, and of the ``ecbplus`` pages,
    which open with their URL; the ``ecb`` ones carry no date), by origin, and where a page's URL and its header
    line both give a day, how often they agree within a day (the one check of correctness without a gold date)."""
    from storyline.ingest import IngestOptions, RawInput, read_raw
    from storyline.ingest import infer
    from storyline.model import Document

    header_date, leading_url = getattr(infer, "header_date", None), getattr(infer, "leading_url", None)  # --src older
    counts = dict.fromkeys(("dated", "pages", "pages_dated", "url", "header", "both", "agree"), 0)
    for row in rows:
        line = json.dumps({"id": row["id"], "text": row["text"]}).encode("utf-8")
        docs = [d for d in read_raw(RawInput(f"{row['id']}.jsonl", line, ".jsonl"), IngestOptions())
                if isinstance(d, Document)]
        if not docs:
            continue
        doc, page = docs[0], row["id"].endswith("ecbplus")
        counts["dated"] += doc.published is not None
        counts["pages"] += page
        counts["pages_dated"] += page and doc.published is not None
        origin = (doc.metadata.get("inferred") or {}).get("published")
        counts["url"] += origin == "url"
        counts["header"] += origin == "header"
        if header_date is None or leading_url is None:
            continue
        url = leading_url(row["text"])
        by_url = infer.path_date(url, "url") if url else None
        by_header = header_date(row["text"])
        if by_url is not None and by_url.precision == "day" and by_header is not None:
            counts["both"] += 1
            counts["agree"] += abs((by_url.date - by_header.date).days) <= 1
    n = len(rows)
    return {"n": str(n), "dated": _pct(counts["dated"], n), "pages dated": _pct(counts["pages_dated"], counts["pages"]),
            "from url": _pct(counts["url"], n), "from header": _pct(counts["header"], n),
            "url and header agree": f"{counts['agree']}/{counts['both']}"}


def _table(title: str, columns: list[str], rows: dict[str, dict[str, str]]) -> None:
    print(f"\n{title}")
    print("| split | n | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for split, scores in rows.items():
        print(f"| {split} | {scores['n']} | " + " | ".join(scores[c] for c in columns) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval")
    parser.add_argument("--src", help="source tree to measure (default: this checkout's src/)")
    parser.add_argument("--limit", type=int, default=0, help="at most N files per split")
    parser.add_argument("--only", choices=("dev", "held-out", "both"), default="both")
    args = parser.parse_args()
    sys.path.insert(0, args.src or str(REPO / "src"))
    import logging

    logging.disable(logging.WARNING)
    root = _eval_dir(args.eval)
    splits = {"dev": root / "polnear-dev/data/dev/text", "held-out": root / "polnear-train/data/train/text"}
    wanted = ("dev", "held-out") if args.only == "both" else (args.only,)
    text_rows = {}
    for split in wanted:
        folder = splits[split]
        if not folder.is_dir():
            print(f"skip {split}: {folder} not found")
            continue
        files = sorted(folder.glob("*.txt"))
        text_rows[split] = _text_scores(files[: args.limit] if args.limit else files)
    _table("Text files (PolNeAR): title and date, from the file; date from the text alone (read as stdin)",
           ["titled", "title_ok", "dated", "date_ok", "stdin_dated", "stdin_date_ok"], text_rows)
    aeb = root / "article-extraction-benchmark"
    if (aeb / "ground-truth.json").is_file():
        truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
        pages = sorted((aeb / "html" / f"{key}.html.gz", value["url"]) for key, value in truth.items())
        pages = [(p, u) for p, u in pages if p.is_file()]
        html_rows = {}
        for split, part in (("dev", pages[0::2]), ("held-out", pages[1::2])):
            if split in wanted:
                html_rows[split] = _html_scores(part[: args.limit] if args.limit else part)
        _table("HTML pages (article-extraction benchmark, with their URLs): coverage", ["titled", "dated", "outlet"],
               html_rows)
    else:
        print(f"skip HTML: {aeb} not found")
    ecb = root / "ecbplus" / "documents.jsonl"
    if ecb.is_file():
        rows = [json.loads(x) for x in ecb.read_text(encoding="utf-8").splitlines() if x.strip()]
        # halves by topic, as bench/findings_corpora.py splits them
        half = {r["id"]: "dev" if int(hashlib.sha1(f"topic{r['topic']}".encode()).hexdigest(), 16) % 2 == 0
                else "held-out" for r in rows}
        _table("ECB+ texts (JSON Lines, no date field): dated from a URL line or a header line",
               ["dated", "pages dated", "from url", "from header", "url and header agree"],
               {split: _ecb_scores([r for r in rows if half[r["id"]] == split][: args.limit or None])
                for split in wanted})
    else:
        print(f"skip ECB+: {ecb} not found")


if __name__ == "__main__":
    main()
