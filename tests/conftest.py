"""Shared fixtures: one loaded spaCy pipeline for the whole run, paths to shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline, loaded once per test session."""
    from storyline.config import settings
    from storyline.nlp.pipeline import load_nlp

    return load_nlp(settings().spacy_model)


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL.is_dir():
        pytest.skip(f"evaluation data not found at {EVAL} (set STORYLINE_SHARED)")
    return EVAL


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (REPO / "examples" / "sat-shifting-storylines.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL cluster for the whole run (skips where no server is installed)."""
    from tests import pg

    if not pg.available():
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not installed")
    with pg.cluster() as url:
        yield url


_db_counter = iter(range(1_000_000))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path) -> str:
    """The same test against SQLite and a real PostgreSQL."""
    if request.param == "sqlite":
        return "sqlite:///" + str(tmp_path / "store.db")
    from tests import pg

    server = request.getfixturevalue("pg_server")
    return pg.new_database(server, f"t{next(_db_counter)}").replace("postgresql://", "postgresql+psycopg://")


@pytest.fixture
def store(store_url):
    from storyline.store import open_store

    s = open_store(store_url)
    yield s
    s.close()
