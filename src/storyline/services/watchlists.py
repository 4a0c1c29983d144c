"""Loading watchlist files into the store (parsing lives in corpus/watchlist.py)."""

from __future__ import annotations

from pathlib import Path

from ..corpus.watchlist import parse_watchlist
from ..errors import WatchlistError
from ..store import Store

__all__ = ["load_watchlist"]


def load_watchlist(store: Store, path: Path, name: str | None = None) -> tuple[str, int]:
    """Parse a watchlist file and replace any earlier load of the same list name."""
    if not path.is_file():
        raise WatchlistError(str(path), "no such file")
    data = path.read_bytes()
    if not data.strip():
        raise WatchlistError(str(path), "empty file; expected a UN Consolidated List XML, CSV or FollowTheMoney JSON")
    list_name = name or path.stem
    entries = list(parse_watchlist(data, list_name, str(path)))
    if not entries:
        raise WatchlistError(str(path), "no entries found; expected a UN Consolidated List XML, CSV or FollowTheMoney JSON")
    count = store.replace_watchlist(list_name, str(path), entries)
    return list_name, count

