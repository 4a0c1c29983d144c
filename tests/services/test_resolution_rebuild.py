"""A full rebuild resolves component by component (services/resolution_rebuild.py): the entities of one resolver."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
from storyline.errors import StorylineError
from storyline.model import Entity, EntityDecision
from storyline.services.analyze import finish_analysis
from storyline.services.resolution_rebuild import ResolutionJob, local_runner, rebuild_resolution, resolve_job
from storyline.store import Store, open_store
from tests.services._resolution_corpus import APART, POOL
from tests.services._resolution_corpus import add as _add
from tests.services._resolution_corpus import analysis as _analysis

DECISIONS = (EntityDecision("split", ("Khalil Haqqani", "Khalil Ahmed Haqqani")),
             EntityDecision("merge", ("Sharifullah", "Muhammad Sharif Jafar")))


def _corpus(tmp_path: Path, seed: int, n: int = 60) -> Store:
    rng = random.Random(seed)
    store = open_store("sqlite:///" + str(tmp_path / f"c{seed}.db"))
    _add(store, [_analysis(f"d{seed}{i:03d}", rng, pool=POOL if i % 3 else APART) for i in range(n)])
    return store


def _one_resolver(store: Store, decisions: Sequence[EntityDecision]) -> tuple[Entity, ...]:
    return resolve_entities(clusters_from_mentions(store.iter_mentions()), decisions).entities


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("job_clusters", [1, 10_000])
def test_components_give_the_entities_of_one_resolver(tmp_path: Path, seed: int, job_clusters: int, monkeypatch) -> None:
    import storyline.corpus.resolve as resolve
    import storyline.services.resolution_rebuild as rebuild

    monkeypatch.setattr(resolve, "BLOCK_CAP", 6)  # small, so some blocks are over the cap and split components
    monkeypatch.setattr(rebuild, "BLOCK_CAP", 6)
    store = _corpus(tmp_path, seed)
    for decisions in ((), DECISIONS):
        got = rebuild_resolution(store, decisions, job_clusters=job_clusters)
        expected = _one_resolver(store, decisions)
        assert got.entities == expected  # ids, names, aliases, counts, keys and evidence, in id order
        assert got.key_to_entity == {k: e.id for e in expected for k in e.local_keys}
        assert got.components > 1
        assert got.clusters == sum(len(e.local_keys) for e in expected)
        # a job that is the whole corpus and looks up its oversized blocks itself is one resolver too
        whole = ResolutionJob(tuple(sorted(got.key_to_entity)), decisions)
        assert tuple(sorted(resolve_job(store, whole), key=lambda e: e.id)) == expected


def test_a_job_holds_whole_components_and_no_more_than_it_must(tmp_path: Path) -> None:
    store = _corpus(tmp_path, 4)
    seen: list[ResolutionJob] = []

    def recording(jobs: Iterable[ResolutionJob]) -> Iterator[Sequence[Entity]]:
        for job in jobs:
            seen.append(job)
            yield from local_runner(store)([job])

    got = rebuild_resolution(store, (), recording, job_clusters=5)
    keys = [k for job in seen for k in job.local_keys]
    assert sorted(keys) == sorted(got.key_to_entity) and len(keys) == len(set(keys))
    assert max(len(job.local_keys) for job in seen) <= max(5, got.largest_component)
    job_of = {k: i for i, job in enumerate(seen) for k in job.local_keys}
    for entity in got.entities:  # an entity never spans two jobs
        assert len({job_of[k] for k in entity.local_keys}) == 1


def test_a_rebuild_that_dies_midway_keeps_the_results_and_rebuilds_in_full_next_time(tmp_path: Path) -> None:
    store = _corpus(tmp_path, 5, n=30)
    finish_analysis(store, Settings(), 30, "v1")
    before = sorted(store.iter_entities(), key=lambda e: e.id)
    rng = random.Random(6)
    _add(store, [_analysis(f"late{i}", rng) for i in range(40)])  # most documents new: a full rebuild

    def dying(jobs: Iterable[ResolutionJob]) -> Iterator[Sequence[Entity]]:
        for job in jobs:
            list(local_runner(store)([job]))  # the work is done, the answer never arrives
            raise StorylineError("worker lost")
        yield from ()

    with pytest.raises(StorylineError, match="worker lost"):
        finish_analysis(store, Settings(), 40, "v1", resolve_jobs=dying)
    assert sorted(store.iter_entities(), key=lambda e: e.id) == before  # the previous results, whole
    new, _gone = store.corpus_changes()
    assert len(new) == 70  # no document counts as reflected: the next run rebuilds in full
    report = finish_analysis(store, Settings(), 0, "v1")
    assert report.corpus_mode == "full"
    assert tuple(sorted(store.iter_entities(), key=lambda e: e.id)) == _one_resolver(store, ())
    assert store.corpus_changes() == ({}, [])


def test_the_rebuild_streams_the_same_way_on_each_backend(store_url: str, monkeypatch) -> None:
    import storyline.corpus.resolve as resolve
    import storyline.services.resolution_rebuild as rebuild

    monkeypatch.setattr(resolve, "BLOCK_CAP", 6)
    monkeypatch.setattr(rebuild, "BLOCK_CAP", 6)
    monkeypatch.setattr(rebuild, "PAGE_DOCUMENTS", 7)  # many pages of documents
    rng = random.Random(8)
    store = open_store(store_url)
    _add(store, [_analysis(f"p{i:03d}", rng, pool=POOL if i % 3 else APART) for i in range(40)])
    report = finish_analysis(store, Settings(), 40, "v1", force_corpus=True)
    assert report.corpus_mode == "full"
    assert tuple(sorted(store.iter_entities(), key=lambda e: e.id)) == _one_resolver(store, ())
    assert store.corpus_changes() == ({}, [])
    assert len(list(store.iter_cluster_keys())) == sum(len(e.local_keys) for e in store.iter_entities())
    store.close()
