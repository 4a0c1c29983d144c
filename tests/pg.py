"""A throw-away PostgreSQL cluster on loopback for tests (skips when no server binaries)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    hits = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return hits[-1] if hits else None


def available() -> bool:
    return bool(_bin("initdb") and _bin("pg_ctl"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def cluster() -> Iterator[str]:
    """Start a private cluster; yield its server URL (no database); stop and delete it afterwards."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    assert initdb and pg_ctl
    root = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    data = root / "data"
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: use the postgres account
        user = "postgres"
        pwd.getpwnam(user)
        shutil.chown(root, user)
        os.chmod(root, 0o700)
        prefix = ["runuser", "-u", user, "--"]
    port = _free_port()
    subprocess.run([*prefix, initdb, "-D", str(data), "-U", "storyline", "--auth=trust", "-E", "UTF8",
                    "--no-instructions"], check=True, capture_output=True)
    opts = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c fsync=off"
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"],
                   check=True, capture_output=True)
    try:
        import psycopg

        for _ in range(50):
            try:
                with psycopg.connect(f"host=127.0.0.1 port={port} user=storyline dbname=postgres", autocommit=True):
                    break
            except psycopg.OperationalError:
                time.sleep(0.2)
        yield f"postgresql://storyline@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def new_database(server_url: str, name: str) -> str:
    """Create an empty database on the test cluster and return its URL."""
    import psycopg

    host = server_url.split("@", 1)[1]
    addr, port = host.split(":")
    with psycopg.connect(f"host={addr} port={port} user=storyline dbname=postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"
