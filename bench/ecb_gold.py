"""Real disputes between reports of one ECB+ dev event: a recall list for the findings step (no corpus text).

Written down by reading every dev topic's documents (``bench/findings_corpora.py`` split, dev half only): each
entry is a disagreement an analyst would want flagged between sources about the SAME event, as the document ids
on each side, the kind of disagreement and the two values. A finding holds a dispute when its items come from a
document of each side. Values compatible within the reports' own wording ("at least 70" against "about 100") are
not disputes and are not listed. ``python bench/eval_findings_real.py --corpus ecbplus --split dev --recall``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dispute:
    key: str
    event: str  # "<topic>/<ecb|ecbplus>", as findings_corpora.ecb_event
    kind: str  # day, age, money, count, points, record, time, name, place, sentence, share, negation
    side_a: tuple[str, ...]  # document ids
    value_a: str
    side_b: tuple[str, ...]
    value_b: str


def _d(key: str, event: str, kind: str, a: str, va: str, b: str, vb: str) -> Dispute:
    return Dispute(key, event, kind, tuple(a.split()), va, tuple(b.split()), vb)


DEV = (
    _d("D01", "1/ecb", "day", "1_5ecb 1_7ecb 1_10ecb 1_14ecb", "Tuesday", "1_8ecb", "Friday"),
    _d("D02", "1/ecbplus", "day", "1_9ecbplus 1_11ecbplus 1_14ecbplus", "late Thursday", "1_6ecbplus 1_17ecbplus", "early Friday"),
    _d("D03", "3/ecb", "sentence", "3_3ecb 3_4ecb 3_5ecb", "7 life + 4 without parole", "3_8ecb", "4 without parole"),
    _d("D04", "5/ecb", "money", "5_4ecb", "$82 million", "5_2ecb 5_14ecb", "$80 million"),
    _d("D05", "7/ecb", "record", "7_1ecb 7_5ecb 7_9ecb 7_10ecb 7_11ecb", "52-3", "7_3ecb", "53-3"),
    _d("D06", "7/ecb", "time", "7_2ecb 7_8ecb 7_11ecb", "0:44 of round 7", "7_1ecb", "2:15 of round 7"),
    _d("D07", "7/ecb", "record", "7_3ecb 7_11ecb", "43-1", "7_10ecb", "45-1"),
    _d("D08", "10/ecbplus", "money", "10_3ecbplus 10_4ecbplus 10_6ecbplus", "$184 million", "10_13ecbplus 10_21ecbplus", "$200 million"),
    _d("D09", "11/ecb", "share", "11_2ecb", "93.87%", "11_4ecb 11_9ecb", "90%"),
    _d("D10", "12/ecbplus", "day", "12_1ecbplus 12_5ecbplus 12_7ecbplus 12_11ecbplus", "Thursday", "12_4ecbplus", "Friday"),
    _d("D11", "19/ecb", "day", "19_14ecb", "Saturday", "19_15ecb", "Sunday"),
    _d("D12", "19/ecb", "name", "19_1ecb 19_2ecb 19_3ecb 19_4ecb 19_5ecb 19_6ecb 19_7ecb 19_8ecb 19_9ecb 19_10ecb 19_12ecb", "Alexandros",
       "19_11ecb 19_14ecb 19_15ecb", "Alexis"),
    _d("D13", "19/ecbplus", "count", "19_7ecbplus", "2 injured", "19_10ecbplus", "0 or 3 injured"),
    _d("D14", "19/ecbplus", "count", "19_1ecbplus 19_2ecbplus 19_6ecbplus 19_7ecbplus", "7 of 11 shots hit", "19_11ecbplus", "shot 11 times"),
    _d("D15", "21/ecb", "place", "21_1ecb 21_4ecb 21_6ecb", "of Bloomington", "21_7ecb", "of Minneapolis"),
    _d("D16", "22/ecb", "age", "22_1ecb 22_2ecb 22_3ecb", "60", "22_5ecb", "61"),
    _d("D17", "22/ecbplus", "count", "22_2ecbplus 22_3ecbplus 22_7ecbplus 22_8ecbplus 22_9ecbplus", "1 wounded",
       "22_11ecbplus", "2 wounded"),
    _d("D18", "22/ecbplus", "name", "22_3ecbplus 22_7ecbplus 22_9ecbplus 22_12ecbplus", "LaTonya", "22_6ecbplus", "Latoya"),
    _d("D19", "25/ecbplus", "day", "25_3ecbplus 25_7ecbplus 25_8ecbplus 25_11ecbplus 25_14ecbplus", "Tuesday", "25_15ecbplus", "Monday"),
    _d("D20", "31/ecb", "points", "31_1ecb", "2,301", "31_12ecb 31_14ecb", "2,302"),
    _d("D21", "31/ecbplus", "points", "31_1ecbplus 31_5ecbplus 31_6ecbplus 31_7ecbplus 31_11ecbplus", "2,129",
       "31_4ecbplus 31_9ecbplus", "2,117"),
    _d("D22", "31/ecbplus", "points", "31_5ecbplus 31_6ecbplus 31_11ecbplus", "14", "31_4ecbplus 31_7ecbplus 31_9ecbplus", "12"),
    _d("D23", "5/ecb", "name", "5_1ecb 5_4ecb 5_10ecb 5_14ecb", "Andre", "5_7ecb", "Anre"),
    _d("D24", "19/ecbplus", "negation", "19_4ecbplus", "had no gun", "19_10ecbplus 19_1ecbplus 19_6ecbplus 19_8ecbplus 19_11ecbplus", "pointed a gun"),
    _d("D27", "6/ecbplus", "money", "6_7ecbplus", "$368.0 million", "6_6ecbplus", "$459 million"),
    _d("D28", "19/ecbplus", "count", "19_3ecbplus 19_7ecbplus", "200 marched", "19_5ecbplus", "nearly 100 marched"),
)


# the finding kinds that can hold each kind of dispute: a name is a name variant, a number a numeric conflict,
# a day (a fact of measure "day") too; a denial or a place is a conflict of statements
_FINDING_KINDS = {"name": {"name_variant"}, "negation": {"source_conflict"}, "place": {"source_conflict"},
                  "sentence": {"source_conflict", "numeric_conflict"}}


def held(dispute: Dispute, finding_kind: str, documents: set[str]) -> bool:
    """Whether a finding of ``finding_kind`` whose items come from ``documents`` (external ids) holds a dispute:
    a kind that can hold it, and a document of each side."""
    if finding_kind not in _FINDING_KINDS.get(dispute.kind, {"numeric_conflict"}):
        return False
    return bool(documents & set(dispute.side_a)) and bool(documents & set(dispute.side_b))
