"""Storing a thread/day document of social-media posts: merge it with the channel's stored posts.

Reads the stored versions (:mod:`storyline.store.posts`), asks
:mod:`storyline.ingest.thread_merge` what changes and renders every changed
group again; each group document is added with ``add`` (by default
``store.add_document``), then the post rows are written, so a run killed in
between is repaired by ingesting the same export again. A group whose document
changed records the old one as superseded; unchanged groups are reported as
duplicates.
"""

from __future__ import annotations

from collections.abc import Callable

from ..ingest.thread_merge import plan_merge, regroup, render_again
from ..ingest.threads import channel_of, posts_from_document
from ..model import Document, Post, PostVersion
from ..store import AddResult, Store
from ..store.posts import (
    PostChanges,
    current_group_document,
    group_post_versions,
    load_post_versions,
    save_post_changes,
)

__all__ = ["store_posts_document"]

AddFn = Callable[[Document], AddResult]


def store_posts_document(store: Store, doc: Document, add: AddFn | None = None) -> list[AddResult]:
    """Merge one thread/day document into the store; the results of every group document written.

    ``doc`` must satisfy :func:`storyline.ingest.threads.is_posts_document`.
    """
    add = add or store.add_document
    channel = channel_of(doc)
    platform, key = channel.platform, channel.key
    incoming = posts_from_document(doc)
    deletions = [str(x) for x in doc.metadata.get("deleted_posts", ())]
    ids = {p.id for p in incoming} | {p.reply_to for p in incoming if p.reply_to} | set(deletions)
    stored = load_post_versions(store, platform, key, ids)
    plan = plan_merge(doc, incoming, deletions, stored,
                      lambda g: current_group_document(store, platform, key, g) is not None)
    if not plan.affected:
        in_key = str(doc.metadata["group"]["key"])
        current = current_group_document(store, platform, key, in_key) or doc.id
        return [AddResult(current, "duplicate")]
    groups: dict[str, dict[str, Post]] = {}
    old_docs: dict[str, str | None] = {}
    for g in sorted(plan.affected):
        groups[g] = {pid: v.post for pid, v in group_post_versions(store, platform, key, g).items()}
        old_docs[g] = current_group_document(store, platform, key, g)
    regroup(plan, groups, stored, incoming)

    results: list[AddResult] = []
    group_doc: dict[str, str] = {}
    supersede: list[tuple[str, str]] = []
    emptied: list[str] = []
    for g, members in groups.items():
        if not [p for p in members.values() if p.text]:
            emptied.append(g)
            continue
        new_doc = render_again(channel, g, [p for p in members.values() if p.text], doc, old_docs.get(g))
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

    versions = []
    for pid, (post, version) in plan.new_versions.items():
        target = plan.targets.get(pid) or plan.moves.get(pid, ("", ""))[1]
        versions.append(PostVersion(post, version, target, group_doc.get(target, doc.id)))
    save_post_changes(store, platform, key, PostChanges(
        moves={pid: new for pid, (_old, new) in plan.moves.items()}, versions=versions, group_documents=group_doc,
        emptied=emptied, superseded=supersede))
    return results
