"""Importing this puts the repository's bench/ folder on sys.path (for evaluation gates)."""

import sys
from pathlib import Path

_BENCH = str(Path(__file__).resolve().parents[2] / "bench")
if _BENCH not in sys.path:
    sys.path.insert(0, _BENCH)
