"""Every page and API route on a PostgreSQL store: the dialect paths of queries.py and the search backend run."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest

from storyline.store.derived import MENTIONED, SPEAKER, SUBJECT

from .fixtures import Corpus, build_corpus

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app

pytestmark = pytest.mark.postgres

FINDING = '<article class="finding'


@pytest.fixture(scope="module")
def pg_corpus(pg_server: str) -> Iterator[Corpus]:
    from tests import pg

    url = pg.new_database(pg_server, "web_pages").replace("postgresql://", "postgresql+psycopg://")
    corpus = build_corpus(url)
    assert corpus.store.dialect == "postgresql"
    yield corpus
    corpus.store.close()


@pytest.fixture(scope="module")
def pg_client(pg_corpus: Corpus) -> TestClient:
    return TestClient(create_app(pg_corpus.store))


def test_postgres_pages_home_and_documents(pg_client: TestClient, pg_corpus: Corpus) -> None:
    r = pg_client.get("/")
    assert r.status_code == 200
    assert re.search(r"<strong>4</strong>\s*documents", r.text)
    assert "Kabul attacks rise" in r.text and "Zabihullah Mujahid" in r.text
    r = pg_client.get("/documents", params={"source": "Dawn"})
    assert r.status_code == 200 and r.text.count('<li><a href="/documents/') == 1
    assert pg_client.get("/documents", params={"offset": 3}).text.count('<li><a href="/documents/') == 1


def test_postgres_pages_document_highlights_and_related(pg_client: TestClient, pg_corpus: Corpus) -> None:
    doc = pg_corpus.docs["a"]
    s1 = pg_corpus.statements["s1"]
    r = pg_client.get(f"/documents/{doc.id}", params={"hl": f"{s1.start}-{s1.end}"})
    assert r.status_code == 200
    assert f'<a href="/entities/{pg_corpus.entities["mujahid"].id}" class="ent ent-person"' in r.text
    assert f'class="cited" id="char-{s1.start}-{s1.end}"' in r.text
    assert f'href="/documents/{pg_corpus.docs["b"].id}"' in r.text  # related through shared entities
    hostile = pg_client.get(f"/documents/{pg_corpus.docs['hostile'].id}")
    assert hostile.status_code == 200 and "<script>alert(1)</script>" not in hostile.text


def test_postgres_pages_entity_lists_statements_aliases_and_findings(pg_client: TestClient, pg_corpus: Corpus) -> None:
    e = pg_corpus.entities["mujahid"]
    r = pg_client.get(f"/entities/{e.id}")
    assert r.status_code == 200
    assert "ذبيح الله مجاهد" in r.text and "TAi.001" in r.text
    assert r.text.count('<circle class="pt') == 3
    assert f'href="/findings/{pg_corpus.findings["contra"].id}"' in r.text
    r = pg_client.get(f"/entities/{pg_corpus.entities['kabul'].id}")
    assert r.status_code == 200
    assert "Statements about Kabul" in r.text and pg_corpus.statements["s2"].content in r.text


def test_postgres_pages_storylines_and_findings(pg_client: TestClient, pg_corpus: Corpus) -> None:
    sl = pg_corpus.storylines["mujahid_attacks"]
    assert pg_client.get("/storylines").status_code == 200
    r = pg_client.get(f"/storylines/{sl.id}")
    assert r.status_code == 200 and '<path class="arc"' in r.text
    assert r.text.count('<circle class="pt') == 3
    assert pg_client.get("/findings").text.count(FINDING) == 4
    assert pg_client.get("/findings", params={"source": "Dawn"}).text.count(FINDING) == 3
    assert pg_client.get("/findings", params={"actor": pg_corpus.entities["taliban"].id}).text.count(FINDING) == 1
    assert pg_client.get("/findings", params={"status": "open", "min_score": 0.85}).text.count(FINDING) == 1
    assert pg_client.get("/findings", params={"kind": "numeric_conflict"}).text.count(FINDING) == 1
    f = pg_corpus.findings["contra"]
    r = pg_client.get(f"/findings/{f.id}")
    s3 = pg_corpus.statements["s3"]
    assert r.status_code == 200 and f"?hl={s3.start}-{s3.end}" in r.text


def test_postgres_pages_search_marks_and_filters(pg_client: TestClient, pg_corpus: Corpus) -> None:
    r = pg_client.get("/search", params={"q": "answer"})
    assert r.status_code == 200
    assert "<mark>answer</mark>" in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text
    r = pg_client.get("/search", params={"q": "attacks", "since": "2022-01-01"})
    assert "A denial" in r.text and "Kabul attacks rise</a>" not in r.text
    assert pg_client.get("/login").status_code == 200


def test_postgres_api_routes(pg_client: TestClient, pg_corpus: Corpus) -> None:
    c = pg_corpus
    docs = pg_client.get("/api/documents", params={"limit": 2}).json()
    assert docs["total"] == 4 and len(docs["items"]) == 2
    doc = pg_client.get(f"/api/documents/{c.docs['a'].id}").json()
    assert [s["id"] for s in doc["statements"]] == [c.statements["s1"].id, c.statements["s2"].id]
    assert doc["related"][0]["id"] == c.docs["b"].id
    ent = pg_client.get(f"/api/entities/{c.entities['mujahid'].id}").json()
    assert ent["statements"]["total"] == 3 and ent["findings"]["total"] == 3
    assert {a["alias"] for a in ent["aliases_seen"] if a["count"]} == {"Zabihullah Mujahid", "Mujahid", "ذبيح الله مجاهد"}
    assert pg_client.get("/api/findings").json()["total"] == 4
    assert pg_client.get("/api/findings", params={"actor": c.entities["mujahid"].id}).json()["total"] == 3
    assert pg_client.get("/api/findings", params={"source": "Khorasan Diary"}).json()["total"] == 2
    finding = pg_client.get(f"/api/findings/{c.findings['numeric'].id}").json()
    assert [x["id"] for x in finding["cited"]] == [c.facts["f1"].id, c.facts["f2"].id]
    assert pg_client.get("/api/storylines").json()["total"] == 1
    sl = pg_client.get(f"/api/storylines/{c.storylines['mujahid_attacks'].id}", params={"limit": 2, "offset": 1}).json()
    assert [s["id"] for s in sl["statements"]] == [c.statements["s2"].id, c.statements["s3"].id]
    assert sl["statements_page"] == {"total": 3, "limit": 2, "offset": 1}
    hits = pg_client.get("/api/search", params={"q": "denied"}).json()
    assert hits["total"] >= 1 and hits["items"][0]["document_id"] == c.docs["b"].id
    s, e = hits["items"][0]["matches"][0]
    assert hits["items"][0]["snippet"][s:e] == "denied"
    assert pg_client.get("/api/search", params={"q": "attacks", "source": "Dawn", "kind": "statements"}).json()["total"] == 1
    assert pg_client.get("/openapi.json").status_code == 200
    assert pg_client.get("/api/entities/ent_missing").json() == {"error": "no entity 'ent_missing'", "status": 404}


def test_postgres_review_is_kept_and_filters_by_status(pg_client: TestClient, pg_corpus: Corpus) -> None:
    token = pg_corpus.store.create_token("pg-analyst")
    f = pg_corpus.findings["variant"]
    r = pg_client.post(f"/api/findings/{f.id}/review", json={"status": "rejected", "note": "same person"},
                       headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200
    rejected = pg_client.get("/api/findings", params={"status": "rejected"}).json()
    assert [x["id"] for x in rejected["items"]] == [f.id] and rejected["items"][0]["reviewer"] == "pg-analyst"
    assert pg_client.get("/api/findings", params={"status": "open"}).json()["total"] == 3


def test_postgres_read_indexes_match_sqlite(pg_corpus: Corpus, corpus: Corpus) -> None:
    """The derived tables hold the same rows on both backends (same SQL, two dialects)."""
    from sqlalchemy import select

    from storyline.store import schema as t

    def rows(c: Corpus) -> dict[str, list[tuple[object, ...]]]:
        with c.store.engine.connect() as conn:
            return {tbl.name: sorted(tuple(x) for x in conn.execute(select(tbl)))
                    for tbl in (t.entity_items, t.entity_aliases, t.finding_actors, t.finding_sources)}

    pg_rows, lite_rows = rows(pg_corpus), rows(corpus)
    assert pg_rows == lite_rows
    roles = {(x[0], x[1], x[2]) for x in lite_rows["entity_items"]}
    m, k = pg_corpus.entities["mujahid"].id, pg_corpus.entities["kabul"].id
    assert (m, SPEAKER, pg_corpus.statements["s1"].id) in roles
    assert (k, MENTIONED, pg_corpus.statements["s2"].id) in roles
    assert (pg_corpus.entities["taliban"].id, SUBJECT, pg_corpus.facts["f1"].id) in roles
    assert (m, MENTIONED, pg_corpus.statements["s1"].id) not in roles  # the speaker is not "mentioned" by itself
