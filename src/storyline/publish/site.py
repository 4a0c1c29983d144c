"""``storyline publish``: the static commentary site, built from the pieces with Jinja2 templates.

Layout of the output folder (every link between pages is relative, so the
site opens from the file system as well as from any web server)::

    index.html            Recent pieces with teasers and "Read more"
    archive.html          every piece
    pieces/SLUG.html      one article page per piece
    authors/index.html    authors;  authors/SLUG.html  one page per author
    actors/index.html     actors;   actors/SLUG.html   one page per person/organisation in a piece
    feed.xml  sitemap.xml  style.css

Templates come from ``templates/`` next to the settings file when it has
them, else from this package (autoescaping on for every template).
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, TemplateError

from ..errors import InputError, UsageError
from ..store import Store
from .actors import Actor
from .feed import atom_feed, sitemap
from .output import SiteWriter
from .pieces import Piece, collect_pieces
from .related import link_related
from .settings import Author, SiteSettings, http_url, load_settings, slugify

log = logging.getLogger(__name__)

__all__ = ["PublishReport", "build_site"]


@dataclass
class PublishReport:
    out_dir: Path
    pieces: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def summary(self) -> str:
        return (f"{self.pieces} pieces; {len(self.written)} files written, {len(self.unchanged)} unchanged, "
                f"{len(self.deleted)} deleted; {len(self.errors)} inputs failed -> {self.out_dir}")


@dataclass
class _AuthorPage:
    author: Author
    slug: str
    pieces: list[Piece]

    @property
    def path(self) -> str:
        return f"authors/{self.slug}.html"


@dataclass
class _ActorPage:
    actor: Actor
    slug: str
    pieces: list[Piece]

    @property
    def path(self) -> str:
        return f"actors/{self.slug}.html"


def _unique_slug(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken or slug == "index":
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


def _long_date(value: dt.date | dt.datetime) -> str:
    return f"{value.day} {value:%B %Y}"


def _environment(settings: SiteSettings) -> Environment:
    loaders: list[Any] = []
    if settings.templates_dir and settings.templates_dir.is_dir():
        loaders.append(FileSystemLoader(str(settings.templates_dir)))
    loaders.append(PackageLoader("storyline.publish", "templates"))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["long_date"] = _long_date
    env.filters["iso"] = lambda v: v.isoformat()
    env.filters["hhmm"] = lambda v: v.astimezone(dt.timezone.utc).strftime("%H:%M UTC")
    return env


def _linker(page: str) -> Callable[[str], str]:
    """``link(target)``: the path of ``target`` (relative to the site root) as seen from ``page``."""
    here = posixpath.dirname(page) or "."

    def link(target: str) -> str:
        return posixpath.relpath(target, here)

    return link


class _Renderer:
    def __init__(self, settings: SiteSettings, writer: SiteWriter, common: Mapping[str, Any]) -> None:
        self.settings = settings
        self.env = _environment(settings)
        self.writer = writer
        self.common = common
        self.pages: list[tuple[str, dt.datetime | None]] = []

    def page(self, template: str, path: str, modified: dt.datetime | None, **context: Any) -> None:
        try:
            html = self.env.get_template(template).render(
                site=self.settings, page_path=path, link=_linker(path), **self.common, **context)
        except TemplateError as exc:
            raise UsageError(f"template {template} failed for {path}: {exc}") from exc
        self.writer.write(path, html.encode("utf-8"))
        self.pages.append((path, modified))

    def asset(self, name: str) -> None:
        loader = self.env.loader
        if loader is None:  # pragma: no cover - _environment always sets one
            raise UsageError("no template loader")
        try:
            source, _filename, _uptodate = loader.get_source(self.env, name)
        except TemplateError as exc:
            raise UsageError(f"site asset {name} not found in the templates: {exc}") from exc
        self.writer.write(name, source.encode("utf-8"))


def _latest(pieces: Sequence[Piece]) -> dt.datetime | None:
    return max((p.updated for p in pieces), default=None)


def build_site(store: Store, out_dir: Path, settings_path: Path | None = None, *,
               settings: SiteSettings | None = None, pieces_dir: Path | None = None,
               workbench_url: str | None = None) -> PublishReport:
    """Build (or bring up to date) the static site in ``out_dir``.

    ``settings`` (already loaded) wins over ``settings_path``; ``pieces_dir``
    overrides the ``pieces/`` folder next to the settings file and
    ``workbench_url`` the settings' workbench link (an absolute http(s) URL).
    """
    if settings is None:
        settings = load_settings(settings_path)
    if workbench_url:
        settings = replace(settings, workbench_url=http_url(workbench_url, "workbench_url", "--workbench-url").rstrip("/"))
    if pieces_dir is not None and not pieces_dir.is_dir():
        raise UsageError(f"--pieces {pieces_dir}: no such folder")
    pieces, errors = collect_pieces(store, settings, pieces_dir)
    link_related(pieces)

    author_pages: dict[str, _AuthorPage] = {}
    taken: set[str] = set()
    for piece in sorted(pieces, key=lambda p: (p.published, p.slug)):
        key = piece.author.key.casefold()
        if key not in author_pages:
            author_pages[key] = _AuthorPage(piece.author, _unique_slug(piece.author.slug, taken), [])
        author_pages[key].pieces.insert(0, piece)
    actor_pages: dict[str, _ActorPage] = {}
    taken = set()
    for piece in sorted(pieces, key=lambda p: (p.published, p.slug)):
        for actor in piece.actors:
            if not actor.has_page:
                continue
            if actor.key not in actor_pages:
                actor_pages[actor.key] = _ActorPage(actor, _unique_slug(slugify(actor.name, 50) or "actor", taken), [])
            actor_pages[actor.key].pieces.insert(0, piece)

    writer = SiteWriter(out_dir)
    common = {
        "author_of": {p.slug: author_pages[p.author.key.casefold()] for p in pieces},
        "actor_pages": actor_pages,
        "has_actors": bool(actor_pages),
    }
    renderer = _Renderer(settings, writer, common)
    renderer.asset("style.css")
    renderer.page("index.html", "index.html", _latest(pieces), recent=pieces[: settings.recent],
                  more=len(pieces) > settings.recent)
    renderer.page("archive.html", "archive.html", _latest(pieces), pieces=pieces)
    for piece in pieces:
        renderer.page("article.html", piece.path, piece.updated, piece=piece,
                      recent=[p for p in pieces if p is not piece][:5])
    authors = sorted(author_pages.values(), key=lambda a: a.author.name.casefold())
    renderer.page("authors.html", "authors/index.html", _latest(pieces), authors=authors)
    for ap in authors:
        renderer.page("author.html", ap.path, _latest(ap.pieces), entry=ap)
    actors = sorted(actor_pages.values(), key=lambda a: a.actor.name.casefold())
    renderer.page("actors.html", "actors/index.html", _latest(pieces), actors=actors)
    for ac in actors:
        renderer.page("actor.html", ac.path, _latest(ac.pieces), entry=ac)
    writer.write("feed.xml", atom_feed(settings, pieces))
    writer.write("sitemap.xml", sitemap(settings, renderer.pages))
    counts = writer.finish()
    report = PublishReport(out_dir=out_dir, pieces=len(pieces), written=counts.written, unchanged=counts.unchanged,
                           deleted=counts.deleted, errors=errors)
    log.info("publish: %s", report.summary())
    return report
