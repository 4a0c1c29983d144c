"""Collecting the pieces of a site: reconstructed threads, briefings per actor, Markdown files an analyst wrote.

A :class:`Piece` is what one article page shows; every text in it is either
plain text (escaped by the templates) or :class:`markupsafe.Markup` built by
:mod:`.markup` from escaped text. Problems with one input (a Markdown file
without a date, a briefing actor nobody mentions) become
:class:`~storyline.errors.InputError` values; the other pieces are still built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from ..errors import InputError, StorylineError
from ..ingest.markdown import split_front_matter
from ..ingest.threads import THREAD, is_posts_document
from ..model import Document, Finding, ItemType, Statement
from ..store import Store
from .actors import Actor, ActorIndex
from .markup import Claim, first_sentences, markdown_html, markdown_plain, post_html, safe_href
from .settings import Author, SiteSettings, slugify

log = logging.getLogger(__name__)

__all__ = ["Block", "Figure", "Note", "Piece", "Section", "collect_pieces", "briefing_pieces", "markdown_pieces",
           "thread_pieces"]

THREAD_KIND, BRIEFING_KIND, MARKDOWN_KIND = "thread", "briefing", "markdown"


@dataclass(frozen=True)
class Block:
    """One post (or one rendered Markdown body) of an article."""

    html: Markup
    when: dt.datetime | None = None  # a post's time
    url: str | None = None  # the original post
    evidence: str | None = None  # the post as a statement in the workbench
    post_id: str | None = None
    forwarded_from: str | None = None  # a forwarded post stays attributed to its original author


@dataclass(frozen=True)
class Section:
    heading: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Figure:
    text: str
    measure: str
    href: str | None = None


@dataclass(frozen=True)
class Note:
    """A finding about a claim of the piece (a contradiction, a numeric conflict)."""

    text: str
    href: str | None = None


@dataclass
class Piece:
    slug: str
    kind: str
    title: str
    author: Author
    published: dt.datetime  # timezone-aware
    updated: dt.datetime
    summary: str  # plain-text teaser
    standfirst: Markup | None = None
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    origin: str | None = None  # "Originally posted on X by @handle" and such
    origin_url: str | None = None
    document_id: str | None = None
    also_see: list[Piece] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"pieces/{self.slug}.html"


def _utc(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)


def _short_hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:6]


def _evidence(settings: SiteSettings, document_id: str, start: int, end: int) -> str | None:
    if not settings.workbench_url:
        return None
    return f"{settings.workbench_url}/documents/{quote(document_id, safe='')}?hl={start}-{end}"


def _finding_href(settings: SiteSettings, finding_id: str) -> str | None:
    return f"{settings.workbench_url}/findings#{quote(finding_id, safe='')}" if settings.workbench_url else None


# -- threads -------------------------------------------------------------------------------------------------

_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,3}\s*/\s*\d{0,3}\)?|\d{1,3}[.)])\s*")
_THREAD_WORDS = re.compile(r"\s*(?:\(?\ba\s+thread\b\)?|🧵|\bthread\s*:|⬇️?|👇)\s*", re.I)
_URL = re.compile(r"https?://\S+")


def _lead_text(first_post: str) -> str:
    """A thread's first post without its "1/" numbering, links and "A thread 🧵" markers."""
    text = _URL.sub(" ", _NUMBERING.sub("", first_post))
    return " ".join(_THREAD_WORDS.sub(" ", text).split())


def thread_title(first_post: str, limit: int = 90) -> str:
    """A headline from a thread's first post: its first sentence without numbering, links or "A thread 🧵"."""
    title = first_sentences(_lead_text(first_post), count=1, limit=limit).rstrip(" :;,")
    return title or "Untitled thread"


@dataclass(frozen=True)
class _Context:
    store: Store
    settings: SiteSettings
    actors: ActorIndex
    findings_by_item: Mapping[str, list[Finding]]


