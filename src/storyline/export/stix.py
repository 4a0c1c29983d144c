"""``export --format stix``: a STIX 2.1 bundle, streamed object by object.

Mapping (objects are built with the ``stix2`` library; the bundle envelope is
written around them so memory stays bounded):

- organisations: ``intrusion-set`` when the name is a known armed group (the
  militant-groups gazetteer) or the entity is linked to a watchlist, else
  ``identity`` (identity_class organization, names in ``x_aliases``);
- people: ``threat-actor`` when linked to a watchlist, else ``identity``
  (identity_class individual, ``x_aliases``);
- places: ``location`` with the country when the name resolves to one (STIX
  requires a region, country or coordinates); other places are listed by name
  in their report's ``x_places``; events and other entities likewise in
  ``x_other_entities``;
- watchlist links: ``external_references`` (source_name = list, external_id = ref);
- each document: a ``report`` (published = its published date, else its ingest
  time) with the document URL in ``external_references`` and ``object_refs`` to
  what it mentions and to its statements and facts;
- statements, facts and findings: ``note`` objects with ``object_refs`` to what
  they are about and ``x_`` properties for offsets, speaker and quotes;
- a statement whose content mentions another entity: a ``related-to``
  relationship from the speaker to that entity.

Ids are UUIDv5 of our stable ids and timestamps come from the data (ingest
times), so exporting the same store twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import uuid
from urllib.parse import quote
from collections import defaultdict
from typing import Any, TextIO

import stix2

from ..model import Entity, EntityType, Fact, Finding, ItemType, Link, Review, ReviewStatus, Statement
from ..store import Store
from .annotations import AnnotatedDocument, corpus_timestamp, iter_annotated_documents

log = logging.getLogger(__name__)

__all__ = ["NAMESPACE", "stix_id", "write_stix"]

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://storyline.invalid/stix/2.1")
_PRODUCER = "storyline:producer"
_FINDINGS_BATCH = 200  # findings whose cited records are read at once


def stix_id(stix_type: str, stable_id: str) -> str:
    """The STIX id of one of our records: ``type--uuid5(namespace, stable id)``."""
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, stable_id)}"


def _stamp(value: dt.datetime | None, fallback: dt.datetime) -> dt.datetime:
    value = value or fallback
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _armed_group(entity: Entity) -> bool:
    from ..nlp.gazetteer import find_entry

    for name in (entity.name, *entity.aliases):
        entry = find_entry(name)
        if entry is not None and entry.id.startswith("grp:"):
            return True
    return False


def _country(entity: Entity) -> str | None:
    from rigour.territories import lookup_territory

    for name in (entity.name, *entity.aliases):
        territory = lookup_territory(name)
        code = getattr(territory, "ftm_country", None) if territory else None
        if code and len(code) == 2:
            return code.upper()
    return None


def _uri(url: str) -> str:
    """The URL as a valid URI (STIX requires one): unsafe and non-ASCII characters percent-encoded."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def _link_refs(links: list[Link]) -> list[dict[str, str]]:
    return [
        {"source_name": x.list_name, "external_id": x.ref,
         "description": f"matched {x.matched!r} to {x.name!r} (score {round(x.score, 4)})"}
        for x in links
    ]


