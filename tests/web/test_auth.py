"""Writes: bearer tokens on the API, login session + CSRF on forms, decisions kept across re-analysis."""

from __future__ import annotations

import re
import warnings

import pytest
from sqlalchemy import text

from storyline.config import settings
from storyline.errors import UsageError
from storyline.store import CorpusResult
from storyline.web.app import create_app
from storyline.web.auth import SECRET_STATE_KEY, Signer, session_secret

from .fixtures import Corpus

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _login(client, token: str) -> None:
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"token": token, "csrf": csrf, "next": "/findings"}, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/findings"
    cookie = r.headers["set-cookie"]
    assert "storyline_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_auth_review_needs_token(fresh_client, fresh: Corpus) -> None:
    fid = fresh.findings["contra"].id
    body = {"status": "accepted", "note": "checked both"}
    r = fresh_client.post(f"/api/findings/{fid}/review", json=body)
    assert r.status_code == 401 and r.json() == {"error": r.json()["error"], "status": 401}
    r = fresh_client.post(f"/api/findings/{fid}/review", json=body, headers={"Authorization": "Bearer stl_wrong"})
    assert r.status_code == 401
    r = fresh_client.post(f"/api/findings/{fid}/review", json=body, headers={"Authorization": "Basic abc"})
    assert r.status_code == 401


