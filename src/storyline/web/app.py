"""The web workbench: ``create_app(store)`` builds the FastAPI app (pages, JSON API, static files).

Errors are translated here, at the edge: under ``/api`` every error is
``{"error": "message", "status": N}`` (StorylineError subclasses by their
``http_status``, validation errors as 422, unknown routes as 404); pages get
an HTML error page with the same status.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__ as _version
from ..errors import StorylineError
from ..store import Store
from . import api, pages
from .auth import Signer, current_session, session_secret
from .render import isolate_bidi, safe_url

__all__ = ["create_app"]

log = logging.getLogger(__name__)

HERE = Path(__file__).parent

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, finalize=isolate_bidi)
    env.globals.update(doc_href=pages.doc_href, entity_href=pages.entity_href, page_href=pages.page_href,
                       safe_url=safe_url)
    return Jinja2Templates(env=env)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body" or len(err.get("loc", ())) == 1)
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _is_api(request):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    session = current_session(request)
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    response: HTMLResponse = templates.TemplateResponse(
        request, "error.html",
        {"status": status, "message": message, "user": session.user if session else None, "csrf": "", "here": here},
        status_code=status, headers=headers,
    )
    return response


def create_app(store: Store, *, secret: bytes | None = None) -> FastAPI:
    """The web workbench over ``store``; ``secret`` signs session cookies.

    By default the secret is ``auth.session_secret(store)``: ``STORYLINE_SESSION_SECRET``, else the one kept in
    the knowledge base, so sessions survive restarts and are shared by every workbench on the same database.
    """
    app = FastAPI(
        title="Storyline",
        version=_version,
        description="Narrative-intelligence workbench: documents, entities, statements, facts, storylines, findings.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.signer = Signer(secret if secret is not None else session_secret(store))
    app.state.templates = _templates()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        else:
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError) -> Response:
        status = exc.http_status
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 and _is_api(request) else None
        return _error(request, status, str(exc), headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return _error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error(request, 500, "internal error (see the server log)")

    app.include_router(api.router)
    app.include_router(pages.router)
    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
