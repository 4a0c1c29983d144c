"""The ``storyline`` command: thin typer shells over the library.

Each command parses its options, makes one library call, and turns a
:class:`~storyline.errors.StorylineError` into a one-line message on stderr
and the exit codes of docs/CONTRACT.md (0 all done, 1 some inputs failed, 2 usage).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from . import __version__
from .config import database_url, settings
from .errors import StorylineError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="storyline",
    help="Storyline: who said what, when — and where the stories shift or collide.\n\n"
    "Example: storyline ingest examples/ && storyline analyze && storyline export --format json -o kb.json\n\n"
    "Commands, exit codes and record shapes: docs/CONTRACT.md in the source, installed as "
    f"{Path(__file__).resolve().parent / 'docs' / 'CONTRACT.md'}.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
watchlist_app = typer.Typer(help="Load and list watchlists (UN Consolidated List XML, CSV, FollowTheMoney).\n\n"
                            "Example: storyline watchlist add un-consolidated.xml --name UN", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for write routes.\n\nExample: storyline token create --name alice",
                        no_args_is_help=True)
entity_app = typer.Typer(help="Merge or split entities (kept as decisions that survive re-analysis).\n\n"
                         "Example: storyline entity merge 'Zabihullah Mujahid' 'Zabiullah Mujahid'", no_args_is_help=True)
app.add_typer(watchlist_app, name="watchlist")
app.add_typer(token_app, name="token")
app.add_typer(entity_app, name="entity")

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", help="Database: a file path, sqlite:///PATH or postgresql://user:pass@host:port/db "
                 "(default: $STORYLINE_DB, else ./storyline.db).", show_default=False),
]

_global_db: str | None = None


def _err(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def handle_errors(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StorylineError as exc:
            _err(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err("interrupted; everything committed so far is kept")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _store(db: str | None):
    from .store import open_store

    return open_store(database_url(db or _global_db))


def _existing_store(db: str | None):
    """The store of a read-only command: a database file that does not exist is refused, never created."""
    from .store import open_store

    url = database_url(db or _global_db)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if str(path) != ":memory:" and not path.is_file():
            raise UsageError(f"no database at {path}; run `storyline ingest PATH...` first, or pass --db "
                             "(or $STORYLINE_DB) to name an existing one")
    return open_store(url)


def _print_listing(listing: Any, as_json: bool, *, one: bool = False) -> None:
    """A listing as a rich table on stdout (with a count line), or its records as JSON."""
    if as_json:
        import json

        value = listing.records[0] if one else list(listing.records)
        typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=listing.title, title_justify="left", show_lines=False)
    for column in listing.columns:
        table.add_column(column, overflow="fold", no_wrap=column in _SHORT_COLUMNS)
    for row in listing.rows:
        table.add_row(*row)
    console = Console(soft_wrap=False)
    console.print(table, markup=False, highlight=False)
    if not one:
        typer.echo(f"{listing.shown} of {listing.total} shown" + ("" if listing.shown >= listing.total else
                   " (--limit N for more)"), err=True)
    if listing.hint:
        typer.echo(f"hint: {listing.hint}", err=True)


_SHORT_COLUMNS = frozenset({"id", "type", "kind", "score", "status", "date", "mentions", "field"})
JsonOption = Annotated[bool, typer.Option("--json", help="Print the records as JSON (the shapes of docs/CONTRACT.md).")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")]


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    db: DbOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details to stderr.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Storyline command line."""
    global _global_db
    _global_db = db
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"invalid date {value!r}; use YYYY-MM-DD") from None


