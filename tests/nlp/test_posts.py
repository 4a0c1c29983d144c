from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import DateBasis, EntityType, StatementKind
from storyline.nlp.pipeline import analyze_documents
from storyline.nlp.posts import account_type, load_accounts

from tests.ingest.social import FIXTURES, read


@pytest.fixture
def accounts(monkeypatch):
    monkeypatch.setenv("STORYLINE_ACCOUNTS", str(FIXTURES / "accounts.json"))


def _analyses(nlp, path):
    docs, _ = read(path)
    return docs, list(analyze_documents(docs, nlp))


def test_posts_each_post_is_a_statement_of_the_account_on_its_date(nlp, accounts):
    docs, analyses = _analyses(nlp, FIXTURES / "x" / "data" / "tweets.js")
    thread = next(i for i, d in enumerate(docs) if d.metadata["group"]["key"] == "thread:1001")
    doc, analysis = docs[thread], analyses[thread]
    posts = [s for s in analysis.statements if s.cue == "post"]
    assert len(posts) == 3
    for stmt, entry in zip(posts, doc.metadata["posts"]):
        assert (stmt.content_start, stmt.content_end) == (entry["start"], entry["end"])
        assert stmt.content == doc.text[entry["start"] : entry["end"]]
        assert stmt.said_on == dt.date(2025, 3, 5) and stmt.kind == StatementKind.DIRECT
        assert stmt.said_on_basis is DateBasis.POST
        assert stmt.speaker_text == "Veloria MoI Spokesperson"
    account = [m for m in analysis.mentions if m.source == "account"]
    assert {m.canonical for m in account} == {"Daran Kell"} and {m.type for m in account} == {EntityType.PERSON}
    assert {s.speaker_cluster for s in posts} == {account[0].cluster}


def test_posts_forward_is_attributed_to_the_original_author(nlp):
    docs, analyses = _analyses(nlp, FIXTURES / "telegram" / "result.json")
    i = next(i for i, d in enumerate(docs) if d.metadata["group"]["key"] == "day:2025-03-05")
    forwards = [s for s in analyses[i].statements if s.cue == "forward"]
    assert len(forwards) == 1
    assert forwards[0].speaker_text == "Sarvan Daily News (forwarded by Veloria MoI Spokesperson)"
    assert docs[i].text[forwards[0].speaker_start : forwards[0].speaker_end] == "Sarvan Daily News"


def test_posts_non_english_posts_get_no_english_annotations(nlp):
    docs, analyses = _analyses(nlp, FIXTURES / "telegram" / "result.json")
    i = next(i for i, d in enumerate(docs) if d.metadata["group"]["key"] == "day:2025-03-05")
    foreign = [(p["start"], p["end"]) for p in docs[i].metadata["posts"] if p["language"] != "en"]
    assert len(foreign) == 2
    for m in analyses[i].mentions:
        assert not any(s <= m.start < e for s, e in foreign)
    for s in analyses[i].statements:
        assert not any(a < s.content_end and s.content_start < b for a, b in foreign)


def test_posts_single_language_document_skips_the_english_pipeline(nlp):
    docs, analyses = _analyses(nlp, FIXTURES / "posts" / "posts.jsonl")
    i = next(i for i, d in enumerate(docs) if d.language == "ur")
    assert analyses[i].language == "ur" and not analyses[i].mentions and not analyses[i].statements


def test_posts_quotes_of_others_keep_their_speaker(nlp, tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "1", "author": "Veloria MoI Spokesperson", "handle": "VeloriaMoI_Spox", '
                    '"posted_at": "2025-03-05T10:00:00Z", "text": "Governor Ilsa Marren said on Tuesday that the pass '
                    'would stay closed for a week."}\n', encoding="utf-8")
    docs, analyses = _analyses(nlp, path)
    statements = analyses[0].statements
    others = [s for s in statements if s.cue not in ("post", "forward")]
    assert others and all(s.speaker_text != "Veloria MoI Spokesperson" for s in others)
    assert len([s for s in statements if s.cue == "post"]) == 1


def test_posts_account_type_from_display_name():
    assert account_type("Veloria MoI Spokesperson") == EntityType.PERSON
    assert account_type("Sarvan Daily News") == EntityType.ORGANIZATION
    assert account_type("Aro Venn") == EntityType.PERSON


def test_posts_accounts_mapping_yaml(tmp_path):
    path = tmp_path / "accounts.yaml"
    path.write_text('"@Zabehulah_M33": Zabihullah Mujahid\nSarvanFrontMedia: {name: Sarvan Front, type: organization}\n',
                    encoding="utf-8")
    mapping = load_accounts(str(path))
    assert mapping["zabehulah_m33"].name == "Zabihullah Mujahid"
    assert mapping["sarvanfrontmedia"].type == EntityType.ORGANIZATION
