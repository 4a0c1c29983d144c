"""Storing social-media documents incrementally: post versions, group documents, superseded ones.

Readers (:mod:`storyline.ingest.threads`) render each thread or day of a
channel into one document. Storing such a document with
:func:`store_posts_document` merges its posts with what the store already has
for that channel:

* a post seen before with the same text changes nothing; with a new text it
  gets a new version (an edit); with ``deleted`` (or named in the document's
  ``deleted_posts``) a new version marked deleted. A post missing from a newer
  export is *not* deleted. Re-reading an older export never rolls an edit back
  (a text equal to any earlier version is not new);
* posts keep the group they were first stored in, except that a self-reply
  chain makes a thread: a post replying to a stored post of the same author
  joins that post's thread (the stored post moves out of its day document when
  it starts a thread);
* every group whose posts changed is rendered again into a new document
  (``metadata["supersedes"]`` = the old id) and the old document is recorded
  in ``superseded``; unchanged groups are reported as duplicates.

Documents are added with ``add`` (by default ``store.add_document``); the post
rows are written after the document, so a run killed in between is repaired by
ingesting the same export again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..ingest.threads import (
    DAY,
    THREAD,
    Channel,
    Post,
    PostGroup,
    channel_of,
    group_key_of,
    is_posts_document,
    posts_from_document,
    render_group,
)
from ..model import Document
from .posts_schema import post_groups, posts, superseded
from .records import now
from .sql import AddResult, Store

__all__ = [
    "PostVersion",
    "current_group_document",
    "post_versions",
    "store_posts_document",
    "store_posts_documents",
    "superseded_ids",
]

log = logging.getLogger(__name__)

_BATCH = 500
AddFn = Callable[[Document], AddResult]


@dataclass(frozen=True)
class PostVersion:
    post: Post
    version: int
    group_key: str
    document_id: str


def _post_from_row(row: Mapping[str, Any]) -> Post:
    return Post(
        id=row["post_id"],
        author=row["author"],
        posted_at=dt.datetime.fromisoformat(row["posted_at"]),
        text=row["text"],
        handle=row["handle"],
        author_id=row["author_id"],
        reply_to=row["reply_to"],
        forwarded_from=row["forwarded_from"],
        edited_at=dt.datetime.fromisoformat(row["edited_at"]) if row["edited_at"] else None,
        deleted=bool(row["deleted"]),
        language=row["language"],
        url=row["url"],
    )


def _version(row: Mapping[str, Any]) -> PostVersion:
    return PostVersion(_post_from_row(row), row["version"], row["group_key"], row["document_id"])


def _row(platform: str, channel: str, post: Post, version: int, group_key: str, document_id: str) -> dict[str, Any]:
    return {
        "platform": platform,
        "channel": channel,
        "post_id": post.id,
        "version": version,
        "text": post.text,
        "author": post.author,
        "handle": post.handle,
        "author_id": post.author_id,
        "posted_at": post.posted_at.isoformat(),
        "edited_at": post.edited_at.isoformat() if post.edited_at else None,
        "deleted": post.deleted,
        "reply_to": post.reply_to,
        "forwarded_from": post.forwarded_from,
        "language": post.language,
        "url": post.url,
        "group_key": group_key,
        "document_id": document_id,
        "stored_at": now(),
    }


def post_versions(store: Store, platform: str, channel: str, post_id: str) -> list[PostVersion]:
    """Every stored version of one post, oldest first."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(posts)
            .where(posts.c.platform == platform, posts.c.channel == channel, posts.c.post_id == post_id)
            .order_by(posts.c.version)
        ).mappings()
        return [_version(r) for r in rows]


def current_group_document(store: Store, platform: str, channel: str, group_key: str) -> str | None:
    with store.engine.connect() as conn:
        return _group_document(conn, platform, channel, group_key)


def _group_document(conn: Connection, platform: str, channel: str, group_key: str) -> str | None:
    return conn.execute(
        select(post_groups.c.document_id).where(
            post_groups.c.platform == platform, post_groups.c.channel == channel, post_groups.c.group_key == group_key
        )
    ).scalar()


def superseded_ids(store: Store) -> set[str]:
    """Documents a newer rendering of their thread/day replaced (analysis and corpus steps may skip them)."""
    with store.engine.connect() as conn:
        return {r[0] for r in conn.execute(select(superseded.c.document_id))}


def _load_versions(conn: Connection, platform: str, channel: str, ids: Iterable[str]) -> dict[str, list[PostVersion]]:
    out: dict[str, list[PostVersion]] = {}
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), _BATCH):
        rows = conn.execute(
            select(posts)
            .where(posts.c.platform == platform, posts.c.channel == channel, posts.c.post_id.in_(wanted[i : i + _BATCH]))
            .order_by(posts.c.post_id, posts.c.version)
        ).mappings()
        for r in rows:
            out.setdefault(r["post_id"], []).append(_version(r))
    return out


