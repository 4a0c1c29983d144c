"""Reading a 100,000-message Telegram export: posts/s and peak memory, against a plain ``json.load``.

Generates the export with a fixed seed (fictional channel, English with some
Pashto/Dari/Arabic posts, self-reply threads, media-only messages), then runs
each measurement in a fresh subprocess so peak RSS (``resource.getrusage``
``ru_maxrss``) belongs to that measurement alone:

* baseline: ``json.loads`` of the file (the whole tree of dicts in memory);
* storyline: ``TelegramReader`` over the same bytes, to the last document.

Usage: ``python bench/bench_threads.py [--messages N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

_TEXTS = [
    "The road to {p} reopened this morning after clearance work by the {g}.",
    "Minister {n} met elders in {p} district and promised repairs before winter.",
    "We reject the claim by the {g} that {p} is under their control.",
    "Convoys of the {g} will resume on Friday, officials in {p} said.",
    "د کورنیو چارو وزارت ویاند وویل چې په {p} ولایت کې امنیتي وضعیت ښه دی.",
    "سخنگوی وزارت امور داخله گفت که وضعیت امنیتی در ولایت {p} خوب است.",
    "قال المتحدث باسم وزارة الداخلية إن الوضع الأمني في {p} مستقر.",
]
_PLACES = ["Sarvan", "Kessa", "Dun Bridge", "Orlan", "Tavi Pass", "Meren"]
_GROUPS = ["Sarvan Front", "Northern Relief Committee", "Kessa Council", "border police"]
_NAMES = ["Orin Talvek", "Ilsa Marren", "Daran Kell"]


def generate(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    when = start
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "name": "Veloria MoI",\n "type": "public_channel",\n "id": 1700000001,\n "messages": [\n')
        for i in range(1, n + 1):
            when += dt.timedelta(seconds=rng.randint(30, 900))
            msg: dict[str, object] = {
                "id": i, "type": "message", "date": when.strftime("%Y-%m-%dT%H:%M:%S"),
                "date_unixtime": str(int(when.timestamp())), "from": "Veloria MoI Spokesperson", "from_id": "channel1700000001",
            }
            roll = rng.random()
            if roll < 0.05:
                msg["photo"] = f"photos/photo_{i}.jpg"
                msg["text"] = ""
            else:
                text = rng.choice(_TEXTS).format(p=rng.choice(_PLACES), g=rng.choice(_GROUPS), n=rng.choice(_NAMES))
                msg["text"] = [text[:20], {"type": "bold", "text": text[20:40]}, text[40:]] if roll < 0.2 else text
                if roll > 0.9 and i > 1:
                    msg["reply_to_message_id"] = i - 1
            msg["text_entities"] = []
            out.write("  " + json.dumps(msg, ensure_ascii=False) + (",\n" if i < n else "\n"))
        out.write(" ]\n}\n")


_CHILD = r"""
import json, resource, sys, time
path, mode = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if mode == "baseline":
    tree = json.loads(data)
    posts = sum(1 for m in tree["messages"] if m.get("text"))
    docs = 0
else:
    from storyline.ingest.base import IngestOptions, RawInput
    from storyline.ingest.telegram import TelegramReader
    raw = RawInput(name=path, data=data, extension=".json")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    docs = posts = 0
    for d in TelegramReader().read(raw, IngestOptions(max_bytes=1 << 31)):
        docs += 1
        posts += len(d.metadata["posts"])
elapsed = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "posts": posts, "docs": docs, "peak_kb": peak, "base_kb": base}))
"""


def measure(path: Path, mode: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), mode], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "result.json"
        generate(path, args.messages)
        size_mb = path.stat().st_size / 1_048_576
        base = measure(path, "baseline")
        ours = measure(path, "storyline")
    print(f"Telegram export: {args.messages:,} messages, {size_mb:.1f} MB (seed 7)\n")
    print(f"{'reader':<28}{'seconds':>9}{'posts/s':>11}{'docs':>7}{'peak RSS MB':>13}{'added MB':>10}")
    rows = [("json.loads (baseline)", base), ("TelegramReader (storyline)", ours)]
    for name, r in rows:
        added = (r["peak_kb"] - r["base_kb"]) / 1024
        print(f"{name:<28}{r['seconds']:>9.2f}{r['posts'] / r['seconds']:>11,.0f}{int(r['docs']):>7}"
              f"{r['peak_kb'] / 1024:>13.0f}{added:>10.0f}")
    added_base = max(1.0, (base["peak_kb"] - base["base_kb"]) / 1024)
    added_ours = (ours["peak_kb"] - ours["base_kb"]) / 1024
    print(f"\nratio storyline/baseline: time x{ours['seconds'] / base['seconds']:.2f}, "
          f"memory added x{added_ours / added_base:.2f}")


if __name__ == "__main__":
    main()
