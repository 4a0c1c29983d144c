"""Batch functions for worker-process tests; module-level so spawned workers can import them."""

from __future__ import annotations

import os

from storyline.model import Document, DocumentAnalysis
from storyline.services.workers import _analyze_batch


def die_on_marked_batch(documents: list[Document]) -> list[DocumentAnalysis]:
    """Analyse the batch, unless it holds a document saying KILL-WORKER: then the process dies at once."""
    if any("KILL-WORKER" in d.text for d in documents):
        os._exit(9)
    return _analyze_batch(documents)
