"""Stance shifts of real politicians in real articles: cases found / total, dev and held-out side by side.

    python bench/eval_stance_real.py [--split dev|held|both] [--show]

The cases are 2016 US election articles of ../shared/eval/polnear-train and polnear-dev in which the outlet tells
one person's earlier and later stance on one issue (picked by grepping for shift language: "once supported",
"turned against", "reversed himself", "flip-flop", "was for ... before", "reversal of her past support", "had
previously pledged", ...), and near misses from the same grep in which that person's stance did NOT change on one
issue (a consistent stance over years, backing one candidate and later another, someone else's hypothetical
about-face). Only the file names and the gold labels live here; the texts are
read from ../shared/eval at run time (the bench skips cleanly when they are absent). A case is split into dev (tune)
or held-out (never tuned on) by a hash of its file name.

A positive case counts as found when the findings of its article hold a self_contradiction of the gold person whose
subject is one of the gold issue's head nouns, with the earlier side taking the gold earlier stance and the
later side the gold later stance. A near-miss case (earlier = later = "") counts as clean when no stance
self-contradiction of that person is produced. Every other stance finding in these articles is printed as "other" for
judging (``--show`` prints the explanations).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.model import Document, Finding, FindingKind  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
TEXTS = EVAL / "polnear-train" / "data" / "train" / "text"
DEV_TEXTS = EVAL / "polnear-dev" / "data" / "dev" / "text"


@dataclass(frozen=True)
class Case:
    file: str
    person: str  # a word of the person's name, as the finding's explanation gives it
    issue: frozenset[str]  # the head nouns the issue may be named by
    earlier: str  # "supports" | "opposes"; "" in a near miss (no stance change of this person may be reported)
    later: str
    texts: Path = TEXTS
    wave: str = "first"  # "second": the cases found by a wider grep after the rules of the first wave were written

    @property
    def near_miss(self) -> bool:
        return not self.earlier

    @property
    def path(self) -> Path:
        return self.texts / self.file


FIRST_WAVE = (
    Case("huff-post_2016-08-12_why-progressives-are-celebrating.txt", "Clinton", frozenset({"agreement", "accord", "partnership"}), "supports", "opposes"),
    Case("nyt_2016-04-12_ryan-wages-campaign-to-counter-t.txt", "Cruz", frozenset({"legislation"}), "supports", "opposes"),
    Case("wash-post_2016-01-18_a-sharper-tone-as-stakes-rise.txt", "Sanders", frozenset({"bill", "immunity"}), "supports", "opposes"),
    Case("nyt_2016-06-15_clinton-s-chance-to-make-bold-ch.txt", "Clinton", frozenset({"partnership", "pact", "deal"}), "supports", "opposes"),
    Case("huff-post_2016-07-18_so-long-grand-old-party-hello-wh.txt", "Rubio", frozenset({"bill"}), "supports", "opposes"),
    Case("nyt_2016-03-21_factory-workers-feel-sting-of-gl.txt", "Clinton", frozenset({"agreement", "partnership"}), "supports", "opposes"),
    Case("breitbart_2016-09-30_the-latest-trump-urges-supporter.txt", "Clinton", frozenset({"partnership", "deal"}), "supports", "opposes", DEV_TEXTS),
    Case("usa-today_2016-09-08_candidates-vie-for-vets-support-.txt", "Trump", frozenset({"invasion", "war"}), "supports", "opposes", DEV_TEXTS),
    Case("politico_2016-05-05_paul-ryan-says-he-s-not-ready-to.txt", "Ryan", frozenset({"nominee", "Trump"}), "supports", "opposes"),
    Case("breitbart_2016-07-22_tim-kaine-fully-embraced-abortio.txt", "Kaine", frozenset({"abortion", "rights"}), "opposes", "supports"),
    Case("wash-post_2016-06-28_ruling-solidifies-candidates-abo.txt", "Trump", frozenset({"rights", "abortion", "Wade"}), "supports", "opposes"),
    Case("wash-post_2016-07-27_bill-clinton-addresses-a-very-di.txt", "Clinton", frozenset({"TPP", "benefits", "benefit"}), "supports", "opposes"),
    Case("usa-today_2016-05-02_clinton-surprise-populist-stay-o.txt", "Clinton", frozenset({"TPP", "partnership"}), "supports", "opposes"),
    Case("politico_2016-04-05_bill-clinton-hillary-thinks-feds.txt", "Clinton", frozenset({"law", "Behind", "tests", "testing"}), "supports", "opposes"),
    Case("wash-post_2015-11-13_cruz-rubio-take-off-the-kid-glov.txt", "Cruz", frozenset({"visas", "number"}), "supports", "opposes"),
    Case("nyt_2015-12-18_rubio-and-cruz-diverge-on-approa.txt", "Rubio", frozenset({"bill"}), "supports", "opposes"),
    # near misses: no stance change of this person on one issue may be reported
    Case("west-journal_2016-05-05_romney-will-not-be-present-for-t.txt", "Bryant", frozenset(), "", ""),
    Case("breitbart_2016-07-21_trump-fever-infects-convention-f.txt", "Massie", frozenset(), "", ""),
    Case("wash-post_2016-03-24_republicans-building-firewall-be.txt", "VanderSloot", frozenset(), "", ""),
    Case("nyt_2016-03-16_via-legislative-side-doors-sande.txt", "Sanders", frozenset(), "", ""),
    Case("politico_2016-04-03_cruz-tops-trump-in-north-dakota-.txt", "Traynor", frozenset(), "", ""),
    Case("breitbart_2016-06-22_former-ted-cruz-super-pac-refurb.txt", "Mercer", frozenset(), "", ""),
    Case("huff-post_2016-07-18_more-offensive-things-donald-tru.txt", "Trump", frozenset(), "", ""),
    Case("nyt_2016-09-07_phyllis-schlafly-conservative-ba.txt", "Schlafly", frozenset(), "", ""),
    Case("politico_2015-12-28_are-democrats-crippling-obamacar.txt", "Sanders", frozenset(), "", ""),
    Case("wash-post_2016-08-01_byline-amber-phillips.txt", "Clinton", frozenset(), "", ""),
    Case("nyt_2016-03-22_trump-s-success-finally-unites-t.txt", "Oberndorf", frozenset(), "", ""),
    Case("wash-post_2016-03-18_why-obama-s-high-court-pick-migh.txt", "Obama", frozenset(), "", ""),
    Case("west-journal_2016-08-01_clinton-s-poll-numbers-jump-post.txt", "Sanders", frozenset(), "", ""),
)
# The second wave, from a wider grep of the dev half only ("in the past ... stances that he has since disavowed", "refused
# to endorse ... is endorsing", "rescinded his endorsement", "his vote in 2005 ... co-sponsored legislation that would
# repeal", "his evolution on ..., from his support for", "not quite there yet ... endorsed"), read before any rule was
# changed for them; near misses: a stance held "as he has in the past", one candidate backed after another, an
# endorsement withheld and not yet given, a record attacked by a rival with no change told, a reversal alleged
# without its sides.
SECOND_WAVE = (
    Case("politico_2015-12-28_carly-fiorina-bill-clinton-s-fai.txt", "Trump", frozenset({"system", "single-payer", "health"}), "supports", "opposes"),
    Case("usa-today_2015-11-27_trump-s-isil-tone-belies-dovish-.txt", "Trump", frozenset({"rights", "abortion"}), "supports", "opposes"),
    Case("usa-today_2016-02-25_clinton-gun-control-offensive-a-.txt", "Sanders", frozenset({"measure", "vote", "legislation", "gunmakers", "lawsuits"}), "supports", "opposes"),
    Case("wash-post_2016-09-26_ah-friends-once-more-ted-cruz-en.txt", "Cruz", frozenset({"Trump", "nominee"}), "opposes", "supports", DEV_TEXTS),
    Case("nyt_2015-11-18_paris-attacks-test-clinton-s-str.txt", "Clinton", frozenset({"vote", "force", "war", "use"}), "supports", "opposes"),
    Case("huff-post_2016-08-05_donald-trump-finally-endorses-ho.txt", "Trump", frozenset({"Ryan", "speaker", "re-election"}), "opposes", "supports"),
    Case("huff-post_2016-08-05_donald-trump-finally-endorses-ho.txt", "Ryan", frozenset({"Trump"}), "opposes", "supports"),
    Case("usa-today_2016-06-09_trump-tries-new-chapter-in-campa.txt", "Kirk", frozenset({"Trump", "endorsement"}), "supports", "opposes"),
    Case("politico_2016-05-31_cruz-looks-to-ease-bad-blood-wit.txt", "Cruz", frozenset(), "", ""),
    Case("wash-post_2016-08-10_philippine-lawmaker-wants-trump-.txt", "Trump", frozenset(), "", ""),
    Case("wash-post_2016-03-10_scrappy-debate-signals-long-grin.txt", "Sanders", frozenset(), "", ""),
    Case("huff-post_2016-02-24_donald-trump-picks-up-his-first-.txt", "Collins", frozenset(), "", ""),
    Case("nyt_2016-02-25_rubio-has-the-praise-just-not-th.txt", "Coleman", frozenset(), "", ""),
    Case("politico_2016-05-11_clinton-i-support-d-c-statehood.txt", "Trump", frozenset(), "", ""),
    Case("usa-today_2016-04-06_sanders-says-he-s-riding-momentu.txt", "Sanders", frozenset(), "", ""),
    Case("west-journal_2016-08-03_pence-endorses-paul-ryan-with-tr.txt", "Trump", frozenset(), "", ""),
    Case("nyt_2016-06-09_ryan-calls-trump-line-racist-but.txt", "Ryan", frozenset(), "", ""),
    Case("politico_2016-03-24_polls-suggest-kasich-has-best-ch.txt", "Graham", frozenset(), "", ""),
    Case("politico_2016-05-23_sanders-pushes-dems-to-reject-pu.txt", "Grijalva", frozenset(), "", ""),
    Case("breitbart_2016-05-12_trump-ryan-pledge-to-work-togeth.txt", "Ryan", frozenset(), "", ""),
    Case("huff-post_2016-06-09_clinton-and-sanders-aren-t-butti.txt", "Clinton", frozenset(), "", ""),
    Case("usa-today_2016-01-15_republicans-pile-on-obama-clinto.txt", "Rubio", frozenset(), "", ""),
)
CASES = FIRST_WAVE + tuple(replace(c, wave="second") for c in SECOND_WAVE)


def split_of(file: str) -> str:
    return "held" if int(hashlib.sha1(file.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def _published(file: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(file.split("_")[1])
    except (IndexError, ValueError):
        return None


def findings_of(nlp, path: Path) -> list[Finding]:
    from storyline.corpus.findings import detect_findings
    from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
    from storyline.nlp.pipeline import analyze_documents

    file = path.name
    doc = Document.from_text(path.read_text(encoding="utf-8"), source=file.split("_")[0], published=_published(file))
    analyses = list(analyze_documents([doc], nlp))
    mentions = {a.document_id: list(a.mentions) for a in analyses}
    res = resolve_entities(clusters_from_mentions([m for ms in mentions.values() for m in ms]), ())
    return detect_findings([s for a in analyses for s in a.statements], [f for a in analyses for f in a.facts], mentions,
                           dict(res.key_to_entity), list(res.entities), {doc.id: doc})


def matches(f: Finding, case: Case) -> bool:
    if f.kind is not FindingKind.SELF_CONTRADICTION or case.person not in f.explanation:
        return False
    labels = [s.label for s in f.sides]
    early = [lab for lab in labels if lab.startswith("earlier")]
    late = [lab for lab in labels if lab.startswith("later")]
    subject_ok = any(f" {h.lower()}" in lab.lower() for lab in labels for h in case.issue)
    return bool(early and late) and subject_ok and all(case.earlier in lab for lab in early) and all(case.later in lab for lab in late)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "held", "both"), default="both")
    ap.add_argument("--show", action="store_true", help="print the explanation of every stance finding")
    args = ap.parse_args()
    if not TEXTS.is_dir():
        print(f"skipped: {TEXTS} is absent")
        return 0
    from storyline.config import settings
    from storyline.nlp.pipeline import load_nlp

    nlp = load_nlp(settings().spacy_model)
    splits = ("dev", "held") if args.split == "both" else (args.split,)
    for split in splits:
        cases = [c for c in CASES if split_of(c.file) == split and c.path.exists()]
        found: dict[str, int] = {}
        clean: dict[str, int] = {}
        others = 0
        cache: dict[Path, list[Finding]] = {}
        for case in cases:
            if case.path not in cache:
                cache[case.path] = findings_of(nlp, case.path)
            stance = [f for f in cache[case.path] if f.kind is FindingKind.SELF_CONTRADICTION and "stance" in f.explanation]
            if case.near_miss:
                wrong = [f for f in stance if case.person in f.explanation]
                clean[case.wave] = clean.get(case.wave, 0) + (not wrong)
                others += len(stance) - len(wrong)
                print(f"{split} {'clean' if not wrong else 'WRONG'} {case.file} ({case.person}: no stance change)")
                hit = wrong
            else:
                hit = [f for f in stance if matches(f, case)]
                found[case.wave] = found.get(case.wave, 0) + bool(hit)
                others += len(stance) - len(hit)
                print(f"{split} {'FOUND' if hit else 'missed'} {case.file} ({case.person}: {case.earlier} -> {case.later})")
            if args.show:
                for f in stance:
                    print(f"    {('wrong' if case.near_miss else 'gold ') if f in hit else 'other'} {f.explanation}")
        for wave in ("first", "second", "all"):
            of_wave = [c for c in cases if wave in ("all", c.wave)]
            shifts = sum(not c.near_miss for c in of_wave)
            n_found = sum(found.values()) if wave == "all" else found.get(wave, 0)
            n_clean = sum(clean.values()) if wave == "all" else clean.get(wave, 0)
            print(f"== {split} ({wave} wave{'s' if wave == 'all' else ''}): {n_found}/{shifts} shifts found, "
                  f"{n_clean}/{len(of_wave) - shifts} near misses clean")
        print(f"== {split}: {others} other stance findings in these articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
