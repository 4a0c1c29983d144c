"""Entity resolution and watchlist linking: accuracy and scale.

    python bench/eval_resolution.py [--scale 200000,1000000] [--skip-seed]

Cross-document resolution on real news (ECB+) is in bench/ecb_resolution.py, distinct pairs on
PolNeAR in bench/polnear_entities.py. Prints four tables:
1. alias resolution on the seed article (mentions from the real pipeline) against
   ../shared/eval/seed-gold.json alias_groups/distinct: pairwise precision/recall;
2. the same on hand-built clusters (the gold names as one-document clusters, each
   name in its own cluster, plus transliteration variants in other documents),
   which measures the resolver alone;
3. watchlist leave-one-alias-out on the UN consolidated list: for every entry with
   at least two names, one Good alias is removed from the index and queried
   (all removals at once; each query competes with every other entry):
   top-1 accuracy, coverage (the right entry among the first 20 candidates at all) and the rate of
   queries whose link (``link_match``: the best-scoring entry at or above the threshold, when no
   other scores as high) goes to a wrong entry;
   (also per half: "dev" entries were looked at while tuning, "held-out" ones never; and the dev half
   over several alias draws (seeds 1-6), which gives more dev queries to look at without the held-out half);
4. scale: WatchlistIndex build time / peak RSS for synthetic lists, and
   resolve_entities time for synthetic clusters.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.text.names import name_key  # noqa: E402
from storyline.corpus.resolve import LocalCluster, Resolution, clusters_from_mentions, resolve_entities  # noqa: E402
from storyline.corpus.watchlist import WatchlistIndex, link_match, parse_un_consolidated  # noqa: E402
from storyline.model import EntityType, WatchlistEntry, WatchlistName  # noqa: E402

SHARED = REPO.parent / "shared"
GOLD = SHARED / "eval" / "seed-gold.json"
UN_LIST = SHARED / "watchlists" / "un-consolidated-2025-08.xml"
COVERAGE_K = 20  # candidates searched for the coverage column


def _norm(name: str) -> str:
    return name_key(name).norm


def pairwise_scores(resolution: Resolution, gold: dict) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of gold alias groups; negatives are cross-group and 'distinct' pairs."""
    where: dict[str, set[str]] = {}
    for e in resolution.entities:
        for a in (e.name, *e.aliases):
            where.setdefault(_norm(a), set()).add(e.id)
    groups = [[n for n in g["names"]] for g in gold["alias_groups"]]
    positives = {(a, b) for g in groups for i, a in enumerate(g) for b in g[i + 1:]}
    names = [(gi, n) for gi, g in enumerate(groups) for n in g]
    negatives = {(a, b) for i, (ga, a) in enumerate(names) for gb, b in names[i + 1:] if ga != gb}
    negatives |= {tuple(p) for p in gold["distinct"]}

    def together(a: str, b: str) -> bool:
        return bool(where.get(_norm(a), set()) & where.get(_norm(b), set()))

    tp = sum(together(a, b) for a, b in positives)
    fp = sum(together(a, b) for a, b in negatives)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / len(positives) if positives else 1.0
    return precision, recall, tp, fp


def gold_clusters(gold: dict) -> list[LocalCluster]:
    """Each gold name in its own one-name cluster; groups spread over documents (acronym with its expansion)."""
    out: list[LocalCluster] = []
    for gi, g in enumerate(gold["alias_groups"]):
        etype = EntityType(g["type"])
        names = g["names"]
        if etype == EntityType.ORGANIZATION:
            # the document that introduces the acronym ties it to its expansion
            out.append(LocalCluster(f"doc{gi}#0", f"doc{gi}", etype, names[0], tuple(names), len(names)))
            for j, n in enumerate(names):
                out.append(LocalCluster(f"other{gi}_{j}#0", f"other{gi}_{j}", etype, n, (n,), 1))
        else:
            for j, n in enumerate(names):
                doc = f"doc{gi}" if len(n.split()) > 1 else f"short{gi}_{j}"
                out.append(LocalCluster(f"{doc}#{j}", doc, etype, n, (n,), 1))
    for pair in gold["distinct"]:
        for n in pair:
            etype = EntityType.PERSON if n[0].isupper() and not n.isupper() and "-" not in n else EntityType.ORGANIZATION
            if not any(n in c.names for c in out):
                out.append(LocalCluster(f"d_{n}#0", f"d_{n}", etype, n, (n,), 1))
    return out


