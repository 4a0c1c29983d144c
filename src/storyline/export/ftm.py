"""``export --format ftm``: FollowTheMoney entities, one JSON object per line (FtM's JSONL).

Mapping:
- entities: Person, Organization, Address (places; with the country when the
  name resolves to one) and Event, with ``name``/``alias``; watchlist links as
  ``program`` (list name) and ``programId`` (reference); entities of type
  "other" have no FtM schema and are left out;
- each document: an Article with title, sourceUrl, publishedAt, publisher,
  author, language and bodyText;
- each distinct name of an entity in a document: a Mention (``document``,
  ``name``, ``detectedSchema``, and ``resolved`` for people and organisations,
  the only schemata FtM allows there);
- statements and facts about a resolved entity: a Note on that entity whose
  ``description`` is the statement content or fact text, ``proof`` the Article.

Ids are our stable record ids (with '-' for '_', which FtM ids may not hold), so exporting twice gives the same lines.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from typing import Any, TextIO

from followthemoney import model

from ..model import Entity, EntityType, Link, make_id
from ..store import Store
from .annotations import AnnotatedDocument, iter_annotated_documents

log = logging.getLogger(__name__)

__all__ = ["SCHEMATA", "ftm_id", "write_ftm"]

SCHEMATA = {
    EntityType.PERSON: "Person",
    EntityType.ORGANIZATION: "Organization",
    EntityType.PLACE: "Address",
    EntityType.EVENT: "Event",
}
_RESOLVABLE = {"Person", "Organization"}  # Mention.resolved ranges over LegalEntity


def _country(entity: Entity) -> str | None:
    from rigour.territories import lookup_territory

    for name in (entity.name, *entity.aliases):
        territory = lookup_territory(name)
        if territory is not None and territory.ftm_country:
            return str(territory.ftm_country)
    return None


def ftm_id(stable_id: str) -> str:
    """Our id as an FtM entity id (FtM allows letters, digits, '.' and '-': ``ent_x`` -> ``ent-x``)."""
    return stable_id.replace("_", "-")


def _write(out: TextIO, proxy: Any) -> None:
    out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True))
    out.write("\n")


def _entity(e: Entity, links: list[Link]) -> Any | None:
    schema = SCHEMATA.get(e.type)
    if schema is None:
        return None
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(e.id)
    proxy.add("name", e.name)
    proxy.add("alias", [a for a in dict.fromkeys(e.aliases) if a != e.name])
    if schema == "Address":
        proxy.add("full", e.name)
        proxy.add("country", _country(e))
    for link in links:
        proxy.add("program", link.list_name)
        proxy.add("programId", link.ref)
    return proxy


def _article(a: AnnotatedDocument) -> Any:
    d = a.document
    proxy = model.make_entity("Article")
    proxy.id = ftm_id(d.id)
    proxy.add("title", d.title)
    proxy.add("sourceUrl", d.url)
    proxy.add("publishedAt", d.published.isoformat() if d.published else None)
    proxy.add("publisher", d.source)
    proxy.add("author", d.author)
    proxy.add("language", d.language)
    proxy.add("bodyText", d.text)
    return proxy


def _note(record_id: str, entity_id: str, text: str, summary: str | None, a: AnnotatedDocument) -> Any:
    proxy = model.make_entity("Note")
    proxy.id = ftm_id(record_id)
    proxy.add("entity", ftm_id(entity_id))
    proxy.add("description", text)
    proxy.add("summary", summary)
    proxy.add("proof", ftm_id(a.document.id))
    proxy.add("sourceUrl", a.document.url)
    proxy.add("publisher", a.document.source)
    return proxy


def write_ftm(store: Store, out: TextIO) -> None:
    links: dict[str, list[Link]] = defaultdict(list)
    for link in store.iter_links():
        links[link.entity_id].append(link)
    schema_of: dict[str, str] = {}  # entity id -> FtM schema, for the entities written
    skipped = 0
    for e in store.iter_entities():
        proxy = _entity(e, links.get(e.id, []))
        if proxy is None:
            skipped += 1
            continue
        schema_of[e.id] = proxy.schema.name
        _write(out, proxy)
    if skipped:
        log.info("ftm export: %d entities of type 'other' have no FtM schema and were left out", skipped)

    for a in iter_annotated_documents(store):
        _write(out, _article(a))
        seen: set[tuple[str, str]] = set()
        for m in a.mentions:
            target = a.entity_for(m.local_key)
            if not target or target not in schema_of or (target, m.text) in seen:
                continue
            seen.add((target, m.text))
            proxy = model.make_entity("Mention")
            proxy.id = ftm_id(make_id("men", a.document.id, target, m.text))
            proxy.add("document", ftm_id(a.document.id))
            proxy.add("name", m.text)
            proxy.add("detectedSchema", schema_of[target])
            if schema_of[target] in _RESOLVABLE:
                proxy.add("resolved", ftm_id(target))
            _write(out, proxy)
        for s in a.statements:
            speaker = a.entity_for(s.speaker_key)
            if speaker in schema_of:
                cue = f"{s.speaker_text} ({s.cue})" if s.speaker_text and s.cue else s.speaker_text
                _write(out, _note(s.id, speaker, s.content, cue, a))
        for f in a.facts:
            subject = a.entity_for(f.subject_key)
            if subject in schema_of:
                _write(out, _note(f.id, subject, f.text, f.measure, a))
