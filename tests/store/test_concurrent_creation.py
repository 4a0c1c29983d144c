"""Several processes opening a new SQLite database at once all get one complete schema."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import storyline

_OPEN = (
    "import sys\n"
    "from storyline.store import open_store\n"
    "store = open_store('sqlite:///' + sys.argv[1])\n"
    "print(store.count('analyses'))\n"
)


def test_three_processes_creating_one_sqlite_database_all_succeed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(storyline.__file__).parents[1])}
    for trial in range(3):
        db = tmp_path / f"new{trial}.db"
        procs = [
            subprocess.Popen([sys.executable, "-c", _OPEN, str(db)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        outcomes = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
        assert [(code, out.strip()) for code, out, _ in outcomes] == [(0, "0")] * 3, [err for *_, err in outcomes]