def seed_eval() -> tuple[float, float, int, int]:
    from storyline.config import settings
    from storyline.model import Document
    from storyline.nlp.pipeline import analyze_documents, load_nlp

    nlp = load_nlp(settings().spacy_model)
    text = (REPO / "examples" / "sat-shifting-storylines.txt").read_text(encoding="utf-8")
    analyses = list(analyze_documents([Document.from_text(text)], nlp))
    mentions = [m for a in analyses for m in a.mentions]
    return pairwise_scores(resolve_entities(clusters_from_mentions(mentions)), json.loads(GOLD.read_text()))


def is_held_out_ref(ref: str) -> bool:
    """The half of the UN entries never looked at while tuning the index (by a hash of the reference)."""
    return zlib.crc32(ref.encode()) % 2 == 1


def leave_one_out(entries: Sequence[WatchlistEntry], sample: int | None = None, seed: int = 7,
                  part: str = "all") -> dict[str, float]:
    """Remove one Good alias per chosen entry, index the rest, query with the removed alias."""
    rng = random.Random(seed)
    eligible = [e for e in entries if len(e.names) >= 2 and any(n.quality == "good" for n in e.names[1:])]
    chosen = eligible if sample is None or sample >= len(eligible) else rng.sample(eligible, sample)
    removed: dict[str, WatchlistName] = {}
    for e in chosen:
        goods = [n for n in e.names[1:] if n.quality == "good" and name_key(n.name, e.type).latin]
        if goods:
            removed[e.ref] = rng.choice(goods)
    kept = [
        WatchlistEntry(e.list_name, e.ref, e.name, e.type, tuple(n for n in e.names if n is not removed.get(e.ref)))
        for e in entries
    ]
    index = WatchlistIndex(kept)
    top1 = wrong = linked = pooled = 0
    if part != "all":
        removed = {ref: wn for ref, wn in removed.items() if is_held_out_ref(ref) == (part == "held-out")}
    for ref, wn in sorted(removed.items()):
        etype = next(e.type for e in chosen if e.ref == ref)
        matches = index.search(wn.name, etype, limit=5)
        if matches and matches[0].ref == ref:
            top1 += 1
        if any(m.ref == ref for m in index.search(wn.name, etype, limit=COVERAGE_K)):
            pooled += 1  # the right entry is among the candidates at all: the ceiling of any ranking
        link = link_match(matches)  # what linking reports for this name
        if link is not None and link.ref == ref:
            linked += 1
        if link is not None and link.ref != ref:
            wrong += 1
    n = len(removed)
    return {"queries": n, "top1": top1 / n, "coverage": pooled / n, "linked": linked / n,
            "wrong_above_threshold": wrong / n}


