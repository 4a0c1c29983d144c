"""One exception tree for everything Storyline raises on purpose.

    StorylineError                 base; ``str(e)`` is a one-line message for a person
    ├── UsageError                 bad options or arguments (CLI exit 2, HTTP 400)
    │   └── UnsupportedFormatError an export/ingest format we do not have (lists the valid ones)
    ├── InputError                 one input could not be read (names the input and why)
    │   ├── FetchError             a URL could not be fetched
    │   └── WatchlistError         a watchlist file is empty or not of a known schema
    ├── StoreError                 the database cannot be opened, migrated or written
    ├── NotFoundError              a record id that does not exist (HTTP 404)
    ├── AuthError                  missing or invalid token (HTTP 401)
    ├── ModelError                 an NLP model cannot be loaded (names the path/package)
    └── AnalysisError              the per-document analysis could not go on (a worker process died)
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AnalysisError",
    "AuthError",
    "FetchError",
    "InputError",
    "ModelError",
    "NotFoundError",
    "StoreError",
    "StorylineError",
    "UnsupportedFormatError",
    "UsageError",
    "WatchlistError",
]


class StorylineError(Exception):
    """Base of every error Storyline raises on purpose."""

    exit_code = 1
    http_status = 500


class UsageError(StorylineError):
    exit_code = 2
    http_status = 400


class UnsupportedFormatError(UsageError):
    def __init__(self, kind: str, given: str, supported: Iterable[str], *, not_yet: bool = False) -> None:
        valid = ", ".join(sorted(supported))
        lead = "not yet supported" if not_yet else "unknown"
        super().__init__(f"{lead} {kind} format: {given!r}; supported: {valid}")
        self.given = given
        self.supported = tuple(sorted(supported))


class InputError(StorylineError):
    """One input failed; the message names it and says why."""

    http_status = 422

    def __init__(self, input_name: str, reason: str) -> None:
        super().__init__(f"{input_name}: {reason}")
        self.input_name = input_name
        self.reason = reason


class FetchError(InputError):
    pass


class WatchlistError(InputError):
    pass


class StoreError(StorylineError):
    http_status = 503


class BusyError(StoreError):
    """Another process holds what this one needs (the corpus step of ``analyze``): try again when it finishes."""

    http_status = 409


class NotFoundError(StorylineError):
    http_status = 404


class AuthError(StorylineError):
    http_status = 401


class ModelError(StorylineError):
    pass


class AnalysisError(StorylineError):
    """The per-document stages stopped (a worker process died); what was analysed before is kept."""
