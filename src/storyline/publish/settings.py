"""The one settings file of a published site (TOML or JSON), read and validated once.

Example ``site.toml``::

    name = "Veloria Watch"
    base_url = "https://veloria-watch.example/"     # absolute; used by the feed and the sitemap
    description = "Commentary on the Veloria conflict."
    disclaimer = "Views are their own."
    workbench_url = "http://127.0.0.1:8000"         # optional: claims link to their evidence
    briefings = ["Darius Kemal"]                    # optional: one briefing piece per actor
    language = "en"

    [authors.reyes]
    name = "Tomas Reyes"
    bio = "Tomas Reyes covers security in Veloria."
    accounts = ["@VeloriaMoI_Spox", "Veloria MoI"]  # threads from these accounts are by this author

    [threads]
    include = true                                  # thread documents become pieces
    exclude = ["x:12345:thread:1001"]               # external ids or document ids left out
    titles = { "x:12345:thread:1001" = "Sarvan road reopens" }

Next to the settings file, ``pieces/`` holds Markdown pieces and
``templates/`` holds template overrides (both optional).
"""

from __future__ import annotations

import json
import logging
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError

log = logging.getLogger(__name__)

__all__ = ["Author", "SiteSettings", "ThreadSettings", "http_url", "load_settings", "settings_from_mapping", "slugify"]

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens ("" when nothing is left)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG_DROP.sub("-", ascii_text).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug


def _account_key(value: str) -> str:
    return " ".join(value.strip().lstrip("@").split()).casefold()


@dataclass(frozen=True)
class Author:
    key: str
    name: str
    bio: str = ""
    accounts: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.key) or slugify(self.name) or "author"


@dataclass(frozen=True)
class ThreadSettings:
    include: bool = True
    exclude: frozenset[str] = frozenset()
    titles: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteSettings:
    name: str = "Storyline commentary"
    base_url: str = "https://example.invalid/"
    description: str = ""
    disclaimer: str = "Views are their own."
    language: str = "en"
    workbench_url: str | None = None
    briefings: tuple[str, ...] = ()
    authors: tuple[Author, ...] = ()
    threads: ThreadSettings = field(default_factory=ThreadSettings)
    recent: int = 10  # pieces listed under "Recent"
    folder: Path | None = None  # the folder of the settings file (pieces/ and templates/ live there)

    @property
    def pieces_dir(self) -> Path | None:
        return self.folder / "pieces" if self.folder else None

    @property
    def templates_dir(self) -> Path | None:
        return self.folder / "templates" if self.folder else None

    def author_for_account(self, *names: str | None) -> Author | None:
        """The configured author who owns one of these account names or handles."""
        wanted = {_account_key(n) for n in names if n}
        for author in self.authors:
            if wanted & {_account_key(a) for a in author.accounts}:
                return author
        return None

    def author_named(self, value: str) -> Author | None:
        """The configured author whose key or name is ``value`` (any case)."""
        wanted = value.strip().casefold()
        for author in self.authors:
            if wanted in (author.key.casefold(), author.name.casefold()):
                return author
        return None


def _text(data: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str | None:
    value = data.get(key, default)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{where}: {key!r} must be a string, not {type(value).__name__}")
    return value


def _strings(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{where}: {key!r} must be a list of strings")
    return tuple(value)


def http_url(value: str, key: str, where: str) -> str:
    if not re.match(r"^https?://[^\s/]+", value):
        raise UsageError(f"{where}: {key!r} must be an absolute http(s) URL, not {value!r}")
    return value


_KNOWN = {"name", "base_url", "description", "disclaimer", "language", "workbench_url", "briefings", "authors",
          "threads", "recent"}


def settings_from_mapping(data: Mapping[str, Any], where: str = "settings", folder: Path | None = None) -> SiteSettings:
    """Validate a parsed settings object (``where`` names it in error messages)."""
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise UsageError(f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(_KNOWN))}")
    defaults = SiteSettings()
    base_url = http_url(_text(data, "base_url", where, defaults.base_url) or defaults.base_url, "base_url", where)
    if not base_url.endswith("/"):
        base_url += "/"
    workbench = _text(data, "workbench_url", where)
    if workbench:
        workbench = http_url(workbench, "workbench_url", where).rstrip("/")
    authors_raw = data.get("authors", {})
    if not isinstance(authors_raw, Mapping):
        raise UsageError(f"{where}: 'authors' must be a table of author keys")
    authors = []
    for key, entry in authors_raw.items():
        if not isinstance(entry, Mapping):
            raise UsageError(f"{where}: authors.{key} must be a table with name, bio, accounts")
        name = _text(entry, "name", f"{where} authors.{key}") or key
        authors.append(Author(key=str(key), name=name, bio=_text(entry, "bio", where, "") or "",
                              accounts=_strings(entry, "accounts", f"{where} authors.{key}")))
    threads_raw = data.get("threads", {})
    if not isinstance(threads_raw, Mapping):
        raise UsageError(f"{where}: 'threads' must be a table")
    titles = threads_raw.get("titles", {})
    if not isinstance(titles, Mapping) or not all(isinstance(v, str) for v in titles.values()):
        raise UsageError(f"{where}: threads.titles must map thread ids to strings")
    include = threads_raw.get("include", True)
    if not isinstance(include, bool):
        raise UsageError(f"{where}: threads.include must be true or false")
    recent = data.get("recent", defaults.recent)
    if not isinstance(recent, int) or isinstance(recent, bool) or recent < 1:
        raise UsageError(f"{where}: 'recent' must be a positive whole number")
    return SiteSettings(
        name=_text(data, "name", where, defaults.name) or defaults.name,
        base_url=base_url,
        description=_text(data, "description", where, "") or "",
        disclaimer=_text(data, "disclaimer", where, defaults.disclaimer) or "",
        language=_text(data, "language", where, "en") or "en",
        workbench_url=workbench or None,
        briefings=_strings(data, "briefings", where),
        authors=tuple(authors),
        threads=ThreadSettings(include=include, exclude=frozenset(_strings(threads_raw, "exclude", f"{where} threads")),
                               titles=dict(titles)),
        recent=recent,
        folder=folder,
    )


def load_settings(path: Path | None) -> SiteSettings:
    """Settings from a ``.toml`` or ``.json`` file; defaults when ``path`` is None."""
    if path is None:
        return SiteSettings()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the site settings {path}: {exc.strerror or exc}") from exc
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        raise UsageError(f"{path}: not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'}: {exc}") from exc
    if not isinstance(data, Mapping):
        raise UsageError(f"{path}: the settings must be an object/table")
    return settings_from_mapping(data, str(path), folder=path.resolve().parent)
