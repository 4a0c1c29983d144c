from __future__ import annotations

import subprocess
import sys

from storyline.ingest.nearduplicates import (
    BANDS,
    NUM_PERM,
    THRESHOLD,
    band_keys,
    estimate_similarity,
    is_near_duplicate,
    signature,
)

ARTICLE = " ".join(
    f"Paragraph {i}: the ministry spokesperson said on Tuesday that security operations in district {i} "
    f"had ended, while local residents told reporters that {i * 3} families were still displaced."
    for i in range(12)
)
OTHER = " ".join(
    f"Section {i}: farmers in the valley reported a record harvest of {i * 7} tonnes as the new irrigation "
    f"canal opened, and the cooperative announced plans for a second market hall."
    for i in range(12)
)


def _repost(text: str) -> str:
    edited = text.replace("Tuesday", "Wednesday", 1).replace("reporters", "journalists", 1)
    return "REPUBLISHED: " + edited + " This article first appeared elsewhere."


def test_nearduplicates_repost_with_small_edits_is_near_duplicate() -> None:
    a, b = signature(ARTICLE), signature(_repost(ARTICLE))
    assert len(a) == NUM_PERM
    assert estimate_similarity(a, b) >= THRESHOLD
    assert is_near_duplicate(a, b)
    assert set(band_keys(a)) & set(band_keys(b))


def test_nearduplicates_different_articles_are_not() -> None:
    a, b = signature(ARTICLE), signature(OTHER)
    assert estimate_similarity(a, b) < 0.2
    assert not is_near_duplicate(a, b)
    assert not set(band_keys(a)) & set(band_keys(b))


def test_nearduplicates_band_keys_shape() -> None:
    keys = band_keys(signature(ARTICLE))
    assert len(keys) == BANDS and len(set(keys)) == BANDS
    assert keys[0].startswith("0:")


def test_nearduplicates_signature_is_the_same_in_another_process() -> None:
    code = "from storyline.ingest.nearduplicates import signature; import sys; print(signature(sys.argv[1])[:8])"
    out = subprocess.run([sys.executable, "-c", code, ARTICLE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(signature(ARTICLE)[:8])
