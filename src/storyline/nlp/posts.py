"""The ``posts`` stage: in social-media documents, each post is a statement of the account that posted it.

Works on documents whose ``metadata["posts"]`` was written by
:mod:`storyline.ingest.threads` (one header line, then the post text, per post):

* the header's display name becomes a :class:`~storyline.model.Mention`
  (``source="account"``, a name), one cluster per account; its ``canonical``
  is the person or organisation the account mapping names (``STORYLINE_ACCOUNTS``,
  a JSON/YAML object ``{"@handle": "Canonical Name"}`` or
  ``{"@handle": {"name": ..., "type": "person|organization"}}``), else the
  display name; a cluster the entities stage made for that same name is reused;
* each post's text becomes a :class:`~storyline.model.Statement` with
  ``kind=direct`` (a post is the account's own words, verbatim, not reported
  speech), ``cue="post"``, ``said_on`` the post's UTC date and the display name
  as ``speaker_text``; a forward is a statement of the original author
  (``cue="forward"``, ``speaker_text="Original (forwarded by Account)"``);
* a post whose whole text is already the content of a statement the
  statements stage found is left to it, and quotes of others inside a post
  keep their own speakers; first-person speakers ("I said", "we reject") inside
  a post are resolved to the account;
* what the entities and statements stages found inside header lines (the
  rendering, not the posts) and inside posts not in English is dropped, so
  Pashto, Dari, Urdu or Arabic posts in a mixed document give no English
  annotations.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import settings
from ..errors import UsageError
from ..model import DateBasis, EntityType, Mention, PostEntry, Statement, StatementKind
from .pipeline import ParsedDocument, register

__all__ = ["Account", "account_type", "attribute_posts", "load_accounts"]

log = logging.getLogger(__name__)

_ROLE = re.compile(r"\b(spokes(?:person|man|woman)|minister|president|governor|commander|leader|ambassador|mayor|"
                   r"senator|director|chief|emir|amir|mullah|sheikh|general|colonel|deputy)\b", re.I)
_ORG = re.compile(r"\b(ministry|moi|mod|mofa|news|media|agency|office|channel|tv|radio|press|government|army|police|"
                  r"department|council|committee|party|front|movement|embassy|mission|forces|command|network|"
                  r"official|info|updates|center|centre|bureau|foundation|institute|group)\b", re.I)
_FIRST_PERSON = {"i", "we", "me", "us"}


@dataclass(frozen=True)
class Account:
    name: str
    type: EntityType | None = None


def _key(value: str) -> str:
    return " ".join(value.strip().lstrip("@").split()).casefold()


def _parse_mapping(path: Path) -> dict[str, Account]:
    try:
        raw_text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the account mapping {path} (STORYLINE_ACCOUNTS): {exc}") from exc
    try:
        data: Any = json.loads(raw_text)
    except ValueError:
        import yaml

        try:
            data = yaml.safe_load(raw_text)
        except yaml.YAMLError as exc:
            raise UsageError(f"account mapping {path} is neither JSON nor YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise UsageError(f"account mapping {path} must be an object of handle -> name")
    out: dict[str, Account] = {}
    for handle, value in data.items():
        if isinstance(value, str):
            out[_key(str(handle))] = Account(value.strip())
        elif isinstance(value, dict) and isinstance(value.get("name"), str):
            kind = value.get("type")
            try:
                etype = EntityType(kind) if kind else None
            except ValueError:
                raise UsageError(f"account mapping {path}: {handle!r} has type {kind!r}; use person or organization") from None
            out[_key(str(handle))] = Account(value["name"].strip(), etype)
        else:
            raise UsageError(f"account mapping {path}: {handle!r} must map to a name or {{name, type}}")
    return out


@functools.lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Mapping[str, Account]:
    return _parse_mapping(Path(path))


def load_accounts(path: str | None = None) -> Mapping[str, Account]:
    """The account mapping at ``path`` (default: the STORYLINE_ACCOUNTS setting); {} when none is set."""
    path = path or settings().accounts_file
    if not path:
        return {}
    try:
        mtime = os.stat(path).st_mtime
    except OSError as exc:
        raise UsageError(f"cannot read the account mapping {path} (STORYLINE_ACCOUNTS): {exc.strerror or exc}") from exc
    return _cached(str(path), mtime)


def account_type(display: str, found: EntityType | None = None) -> EntityType:
    """Person or organisation, from the display name (roles first, then organisation words), else what NER said."""
    if _ROLE.search(display):
        return EntityType.PERSON
    if _ORG.search(display):
        return EntityType.ORGANIZATION
    if found in (EntityType.PERSON, EntityType.ORGANIZATION):
        return found
    words = display.split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words):
        return EntityType.PERSON
    return EntityType.ORGANIZATION


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _overlaps(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in ranges)


class _Accounts:
    """One mention cluster per account (or forwarded source) in the document."""

    def __init__(self, parsed: ParsedDocument, mapping: Mapping[str, Account]) -> None:
        self.parsed = parsed
        self.mapping = mapping
        self.clusters: dict[str, int] = {}
        self.next = max((m.cluster for m in parsed.mentions), default=-1) + 1
        self.by_canonical = {_key(m.canonical): m.cluster for m in parsed.mentions if m.is_name}

    def mention(self, start: int, end: int, keys: Sequence[str | None], found: EntityType | None) -> Mention:
        text = self.parsed.document.text
        display = text[start:end]
        account = next((self.mapping[_key(k)] for k in keys if k and _key(k) in self.mapping), None)
        canonical = account.name if account else display
        etype = (account.type if account and account.type else None) or account_type(display, found)
        ident = _key(keys[0] or display) if keys and keys[0] else _key(display)
        if ident not in self.clusters:
            self.clusters[ident] = self.by_canonical.get(_key(canonical), self.next)
            if self.clusters[ident] == self.next:
                self.next += 1
        return Mention(self.parsed.document.id, start, end, display, etype, self.clusters[ident], canonical,
                       source="account", is_name=True)


def _said_on(entry: PostEntry) -> dt.date | None:
    return entry.posted_at.date() if entry.posted_at else None


@register("posts", version="2", requires=("parse", "mentions", "statements"), produces=("post_statements",))
def attribute_posts(parsed: ParsedDocument) -> None:
    """Add the account mentions and post statements of a social-media document."""
    entries = parsed.document.posts
    if not entries:
        return
    doc_id = parsed.document.id
    text = parsed.document.text
    headers = [(e.header_start, e.start) for e in entries]
    foreign = [(e.start, e.end) for e in entries if (e.language or "en") != "en"]
    found_types = {(m.start, m.end): m.type for m in parsed.mentions if m.is_name}
    parsed.mentions[:] = [m for m in parsed.mentions if not _overlaps(m.start, m.end, headers) and not _inside(m.start, m.end, foreign)]
    parsed.statements[:] = [s for s in parsed.statements
                            if not _overlaps(s.start, s.end, headers) and not _overlaps(s.content_start, s.content_end, foreign)]
    accounts = _Accounts(parsed, load_accounts())
    added: list[Statement] = []
    for entry in entries:
        start, end, header_start = entry.start, entry.end, entry.header_start
        name_end = entry.name_end or header_start + len(entry.author)
        handle = entry.handle
        found = next((t for (s, e), t in found_types.items() if s >= header_start and e <= name_end), None)
        account = accounts.mention(header_start, name_end, [f"@{handle}" if handle else None, entry.author or None,
                                                            entry.author_id], found)
        parsed.mentions.append(account)
        if (entry.language or "en") != "en" or end <= start:
            continue
        if any(s.content_start <= start and end <= s.content_end for s in parsed.statements):
            continue  # the statements stage already attributes the whole post
        for i, s in enumerate(parsed.statements):
            if start <= s.content_start and s.content_end <= end and (s.speaker_text or "").strip().lower() in _FIRST_PERSON:
                parsed.statements[i] = dataclasses.replace(s, speaker_cluster=account.cluster)
        speaker, speaker_text, cue = account, account.text, "post"
        fwd_start = entry.forwarded_start
        forwarded = entry.forwarded_from
        if forwarded and fwd_start is not None:
            fwd_end = int(fwd_start) + len(" ".join(str(forwarded).split()))
            if text[int(fwd_start) : fwd_end] == " ".join(str(forwarded).split()):
                speaker = accounts.mention(int(fwd_start), fwd_end, [str(forwarded)], None)
                parsed.mentions.append(speaker)
                speaker_text, cue = f"{speaker.text} (forwarded by {account.text})", "forward"
        added.append(
            Statement(
                document_id=doc_id, start=header_start, end=end, content=text[start:end], content_start=start,
                content_end=end, kind=StatementKind.DIRECT, speaker_text=speaker_text, speaker_start=speaker.start,
                speaker_end=speaker.end, speaker_cluster=speaker.cluster, cue=cue, said_on=_said_on(entry),
                said_on_basis=DateBasis.POST,
            )
        )
    parsed.statements.extend(added)
    log.debug("%s: %d post statements", doc_id, len(added))
