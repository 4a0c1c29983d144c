"""Who may write: bearer tokens for the API, signed session cookies plus CSRF tokens for HTML forms.

A session is established by logging in with an API token at ``/login``; the
cookie holds the token owner's name and a random nonce, signed with HMAC-SHA256
under a per-process secret (so a restart logs everyone out). Each form carries
a CSRF token derived from the session nonce.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

from fastapi import Request

from ..errors import AuthError
from ..store import Store

__all__ = ["LOGIN_COOKIE", "SESSION_COOKIE", "Session", "Signer", "bearer_owner"]

SESSION_COOKIE = "storyline_session"
LOGIN_COOKIE = "storyline_login"
SESSION_MAX_AGE = 12 * 3600


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