@app.command()
@handle_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), '-' for stdin, or http(s) URLs.")],
    source: Annotated[Optional[str], typer.Option(help="Outlet name for these documents.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD when the input has none.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Title for these documents (else the input's own, its "
                                                 "headline line, or the URL/file-name slug).")] = None,
    format: Annotated[Optional[str], typer.Option("--format", help="Force one reader (e.g. html, text, jsonl).")] = None,
    db: DbOption = None,
) -> None:
    """Store documents; re-ingesting the same content is a no-op.

    Example: storyline ingest examples/ --source "Daily Ledger"
    """
    from .ingest.base import IngestOptions
    from .services.ingest import ingest_paths

    cfg = settings()
    options = IngestOptions(source=source, published=_parse_date(published), title=title, format=format,
                            max_bytes=cfg.max_bytes)
    if format:
        from .ingest.registry import reader_names

        if format not in reader_names():
            from .errors import UnsupportedFormatError

            raise UnsupportedFormatError("ingest", format, reader_names())
    store = _store(db)
    report = ingest_paths(store, paths, options, on_error=lambda e: _err(str(e)))
    typer.echo(report.summary(), err=True)
    if report.failed:
        raise typer.Exit(1)


@app.command()
@handle_errors
def analyze(
    engine: Annotated[str, typer.Option(help="Where per-document stages run: local or ray.")] = "local",
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="Ray cluster address (default: local Ray).")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild the corpus results in full instead of updating "
                                          "what new documents touch.")] = False,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=0, help="local engine: processes for the per-document stages (0: every core; default "
        "$STORYLINE_WORKERS, else every core).")] = None,
    db: DbOption = None,
) -> None:
    """Analyse new documents, then bring entities, links, topics, storylines and findings up to date.

    Only documents not yet analysed by this pipeline version are analysed. The corpus results are
    updated for what new, re-analysed or removed documents touch; they are rebuilt in full the first
    time, after a merge/split decision or a watchlist change, or with --rebuild.

    Example: storyline analyze --engine local
    """
    from .services.analyze import analyze as run

    if engine not in ("local", "ray"):
        raise UsageError(f"invalid engine {engine!r}; valid: local, ray")
    store = _store(db)
    if engine == "ray":
        from .scale.ray_engine import analyze_with_ray

        report = analyze_with_ray(store, settings(), address=ray_address, rebuild=rebuild)
    else:
        report = run(store, force_corpus=rebuild, workers=settings().workers if workers is None else workers)
    for failure in report.failed:
        _err(f"document {failure}")
    typer.echo(report.summary(), err=True)
    if store.count("documents") == 0:
        typer.echo(f"hint: the database {store.location()} holds no documents: run `storyline ingest PATH...` first",
                   err=True)
    if report.has_failures:
        raise typer.Exit(1)


