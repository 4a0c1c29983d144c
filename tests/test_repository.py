"""What a checkout promises: the files the README links exist; what a user's commands create stays untracked."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_readme_links_to_files_that_exist() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?!https?://)[^)#\s]+)\)", readme)
    assert "docs/CONTRACT.md" in targets
    assert [t for t in targets if not (REPO / t).exists()] == []


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs a git checkout")
def test_databases_and_locks_a_user_creates_are_ignored() -> None:
    names = ["real.db", "real.db-wal", "real.db-shm", "real.db.analyze.lock", "data/kb.db", "x.sqlite"]
    result = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=REPO, capture_output=True, text=True)
    assert sorted(result.stdout.split()) == sorted(names)
