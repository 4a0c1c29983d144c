"""Findings shards as Ray tasks against the same database give what the local run gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline.services.findings_full as findings_full
from storyline.config import Settings
from storyline.services.analyze import finish_analysis
from storyline.store import open_store

from ..services._findings_corpus import corpus, findings_state

ray = pytest.importorskip("ray")


@pytest.fixture()
def local_ray():
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    except Exception as exc:  # noqa: BLE001 - any reason Ray cannot start here skips the test
        pytest.skip(f"Ray cannot start here: {exc}")
    yield
    ray.shutdown()


def test_findings_shards_as_ray_tasks_equal_the_local_run(tmp_path: Path, monkeypatch, local_ray) -> None:
    from storyline.scale.ray_engine import ray_chunk_runner

    monkeypatch.setattr(findings_full, "CHUNK_ITEMS", 60)  # many small chunks: many tasks, some in flight at once
    c = corpus(50, 31)
    local = open_store("sqlite:///" + str(tmp_path / "local.db"))
    c.save(local)
    finish_analysis(local, Settings(), 50, "v1", force_corpus=True)

    distributed = open_store("sqlite:///" + str(tmp_path / "ray.db"))
    c.save(distributed)
    finish_analysis(distributed, Settings(), 50, "v1", force_corpus=True,
                    findings_runner=ray_chunk_runner(distributed.url(), in_flight=3))
    expected = findings_state(local)
    assert expected[0] and expected[1]
    assert findings_state(distributed) == expected
