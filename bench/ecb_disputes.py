"""Per ECB+ event: the numeric facts its documents give, by measure, and why each disagreement is (not) a finding.

    python bench/ecb_disputes.py [--split dev] [--n 364] [--cache /tmp/storyline-eval] [--measure killed] [--all]
                                 [--published same]

Reads a store that ``bench/eval_findings_real.py --corpus ecbplus`` built (same ``--split``, ``--n``, ``--cache``).
For each event (topic and which of its two events) it lists every fact of an additive measure (killed, injured,
arrested, ...; ``--all`` lists every measure) with its value, subject, population, period and document, then, for each
pair of facts from two documents of the event on one measure whose values differ, the first gate of
:func:`storyline.corpus.findings.numeric.compare_facts` that stops it ("subject", "population", "event place", ...)
or "FINDING" when it is one. Facts the findings step cannot use (no subject) are listed as "no view".

``--published same`` gives every undated document one date, as ``eval_findings_real.py --published same`` does.

Dev half only: the held half is reported as totals by eval_findings_real.py, never read here. The output quotes
the corpus: keep it outside the repository.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from eval_findings_real import ONE_DATE  # noqa: E402
from findings_corpora import ecb_event  # noqa: E402

from storyline.corpus.findings import numeric  # noqa: E402
from storyline.corpus.findings.numeric import FactView, build_fact_views, compare_facts  # noqa: E402
from storyline.model import FactRelation  # noqa: E402
from storyline.text.lexicon import default_lexicon  # noqa: E402


def why_not(a: FactView, b: FactView, lex) -> str:
    """The first gate that keeps two facts of one measure from being a numeric conflict, or "FINDING"."""
    if a.subject != b.subject:
        return f"subject {a.subject} / {b.subject}"
    if a.relation is not FactRelation.COUNT or b.relation is not FactRelation.COUNT:
        return f"relation {a.relation.value}/{b.relation.value}"
    if not numeric.same_population(a, b, lex):
        return f"population {sorted(a.population[0]) if a.population else '-'}|{sorted(b.population[0]) if b.population else '-'}"
    if not numeric.same_event(a, b):
        return "same_event (places)"
    if numeric._update(a, b):
        return "update (rising)"
    if compare_facts(a, b, lex) is not None:
        return "FINDING"
    if a.event and b.event:
        if a.background or b.background:
            return "event: background"
        if not numeric.shared_places(a, b):
            return "event: no shared place"
        if a.published is None or b.published is None:
            return "event: undated gate"
        return "event: window/period/values"
    if a.period is not None and b.period is not None:
        return "period (values or unequal periods)"
    if a.period is not None or b.period is not None:
        return "period: one dated"
    if a.published is None or b.published is None:
        return "undated: no publication date"
    return "undated: words/values"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev",), default="dev")
    ap.add_argument("--n", type=int, default=364)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storyline-eval"))
    ap.add_argument("--measure", help="only this normalised measure")
    ap.add_argument("--all", action="store_true", help="every measure, not only the additive ones")
    ap.add_argument("--published", choices=("none", "same"), default="none",
                    help="same: one publication date for every undated document")
    args = ap.parse_args()
    from storyline.store import open_store

    path = args.cache / f"ecbplus-{args.split}-{args.n}.db"
    if not path.exists():
        print(f"{path} missing: build it with bench/eval_findings_real.py first")
        return
    store = open_store(f"sqlite:///{path}", migrate=False)
    lex = default_lexicon()
    docs = {d.id: d for d in store.iter_documents()}
    if args.published == "same":
        docs = {k: d if d.published is not None else replace(d, published=ONE_DATE) for k, d in docs.items()}
    mentions_by_doc: dict[str, list] = defaultdict(list)
    for m in store.iter_mentions():
        mentions_by_doc[m.document_id].append(m)
    facts = list(store.iter_facts())
    canonical = {m.local_key: m.canonical for ms in mentions_by_doc.values() for m in ms if m.is_name}
    k2e = store.key_to_entity()
    entities = {e.id: e for e in store.iter_entities()}
    views = build_fact_views(facts, canonical, k2e, entities, docs, lex, mentions_by_doc)
    viewed = {v.fact.id for v in views}
    by_event: dict[str, list] = defaultdict(list)
    for f in facts:
        ev = ecb_event(docs[f.document_id].external_id)
        measure = numeric.normalise_measure(f.measure, lex)
        if ev and (args.all or measure in lex.additive_measures) and (not args.measure or measure == args.measure):
            by_event[ev].append(f)
    view_of = {v.fact.id: v for v in views}
    gates: Counter[str] = Counter()
    for ev in sorted(by_event, key=lambda e: (int(e.split("/")[0]), e)):
        print(f"\n##### event {ev}")
        rows = sorted(by_event[ev], key=lambda f: (numeric.normalise_measure(f.measure, lex), docs[f.document_id].external_id))
        for f in rows:
            v = view_of.get(f.id)
            tag = f"{v.subject}" if v else "no view"
            print(f"  {numeric.normalise_measure(f.measure, lex):10} {f.comparator.value:6} {f.value:>10g} "
                  f"{docs[f.document_id].external_id:12} subj={tag!s:30} pop={f.population!r} per={f.period} "
                  f"rel={f.relation.value} | {f.text!r}")
        evs = [view_of[f.id] for f in rows if f.id in viewed]
        for i, a in enumerate(evs):
            for b in evs[i + 1:]:
                if a.fact.document_id == b.fact.document_id or a.measure != b.measure or a.fact.value == b.fact.value:
                    continue
                gate = why_not(a, b, lex)
                gates[gate.split(" ")[0] if not gate.startswith("event") else gate] += 1
                print(f"    {a.measure}: {a.fact.value:g} ({docs[a.fact.document_id].external_id}) vs {b.fact.value:g} "
                      f"({docs[b.fact.document_id].external_id}): {gate}")
    print("\ngates:", dict(gates.most_common()))


if __name__ == "__main__":
    main()
