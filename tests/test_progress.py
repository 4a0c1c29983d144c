from __future__ import annotations

import logging

from storyline.progress import Steps, track


def test_steps_count_and_log_each_named_step(caplog) -> None:
    with caplog.at_level(logging.INFO, logger="storyline.progress"):
        with Steps("Corpus", total=2, enabled=False) as step:
            step("resolving entities")
            step("findings")
    assert step.done == 2
    assert "Corpus: resolving entities took" in caplog.text and "Corpus: findings took" in caplog.text


def test_steps_bar_is_drawn_when_enabled(capsys) -> None:
    with Steps("Corpus", total=1, enabled=True) as step:
        step("findings")
    assert step.done == 1  # the transient bar was opened and closed without error


def test_track_yields_every_item_without_a_terminal() -> None:
    assert list(track(range(5), "x", total=5, enabled=False)) == [0, 1, 2, 3, 4]
