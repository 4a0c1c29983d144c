"""Event nouns: one table for what a toll is about (facts) and which reports name one kind of event (findings)."""

from __future__ import annotations

import pytest

from storyline.text.events import EVENT_NOUNS, event_kind


@pytest.mark.parametrize(("word", "kind"), [("blast", "explosion"), ("blasts", "explosion"), ("quake", "earthquake"),
                                            ("airstrike", "attack"), ("clashes", "clashes"), ("wildfires", "fire")])
def test_events_a_word_and_its_plural_name_one_kind(word: str, kind: str) -> None:
    assert event_kind(word) == kind


def test_events_some_event_nouns_name_no_one_kind() -> None:
    # "the death toll from the disaster" is about an event, but "disaster" and "incident" never say which kind
    assert {"disaster", "incident", "outbreak"} <= EVENT_NOUNS
    assert event_kind("disaster") is None and event_kind("incident") is None
    assert event_kind("minister") is None and "minister" not in EVENT_NOUNS
