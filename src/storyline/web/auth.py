"""Who may write: bearer tokens for the API, signed session cookies plus CSRF tokens for HTML forms.

A session is established by logging in with an API token at ``/login``; the
cookie holds the token owner's name and a random nonce, signed with HMAC-SHA256.
Each form carries a CSRF token derived from the session nonce.

The signing secret (``session_secret``) is, in order: ``STORYLINE_SESSION_SECRET``
when set (at least 32 characters), else the one kept in the knowledge base under
the ``corpus_state`` key ``web_session_secret``, generated there on first use.
Sessions therefore survive a restart and are shared by every workbench serving
the same database. Rotating it (which logs everyone out) means setting a new
``STORYLINE_SESSION_SECRET``, or deleting that key, and restarting the workbenches.
Whoever can read that key can sign sessions for any user name: protect it like
the database password. ``storyline dump`` leaves it out.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import time
from dataclasses import dataclass

from fastapi import Request

from ..config import settings
from ..errors import AuthError, StoreError, UsageError
from ..store import Store
from ..store.backup import SESSION_SECRET_KEY

__all__ = ["LOGIN_COOKIE", "SESSION_COOKIE", "SECRET_STATE_KEY", "Session", "Signer", "bearer_owner", "session_secret"]

log = logging.getLogger(__name__)

SESSION_COOKIE = "storyline_session"
LOGIN_COOKIE = "storyline_login"
SESSION_MAX_AGE = 12 * 3600
SECRET_STATE_KEY = SESSION_SECRET_KEY
MIN_SECRET_CHARS = 32


class ForbiddenError(AuthError):
    """A form without a valid CSRF token (HTTP 403)."""

    http_status = 403


@dataclass(frozen=True)
class Session:
    user: str
    nonce: str
    issued: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


class Signer:
    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def _mac(self, message: str) -> str:
        return _b64(hmac.new(self.secret, message.encode("utf-8"), hashlib.sha256).digest())

    def issue(self, user: str) -> str:
        payload = _b64(json.dumps({"u": user, "n": secrets.token_urlsafe(16), "t": int(time.time())}).encode("utf-8"))
        return f"{payload}.{self._mac('session|' + payload)}"

    def read(self, cookie: str | None) -> Session | None:
        if not cookie or "." not in cookie:
            return None
        payload, _, mac = cookie.rpartition(".")
        if not hmac.compare_digest(mac, self._mac("session|" + payload)):
            return None
        try:
            data = json.loads(_unb64(payload))
            session = Session(str(data["u"]), str(data["n"]), int(data["t"]))
        except (ValueError, KeyError, TypeError):
            return None
        if time.time() - session.issued > SESSION_MAX_AGE:
            return None
        return session

    def csrf(self, session: Session) -> str:
        return self._mac("csrf|" + session.nonce)

    def login_csrf(self, nonce: str) -> str:
        return self._mac("login|" + nonce)

    def check(self, expected: str, given: str | None) -> None:
        if not given or not hmac.compare_digest(expected, given):
            raise ForbiddenError("missing or invalid CSRF token; reload the page and try again")


def session_secret(store: Store) -> bytes:
    """The secret that signs session cookies: ``STORYLINE_SESSION_SECRET``, else the one stored in ``store``.

    The stored one is created (``secrets.token_hex(32)``) the first time a
    workbench starts on a database without one.
    """
    override = settings().session_secret
    if override is not None:
        if len(override) < MIN_SECRET_CHARS:
            raise UsageError(
                f"STORYLINE_SESSION_SECRET must be at least {MIN_SECRET_CHARS} characters; make one with "
                "python -c 'import secrets; print(secrets.token_hex(32))'"
            )
        return override.encode("utf-8")
    stored = store.get_state(SECRET_STATE_KEY)
    if stored:
        return stored.encode("utf-8")
    # Two workbenches starting at the same moment on a new database: the write that fails on the unique key adopts
    # the other's secret below; if instead the later write replaces the earlier one (set_state deletes, then
    # inserts), the earlier workbench keeps its own secret until it is restarted. Other store errors re-raise.
    try:
        store.set_state(SECRET_STATE_KEY, secrets.token_hex(32))
    except StoreError:
        if not store.get_state(SECRET_STATE_KEY):
            raise
    stored = store.get_state(SECRET_STATE_KEY)
    if not stored:
        raise StoreError(f"the session secret written under {SECRET_STATE_KEY!r} cannot be read back")
    log.info("created the web session secret (corpus_state key %r)", SECRET_STATE_KEY)
    return stored.encode("utf-8")


def bearer_owner(store: Store, authorization: str | None) -> str:
    """The owner of the ``Authorization: Bearer TOKEN`` header; AuthError (401) if missing or unknown."""
    if not authorization:
        raise AuthError("missing token: send 'Authorization: Bearer TOKEN' (storyline token create --name NAME)")
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise AuthError("malformed Authorization header: expected 'Bearer TOKEN'")
    owner = store.token_owner(token)
    if owner is None:
        raise AuthError("invalid token")
    return owner


def current_session(request: Request) -> Session | None:
    signer: Signer = request.app.state.signer
    return signer.read(request.cookies.get(SESSION_COOKIE))


def require_session(request: Request, csrf_token: str | None) -> Session:
    """The logged-in session for a form post, with its CSRF token checked (401 / 403 otherwise)."""
    session = current_session(request)
    if session is None:
        raise AuthError("log in with an API token at /login to make decisions")
    signer: Signer = request.app.state.signer
    signer.check(signer.csrf(session), csrf_token)
    return session
