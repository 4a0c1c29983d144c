"""One politician's earlier and later stance, told with dates in short invented articles: found / missed / wrong.

    python bench/eval_stance_probes.py [--show]

The probes (``tests/corpus/findings/stance_probes.py``, our own writing; the second set was written before the rules
were changed for it; the third after, and no rule was changed for it) tell the earlier stance by a dated direct
quote, dated reported speech, a vote on record, "once called", "was for X before she was against it", "a deal she once
supported", "has long opposed ... but on Tuesday said", and the later one by a quote or reported speech at
publication. The fourth set was written with the rules for refusals, withdrawn endorsements, disowned positions and
votes, and noun-named changes (tuned on); the fifth was written after them and run once with no rule changed for it
(the honest unseen measure). A probe counts as found when its article gives a self_contradiction of the person on the issue with the
earlier side taking the earlier stance and the later side the later one; "wrong" when a stance finding of the person
takes the sides the other way round. A near miss counts as clean when no stance self-contradiction of the person is
produced. Each article is analysed on its own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from storyline.model import Document, Finding, FindingKind  # noqa: E402
from tests.corpus.findings.stance_probes import (  # noqa: E402
    FIFTH, FIFTH_NEAR_MISSES, FOURTH, FOURTH_NEAR_MISSES, FRESH, NEAR_MISSES, PROBES, SECOND, SECOND_NEAR_MISSES, THIRD, THIRD_NEAR_MISSES,
    Probe)


def findings_of(nlp, probe: Probe) -> list[Finding]:
    from storyline.corpus.findings import detect_findings
    from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
    from storyline.nlp.pipeline import analyze_documents

    doc = Document.from_text(probe.text, source=probe.name, published=probe.published)
    analyses = list(analyze_documents([doc], nlp))
    mentions = {a.document_id: list(a.mentions) for a in analyses}
    res = resolve_entities(clusters_from_mentions([m for ms in mentions.values() for m in ms]), ())
    return detect_findings([s for a in analyses for s in a.statements], [f for a in analyses for f in a.facts], mentions,
                           dict(res.key_to_entity), list(res.entities), {doc.id: doc})


def stance_findings(findings: list[Finding], person: str) -> list[Finding]:
    return [f for f in findings if f.kind is FindingKind.SELF_CONTRADICTION and "stance" in f.explanation and person in f.explanation]


def sides_taken(f: Finding, probe: Probe) -> tuple[str, str] | None:
    """The (earlier, later) sides the finding gives on the probe's issue, or None when it names another issue."""
    labels = [s.label for s in f.sides]
    early = [lab for lab in labels if lab.startswith("earlier")]
    late = [lab for lab in labels if lab.startswith("later")]
    if not early or not late or not any(f" {h}" in lab.lower() for lab in labels for h in probe.issue):
        return None
    side = next((s for s in ("supports", "opposes") if s in early[0]), "")
    return side, next((s for s in ("supports", "opposes") if s in late[0]), "")


def verdict(findings: list[Finding], probe: Probe) -> str:
    """found | missed | wrong for a probe; clean | WRONG for a near miss."""
    own = stance_findings(findings, probe.person)
    if probe.near_miss:
        return "WRONG" if own else "clean"
    taken = [sides_taken(f, probe) for f in own]
    if (probe.earlier, probe.later) in taken:
        return "found"
    return "wrong" if any(t is not None for t in taken) else "missed"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every stance finding's explanation and sides")
    args = ap.parse_args()
    from storyline.config import settings
    from storyline.nlp.pipeline import load_nlp

    nlp = load_nlp(settings().spacy_model)
    for title, shifts, near in (("probes", PROBES + FRESH, NEAR_MISSES), ("second set", SECOND, SECOND_NEAR_MISSES),
                                 ("third set", THIRD, THIRD_NEAR_MISSES), ("fourth set", FOURTH, FOURTH_NEAR_MISSES),
                                 ("fifth set (unseen)", FIFTH, FIFTH_NEAR_MISSES)):
        counts: dict[str, int] = {}
        for probe in shifts + near:
            findings = findings_of(nlp, probe)
            v = verdict(findings, probe)
            counts[v] = counts.get(v, 0) + 1
            told = "no stance change" if probe.near_miss else f"{probe.earlier} -> {probe.later}"
            print(f"{v:7} {probe.name} ({probe.person}: {told})")
            if args.show:
                for f in findings:
                    if f.kind is FindingKind.SELF_CONTRADICTION:
                        print(f"    {f.explanation} | {[s.label for s in f.sides]}")
        print(f"== {title}: {counts.get('found', 0)}/{len(shifts)} found, {counts.get('wrong', 0)} wrong; "
              f"near misses: {counts.get('clean', 0)}/{len(near)} clean")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