@app.command()
@handle_errors
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl, csv, stix, ftm, graphml or briefing.")] = "json",
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", help="Output file (default: stdout); for csv a directory, one file per record type (a name "
        "ending in .csv: one file of all types); "
        ".html or .pdf switch the briefing format.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="briefing: one actor (name or alias).")] = None,
    topic: Annotated[Optional[str], typer.Option(help="briefing: topics containing this text.")] = None,
    since: Annotated[Optional[str], typer.Option(help="briefing: only what was said on or after YYYY-MM-DD.")] = None,
    html: Annotated[bool, typer.Option("--html", help="briefing: HTML instead of Markdown.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="briefing: PDF (needs a PDF renderer installed).")] = False,
    base_url: Annotated[Optional[str], typer.Option(help="briefing: workbench URL prefix for evidence links.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="briefing: rows per section (default 200).")] = None,
    db: DbOption = None,
) -> None:
    """Write the knowledge base in one of the export formats.

    Example: storyline export --format briefing --actor "Darius Kemal" -o kemal.md
    """
    from .export import export as run

    if since:
        _parse_date(since)
    from .terminal import analysis_hint

    store = _existing_store(db)
    hint = analysis_hint(store)
    if hint:
        typer.echo(f"hint: {hint}", err=True)
    run(store, format, output, actor=actor, topic=topic, since=since, html=html, pdf=pdf, base_url=base_url,
        limit=limit)


@watchlist_app.command("add")
@handle_errors
def watchlist_add(
    file: Annotated[Path, typer.Argument(help="UN Consolidated List XML, CSV or FollowTheMoney JSON lines.")],
    name: Annotated[Optional[str], typer.Option(help="Name of the list (default: from the file).")] = None,
    db: DbOption = None,
) -> None:
    """Load a watchlist; entities are linked to it on the next analyze.

    Example: storyline watchlist add un-consolidated-2025-08.xml --name "UN SC Consolidated List"
    """
    from .services.watchlists import load_watchlist

    store = _store(db)
    list_name, count = load_watchlist(store, file, name)
    typer.echo(f"loaded {count} entries into watchlist {list_name!r}", err=True)


@watchlist_app.command("list")
@handle_errors
def watchlist_list(db: DbOption = None) -> None:
    """Show the loaded watchlists.

    Example: storyline watchlist list
    """
    for w in _existing_store(db).list_watchlists():
        typer.echo(f"{w['name']}\t{w['entry_count']} entries\tloaded {w['loaded_at']}\t{w['origin'] or ''}")


@token_app.command("create")
@handle_errors
def token_create(
    name: Annotated[str, typer.Option(help="Who the token belongs to (recorded with each decision).")],
    db: DbOption = None,
) -> None:
    """Print a new API token (only its hash is stored).

    Example: storyline token create --name alice
    """
    typer.echo(_store(db).create_token(name))


@entity_app.command("merge")
@handle_errors
def entity_merge(
    names: Annotated[list[str], typer.Argument(help="Two or more names to put on one entity.")],
    note: Annotated[str, typer.Option(help="Why.")] = "",
    reviewer: Annotated[str, typer.Option(help="Who decides.")] = settings().reviewer,
    db: DbOption = None,
) -> None:
    """Merge entities by name; the decision survives re-analysis (run analyze to apply).

    Example: storyline entity merge "Khalil Ahmed Haqqani" "Khalil-ur-Rehman Haqqani"
    """
    from .services.review import decide_entities

    decide_entities(_store(db), "merge", names, reviewer, note)


@entity_app.command("split")
@handle_errors
def entity_split(
    names: Annotated[list[str], typer.Argument(help="A name, then the names to split off its entity.")],
    note: Annotated[str, typer.Option(help="Why.")] = "",
    reviewer: Annotated[str, typer.Option(help="Who decides.")] = settings().reviewer,
    db: DbOption = None,
) -> None:
    """Split names off an entity; the decision survives re-analysis (run analyze to apply).

    Example: storyline entity split "Sirajuddin Haqqani" "Khalil Haqqani"
    """
    from .services.review import decide_entities

    decide_entities(_store(db), "split", names, reviewer, note)


@app.command()
@handle_errors
def serve(
    host: Annotated[str, typer.Option(help="Address to bind (default local only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    db: DbOption = None,
) -> None:
    """Start the web workbench and JSON API (OpenAPI at /openapi.json).

    Example: storyline serve --port 8000
    """
    import uvicorn

    from .web.app import create_app

    store = _store(db)
    typer.echo(f"Storyline on http://{host}:{port}/ (database {store.location()})", err=True)
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
@handle_errors
def demo(
    serve_after: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the result (default) or print a summary.")] = True,
    port: Annotated[int, typer.Option(help="Port for the web UI.")] = 8000,
    watchlist: Annotated[Optional[Path], typer.Option(
        help="Also load this watchlist (e.g. the UN Consolidated List XML) before analysing.")] = None,
    db: DbOption = None,
) -> None:
    """Build a database from the bundled sample corpus, analyse it and open the workbench.

    Example: storyline demo --no-serve
    """
    from .services.demo import run_demo

    store = _store(db)
    summary = run_demo(store, watchlist)
    typer.echo(summary)
    if serve_after:
        import uvicorn

        from .web.app import create_app

        typer.echo(f"Open http://127.0.0.1:{port}/  (Ctrl-C to stop)", err=True)
        uvicorn.run(create_app(store), host="127.0.0.1", port=port, log_level="warning")


@app.command()
@handle_errors
def dump(
    file: Annotated[Path, typer.Argument(help="Backup file to write (gzipped JSON lines).")],
    db: DbOption = None,
) -> None:
    """Back up the whole knowledge base, review decisions included.

    Example: storyline dump backup.jsonl.gz
    """
    from .store.backup import dump as run

    counts = run(_existing_store(db), file)
    typer.echo(f"dumped {sum(counts.values())} rows from {len(counts)} tables to {file}", err=True)


@app.command()
@handle_errors
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by storyline dump.")],
    db: DbOption = None,
) -> None:
    """Restore a backup into an empty database (SQLite or PostgreSQL).

    Example: storyline restore backup.jsonl.gz --db postgresql://me@localhost/storyline
    """
    from .store.backup import restore as run

    counts = run(_store(db), file)
    typer.echo(f"restored {sum(counts.values())} rows into {len(counts)} tables", err=True)


@app.command()
@handle_errors
def publish(
    output: Annotated[str, typer.Option("--output", "-o", help="Site directory.")] = "site",
    settings_file: Annotated[Optional[Path], typer.Option(
        "--settings", help="Site settings (TOML/JSON: name, base URL, disclaimer, authors); pieces/ and templates/ "
        "beside it are used too.")] = None,
    pieces: Annotated[Optional[Path], typer.Option(help="Folder of Markdown pieces (default: pieces/ beside --settings).")] = None,
    workbench_url: Annotated[Optional[str], typer.Option(help="Link each claim to this workbench (http(s) URL).")] = None,
    db: DbOption = None,
) -> None:
    """Build a static commentary site from threads, briefings and Markdown pieces.

    Example: storyline publish --settings examples/.site/site.toml -o site
    """
    from .publish.site import build_site

    report = build_site(_existing_store(db), Path(output), settings_file, pieces_dir=pieces, workbench_url=workbench_url)
    for error in report.errors:
        _err(str(error))
    typer.echo(report.summary(), err=True)
    if report.failed:
        raise typer.Exit(1)


@app.command()
@handle_errors
def findings(
    kind: Annotated[Optional[str], typer.Option(help="Only this kind (self_contradiction, source_conflict, numeric_conflict, name_variant).")] = None,
    status: Annotated[Optional[str], typer.Option(help="Only this review status (open, confirmed, rejected...).")] = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List findings, best score first, with their review status.

    Example: storyline findings --limit 10
    """
    from .terminal import list_findings

    _print_listing(list_findings(_existing_store(db), limit=limit, kind=kind, status=status), as_json)


@app.command()
@handle_errors
def entities(
    type: Annotated[Optional[str], typer.Option("--type", help="Only this type (person, organization, place...).")] = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List entities, most mentioned first, with their aliases.

    Example: storyline entities --type person
    """
    from .terminal import list_entities

    _print_listing(list_entities(_existing_store(db), limit=limit, type=type), as_json)


@app.command()
@handle_errors
def statements(
    actor: Annotated[Optional[str], typer.Option(help="Only what this entity said (its name or an alias).")] = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List attributed statements, newest first.

    Example: storyline statements --actor "Zabihullah Mujahid" --limit 5
    """
    from .terminal import list_statements

    _print_listing(list_statements(_existing_store(db), limit=limit, actor=actor), as_json)


@app.command()
@handle_errors
def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A doc_, ent_, stm_ or fnd_ id.")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Show one document, entity, statement or finding.

    Example: storyline show fnd_0123456789abcdef0123
    """
    from .terminal import show_record

    _print_listing(show_record(_existing_store(db), record_id), as_json, one=True)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # e.g. `storyline export | head`
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
