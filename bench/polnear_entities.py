"""Entities on real 2016 election news (PolNeAR train): distinct pairs kept apart, aliases joined, junk names.

    python bench/polnear_entities.py [--cache FILE] [--limit N]

Reads ../shared/eval/polnear-train/data/train/text (or STORYLINE_SHARED); skips with a message when absent.
Runs the real ``entities`` stage and ``resolve_entities`` over the articles, then checks name pairs written
here (not taken from the texts): family members, neighbouring states and namesakes that must be different
entities, and forms of one name that should be one. A pair is counted only when both names occur in the corpus.
Also lists the most-mentioned entities whose name ends in a headline verb or that are typed as people
although they are products or outlets (a rough junk count for eyeballing).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.text.names import name_key  # noqa: E402
from storyline.corpus.resolve import Resolution, clusters_from_mentions, resolve_entities  # noqa: E402
from storyline.model import Document, Entity, Mention  # noqa: E402

# Pairs of different real-world things (family members, neighbouring or similar-sounding places, namesakes).
DISTINCT: tuple[tuple[str, str], ...] = (
    ("Donald Trump", "Donald Trump Jr."), ("Donald Trump", "Ivanka Trump"), ("Donald Trump", "Melania Trump"),
    ("Donald Trump", "Eric Trump"), ("Donald Trump Jr.", "Eric Trump"), ("Ivanka Trump", "Melania Trump"),
    ("Barack Obama", "Michelle Obama"), ("Mr. Obama", "Michelle Obama"), ("Mrs. Obama", "Barack Obama"),
    ("Hillary Clinton", "Bill Clinton"), ("Hillary Clinton", "Chelsea Clinton"), ("Bill Clinton", "Chelsea Clinton"),
    ("Mrs. Clinton", "Bill Clinton"), ("Mr. Clinton", "Hillary Clinton"), ("Mrs. Trump", "Donald Trump"),
    ("Jeb Bush", "George W. Bush"), ("George W. Bush", "George H.W. Bush"), ("Jeb Bush", "George Bush"),
    ("Donald Trump", "Anthony Weiner"), ("Huma Abedin", "Anthony Weiner"), ("Ted Cruz", "Heidi Cruz"),
    ("Mike Pence", "Karen Pence"), ("Tim Kaine", "Anne Holton"), ("Bernie Sanders", "Jane Sanders"),
    ("Paul Ryan", "Paul Manafort"), ("Ohio", "Iowa"), ("North Carolina", "South Carolina"),
    ("North Dakota", "South Dakota"), ("Virginia", "West Virginia"), ("Georgia", "Virginia"),
    ("Sunni", "Sony"), ("Europe", "Europa"), ("Austria", "Australia"), ("Iran", "Iraq"), ("Niger", "Nigeria"),
    ("Sweden", "Switzerland"), ("Charlotte", "Charlotte Meehan"), ("Washington", "George Washington"),
    ("Jackson", "Jesse Jackson"), ("Mitt Romney", "George Romney"), ("Rand Paul", "Ron Paul"),
)
# Forms of one thing.
SAME: tuple[tuple[str, str], ...] = (
    ("Donald Trump", "Trump"), ("Donald Trump", "Mr. Trump"), ("Donald J. Trump", "Donald Trump"),
    ("Hillary Clinton", "Mrs. Clinton"), ("Hillary Clinton", "Hillary Rodham Clinton"), ("Hillary Clinton", "Hillary"),
    ("Barack Obama", "Mr. Obama"), ("Barack Obama", "President Obama"), ("Bernie Sanders", "Sanders"),
    ("Ted Cruz", "Cruz"), ("FBI", "F.B.I."), ("FBI", "Federal Bureau of Investigation"),
    ("Marco Rubio", "Rubio"), ("Paul Ryan", "Ryan"), ("John Kasich", "Kasich"),
)
HEADLINE_VERBS = frozenset(
    "drops invokes says slams blasts wins loses faces rips mocking mocks calls backs urges vows warns hits denies "
    "claims attacks defends leads trails sues responds surges".split()
)


def text_dir() -> Path:
    return Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared")) / "eval" / "polnear-train" / "data" / "train" / "text"


def stage_mentions(paths: Sequence[Path], cache: Path | None) -> list[Mention]:
    from storyline.config import settings
    from storyline.nlp.pipeline import analyze_documents, build_stages, load_nlp, pipeline_version

    stages = build_stages(("entities",))
    version = pipeline_version(stages)
    documents = [Document.from_text(p.read_text(encoding="utf-8"), external_id=p.name) for p in paths]
    if cache is not None and cache.is_file():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("version") == version and stored.get("ids") == [d.id for d in documents]:
            return stored["mentions"]
    t0 = time.perf_counter()
    mentions = [m for a in analyze_documents(documents, load_nlp(settings().spacy_model), stages) for m in a.mentions]
    print(f"(entities stage on {len(documents)} documents: {time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    if cache is not None:
        cache.write_bytes(pickle.dumps({"version": version, "ids": [d.id for d in documents], "mentions": mentions}))
    return mentions


def _entities_by_name(res: Resolution) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in res.entities:
        for a in {e.name, *e.aliases}:
            out.setdefault(a.strip(), set()).add(e.id)
    return out


def pair_report(res: Resolution) -> tuple[list[str], int, int, int, int]:
    where = _entities_by_name(res)
    lines = []
    merged = checked = joined = present = 0
    for a, b in DISTINCT:
        if a in where and b in where:
            checked += 1
            if where[a] & where[b]:
                merged += 1
                lines.append(f"  MERGED (should be apart): {a!r} + {b!r}")
    for a, b in SAME:
        if a in where and b in where:
            present += 1
            if where[a] & where[b]:
                joined += 1
            else:
                lines.append(f"  apart (should be one): {a!r} / {b!r}")
    return lines, merged, checked, joined, present


def junk(entities: Sequence[Entity], top: int = 200) -> list[str]:
    out = []
    for e in sorted(entities, key=lambda e: -e.mention_count)[:top]:
        last = name_key(e.name).tokens[-1:] if name_key(e.name) else ()
        if last and last[0] in HEADLINE_VERBS:
            out.append(f"  headline verb: {e.name!r} ({e.type.value}, {e.mention_count})")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--top", type=int, default=25, help="print the N most-mentioned entities")
    args = ap.parse_args(argv)
    folder = text_dir()
    if not folder.is_dir():
        print(f"skip: no PolNeAR train texts under {folder}")
        return 0
    paths = sorted(folder.glob("*.txt"))[: args.limit]
    mentions = stage_mentions(paths, args.cache)
    res = resolve_entities(clusters_from_mentions(mentions))
    lines, merged, checked, joined, present = pair_report(res)
    print(f"PolNeAR train: {len(paths)} articles, {len(res.entities)} entities")
    print(f"distinct pairs merged: {merged}/{checked} (pairs with both names present)")
    print(f"same-thing pairs joined: {joined}/{present}")
    print("\n".join(lines))
    print("\n".join(junk(res.entities)))
    print(f"top {args.top} entities by mentions:")
    for e in sorted(res.entities, key=lambda e: -e.mention_count)[: args.top]:
        print(f"  {e.mention_count:5d} {e.type.value:13s} {e.name}  ({len(e.aliases)} aliases)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
