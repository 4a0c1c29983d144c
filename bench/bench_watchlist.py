"""Build and search time of the watchlist index on a large synthetic list (the timings the tests do not hold).

    python bench/bench_watchlist.py [--entries 50000] [--searches 200]

Builds a WatchlistIndex over N generated person names (three names of three syllables each, as transliterated
names are), then searches the names of ``--searches`` entries, and prints the build time and the mean and worst
search time. Goal: build under 30 s and a search under 0.5 s for 50,000 entries on one core.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.corpus.watchlist import WatchlistIndex
from storyline.model import EntityType, WatchlistEntry, WatchlistName

SYLLABLES = ["ab", "mu", "ha", "sha", "rif", "ka", "lil", "ja", "far", "za", "bi", "na", "ser", "qa", "ni", "raj", "din",
             "lo", "ve"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=50_000)
    ap.add_argument("--searches", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(2)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()

    entries = [WatchlistEntry("S", f"S{i}", n, EntityType.PERSON, (WatchlistName(n, "primary"),))
               for i, n in enumerate(" ".join(word() for _ in range(3)) for _ in range(args.entries))]
    t0 = time.perf_counter()
    index = WatchlistIndex(entries)
    build = time.perf_counter() - t0
    times, found = [], 0
    for entry in rng.sample(entries, min(args.searches, len(entries))):
        t0 = time.perf_counter()
        hits = index.search(entry.name, EntityType.PERSON)
        times.append(time.perf_counter() - t0)
        found += bool(hits) and hits[0].ref == entry.ref
    print(f"entries: {len(index)}  build: {build:.2f} s (goal < 30)")
    print(f"search: mean {sum(times) / len(times) * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms (goal < 500); "
          f"own entry first: {found}/{len(times)}")


if __name__ == "__main__":
    main()
