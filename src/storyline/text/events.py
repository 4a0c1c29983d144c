"""Event nouns: the words that name an event in which people are killed or hurt, and the kind of event each names.

The facts stage reads :data:`EVENT_NOUNS` for what a casualty count is about when the sentence names no acting
subject ("17 people were killed *in the blast*"); the numeric findings read :func:`event_kind` to tell two reports
of one event's toll ("blast" and "explosion" are one kind) from reports of different events.
"""

from __future__ import annotations

__all__ = ["EVENT_KINDS", "EVENT_NOUNS", "agent_kind", "event_kind"]

# kind of event -> the nouns that name it
_KINDS = {
    "explosion": "explosion blast bombing bomb detonation",
    "earthquake": "earthquake quake tremor",
    "fire": "fire blaze wildfire",
    "flood": "flood flooding",
    "storm": "storm hurricane typhoon cyclone tornado",
    "tsunami": "tsunami",
    "crash": "crash collision derailment accident",
    "attack": "attack assault raid strike airstrike shooting ambush massacre",
    "clashes": "clash clashes fighting violence riot rioting unrest",
    "landslide": "landslide mudslide avalanche",
    "stampede": "stampede",
    "collapse": "collapse",
    "sinking": "sinking",
    "eruption": "eruption",
}
# event nouns of no one kind: what a toll is about, but never the same event as another report by the word alone
_UNKINDED = "outbreak epidemic incident disaster"

EVENT_KINDS: dict[str, str] = {word: kind for kind, words in _KINDS.items() for word in words.split()}
EVENT_NOUNS = frozenset(EVENT_KINDS) | frozenset(_UNKINDED.split())


# who carries an event out names the event: "a suicide bomber killed 17" gives the bombing's toll
_AGENTS = {"bomber": "explosion", "gunman": "attack", "gunmen": "attack", "shooter": "attack", "attacker": "attack",
           "assailant": "attack"}


def agent_kind(word: str) -> str | None:
    """The kind of event the doer one lower-case word names carries out ("bombers" -> explosion), or None."""
    return _AGENTS.get(word) or (_AGENTS.get(word[:-1]) if word.endswith("s") else None)


def event_kind(word: str) -> str | None:
    """The kind of event one lower-case word names, singular or plural ("blasts" -> explosion), or None."""
    return EVENT_KINDS.get(word) or (EVENT_KINDS.get(word[:-1]) if word.endswith("s") else None)
