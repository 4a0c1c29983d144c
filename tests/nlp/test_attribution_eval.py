"""Evaluation gate: PolNeAR dev attribution spans (first 30 articles, ~20 s); floors sit a little below measured values."""

from __future__ import annotations

import pytest

# Measured on the first 30 articles (overlap F1): cue 0.648, source 0.676, content 0.768; content exact 0.428.
FLOORS = {("cue", "overlap"): 0.60, ("source", "overlap"): 0.63, ("content", "overlap"): 0.72, ("content", "exact"): 0.38,
          ("source", "exact"): 0.53}


def test_attribution_eval_polnear_floors(nlp, eval_dir):
    from . import bench_path  # noqa: F401
    from eval_attribution import POLNEAR, run_polnear

    if not POLNEAR.is_dir():
        pytest.skip(f"{POLNEAR} missing")
    scores, _, n = run_polnear(30)
    assert n == 30
    for (kind, mode), floor in FLOORS.items():
        assert scores[kind][mode].f >= floor, (kind, mode, scores[kind][mode])
