from __future__ import annotations

import io
import json

import stix2
from stix2validator import ValidationOptions, validate_string

from storyline.export.stix import stix_id, write_stix

from .conftest import ARABIC, HOSTILE_QUOTE, Corpus


def _bundle_text(corpus: Corpus) -> str:
    out = io.StringIO()
    write_stix(corpus.store, out)
    return out.getvalue()


def _objects(corpus: Corpus) -> dict[str, dict]:
    return {o["id"]: o for o in json.loads(_bundle_text(corpus))["objects"]}


def test_stix_bundle_is_valid(corpus: Corpus) -> None:
    text = _bundle_text(corpus)
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    bundle = stix2.parse(text, allow_custom=True)  # the stix2 library reads it back
    assert len(bundle.objects) == len(json.loads(text)["objects"])


def test_stix_export_is_identical_twice(corpus: Corpus) -> None:
    assert _bundle_text(corpus) == _bundle_text(corpus)


def test_stix_maps_entities_by_type_and_watchlist(corpus: Corpus) -> None:
    objects = _objects(corpus)
    mujahid = objects[stix_id("threat-actor", corpus.mujahid.id)]  # linked to a watchlist
    assert ARABIC in mujahid["aliases"]
    assert mujahid["external_references"][0]["source_name"] == 'UN SC "Consolidated", List'
    assert mujahid["external_references"][0]["external_id"] == "TAi.001"
    assert objects[stix_id("intrusion-set", corpus.taliban.id)]["name"] == "Taliban"  # an armed group
    un = objects[stix_id("identity", corpus.un.id)]
    assert un["identity_class"] == "organization"
    assert objects[stix_id("location", corpus.pakistan.id)]["country"] == "PK"


def test_stix_reports_cite_documents_and_refs_resolve(corpus: Corpus) -> None:
    objects = _objects(corpus)
    d1, _d2, d3 = corpus.docs
    report = objects[stix_id("report", d1.id)]
    assert report["published"].startswith("2021-08-26")
    assert report["external_references"][0]["url"] == "https://example.org/dawn?a=1&b=%3C2%3E"
    assert stix_id("note", corpus.statements[0].id) in report["object_refs"]
    assert stix_id("threat-actor", corpus.mujahid.id) in report["object_refs"]
    assert objects[stix_id("report", d3.id)]["published"].startswith("2024-01-04")  # undated: ingest time
    for obj in objects.values():
        for ref in obj.get("object_refs", []) + [obj[k] for k in ("source_ref", "target_ref") if k in obj]:
            assert ref in objects, f"{obj['id']} refers to missing {ref}"


def test_stix_notes_carry_statements_with_offsets(corpus: Corpus) -> None:
    objects = _objects(corpus)
    s = corpus.statements[0]
    note = objects[stix_id("note", s.id)]
    assert note["content"] == HOSTILE_QUOTE
    assert (note["x_content_start"], note["x_content_end"]) == (s.content_start, s.content_end)
    assert corpus.docs[0].text[note["x_content_start"]:note["x_content_end"]] == note["content"]
    assert note["x_speaker_id"] == corpus.mujahid.id
    speaker = stix_id("threat-actor", corpus.mujahid.id)
    said_about = [o for o in objects.values() if o["type"] == "relationship" and o["source_ref"] == speaker]
    assert {o["target_ref"] for o in said_about} >= {stix_id("intrusion-set", corpus.taliban.id)}


def test_stix_findings_quote_both_sides(corpus: Corpus) -> None:
    objects = _objects(corpus)
    note = objects[stix_id("note", corpus.contradiction.id)]
    assert note["x_status"] == "accepted"
    assert set(note["object_refs"]) == {stix_id("note", s.id) for s in corpus.statements}
    assert {q["text"] for q in note["x_quotes"]} == {s.content for s in corpus.statements}
