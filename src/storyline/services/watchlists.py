"""Loading watchlist files into the store (parsing lives in corpus/watchlist.py)."""

from __future__ import annotations

from pathlib import Path

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
    entries = list(_parse(data, list_name, str(path)))
    if not entries:
        raise WatchlistError(str(path), "no entries found; expected a UN Consolidated List XML, CSV or FollowTheMoney JSON")
    count = store.replace_watchlist(list_name, str(path), entries)
    return list_name, count


def _parse(data: bytes, list_name: str, origin: str):  # type: ignore[no-untyped-def]
    """Pick the parser by content: XML → UN Consolidated List, JSON → FollowTheMoney, else CSV."""
    from ..corpus import watchlist as w

    head = data.lstrip()[:1]
    if head == b"<":
        return w.parse_un_consolidated(data, list_name, origin)
    if head in (b"{", b"["):
        return w.parse_ftm(data, list_name, origin)
    return w.parse_watchlist_csv(data, list_name, origin)
