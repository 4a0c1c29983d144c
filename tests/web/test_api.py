"""The JSON API: contract shapes, pagination, the one error shape."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from storyline.export.contract import entity_dict, fact_dict, statement_dict, storyline_dict

from .fixtures import TEXT_A, Corpus

DOCUMENT_KEYS = {"id", "external_id", "title", "url", "source", "published", "published_precision", "sha256", "chars"}


def test_api_documents_paginated_with_contract_keys(client, corpus: Corpus) -> None:
    r = client.get("/api/documents", params={"limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 4 and body["limit"] == 2 and body["offset"] == 0
    assert len(body["items"]) == 2
    assert all(set(x) == DOCUMENT_KEYS for x in body["items"])  # docs/CONTRACT.md, without the text
    assert body["items"][0]["published"] == "2022-01-10"  # newest first
    nxt = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert {x["id"] for x in nxt["items"]}.isdisjoint({x["id"] for x in body["items"]})


def test_api_document_is_the_contract_record_plus_annotations(client, corpus: Corpus) -> None:
    doc = corpus.docs["a"]
    body = client.get(f"/api/documents/{doc.id}").json()
    assert {k: body[k] for k in (*DOCUMENT_KEYS, "text")} == {
        "id": doc.id, "external_id": None, "title": "Kabul attacks rise", "url": "https://example.org/a?x=1&y=2",
        "source": "Dawn", "published": "2021-08-02", "published_precision": "day",
        "sha256": hashlib.sha256(TEXT_A.encode("utf-8")).hexdigest(), "chars": len(TEXT_A), "text": TEXT_A,
    }
    k2e = {k: e.id for e in corpus.entities.values() for k in e.local_keys}
    topics = corpus.result.topics
    expected = [replace(corpus.statements[k], topic=topics[corpus.statements[k].id]) for k in ("s1", "s2")]
    assert body["statements"] == [statement_dict(s, k2e) for s in expected]
    assert body["facts"] == [fact_dict(corpus.facts["f1"], k2e)]
    assert body["statements"][0]["speaker_id"] == corpus.entities["mujahid"].id
    assert {m["entity_id"] for m in body["mentions"]} == {corpus.entities[k].id for k in ("mujahid", "taliban", "kabul")}


def test_api_entity(client, corpus: Corpus) -> None:
    e = corpus.entities["mujahid"]
    body = client.get(f"/api/entities/{e.id}").json()
    assert {k: body[k] for k in entity_dict(e)} == entity_dict(e)
    assert body["statements"]["total"] == 3
    assert body["links"][0]["ref"] == "TAi.001"
    assert body["findings"]["total"] == 3
    assert body["storylines"] == [storyline_dict(corpus.storylines["mujahid_attacks"])]


def test_api_findings_filters_and_status(client, corpus: Corpus) -> None:
    body = client.get("/api/findings").json()
    assert body["total"] == 4
    assert [x["score"] for x in body["items"]] == sorted((x["score"] for x in body["items"]), reverse=True)
    first = body["items"][0]
    assert first["id"] == corpus.findings["contra"].id
    assert first["status"] == "open"
    assert set(first) >= {"id", "kind", "items", "score", "explanation", "status"}
    assert client.get("/api/findings", params={"kind": "numeric_conflict"}).json()["total"] == 1
    assert client.get("/api/findings", params={"actor": corpus.entities["mujahid"].id}).json()["total"] == 3
    assert client.get("/api/findings", params={"source": "Khorasan Diary"}).json()["total"] == 2


def test_api_finding_cites_passages(client, corpus: Corpus) -> None:
    f = corpus.findings["contra"]
    body = client.get(f"/api/findings/{f.id}").json()
    s1 = corpus.statements["s1"]
    assert body["cited"][0]["start"] == s1.start
    assert body["cited"][0]["text"] == corpus.docs["a"].text[s1.start:s1.end]
    assert body["history"] == []


def test_api_storylines_and_search(client, corpus: Corpus) -> None:
    body = client.get("/api/storylines").json()
    assert body["items"] == [storyline_dict(corpus.storylines["mujahid_attacks"])]
    sl = client.get(f"/api/storylines/{corpus.storylines['mujahid_attacks'].id}").json()
    assert [s["id"] for s in sl["statements"]] == [corpus.statements[k].id for k in ("s1", "s2", "s3")]
    hits = client.get("/api/search", params={"q": "denied"}).json()
    assert hits["total"] >= 1
    hit = hits["items"][0]
    assert hit["document_id"] == corpus.docs["b"].id
    s, e = hit["matches"][0]
    assert hit["snippet"][s:e] == "denied"


def test_api_error_shape_everywhere(client) -> None:
    cases = {
        "/api/documents/doc_missing": 404,
        "/api/entities/ent_missing": 404,
        "/api/storylines/sty_missing": 404,
        "/api/findings/fnd_missing": 404,
        "/api/no/such/route": 404,
        "/api/documents?limit=0": 422,
        "/api/documents?since=yesterday": 422,
        "/api/findings?min_score=nan": 422,
        "/api/search": 422,
    }
    for url, status in cases.items():
        r = client.get(url)
        assert r.status_code == status, url
        body = r.json()
        assert set(body) == {"error", "status"}, url
        assert body["status"] == status and body["error"], url


def test_api_openapi_lists_the_contract_routes(client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{document_id}", "/api/entities/{entity_id}", "/api/findings",
                 "/api/storylines", "/api/search", "/api/findings/{finding_id}/review", "/api/entities/merge",
                 "/api/entities/split"):
        assert path in spec["paths"], path
    assert not any(p.startswith("/documents") for p in spec["paths"])  # pages stay out of the API schema


def test_api_documents_give_the_precision_of_an_inferred_date(fresh: Corpus, fresh_client) -> None:
    import datetime as dt

    from storyline.model import Document

    month = Document.from_text("The ferries resumed on the northern route.", title="Ferries",
                               published=dt.date(2030, 3, 1), metadata={"published_precision": "month"})
    fresh.store.add_document(month)
    items = fresh_client.get("/api/documents", params={"limit": 50}).json()["items"]
    by_id = {x["id"]: x for x in items}
    assert by_id[month.id]["published_precision"] == "month"
    assert by_id[fresh.docs["a"].id]["published_precision"] == "day"
    assert fresh_client.get(f"/api/documents/{month.id}").json()["published_precision"] == "month"
