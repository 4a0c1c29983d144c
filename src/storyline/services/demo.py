"""``storyline demo``: ingest the bundled sample corpus and analyse it."""

from __future__ import annotations

from pathlib import Path

from ..config import settings
from ..errors import UsageError
from ..ingest.base import IngestOptions
from ..store import Store
from .analyze import analyze
from .ingest import ingest_paths
from .watchlists import load_watchlist

__all__ = ["examples_dir", "run_demo"]


def examples_dir() -> Path:
    """The demo corpus: $STORYLINE_EXAMPLES, else the copy installed with the package (``storyline/examples``,
    put there by the build: setup.py), else the examples/ folder of the checkout it runs from."""
    chosen = settings().examples_dir
    candidates = [Path(chosen)] if chosen else []
    candidates.append(Path(__file__).resolve().parents[1] / "examples")
    candidates.append(Path(__file__).resolve().parents[3] / "examples")
    for path in candidates:
        if path.is_dir():
            return path
    raise UsageError(
        f"sample corpus not found (looked in {', '.join(str(c) for c in candidates)}); "
        "reinstall Storyline from a wheel or checkout that includes them, or set STORYLINE_EXAMPLES to the "
        "examples/ folder of a Storyline checkout"
    )


def run_demo(store: Store, watchlist: Path | None = None) -> str:
    """Ingest the sample corpus (and a watchlist, when given) and analyse it; returns a summary."""
    report = ingest_paths(store, [str(examples_dir())], IngestOptions(max_bytes=settings().max_bytes))
    loaded = ""
    if watchlist is not None:
        name, count = load_watchlist(store, watchlist)
        loaded = f"watchlist {name!r}: {count} entries\n"
    result = analyze(store)
    lines = [
        f"{loaded}Storyline demo: {report.summary()}",
        result.summary(),
        f"documents in the database: {store.count('documents')}, watchlist links: {store.count('links')}",
    ]
    return "\n".join(lines)