def _findings_by_item(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in findings:
        for item in f.items:
            if item.type in (ItemType.STATEMENT, ItemType.FACT):
                out.setdefault(item.id, []).append(f)
    return out


def _same_name(a: str | None, names: set[str]) -> bool:
    return a is not None and " ".join(a.lstrip("@").split()).casefold() in names


def _thread_piece(doc: Document, ctx: _Context) -> Piece | None:
    settings = ctx.settings
    entries = [e for e in doc.posts if not e.deleted and e.end > e.start]
    if not entries:
        return None
    entries.sort(key=lambda e: (e.posted_at.isoformat() if e.posted_at else "", e.start))
    first = entries[0]
    handle = first.handle
    author_name = " ".join(str(first.author or handle or "unknown").split())
    channel_name = str(doc.metadata.get("channel_name") or "")
    author = settings.author_for_account(handle, author_name, channel_name) or \
        Author(key=handle or author_name, name=author_name)

    mentions = ctx.store.mentions_of(doc.id)
    statements = list(ctx.store.iter_statements(doc.id))
    facts = list(ctx.store.iter_facts(doc.id))
    account_clusters = {m.cluster for m in mentions if m.source == "account"}
    own_names = {" ".join(n.lstrip("@").split()).casefold() for n in (author_name, handle, author.name) if n}
    for cluster in account_clusters:
        for m in mentions:
            if m.cluster == cluster:
                own_names.add(" ".join(m.canonical.split()).casefold())

    def speaker_of(s: Statement) -> str | None:
        """Who said a quote inside a post, when it is not the posting account."""
        if s.speaker_cluster is not None and s.speaker_cluster in account_clusters:
            return None
        actor = ctx.actors.for_key(s.speaker_key)
        name = actor.name if actor else s.speaker_text
        if name is None or _same_name(name, own_names) or _same_name(s.speaker_text, own_names):
            return None
        return name

    notes: dict[str, Note] = {}
    for record_id in [s.id for s in statements] + [f.id for f in facts]:
        for finding in ctx.findings_by_item.get(record_id, ()):
            notes.setdefault(finding.id, Note(finding.explanation, _finding_href(settings, finding.id)))

    blocks: list[Block] = []
    for entry in entries:
        start, end = entry.start, entry.end
        claims: list[Claim] = []
        post_evidence = None
        for s in statements:
            if not (start <= s.content_start and s.content_end <= end):
                continue
            if s.cue in ("post", "forward") and s.content_start == start and s.content_end == end:
                post_evidence = _evidence(settings, doc.id, s.start, s.end)
                continue
            claims.append(Claim(s.content_start, s.content_end, speaker_of(s), _evidence(settings, doc.id, s.start, s.end)))
        when = entry.posted_at
        blocks.append(Block(post_html(doc.text[start:end], start, claims), when=when and _utc(when),
                            url=safe_href(entry.url), evidence=post_evidence, post_id=entry.id,
                            forwarded_from=entry.forwarded_from or None))

    times = [b.when for b in blocks if b.when] or [_utc(doc.published or dt.date(1970, 1, 1))]
    body = blocks[1:]
    days = sorted({b.when.date() for b in body if b.when})
    sections: list[Section] = []
    if len(days) > 1:  # a thread over several days: one section per day
        for day in days:
            sections.append(Section(f"{day.day} {day:%B %Y}", tuple(b for b in body if b.when and b.when.date() == day)))
    elif body:
        sections.append(Section(None, tuple(body)))

    spans = [(e.start, e.end) for e in entries]
    in_posts = [m for m in mentions if m.source == "account" or any(s <= m.start and m.end <= e for s, e in spans)]
    actors: dict[str, Actor] = {}
    for m in in_posts:
        actor = ctx.actors.for_mention(m)
        if actor:
            actors.setdefault(actor.key, actor)
    figures: list[Figure] = []
    seen: set[str] = set()
    for f in sorted(facts, key=lambda x: x.start):
        if any(s <= f.start and f.end <= e for s, e in spans) and f.text not in seen:
            seen.add(f.text)
            figures.append(Figure(f.text, f.measure, _evidence(settings, doc.id, f.start, f.end)))

    first_text = doc.text[first.start : first.end]
    external = doc.external_id or doc.id
    title = settings.threads.titles.get(external) or settings.threads.titles.get(doc.id) or thread_title(first_text)
    label = str(doc.metadata.get("platform_label") or doc.format)
    account = f"@{handle}" if handle else (channel_name or author_name)
    first_day, last_day = times[0].date(), times[-1].date()
    dates = f"{first_day.day} {first_day:%B %Y}" + (f" – {last_day.day} {last_day:%B %Y}" if last_day != first_day else "")
    return Piece(
        slug=f"{first_day.isoformat()}-{slugify(author_name, 40) or 'thread'}-{_short_hash(external)}",
        kind=THREAD_KIND,
        title=title,
        author=author,
        published=times[0],
        updated=times[-1],
        summary=first_sentences(_lead_text(first_text), count=2),
        standfirst=blocks[0].html,
        sections=sections,
        figures=figures,
        notes=list(notes.values()),
        actors=sorted(actors.values(), key=lambda a: a.name.casefold()),
        origin=f"A thread of {len(blocks)} posts by {author_name} ({account}) on {label}, {dates}",
        origin_url=blocks[0].url,
        document_id=doc.id,
    )


def thread_pieces(store: Store, settings: SiteSettings, actors: ActorIndex) -> Iterator[Piece]:
    """One piece per current thread document (superseded renderings and excluded threads left out)."""
    if not settings.threads.include:
        return
    from ..store.posts import superseded_ids

    old = superseded_ids(store)
    ctx = _Context(store, settings, actors, _findings_by_item(list(store.iter_findings())))
    for doc in store.iter_documents():
        if doc.id in old or not is_posts_document(doc) or doc.metadata["group"].get("kind") != THREAD:
            continue
        if doc.id in settings.threads.exclude or (doc.external_id or "") in settings.threads.exclude:
            continue
        piece = _thread_piece(doc, ctx)
        if piece is not None:
            yield piece


# -- Markdown files ------------------------------------------------------------------------------------------

def _front_date(value: object, name: str) -> dt.datetime:
    if isinstance(value, dt.datetime | dt.date):
        return _utc(value)
    if isinstance(value, str):
        try:
            return _utc(dt.datetime.fromisoformat(value.strip()))
        except ValueError:
            pass
    raise InputError(name, f"front matter needs 'date: YYYY-MM-DD' (got {value!r})")


def markdown_piece(path: Path, settings: SiteSettings, actors: ActorIndex) -> Piece:
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(name, f"cannot read ({exc})") from exc
    front, body = split_front_matter(raw)
    published = _front_date(front.get("date") or front.get("published"), name)
    updated = _front_date(front["updated"], name) if front.get("updated") else published
    plain = markdown_plain(body)
    title = str(front.get("title") or "").strip()
    if not title:
        match = re.search(r"^#\s+(.+)$", body, re.M)
        title = match.group(1).strip() if match else path.stem.replace("-", " ").capitalize()
    author_value = str(front.get("author") or settings.name)
    author = settings.author_named(author_value) or Author(key=author_value, name=author_value)
    summary = str(front.get("summary") or "").strip()
    words = plain
    if plain.startswith(title):
        words = plain[len(title):].lstrip()
    slug = slugify(str(front.get("slug") or "")) or slugify(path.stem) or _short_hash(name)
    return Piece(
        slug=slug,
        kind=MARKDOWN_KIND,
        title=title,
        author=author,
        published=published,
        updated=max(updated, published),
        summary=summary or first_sentences(words, count=2),
        standfirst=Markup("<p>{}</p>").format(summary) if summary else None,
        sections=[Section(None, (Block(markdown_html(body, drop_title=title)),))],
        actors=sorted(actors.in_text(f"{title}\n{plain}"), key=lambda a: a.name.casefold()),
    )


def markdown_pieces(folder: Path | None, settings: SiteSettings, actors: ActorIndex,
                    errors: list[InputError]) -> Iterator[Piece]:
    """One piece per ``*.md`` file in ``folder`` (sorted; hidden files skipped)."""
    if folder is None or not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        try:
            yield markdown_piece(path, settings, actors)
        except InputError as exc:
            log.warning("skipped piece %s", exc)
            errors.append(exc)


# -- briefings -----------------------------------------------------------------------------------------------

_WORKBENCH_LINK = re.compile(r"\s*\[(?:span|workbench)\]\(<[^>\n]*>\)")


def briefing_piece(store: Store, settings: SiteSettings, actor_name: str, actors: ActorIndex) -> Piece | None:
    from ..export.briefing import render_markdown, select_scope

    scope = select_scope(store, actor=actor_name)
    if not (scope.statements or scope.facts or scope.findings):
        return None
    text = render_markdown(store, scope, base_url=settings.workbench_url or "")
    if not settings.workbench_url:  # links into a workbench the reader cannot reach: leave them out
        text = _WORKBENCH_LINK.sub("", text)
    doc_ids = sorted({s.document_id for s in scope.statements} | {f.document_id for f in scope.facts})
    documents = store.get_documents(doc_ids)
    dates = sorted(_utc(d) for d in [*(s.said_on for s in scope.statements if s.said_on),
                                     *(x.published for x in documents.values() if x.published)])
    if not dates:
        return None
    found: dict[str, Actor] = {}
    if scope.actor is not None:
        found[scope.actor.id] = Actor(scope.actor.id, scope.actor.name, scope.actor.type)
    for key in [*(s.speaker_key for s in scope.statements), *(f.subject_key for f in scope.facts)]:
        actor = actors.for_key(key)
        if actor:
            found.setdefault(actor.key, actor)
    description = "; ".join(scope.description)
    summary = (f"What {scope.actor.name} said and what was reported, {dates[0]:%B %Y} to {dates[-1]:%B %Y}: "
               f"{len(scope.statements)} statements, {len(scope.facts)} numbers and {len(scope.findings)} findings, "
               "each cited.") if scope.actor else f"Briefing on {description}."
    return Piece(
        slug="briefing-" + (slugify(actor_name, 50) or _short_hash(actor_name)),
        kind=BRIEFING_KIND,
        title=scope.title,
        author=Author(key="briefings", name=f"{settings.name} briefings"),
        published=dates[-1],
        updated=dates[-1],
        summary=summary,
        standfirst=Markup("<p>{}</p>").format(summary),
        sections=[Section(None, (Block(markdown_html(text, drop_title=scope.title)),))],
        actors=sorted(found.values(), key=lambda a: a.name.casefold()),
    )


def briefing_pieces(store: Store, settings: SiteSettings, actors: ActorIndex,
                    errors: list[InputError]) -> Iterator[Piece]:
    for name in settings.briefings:
        try:
            piece = briefing_piece(store, settings, name, actors)
        except StorylineError as exc:  # an actor nobody mentions: say so, build the rest
            errors.append(InputError(f"briefing {name!r}", str(exc)))
            continue
        if piece is None:
            errors.append(InputError(f"briefing {name!r}", "nothing in scope (no statements, numbers or findings)"))
            continue
        yield piece


def collect_pieces(store: Store, settings: SiteSettings, pieces_dir: Path | None = None) -> tuple[list[Piece], list[InputError]]:
    """Every piece of the site, newest first, with unique slugs; and the inputs that failed."""
    errors: list[InputError] = []
    actors = ActorIndex.from_store(store)
    pieces = [*thread_pieces(store, settings, actors),
              *briefing_pieces(store, settings, actors, errors),
              *markdown_pieces(pieces_dir or settings.pieces_dir, settings, actors, errors)]
    pieces.sort(key=lambda p: (p.published, p.slug), reverse=True)
    seen: set[str] = set()
    for piece in sorted(pieces, key=lambda p: (p.published, p.slug)):  # the older piece keeps its address
        base, n = piece.slug, 2
        while piece.slug in seen:
            piece.slug = f"{base}-{n}"
            n += 1
        seen.add(piece.slug)
    return pieces, errors