def _group_posts(conn: Connection, platform: str, channel: str, group_key: str) -> dict[str, PostVersion]:
    """The latest version of every post stored in one group."""
    latest: dict[str, PostVersion] = {}
    rows = conn.execute(
        select(posts)
        .where(posts.c.platform == platform, posts.c.channel == channel, posts.c.group_key == group_key)
        .order_by(posts.c.post_id, posts.c.version)
    ).mappings()
    for r in rows:
        latest[r["post_id"]] = _version(r)
    return latest


@dataclass
class _Plan:
    new_versions: dict[str, tuple[Post, int]]  # post id -> (post, version number)
    moves: dict[str, tuple[str, str]]  # post id -> (from group, to group)
    targets: dict[str, str]  # post id -> group for every incoming or marked post
    affected: set[str]


def _plan(doc: Document, incoming: Sequence[Post], deletions: Sequence[str], stored: Mapping[str, list[PostVersion]],
          has_group: Callable[[str], bool]) -> _Plan:
    in_key = str(doc.metadata["group"]["key"])
    in_kind = str(doc.metadata["group"].get("kind") or in_key.split(":", 1)[0])
    latest = {pid: versions[-1] for pid, versions in stored.items()}
    moves: dict[str, tuple[str, str]] = {}

    def thread_of(parent_id: str) -> str:
        parent = latest[parent_id]
        if parent.group_key.startswith(THREAD + ":"):
            return parent.group_key
        key = group_key_of(THREAD, parent_id)
        moves[parent_id] = (parent.group_key, key)
        return key

    def self_reply_to_stored(post: Post) -> bool:
        parent = latest.get(post.reply_to or "")
        return parent is not None and parent.post.author_key == post.author_key

    targets: dict[str, str] = {}
    thread_target = in_key
    if in_kind == THREAD and incoming:
        root = incoming[0]
        if root.id in latest and latest[root.id].group_key.startswith(THREAD + ":"):
            thread_target = latest[root.id].group_key
        elif root.id not in latest and self_reply_to_stored(root):
            thread_target = thread_of(root.reply_to or "")
    for post in incoming:
        if in_kind == THREAD:
            targets[post.id] = thread_target
        elif post.id in latest:
            targets[post.id] = latest[post.id].group_key
        elif self_reply_to_stored(post):
            targets[post.id] = thread_of(post.reply_to or "")
        else:
            targets[post.id] = in_key
        if post.id in latest and latest[post.id].group_key != targets[post.id]:
            moves[post.id] = (latest[post.id].group_key, targets[post.id])

    new_versions: dict[str, tuple[Post, int]] = {}
    for post in incoming:
        if post.id not in stored:
            new_versions[post.id] = (post, 1)
            continue
        last = latest[post.id]
        seen_texts = {v.post.text for v in stored[post.id]}
        if post.deleted and not last.post.deleted:
            new_versions[post.id] = (dataclasses.replace(last.post, deleted=True, text=post.text or last.post.text), last.version + 1)
        elif post.text not in seen_texts and not last.post.deleted:
            edited = post.edited_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
            new_versions[post.id] = (dataclasses.replace(post, edited_at=edited), last.version + 1)
    for pid in deletions:
        if pid in latest and not latest[pid].post.deleted and pid not in new_versions:
            last = latest[pid]
            new_versions[pid] = (dataclasses.replace(last.post, deleted=True), last.version + 1)
            targets[pid] = moves.get(pid, (last.group_key, last.group_key))[1]
        elif pid not in latest:
            log.info("deletion marker for post %s, which is not stored", pid)
    affected = {targets[pid] for pid in new_versions}
    for old, new in moves.values():
        affected.update((old, new))
    if in_key in targets.values() and not has_group(in_key):
        affected.add(in_key)
    return _Plan(new_versions, moves, targets, affected)


def _render(channel: Channel, key: str, group_posts: list[Post], doc: Document, old_id: str | None) -> Document:
    kind = THREAD if key.startswith(THREAD + ":") else DAY
    group = PostGroup(kind, key, sorted(group_posts, key=lambda p: (p.posted_at, p.id)))
    skipped = doc.metadata.get("skipped_posts") if key == doc.metadata["group"]["key"] else None
    rendered = render_group(channel, group, skipped=skipped)
    meta = dict(rendered.metadata)
    if old_id and old_id != rendered.id:
        meta["supersedes"] = old_id
    fields = {"metadata": meta, "format": doc.format, "origin": doc.origin}
    if doc.source != channel.source:
        fields["source"] = doc.source  # --source given at ingest
    return dataclasses.replace(rendered, **fields)