_SYLLABLES = ["ab", "dul", "mu", "ham", "mad", "sha", "rif", "kha", "lil", "ja", "far", "za", "bi", "hul", "lah",
              "ra", "him", "na", "ser", "ha", "qa", "ni", "si", "raj", "ud", "din", "an", "as", "ta", "jud", "ka",
              "bu", "li", "ma", "hir", "go", "lo", "ve", "ron", "el", "tor", "pe", "sa", "ki", "mo", "ri", "de"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic_entries(n_names: int, seed: int = 1) -> Iterable[WatchlistEntry]:
    rng = random.Random(seed)
    made = 0
    i = 0
    while made < n_names:
        k = rng.randint(1, 4)
        names = tuple(WatchlistName(" ".join(_word(rng) for _ in range(rng.randint(2, 4))), "good" if j else "primary")
                      for j in range(k))
        made += k
        i += 1
        yield WatchlistEntry("SYN", f"S{i}", names[0].name, EntityType.PERSON, names)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_index(n_names: int) -> dict[str, float]:
    before = _rss_mb()
    t0 = time.perf_counter()
    index = WatchlistIndex(synthetic_entries(n_names))
    build = time.perf_counter() - t0
    rng = random.Random(3)
    queries = [" ".join(_word(rng) for _ in range(3)) for _ in range(200)]
    t1 = time.perf_counter()
    for q in queries:
        index.search(q, EntityType.PERSON)
    per_query = (time.perf_counter() - t1) / len(queries)
    t2 = time.perf_counter()
    for q in queries:
        index.search(q, EntityType.PERSON, partial=False)  # what linking runs
    per_link_query = (time.perf_counter() - t2) / len(queries)
    return {"names": len(index), "build_s": build, "peak_rss_mb": _rss_mb(), "rss_growth_mb": _rss_mb() - before,
            "query_ms": per_query * 1000, "link_query_ms": per_link_query * 1000}


def scale_resolve(n_clusters: int) -> dict[str, float]:
    rng = random.Random(5)
    people = [(_word(rng), _word(rng)) for _ in range(n_clusters // 4)]
    clusters = []
    for i in range(n_clusters):
        first, last = rng.choice(people)
        clusters.append(LocalCluster(f"d{i // 20}#{i}", f"d{i // 20}", EntityType.PERSON, f"{first} {last}",
                                     (f"{first} {last}", last), 2))
    t0 = time.perf_counter()
    res = resolve_entities(clusters)
    return {"clusters": n_clusters, "entities": len(res.entities), "seconds": time.perf_counter() - t0}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", default="200000,1000000", help="comma-separated synthetic list sizes (names)")
    ap.add_argument("--resolve-scale", default="10000,40000", help="comma-separated synthetic cluster counts")
    ap.add_argument("--skip-seed", action="store_true", help="skip the seed article (needs the spaCy model)")
    args = ap.parse_args(argv)

    if GOLD.exists():
        gold = json.loads(GOLD.read_text())
        print("| alias resolution | precision | recall | true pairs | false pairs |")
        print("|---|---|---|---|---|")
        p, r, tp, fp = pairwise_scores(resolve_entities(gold_clusters(gold)), gold)
        print(f"| hand-built clusters | {p:.3f} | {r:.3f} | {tp} | {fp} |")
        if not args.skip_seed:
            p, r, tp, fp = seed_eval()
            print(f"| seed article (pipeline) | {p:.3f} | {r:.3f} | {tp} | {fp} |")
        print()
    else:
        print(f"(no gold at {GOLD}; skipping alias resolution)")

    if UN_LIST.exists():
        entries = list(parse_un_consolidated(UN_LIST.read_bytes(), "UN", UN_LIST.name))
        print(f"| UN leave-one-alias-out | queries | top-1 | in top {COVERAGE_K} | linked (>= threshold) "
              "| wrong link >= threshold |")
        print("|---|---|---|---|---|---|")
        for label, sample, part in (("sample 300 (seed 7)", 300, "all"), ("all eligible", None, "all"),
                                    ("all eligible, dev half", None, "dev"), ("all eligible, held-out half", None, "held-out")):
            m = leave_one_out(entries, sample, part=part)
            print(f"| {label} | {m['queries']} | {m['top1']:.3f} | {m['coverage']:.3f} | {m['linked']:.3f} | "
                  f"{m['wrong_above_threshold']:.3f} |")
        draws = [leave_one_out(entries, None, seed=seed, part="dev") for seed in range(1, 7)]
        n = sum(d["queries"] for d in draws)
        row = {k: sum(d[k] * d["queries"] for d in draws) / n
               for k in ("top1", "coverage", "linked", "wrong_above_threshold")}
        print(f"| dev half, alias draws 1-6 | {n:.0f} | {row['top1']:.3f} | {row['coverage']:.3f} | {row['linked']:.3f} | "
              f"{row['wrong_above_threshold']:.3f} |")
        print()

    print("| synthetic watchlist | names | build s | peak RSS MB | RSS growth MB | query ms | link query ms |")
    print("|---|---|---|---|---|---|---|")
    for size in [int(s) for s in args.scale.split(",") if s]:
        m = scale_index(size)
        print(f"| {size:,} | {m['names']:,} | {m['build_s']:.1f} | {m['peak_rss_mb']:.0f} | {m['rss_growth_mb']:.0f} | "
              f"{m['query_ms']:.2f} | {m['link_query_ms']:.2f} |")
    print()
    print("| synthetic resolution | clusters | entities | seconds |")
    print("|---|---|---|---|")
    for size in [int(s) for s in args.resolve_scale.split(",") if s]:
        m = scale_resolve(size)
        print(f"| {size:,} | {m['clusters']:,} | {m['entities']:,} | {m['seconds']:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
