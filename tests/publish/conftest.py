"""A small published site shared by the publish tests: two fixture threads, a hostile thread, a Markdown piece."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import pytest

from storyline.publish import PublishReport, build_site
from storyline.store import Store, open_store

log = logging.getLogger(__name__)

SOCIAL = Path(__file__).resolve().parents[1] / "fixtures" / "social"
HOSTILE = [
    '1/ </title><script>alert("pwned")</script> At least 12 people were killed in Sarvan on 5 March 2025.',
    '2/ Look <img src=x onerror=alert(1)> and <a href="javascript:alert(2)">click</a> javascript:alert(3)',
    '3/ "It was <b>never</b> mined," the Sarvan Front said. Source: https://example.org/a?b=1&c="x"',
]
PIECE = """---
title: "Convoys and the <i>pass</i>: a note"
author: analyst
date: 2025-03-07
summary: The road to Sarvan reopened; the Northern Relief Committee resumes convoys.
---
# Convoys and the <i>pass</i>: a note

## What the ministry said

The Veloria MoI Spokesperson said the road reopened and that the Northern Relief Committee will resume
convoys. <script>alert("md")</script> [a bad link](javascript:alert(1)) and [a good one](https://example.org/).

## What remains open

Whether the pass is mined is disputed by the Sarvan Front.
"""
SETTINGS = {
    "name": "Test Watch",
    "base_url": "https://test-watch.example/",
    "description": "Commentary for the publish tests.",
    "disclaimer": "Views are their own.",
    "authors": {"analyst": {"name": "Ana Lyst", "bio": "Writes <b>tests</b>.", "accounts": ["@VeloriaMoI_Spox"]}},
}


def hostile_export(folder: Path) -> Path:
    """A Telegram Desktop export whose only thread is full of markup."""
    messages = []
    for i, text in enumerate(HOSTILE):
        msg = {"id": 100 + i, "type": "message", "date": f"2025-03-06T10:0{i}:00", "date_unixtime": str(1741255200 + 60 * i),
               "from": "Evil <Channel>", "from_id": "channel42", "text": text, "text_entities": []}
        if i:
            msg["reply_to_message_id"] = 99 + i
        messages.append(msg)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "result.json"
    path.write_text(json.dumps({"name": "Evil <Channel>", "type": "public_channel", "id": 42, "messages": messages}),
                    encoding="utf-8")
    return path


@dataclass
class Published:
    store: Store
    out: Path
    settings_path: Path
    report: PublishReport


def make_store(tmp: Path, nlp: object, *, hostile: bool = True, extra: tuple[str, ...] = ()) -> Store:
    """Fixture exports (and ``extra`` paths) ingested and, as far as the tree allows, analysed."""
    from storyline.ingest.base import IngestOptions
    from storyline.services.ingest import ingest_paths

    store = open_store("sqlite:///" + str(tmp / "store.db"))
    paths = [str(SOCIAL / "telegram"), str(SOCIAL / "x"), *extra]
    if hostile:
        paths.append(str(hostile_export(tmp / "hostile")))
    report = ingest_paths(store, paths, IngestOptions())
    assert not report.errors, report.errors
    try:
        from storyline.services.analyze import analyze

        analyze(store)
    except ImportError as exc:  # corpus steps still landing: pieces are built from what was stored
        log.warning("analyze incomplete (%s); publishing from per-document annotations only", exc)
    return store


def write_site_folder(folder: Path) -> Path:
    (folder / "pieces").mkdir(parents=True, exist_ok=True)
    (folder / "pieces" / "convoys-note.md").write_text(PIECE, encoding="utf-8")
    path = folder / "site.json"
    path.write_text(json.dumps(SETTINGS), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Published:
    tmp = tmp_path_factory.mktemp("publish")
    store = make_store(tmp, nlp)
    settings_path = write_site_folder(tmp / "settings")
    out = tmp / "site"
    report = build_site(store, out, settings_path)
    return Published(store, out, settings_path, report)
