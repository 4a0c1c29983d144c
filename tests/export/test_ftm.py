from __future__ import annotations

import io
import json

from followthemoney import model

from storyline.export.ftm import ftm_id, write_ftm

from .conftest import ARABIC, HOSTILE_QUOTE, Corpus


def _entities(corpus: Corpus) -> list[dict]:
    out = io.StringIO()
    write_ftm(corpus.store, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_ftm_every_line_is_a_valid_entity(corpus: Corpus) -> None:
    for data in _entities(corpus):
        proxy = model.get_proxy(data, cleaned=False)  # cleans every value by its property type
        assert proxy.to_dict()["properties"] == data["properties"], data  # nothing was dropped as invalid
        assert proxy.schema.validate(data) is None, data
        for prop in proxy.schema.required:
            assert proxy.get(prop), (data, prop)


def test_ftm_references_point_to_written_entities(corpus: Corpus) -> None:
    entities = _entities(corpus)
    ids = {e["id"] for e in entities}
    for data in entities:
        proxy = model.get_proxy(data)
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (data["id"], prop.name, value)


def test_ftm_maps_people_documents_and_mentions(corpus: Corpus) -> None:
    by_id = {e["id"]: e for e in _entities(corpus)}
    person = by_id[ftm_id(corpus.mujahid.id)]
    assert person["schema"] == "Person"
    assert ARABIC in person["properties"]["alias"]
    assert person["properties"]["programId"] == ["TAi.001"]
    article = by_id[ftm_id(corpus.docs[0].id)]
    assert article["schema"] == "Article"
    assert article["properties"]["publishedAt"] == ["2021-08-26"]
    assert article["properties"]["bodyText"] == [corpus.docs[0].text]
    mentions = [e for e in by_id.values() if e["schema"] == "Mention"
                and e["properties"].get("resolved") == [ftm_id(corpus.mujahid.id)]]
    names = {n for m in mentions for n in m["properties"]["name"]}
    assert names == {"Zabihullah Mujahid", "Mujahid", ARABIC}
    note = by_id[ftm_id(corpus.statements[0].id)]
    assert note["properties"]["description"] == [HOSTILE_QUOTE]
    assert note["properties"]["entity"] == [ftm_id(corpus.mujahid.id)]