def test_auth_review_with_token_is_kept_with_reviewer(fresh_client, fresh: Corpus) -> None:
    token = fresh.store.create_token("alice")
    fid = fresh.findings["contra"].id
    r = fresh_client.post(f"/api/findings/{fid}/review", json={"status": "accepted", "note": "both quoted"},
                          headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200
    out = r.json()
    assert out["status"] == "accepted" and out["reviewer"] == "alice" and out["note"] == "both quoted"
    assert out["decided_at"]
    # a regenerated finding with the same items keeps its decision
    result = fresh.result
    fresh.store.replace_corpus(CorpusResult(result.entities, result.key_to_entity, result.links, result.topics,
                                            result.storylines, list(reversed(result.findings))))
    got = fresh_client.get("/api/findings", params={"status": "accepted"}).json()
    assert [x["id"] for x in got["items"]] == [fid]
    assert got["items"][0]["reviewer"] == "alice"
    hist = fresh_client.get(f"/api/findings/{fid}").json()["history"]
    assert hist[0]["reviewer"] == "alice" and hist[0]["status"] == "accepted"


def test_auth_review_validation_and_unknown_finding(fresh_client, fresh: Corpus) -> None:
    token = fresh.store.create_token("bob")
    h = {"Authorization": f"Bearer {token}"}
    fid = fresh.findings["contra"].id
    assert fresh_client.post(f"/api/findings/{fid}/review", json={"status": "maybe"}, headers=h).status_code == 422
    r = fresh_client.post("/api/findings/fnd_missing/review", json={"status": "accepted"}, headers=h)
    assert r.status_code == 404 and r.json()["status"] == 404


def test_auth_entity_merge_and_split_api(fresh_client, fresh: Corpus) -> None:
    body = {"names": ["Zabihullah Mujahid", "Z. Mujahid"], "note": "same person"}
    assert fresh_client.post("/api/entities/merge", json=body).status_code == 401
    token = fresh.store.create_token("carol")
    h = {"Authorization": f"Bearer {token}"}
    r = fresh_client.post("/api/entities/merge", json=body, headers=h)
    assert r.status_code == 200 and r.json()["reviewer"] == "carol"
    r = fresh_client.post("/api/entities/split", json={"names": ["Zabihullah Mujahid", "Mujahid"]}, headers=h)
    assert r.status_code == 200
    assert [(d.action, d.reviewer) for d in fresh.store.entity_decisions()] == [("merge", "carol"), ("split", "carol")]
    r = fresh_client.post("/api/entities/split", json={"names": ["Nobody Known", "X"]}, headers=h)
    assert r.status_code == 404
    assert fresh_client.post("/api/entities/split", json={"names": ["only one"]}, headers=h).status_code == 422


def test_auth_form_review_needs_session_and_csrf(fresh_client, fresh: Corpus) -> None:
    fid = fresh.findings["numeric"].id
    r = fresh_client.post(f"/findings/{fid}/review", data={"status": "rejected", "csrf": "x"})
    assert r.status_code == 401
    token = fresh.store.create_token("dana")
    _login(fresh_client, token)
    page = fresh_client.get("/findings")
    assert "Signed in as <strong>dana</strong>" in page.text
    r = fresh_client.post(f"/findings/{fid}/review", data={"status": "rejected", "csrf": "forged"})
    assert r.status_code == 403
    r = fresh_client.post(f"/findings/{fid}/review", data={"status": "rejected", "note": "different periods",
                                                           "csrf": _csrf(page.text), "next": "/findings"},
                          follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/findings"
    review = fresh.store.latest_reviews()[fid]
    assert review.status.value == "rejected" and review.reviewer == "dana" and review.note == "different periods"
    assert "rejected by dana" in fresh_client.get(f"/findings/{fid}").text


def test_auth_form_review_htmx_returns_the_card(fresh_client, fresh: Corpus) -> None:
    _login(fresh_client, fresh.store.create_token("erin"))
    fid = fresh.findings["contra"].id
    csrf = _csrf(fresh_client.get("/findings").text)
    r = fresh_client.post(f"/findings/{fid}/review", data={"status": "accepted", "csrf": csrf},
                          headers={"HX-Request": "true"})
    assert r.status_code == 200
    assert r.text.lstrip().startswith('<article class="finding status-accepted"')


def test_auth_login_rejects_bad_token_and_forged_csrf(fresh_client, fresh: Corpus) -> None:
    page = fresh_client.get("/login")
    csrf = _csrf(page.text)
    assert fresh_client.post("/login", data={"token": "stl_nope", "csrf": csrf}).status_code == 401
    token = fresh.store.create_token("frank")
    assert fresh_client.post("/login", data={"token": token, "csrf": "forged"}).status_code == 403
    r = fresh_client.post("/login", data={"token": token, "csrf": csrf, "next": "//evil.example/x"},
                          follow_redirects=False)
    assert r.headers["location"] == "/"


def test_auth_tampered_session_cookie_is_ignored(fresh_client, fresh: Corpus) -> None:
    _login(fresh_client, fresh.store.create_token("gina"))
    value = fresh_client.cookies.get("storyline_session")
    payload, mac = value.rsplit(".", 1)
    fresh_client.cookies.set("storyline_session", payload + "." + mac[::-1])
    assert "Signed in as" not in fresh_client.get("/").text


def test_auth_form_merge_and_split(fresh_client, fresh: Corpus) -> None:
    e = fresh.entities["mujahid"]
    assert fresh_client.post(f"/entities/{e.id}/merge", data={"names": "Z. Mujahid"}).status_code == 401
    _login(fresh_client, fresh.store.create_token("hana"))
    page = fresh_client.get(f"/entities/{e.id}")
    csrf = _csrf(page.text)
    r = fresh_client.post(f"/entities/{e.id}/merge", data={"names": "Z. Mujahid\nZabiullah", "csrf": csrf},
                          follow_redirects=False)
    assert r.status_code == 303
    r = fresh_client.post(f"/entities/{e.id}/split", data={"names": ["Mujahid"], "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    decisions = fresh.store.entity_decisions()
    assert decisions[0].names == ("Zabihullah Mujahid", "Z. Mujahid", "Zabiullah")
    assert decisions[1].action == "split" and decisions[1].names == ("Zabihullah Mujahid", "Mujahid")
    assert "decision is recorded" in fresh_client.get(r.headers["location"]).text


def _signed_in_as(client) -> str | None:
    m = re.search(r"Signed in as <strong>([^<]+)</strong>", client.get("/findings").text)
    return m.group(1) if m else None


def test_auth_session_survives_restart_and_is_shared_over_one_store(fresh: Corpus, monkeypatch) -> None:
    monkeypatch.delenv("STORYLINE_SESSION_SECRET", raising=False)
    assert fresh.store.get_state(SECRET_STATE_KEY) is None
    first = TestClient(create_app(fresh.store))
    stored = fresh.store.get_state(SECRET_STATE_KEY)
    assert stored and re.fullmatch(r"[0-9a-f]{64}", stored)
    _login(first, fresh.store.create_token("ivan"))
    assert _signed_in_as(first) == "ivan"

    second = TestClient(create_app(fresh.store))  # a restart, or another workbench on the same database
    assert fresh.store.get_state(SECRET_STATE_KEY) == stored  # generated once, not replaced
    second.cookies.set("storyline_session", first.cookies.get("storyline_session"))
    assert _signed_in_as(second) == "ivan"
    # the form's CSRF token from the second instance is accepted by it for the first instance's session
    fid = fresh.findings["numeric"].id
    r = second.post(f"/findings/{fid}/review", data={"status": "accepted", "csrf": _csrf(second.get("/findings").text)},
                    follow_redirects=False)
    assert r.status_code == 303 and fresh.store.latest_reviews()[fid].reviewer == "ivan"

    # deleting the key rotates it: the next workbench makes a new one and old cookies stop working
    with fresh.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM corpus_state WHERE key = :key"), {"key": SECRET_STATE_KEY})
    third = TestClient(create_app(fresh.store))
    assert fresh.store.get_state(SECRET_STATE_KEY) not in (None, stored)
    third.cookies.set("storyline_session", first.cookies.get("storyline_session"))
    assert _signed_in_as(third) is None


def test_auth_session_secret_from_environment_wins(fresh: Corpus, monkeypatch) -> None:
    fresh.store.set_state(SECRET_STATE_KEY, "a" * 64)  # a stored secret exists, but the environment wins
    override = "0123456789abcdef" * 4
    monkeypatch.setenv("STORYLINE_SESSION_SECRET", override)
    assert session_secret(fresh.store) == override.encode("utf-8")
    client = TestClient(create_app(fresh.store))
    _login(client, fresh.store.create_token("jana"))
    cookie = client.cookies.get("storyline_session")
    assert Signer(override.encode("utf-8")).read(cookie).user == "jana"
    assert Signer(b"a" * 64).read(cookie) is None
    assert fresh.store.get_state(SECRET_STATE_KEY) == "a" * 64  # left alone

    monkeypatch.delenv("STORYLINE_SESSION_SECRET")
    stored_client = TestClient(create_app(fresh.store))  # back on the stored secret: the override's cookie is void
    stored_client.cookies.set("storyline_session", cookie)
    assert _signed_in_as(stored_client) is None

    monkeypatch.setenv("STORYLINE_SESSION_SECRET", "too-short")
    with pytest.raises(UsageError, match="at least 32"):
        create_app(fresh.store)


def test_auth_settings_do_not_print_the_session_secret(monkeypatch) -> None:
    monkeypatch.setenv("STORYLINE_SESSION_SECRET", "s3cr3t-" * 6)
    current = settings()
    assert current.session_secret == "s3cr3t-" * 6
    assert "s3cr3t" not in repr(current)
