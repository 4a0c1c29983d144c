"""Domain vocabulary read from the versioned files in ``storyline/data/gazetteer``.

The files hold named groups, state bodies, outlets and places (with spelling
variants and acronyms) and the words that surround names: honorifics, titles
and role nouns. This module only reads them and turns them into spaCy ruler
patterns; it never decides anything about a document.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..errors import ModelError
from ..model import EntityType

log = logging.getLogger(__name__)

__all__ = ["GazetteerEntry", "Vocabulary", "entries", "ruler_patterns", "vocabulary", "gazetteer_version"]

_ENTRY_FILES = ("militant_groups.json", "state_bodies.json", "outlets.json", "places.json")
_TITLE_FILE = "titles.json"
_LABELS = {EntityType.ORGANIZATION: "ORG", EntityType.PLACE: "GPE", EntityType.PERSON: "PERSON"}


@dataclass(frozen=True)
class GazetteerEntry:
    """One named thing: its id, type, full-name spellings and acronyms."""

    id: str
    type: EntityType
    names: tuple[str, ...]
    acronyms: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return self.names + self.acronyms


@dataclass(frozen=True)
class Vocabulary:
    """Words around names (see titles.json for what each list means)."""

    honorifics: frozenset[str]
    titles: tuple[str, ...]  # longest first, so "Lt. Gen." is tried before "Gen."
    role_family: dict[str, str]  # lower-case role phrase -> family
    event_nouns: frozenset[str]
    headline_trailing: frozenset[str] = frozenset()  # verbs a headline glues after a name (Hillary Clinton Drops)
    headline_leading: frozenset[str] = frozenset()  # words a headline puts before a name (Rip Donald Trump)
    headline_alone: frozenset[str] = frozenset()  # words that are never a name on their own (Mocking)
    product_words: frozenset[str] = frozenset()  # last words of product names (MacBook Pro): not a person



def _read(name: str) -> dict[str, Any]:
    try:
        raw = resources.files("storyline.data.gazetteer").joinpath(name).read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read gazetteer file {name!r}: {exc}") from exc
    if not isinstance(data, dict):
        raise ModelError(f"gazetteer file {name!r} must hold a JSON object")
    return data


@functools.lru_cache(maxsize=1)
def entries() -> tuple[GazetteerEntry, ...]:
    out: list[GazetteerEntry] = []
    for name in _ENTRY_FILES:
        data = _read(name)
        etype = EntityType(data["type"])
        for e in data["entries"]:
            out.append(GazetteerEntry(e["id"], etype, tuple(e.get("names", ())), tuple(e.get("acronyms", ()))))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = _read(_TITLE_FILE)
    family: dict[str, str] = {}
    for fam, words in data["roles"].items():
        for w in words:
            family[w.lower()] = fam
    titles = tuple(sorted(data["titles"], key=len, reverse=True))
    headline = data.get("headline_words", {})
    return Vocabulary(frozenset(data["honorifics"]), titles, family, frozenset(w.lower() for w in data["event_nouns"]),
                      frozenset(headline.get("trailing", ())), frozenset(headline.get("leading", ())),
                      frozenset(headline.get("alone", ())), frozenset(data.get("product_words", ())))


def gazetteer_version() -> str:
    """The data version, joined over every file (part of the stage version)."""
    return "/".join(sorted({str(_read(n).get("version", "0")) for n in (*_ENTRY_FILES, _TITLE_FILE)}))


def _variants(form: str) -> set[str]:
    out = {form}
    if "-" in form:
        out.add(form.replace("-", " "))
    if form[:3].lower() in ("al-", "al ") and len(form) > 3:
        out.add(form[0].swapcase() + form[1:])
    if form.lower().startswith("the ") and len(form) > 4:
        out.add(form[4:])
    return out


def ruler_patterns(tokenize: Any) -> list[dict[str, Any]]:
    """EntityRuler patterns: exact-case token sequences for every spelling.

    ``tokenize`` is ``nlp.make_doc`` (patterns must split like the text does).
    """
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for entry in entries():
        label = _LABELS.get(entry.type, "ORG")
        for form in entry.forms:
            for variant in _variants(form):
                if (variant, entry.id) in seen:
                    continue
                seen.add((variant, entry.id))
                toks = [t.text for t in tokenize(variant)]
                patterns.append({"label": label, "id": entry.id, "pattern": [{"ORTH": t} for t in toks]})
    return patterns


@functools.lru_cache(maxsize=1)
def lookup() -> dict[str, GazetteerEntry]:
    """Every spelling (lower-cased, hyphens as spaces) -> entry; acronyms keep their case."""
    out: dict[str, GazetteerEntry] = {}
    for entry in entries():
        for form in entry.names:
            for v in _variants(form):
                out.setdefault(v.lower().replace("-", " "), entry)
        for ac in entry.acronyms:
            out.setdefault(ac, entry)
    return out


def find_entry(text: str) -> GazetteerEntry | None:
    table = lookup()
    return table.get(text) or table.get(text.lower().replace("-", " "))
