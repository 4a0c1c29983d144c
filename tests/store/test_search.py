"""Search that knows entities: a name expands through the entity's aliases; entities are results of their own."""

from __future__ import annotations

import dataclasses

from storyline.model import Document, Entity, EntityType, make_id
from storyline.store import CorpusResult, SearchQuery

_TEXTS = {
    "acronym": "Officials said ISIS-K claimed the bombing near the harbour bridge.",
    "arabic": "A statement attributed to Daesh blamed the harbour authority for the delays.",
    "plain": "ISKP fighters were seen near the ferry terminal, the governor said.",
    "other": "The ferry company said its boats would run again next week.",
}


def _corpus(store) -> dict[str, Document]:
    docs = {k: Document.from_text(v, title=f"{k} report", source="Harbour Post") for k, v in _TEXTS.items()}
    for doc in docs.values():
        store.add_document(doc)
    group = Entity(make_id("ent", "ISKP"), EntityType.ORGANIZATION, "Islamic State Khorasan Province",
                   ("Islamic State Khorasan Province", "ISKP", "ISIS-K", "Daesh"), 3,
                   tuple(f"{docs[k].id}#0" for k in ("acronym", "arabic", "plain")))
    governor = Entity(make_id("ent", "Omar Dalil"), EntityType.PERSON, "Omar Dalil", ("Omar Dalil", "Dalil"), 1,
                      (f"{docs['plain'].id}#1",))
    store.replace_corpus(CorpusResult(entities=[group, governor],
                                      key_to_entity={k: e.id for e in (group, governor) for k in e.local_keys}))
    return docs


def test_search_alias_expands_to_the_other_names_of_its_entity(store):
    docs = _corpus(store)
    result = store.search_all(SearchQuery("ISKP", kind="documents"))
    assert {h.document_id for h in result.hits} == {docs[k].id for k in ("acronym", "arabic", "plain")}
    assert set(result.also) >= {"ISIS-K", "Daesh", "Islamic State Khorasan Province"}
    plain = store.search(SearchQuery("ISKP", kind="documents"))  # the text-only search is unchanged
    assert {h.document_id for h in plain[0]} == {docs["plain"].id}


def test_search_entities_are_results_linked_by_id(store):
    _corpus(store)
    result = store.search_all(SearchQuery("dalil"))
    entity_hits = [h for h in result.hits if h.kind == "entity"]
    assert [h.title for h in entity_hits] == ["Omar Dalil"]
    assert entity_hits[0].id == make_id("ent", "Omar Dalil") and entity_hits[0].document_id == ""
    only = store.search_all(SearchQuery("khorasan", kind="entities"))
    assert [h.title for h in only.hits] == ["Islamic State Khorasan Province"] and only.total == 1
    assert only.also == ()  # a word of a name finds the entity but does not expand the text search


def test_search_filters_by_entity(store):
    docs = _corpus(store)
    query = SearchQuery("harbour", kind="documents")
    assert {h.document_id for h in store.search_all(query).hits} == {docs["acronym"].id, docs["arabic"].id}
    ferry = SearchQuery("ferry", kind="documents")
    assert {h.document_id for h in store.search_all(ferry).hits} == {docs["plain"].id, docs["other"].id}
    by_governor = dataclasses.replace(ferry, entity=make_id("ent", "Omar Dalil"))
    assert {h.document_id for h in store.search_all(by_governor).hits} == {docs["plain"].id}


def test_search_words_that_name_no_entity_behave_as_before(store):
    docs = _corpus(store)
    result = store.search_all(SearchQuery("boats"))
    assert [h.document_id for h in result.hits] == [docs["other"].id] and result.also == () and result.total == 1
