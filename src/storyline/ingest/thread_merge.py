"""Merging a newly read thread/day document with the posts stored before: the plan and the re-rendering.

Pure functions over :class:`~storyline.model.Post` records; the service
(:mod:`storyline.services.posts`) reads what is stored, asks this module what
changes, and hands the result to the store (:mod:`storyline.store.posts`).

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
  (``metadata["supersedes"]`` = the old id).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Document, Post, PostVersion
from .threads import DAY, THREAD, Channel, PostGroup, group_key_of, render_group

__all__ = ["MergePlan", "plan_merge", "regroup", "render_again"]

log = logging.getLogger(__name__)


@dataclass
class MergePlan:
    new_versions: dict[str, tuple[Post, int]]  # post id -> (post, version number)
    moves: dict[str, tuple[str, str]]  # post id -> (from group, to group)
    targets: dict[str, str]  # post id -> group for every incoming or marked post
    affected: set[str]  # groups whose documents are rendered again


def plan_merge(doc: Document, incoming: Sequence[Post], deletions: Sequence[str],
               stored: Mapping[str, list[PostVersion]], has_group: Callable[[str], bool]) -> MergePlan:
    """What storing ``doc`` changes, given the stored versions of its posts (and of the posts they reply to)."""
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
    return MergePlan(new_versions, moves, targets, affected)


def regroup(plan: MergePlan, groups: dict[str, dict[str, Post]], stored: Mapping[str, list[PostVersion]],
            incoming: Sequence[Post]) -> None:
    """Apply the plan to the affected groups' members (post id -> post): moves, new versions, new posts."""
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


def render_again(channel: Channel, key: str, group_posts: list[Post], doc: Document, old_id: str | None) -> Document:
    """The group's document rendered from its current posts; it supersedes ``old_id`` when that differs."""
    kind = THREAD if key.startswith(THREAD + ":") else DAY
    group = PostGroup(kind, key, sorted(group_posts, key=lambda p: (p.posted_at, p.id)))
    skipped = doc.metadata.get("skipped_posts") if key == doc.metadata["group"]["key"] else None
    rendered = render_group(channel, group, skipped=skipped)
    meta = dict(rendered.metadata)
    if old_id and old_id != rendered.id:
        meta["supersedes"] = old_id
    # a --source given at ingest wins over the channel's own name
    source = doc.source if doc.source != channel.source else rendered.source
    return dataclasses.replace(rendered, metadata=meta, format=doc.format, origin=doc.origin, source=source)