def store_posts_document(store: Store, doc: Document, add: AddFn | None = None) -> list[AddResult]:
    """Merge one thread/day document into the store; the results of every group document written.

    ``doc`` must satisfy :func:`storyline.ingest.threads.is_posts_document`.
    """
    add = add or store.add_document
    channel = channel_of(doc)
    platform, key = channel.platform, channel.key
    incoming = posts_from_document(doc)
    deletions = [str(x) for x in doc.metadata.get("deleted_posts", ())]
    with store.engine.connect() as conn:
        ids = {p.id for p in incoming} | {p.reply_to for p in incoming if p.reply_to} | set(deletions)
        stored = _load_versions(conn, platform, key, ids)
        plan = _plan(doc, incoming, deletions, stored,
                     lambda g: _group_document(conn, platform, key, g) is not None)
        if not plan.affected:
            in_key = str(doc.metadata["group"]["key"])
            current = _group_document(conn, platform, key, in_key) or doc.id
            return [AddResult(current, "duplicate")]
        groups: dict[str, dict[str, Post]] = {}
        old_docs: dict[str, str | None] = {}
        for g in sorted(plan.affected):
            groups[g] = {pid: v.post for pid, v in _group_posts(conn, platform, key, g).items()}
            old_docs[g] = _group_document(conn, platform, key, g)
    latest_stored = {pid: versions[-1].post for pid, versions in stored.items()}
    for pid, (old, new) in plan.moves.items():
        moved = groups.get(old, {}).pop(pid, None) or latest_stored.get(pid)
        if moved is not None:
            groups.setdefault(new, {})[pid] = moved
    incoming_by_id = {p.id: p for p in incoming}
    for pid, target in plan.targets.items():
        if target not in groups:
            continue
        if pid in plan.new_versions:
            groups[target][pid] = plan.new_versions[pid][0]
        elif pid not in groups[target]:
            groups[target][pid] = latest_stored.get(pid) or incoming_by_id[pid]

    results: list[AddResult] = []
    group_doc: dict[str, str] = {}
    supersede: list[tuple[str, str]] = []
    emptied: list[str] = []
    for g, members in groups.items():
        if not [p for p in members.values() if p.text]:
            emptied.append(g)
            continue
        new_doc = _render(channel, g, [p for p in members.values() if p.text], doc, old_docs.get(g))
        result = add(new_doc)
        results.append(result)
        group_doc[g] = result.document_id
        old = old_docs.get(g)
        if old and old != result.document_id:
            supersede.append((old, result.document_id))
    for g in emptied:
        old = old_docs.get(g)
        heirs = [plan.moves[pid][1] for pid in plan.moves if plan.moves[pid][0] == g and plan.moves[pid][1] in group_doc]
        if old and heirs:
            supersede.append((old, group_doc[heirs[0]]))

    with store.transaction() as conn:
        for pid, (old, new) in plan.moves.items():
            conn.execute(
                update(posts)
                .where(posts.c.platform == platform, posts.c.channel == key, posts.c.post_id == pid)
                .values(group_key=new)
            )
        rows = []
        for pid, (post, version) in plan.new_versions.items():
            target = plan.targets.get(pid) or plan.moves.get(pid, ("", ""))[1]
            rows.append(_row(platform, key, post, version, target, group_doc.get(target, doc.id)))
        if rows:
            conn.execute(insert(posts), rows)
        for g, doc_id in group_doc.items():
            values = {"document_id": doc_id, "updated_at": now()}
            where = (post_groups.c.platform == platform, post_groups.c.channel == key, post_groups.c.group_key == g)
            if conn.execute(select(post_groups.c.group_key).where(*where)).first():
                conn.execute(update(post_groups).where(*where).values(**values))
            else:
                conn.execute(insert(post_groups).values(platform=platform, channel=key, group_key=g, **values))
        for g in emptied:
            conn.execute(
                post_groups.delete().where(
                    post_groups.c.platform == platform, post_groups.c.channel == key, post_groups.c.group_key == g
                )
            )
        for old, new in supersede:
            if conn.execute(select(superseded.c.document_id).where(superseded.c.document_id == old)).first():
                conn.execute(update(superseded).where(superseded.c.document_id == old).values(by_document_id=new))
            else:
                conn.execute(insert(superseded).values(document_id=old, by_document_id=new, superseded_at=now()))
    return results


def store_posts_documents(store: Store, documents: Iterable[Document], add: AddFn | None = None) -> list[AddResult]:
    """:func:`store_posts_document` for each posts document; other documents are added with ``add`` as they are."""
    add = add or store.add_document
    out: list[AddResult] = []
    for doc in documents:
        out.extend(store_posts_document(store, doc, add) if is_posts_document(doc) else [add(doc)])
    return out
