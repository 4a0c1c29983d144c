"""One corpus step at a time per knowledge base (store/corpus_delta.py corpus_lock), on both backends."""

from __future__ import annotations

import pytest

from storyline.errors import BusyError
from storyline.store import open_store


def test_a_second_corpus_step_on_the_same_knowledge_base_is_refused_until_the_first_ends(store, store_url) -> None:
    other = open_store(store_url)
    try:
        with store.corpus_lock():
            with pytest.raises(BusyError, match="another 'storyline analyze' is updating"):
                with other.corpus_lock():
                    pass
        with other.corpus_lock():  # released when the first one ended
            pass
    finally:
        other.close()


def test_the_lock_is_released_when_the_step_fails(store) -> None:
    with pytest.raises(RuntimeError):
        with store.corpus_lock():
            raise RuntimeError("the corpus step failed")
    with store.corpus_lock():
        pass
