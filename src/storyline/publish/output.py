"""Writing a site folder incrementally: unchanged files are left alone, files of removed pages are deleted.

The folder keeps a manifest (``.storyline-publish.json``) of the files the
last build wrote; only those are ever deleted, so files a person put in the
folder stay. A file is rewritten only when its bytes differ from what is on
disk (compared by SHA-256), and each write goes through a temporary file
renamed into place, so a reader never sees half a page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import StorylineError, UsageError

log = logging.getLogger(__name__)

__all__ = ["MANIFEST", "SiteWriter", "WriteCounts"]

MANIFEST = ".storyline-publish.json"


@dataclass
class WriteCounts:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class SiteWriter:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.counts = WriteCounts()
        self._files: dict[str, str] = {}
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the site folder {root}: {exc.strerror or exc}") from exc
        if not root.is_dir():
            raise UsageError(f"{root} is not a folder")
        self._previous = self._read_manifest()

    def _read_manifest(self) -> dict[str, str]:
        path = self.root / MANIFEST
        if not path.is_file():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            log.warning("ignoring an unreadable manifest %s: %s", path, exc)
            return {}
        files = data.get("files") if isinstance(data, dict) else None
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}

    def _target(self, rel: str) -> Path:
        parts = PurePosixPath(rel).parts
        if not parts or PurePosixPath(rel).is_absolute() or ".." in parts:
            raise StorylineError(f"refusing to write outside the site folder: {rel!r}")
        return self.root.joinpath(*parts)

    def write(self, rel: str, data: bytes) -> bool:
        """Write ``data`` to ``rel`` (a POSIX path inside the site) unless the file already holds it."""
        if rel in self._files:
            raise StorylineError(f"two pages want the same path {rel!r}")
        digest = _sha(data)
        self._files[rel] = digest
        target = self._target(rel)
        if target.is_file():
            try:
                if _sha(target.read_bytes()) == digest:
                    self.counts.unchanged.append(rel)
                    return False
            except OSError as exc:
                log.warning("cannot read %s, rewriting it: %s", target, exc)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.part")
            tmp.write_bytes(data)
            os.replace(tmp, target)
        except OSError as exc:
            raise StorylineError(f"cannot write {target}: {exc.strerror or exc}") from exc
        self.counts.written.append(rel)
        return True

    def finish(self) -> WriteCounts:
        """Delete the files of the previous build that this build did not write, then save the manifest."""
        for rel in sorted(set(self._previous) - set(self._files)):
            try:
                target = self._target(rel)
            except StorylineError:
                continue
            if target.is_file():
                target.unlink()
                self.counts.deleted.append(rel)
                parent = target.parent
                while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                    parent.rmdir()
                    parent = parent.parent
        manifest = json.dumps({"generator": "storyline publish", "files": dict(sorted(self._files.items()))},
                              indent=1).encode("utf-8") + b"\n"
        path = self.root / MANIFEST
        if not path.is_file() or path.read_bytes() != manifest:
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(manifest)
            os.replace(tmp, path)
        return self.counts
