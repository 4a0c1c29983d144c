"""Web test fixtures: a hand-built store (read-only per module, fresh per test for writes) and clients."""

from __future__ import annotations

import warnings

import pytest

from .fixtures import Corpus, build_corpus

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("web") / "store.db")


@pytest.fixture(scope="module")
def client(corpus: Corpus) -> TestClient:
    return TestClient(create_app(corpus.store))


@pytest.fixture
def fresh(tmp_path) -> Corpus:
    """A corpus of its own, for tests that write decisions."""
    return build_corpus(tmp_path / "store.db")


@pytest.fixture
def fresh_client(fresh: Corpus) -> TestClient:
    return TestClient(create_app(fresh.store))