class _Writer:
    def __init__(self, store: Store, out: TextIO) -> None:
        self.store = store
        self.out = out
        self.first = True
        self.as_of = corpus_timestamp(store)
        self.sdo: dict[str, str] = {}  # entity id -> STIX id (mapped entities only)
        self.unmapped: dict[str, Entity] = {}  # places without a country, events, other

    def emit(self, obj: Any) -> None:
        self.out.write("\n" if self.first else ",\n")
        self.out.write(obj.serialize(sort_keys=True, ensure_ascii=False))
        self.first = False

    def common(self, stix_type: str, stable_id: str, when: dt.datetime | None = None) -> dict[str, Any]:
        stamp = _stamp(when, self.as_of)
        return {"id": stix_id(stix_type, stable_id), "created": stamp, "modified": stamp,
                "created_by_ref": stix_id("identity", _PRODUCER), "allow_custom": True}

    # -- entities ---------------------------------------------------------
    def entity(self, e: Entity, links: list[Link]) -> Any | None:
        aliases = [a for a in dict.fromkeys(e.aliases) if a != e.name]
        extra: dict[str, Any] = {"x_storyline_id": e.id, "x_mention_count": e.mention_count}
        refs = _link_refs(links)
        if refs:
            extra["external_references"] = refs
        if e.type is EntityType.ORGANIZATION:
            if links or _armed_group(e):
                return stix2.IntrusionSet(name=e.name, aliases=aliases or None, **extra,
                                          **self.common("intrusion-set", e.id))
            return stix2.Identity(name=e.name, identity_class="organization", x_aliases=aliases or None, **extra,
                                  **self.common("identity", e.id))
        if e.type is EntityType.PERSON:
            if links:
                return stix2.ThreatActor(name=e.name, aliases=aliases or None, **extra, **self.common("threat-actor", e.id))
            return stix2.Identity(name=e.name, identity_class="individual", x_aliases=aliases or None, **extra,
                                  **self.common("identity", e.id))
        if e.type is EntityType.PLACE:
            country = _country(e)
            if country:
                return stix2.Location(name=e.name, country=country, x_aliases=aliases or None, **extra,
                                      **self.common("location", e.id))
        return None

    def entities(self) -> None:
        links: dict[str, list[Link]] = defaultdict(list)
        for link in self.store.iter_links():
            links[link.entity_id].append(link)
        for e in self.store.iter_entities():
            obj = self.entity(e, links.get(e.id, []))
            if obj is None:
                self.unmapped[e.id] = e
                continue
            self.sdo[e.id] = obj.id
            self.emit(obj)

    # -- documents --------------------------------------------------------
    def statement(self, s: Statement, a: AnnotatedDocument, report: str, when: dt.datetime) -> Any:
        speaker_id = a.entity_for(s.speaker_key)
        speaker = self.sdo.get(speaker_id) if speaker_id else None
        about = [self.sdo[x] for x in a.entities_between(s.content_start, s.content_end)
                 if x in self.sdo and self.sdo[x] != speaker]
        refs = list(dict.fromkeys([report, *([speaker] if speaker else []), *about]))
        props = {
            "x_statement_id": s.id, "x_document_id": s.document_id, "x_start": s.start, "x_end": s.end,
            "x_content_start": s.content_start, "x_content_end": s.content_end, "x_kind": s.kind.value,
            "x_speaker": s.speaker_text, "x_speaker_id": speaker_id, "x_cue": s.cue, "x_polarity": s.polarity,
            "x_said_on": s.said_on.isoformat() if s.said_on else None, "x_topic": s.topic,
        }
        abstract = f"{s.speaker_text} ({s.cue})" if s.speaker_text and s.cue else s.speaker_text
        note = stix2.Note(content=s.content, abstract=abstract, object_refs=refs,
                          **{k: v for k, v in props.items() if v is not None}, **self.common("note", s.id, when))
        self.emit(note)
        for target in about if speaker else ():
            rel_id = f"{s.id}>{target}"
            self.emit(stix2.Relationship(
                relationship_type="related-to", source_ref=speaker, target_ref=target,
                description=f"{s.speaker_text or 'speaker'} said: {s.content}", x_statement_ref=note.id,
                **self.common("relationship", rel_id, when)))
        return note.id

    def fact(self, f: Fact, a: AnnotatedDocument, report: str, when: dt.datetime) -> str:
        subject_id = a.entity_for(f.subject_key)
        subject = self.sdo.get(subject_id) if subject_id else None
        props = {
            "x_fact_id": f.id, "x_document_id": f.document_id, "x_start": f.start, "x_end": f.end,
            "x_measure": f.measure, "x_value": f.value, "x_value_max": f.value_max,
            "x_comparator": f.comparator.value, "x_unit": f.unit, "x_period": f.period,
            "x_subject": f.subject_text, "x_subject_id": subject_id,
        }
        note = stix2.Note(content=f.text, abstract=f.measure, object_refs=[report, *([subject] if subject else [])],
                          **{k: v for k, v in props.items() if v is not None}, **self.common("note", f.id, when))
        self.emit(note)
        return note.id

    def document(self, a: AnnotatedDocument) -> None:
        d = a.document
        when = _stamp(d.ingested_at, self.as_of)
        published = (dt.datetime.combine(d.published, dt.time(), tzinfo=dt.timezone.utc) if d.published else when)
        report = stix_id("report", d.id)
        refs: dict[str, None] = {}
        for s in a.statements:
            refs[self.statement(s, a, report, when)] = None
        for f in a.facts:
            refs[self.fact(f, a, report, when)] = None
        mentioned = a.entities_between(0, sys.maxsize)
        others = [self.unmapped[x] for x in mentioned if x in self.unmapped]
        ext: dict[str, Any] = {"source_name": d.source or "storyline", "external_id": d.id}
        if d.url:
            ext["url"] = _uri(d.url)
        props: dict[str, Any] = {
            "x_document_id": d.id, "x_sha256": d.sha256, "x_source": d.source, "x_author": d.author,
            "x_places": [e.name for e in others if e.type is EntityType.PLACE] or None,
            "x_other_entities": [{"id": e.id, "type": e.type.value, "name": e.name}
                                 for e in others if e.type is not EntityType.PLACE] or None,
        }
        object_refs = [*(self.sdo[x] for x in mentioned if x in self.sdo), *refs] or [stix_id("identity", _PRODUCER)]
        self.emit(stix2.Report(
            name=d.title or f"{d.source or 'Document'} {d.id}", published=published, object_refs=object_refs,
            external_references=[ext], **{k: v for k, v in props.items() if v is not None},
            **self.common("report", d.id, when)))

    # -- findings ---------------------------------------------------------
    def findings(self) -> None:
        reviews = self.store.latest_reviews()
        findings = list(self.store.iter_findings())
        for start in range(0, len(findings), _FINDINGS_BATCH):
            batch = findings[start : start + _FINDINGS_BATCH]
            cited = self.store.finding_records(batch)
            for f in batch:
                self.finding(f, cited.statements, cited.facts, reviews.get(f.id))

    def finding(self, f: Finding, statements: dict[str, Statement], facts: dict[str, Fact], review: Review | None) -> None:
        refs: list[str] = []
        quotes: list[dict[str, Any]] = []
        for item in f.items:
            if item.type is ItemType.STATEMENT and item.id in statements:
                s = statements[item.id]
                refs.append(stix_id("note", s.id))
                quotes.append(_quote("statement", s.id, s.document_id, s.content_start, s.content_end, s.content,
                                     s.speaker_text, s.said_on))
            elif item.type is ItemType.FACT and item.id in facts:
                x = facts[item.id]
                refs.append(stix_id("note", x.id))
                quotes.append(_quote("fact", x.id, x.document_id, x.start, x.end, x.text, x.subject_text, None))
            elif item.type is ItemType.ENTITY and item.id in self.sdo:
                refs.append(self.sdo[item.id])
        self.emit(stix2.Note(
            content=f.explanation, abstract=f.kind.value, object_refs=refs or [stix_id("identity", _PRODUCER)],
            x_finding_id=f.id, x_kind=f.kind.value, x_score=round(f.score, 4),
            x_status=(review.status if review else ReviewStatus.OPEN).value,
            x_items=[{"record_type": i.type.value, "record_id": i.id} for i in f.items], x_quotes=quotes,
            **self.common("note", f.id)))

    def run(self) -> None:
        self.out.write('{"type": "bundle", "id": ' + json.dumps(stix_id("bundle", "storyline:bundle")) + ', "objects": [')
        self.emit(stix2.Identity(name="Storyline", identity_class="system",
                                 description="Produced by Storyline from the documents cited in each report.",
                                 **{k: v for k, v in self.common("identity", _PRODUCER).items() if k != "created_by_ref"}))
        self.entities()
        for annotated in iter_annotated_documents(self.store, with_text=False):
            self.document(annotated)
        self.findings()
        self.out.write("\n]}\n")


def _quote(kind: str, record_id: str, document_id: str, start: int, end: int, text: str, who: str | None,
           when: dt.date | None) -> dict[str, Any]:
    out: dict[str, Any] = {"record_type": kind, "record_id": record_id, "document_id": document_id, "start": start, "end": end,
                           "text": text}
    if who:
        out["speaker" if kind == "statement" else "subject"] = who
    if when:
        out["said_on"] = when.isoformat()
    return out


def write_stix(store: Store, out: TextIO) -> None:
    _Writer(store, out).run()

