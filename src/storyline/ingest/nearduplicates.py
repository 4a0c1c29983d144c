"""Near-duplicate detection with MinHash over word 5-shingles (reposted, lightly edited articles).

The store keeps each document's :func:`band_keys` in an indexed column; two
documents sharing any key are candidates, and :func:`estimate_similarity` of
their signatures decides (``>= THRESHOLD``). With 16 bands of 8 rows the
banding finds pairs from a Jaccard similarity of about 0.7 up, so candidates
around the 0.8 threshold are rarely missed. Signatures depend on the text
alone (fixed seed, SHA-1 based hashing), so they are the same in every process.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "SEED",
    "SHINGLE_WORDS",
    "THRESHOLD",
    "band_keys",
    "estimate_similarity",
    "is_near_duplicate",
    "shingles",
    "signature",
]

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SEED = 1
SHINGLE_WORDS = 5
THRESHOLD = 0.8

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word ``size``-grams of ``text`` (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of ``text`` (NUM_PERM integers)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return tuple(int(v) for v in minhash.hashvalues)


def band_keys(sig: tuple[int, ...]) -> list[str]:
    """One key per LSH band, ``"<band>:<16 hex>"``; equal keys mean candidate near-duplicates."""
    if len(sig) != NUM_PERM:
        raise ValueError(f"signature has {len(sig)} values, expected {NUM_PERM}")
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.sha1(",".join(map(str, rows)).encode("ascii")).hexdigest()[:16]
        keys.append(f"{band}:{digest}")
    return keys


def estimate_similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if len(a) != len(b) or not a:
        raise ValueError("signatures must be non-empty and of equal length")
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def is_near_duplicate(a: tuple[int, ...], b: tuple[int, ...], threshold: float = THRESHOLD) -> bool:
    return estimate_similarity(a, b) >= threshold
