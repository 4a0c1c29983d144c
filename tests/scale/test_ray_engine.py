"""--engine ray gives the same knowledge base as --engine local, even when a worker dies mid-batch."""

from __future__ import annotations

import datetime as dt
import json
import io
import os

import pytest

from storyline.config import settings
from storyline.export.json_export import write_json
from storyline.model import Document
from storyline.services.analyze import analyze
from storyline.store import open_store

ray = pytest.importorskip("ray")

TEXTS = [
    'Interior Ministry spokesman Darius Kemal said on Monday that "the front has been eliminated".',
    "At least 37 people were killed in the attack on the market in Port Alder, police said.",
    "The Coastline Herald reported that 12 people died in the Port Alder market attack.",
    'Kemal told reporters: "We arrested 1,600 of its fighters this year."',
    "Omar Haddad, also known as Abu Sami, was arrested in 2024 by the Ministry of Interior.",
    "The Northern Liberation Front (NLF) denied that it had carried out the attack.",
]


def _store(tmp_path, name):
    store = open_store("sqlite:///" + str(tmp_path / name))
    for i, text in enumerate(TEXTS):
        store.add_document(Document.from_text(text, source=f"Outlet {i % 2}", published=dt.date(2025, 3, i + 1)))
    return store


def _export(store) -> dict:
    out = io.StringIO()
    write_json(store, out)
    return json.loads(out.getvalue())


# Ray deprecations raised by our calls fail the test (the one we knowingly keep is muted at its call).
@pytest.mark.filterwarnings("error::ray.util.annotations.RayDeprecationWarning")
def test_ray_engine_matches_local_despite_a_crashed_worker(tmp_path, nlp):
    from storyline.scale.ray_engine import analyze_with_ray

    local = _store(tmp_path, "local.db")
    analyze(local)

    marker = tmp_path / "crashed-once"

    def crash_once(ids: list[str]) -> None:  # defined in here, so Ray ships it to the workers by value
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            os._exit(1)  # the worker dies in the middle of its first batch

    distributed = _store(tmp_path, "ray.db")
    report = analyze_with_ray(distributed, settings(), num_workers=2, batch_size=2, on_batch=crash_once)
    assert marker.exists(), "the fault hook never fired"
    assert report.analyzed == len(TEXTS)
    assert _export(distributed) == _export(local)
    # Re-running analyses nothing and changes nothing.
    again = analyze_with_ray(distributed, settings(), num_workers=2, batch_size=2)
    assert again.analyzed == 0
    assert _export(distributed) == _export(local)


def test_ray_codec_round_trips_an_analysis(nlp):
    from storyline.nlp.pipeline import analyze_documents
    from storyline.scale.ray_engine import analysis_from_json, analysis_to_json

    doc = Document.from_text(TEXTS[0], published=dt.date(2025, 3, 3))
    [analysis] = analyze_documents([doc], nlp)
    assert analysis_from_json(analysis_to_json(analysis)) == analysis
