"""The records Storyline passes between its stages.

Every record is an immutable value. Offsets are Python string indices into the
stored text of the document named by ``document_id``; records never carry a
copy of the text that the offsets cannot reproduce. Ids are derived from
content (see :func:`make_id`), so analysing the same input twice gives the
same ids.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "Comparator",
    "DateBasis",
    "DatePrecision",
    "FactRelation",
    "format_date",
    "DocumentAnalysis",
    "Document",
    "Entity",
    "EntityDecision",
    "FindingCandidate",
    "LocalCluster",
    "ShardRow",
    "ClaimState",
    "ClaimBucket",
    "EntityType",
    "Fact",
    "Finding",
    "FindingItem",
    "FindingKind",
    "FindingSide",
    "ItemType",
    "Link",
    "Mention",
    "MergeEvidence",
    "Post",
    "PostEntry",
    "PostVersion",
    "Review",
    "ReviewStatus",
    "Statement",
    "StatementKind",
    "Storyline",
    "WatchlistEntry",
    "WatchlistName",
    "content_hash",
    "document_id_for",
    "document_of",
    "items_finding_id",
    "make_id",
]


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_id(prefix: str, *parts: object) -> str:
    """A short stable id from the given parts (``prefix_`` + 20 hex chars)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{h[:20]}"


def format_date(day: dt.date | None, precision: DatePrecision | str = "day") -> str | None:
    """A date written to its precision: "2025" (year), "2025-03" (month), "2025-03-05" (day); None stays None."""
    if day is None:
        return None
    p = DatePrecision(precision)
    if p is DatePrecision.YEAR:
        return f"{day.year:04d}"
    if p is DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def document_id_for(text: str) -> str:
    """Document ids come from the stored text alone: same text, same id."""
    return "doc_" + content_hash(text)[:20]


def _frozen_map(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


class EntityType(str, enum.Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    EVENT = "event"
    OTHER = "other"


class StatementKind(str, enum.Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Comparator(str, enum.Enum):
    EQ = "eq"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    APPROX = "approx"


class DatePrecision(str, enum.Enum):
    """How much of a date the text gives: "on 5 March" (day), "in March" (month), "in 2021" (year)."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateBasis(str, enum.Enum):
    """Where a statement's date comes from: the text itself, the document's publication date, or the post's time."""

    TEXT = "text"
    PUBLISHED = "published"
    POST = "post"


class FactRelation(str, enum.Enum):
    """What a number is: a count ("343 attacks"), a change ("from 175 to 450", "a 10% drop"), a range
    ("between 6,000 and 6,500"), a rate ("3 per 1,000 people", "$5 an hour") or a share ("49 percent")."""

    COUNT = "count"
    CHANGE = "change"
    RANGE = "range"
    RATE = "rate"
    SHARE = "share"


class FindingKind(str, enum.Enum):
    SELF_CONTRADICTION = "self_contradiction"
    SOURCE_CONFLICT = "source_conflict"
    NUMERIC_CONFLICT = "numeric_conflict"
    NAME_VARIANT = "name_variant"


class ItemType(str, enum.Enum):
    STATEMENT = "statement"
    FACT = "fact"
    MENTION = "mention"
    ENTITY = "entity"


class ReviewStatus(str, enum.Enum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Document:
    """One stored text and what is known about where it came from."""

    id: str
    text: str
    sha256: str
    external_id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: dt.date | None = None
    format: str = "text"
    language: str | None = None
    origin: str | None = None  # the file path or URL it was read from
    metadata: Mapping[str, Any] = field(default_factory=dict)
    ingested_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", _frozen_map(self.metadata))

    def __getstate__(self) -> dict[str, Any]:
        # a read-only mapping cannot be pickled; documents travel to worker processes
        return {**self.__dict__, "metadata": dict(self.metadata)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        self.__post_init__()

    @classmethod
    def from_text(cls, text: str, **kwargs: Any) -> Document:
        """Build a document whose id and hash are derived from ``text``."""
        return cls(id=document_id_for(text), text=text, sha256=content_hash(text), **kwargs)

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def posts(self) -> tuple[PostEntry, ...]:
        """The posts a thread/day document was rendered from (``metadata["posts"]``, typed); () for other documents."""
        entries = self.metadata.get("posts")
        if not isinstance(entries, (list, tuple)):
            return ()
        return tuple(PostEntry.from_metadata(e) for e in entries if isinstance(e, Mapping))


def _iso_time(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_time(value: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) and value else None


@dataclass(frozen=True, slots=True)
class Post:
    """One social-media post (message, tweet, toot) as every reader reports it."""

    id: str
    author: str  # display name
    posted_at: dt.datetime  # timezone-aware, UTC
    text: str  # normalised; "" for a deletion marker without text
    handle: str | None = None  # without the leading "@"
    author_id: str | None = None  # what tells two authors apart (defaults to handle, then name)
    reply_to: str | None = None
    forwarded_from: str | None = None
    edited_at: dt.datetime | None = None
    deleted: bool = False
    language: str | None = None
    url: str | None = None

    @property
    def author_key(self) -> str:
        return self.author_id or self.handle or self.author

    @property
    def day(self) -> str:
        return self.posted_at.date().isoformat()


@dataclass(frozen=True)
class PostEntry:
    """One post as rendered into a thread/day document: who posted it and where its header and text sit.

    ``text[start:end]`` is the post; its header line starts at ``header_start`` and the author's display
    name ends at ``name_end``; ``forwarded_start`` is where "forwarded from NAME" starts in the header.
    Stored as one dict of ``Document.metadata["posts"]`` (:meth:`as_metadata`, :meth:`from_metadata`).
    """

    id: str
    author: str
    posted_at: dt.datetime | None
    start: int
    end: int
    header_start: int
    name_end: int | None = None
    handle: str | None = None
    author_id: str | None = None
    reply_to: str | None = None
    forwarded_from: str | None = None
    forwarded_start: int | None = None
    edited_at: dt.datetime | None = None
    deleted: bool = False
    language: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, post: Post, *, start: int, end: int, header_start: int, name_end: int,
           forwarded_start: int | None) -> PostEntry:
        return cls(post.id, post.author, post.posted_at, start, end, header_start, name_end, post.handle,
                   post.author_id, post.reply_to, post.forwarded_from, forwarded_start, post.edited_at, post.deleted,
                   post.language, post.url)

    def post(self, document_text: str) -> Post | None:
        """The post this entry was rendered from (its text sliced from the document); None without a time."""
        if self.posted_at is None:
            return None
        return Post(id=self.id, author=self.author, posted_at=self.posted_at, text=document_text[self.start : self.end],
                    handle=self.handle, author_id=self.author_id, reply_to=self.reply_to,
                    forwarded_from=self.forwarded_from, edited_at=self.edited_at, deleted=self.deleted,
                    language=self.language, url=self.url)

    def as_metadata(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "author": self.author,
            "handle": self.handle,
            "author_id": self.author_id,
            "posted_at": _iso_time(self.posted_at),
            "start": self.start,
            "end": self.end,
            "header_start": self.header_start,
            "name_end": self.name_end,
            "reply_to": self.reply_to,
            "forwarded_from": self.forwarded_from,
            "forwarded_start": self.forwarded_start,
            "edited_at": _iso_time(self.edited_at),
            "deleted": self.deleted,
            "language": self.language,
            "url": self.url,
        }

    @classmethod
    def from_metadata(cls, entry: Mapping[str, Any]) -> PostEntry:
        def num(key: str) -> int | None:
            value = entry.get(key)
            return int(value) if value is not None else None

        start = num("start") or 0
        return cls(
            id=str(entry.get("id")),
            author=str(entry.get("author") or ""),
            posted_at=_parse_time(entry.get("posted_at")),
            start=start,
            end=num("end") or 0,
            header_start=int(entry["header_start"]) if entry.get("header_start") is not None else start,
            name_end=num("name_end"),
            handle=entry.get("handle"),
            author_id=entry.get("author_id"),
            reply_to=entry.get("reply_to"),
            forwarded_from=entry.get("forwarded_from"),
            forwarded_start=num("forwarded_start"),
            edited_at=_parse_time(entry.get("edited_at")),
            deleted=bool(entry.get("deleted")),
            language=entry.get("language"),
            url=entry.get("url"),
        )


@dataclass(frozen=True)
class PostVersion:
    """One stored version of a post and the group (thread or day) and document it is in."""

    post: Post
    version: int
    group_key: str
    document_id: str


@dataclass(frozen=True)
class Mention:
    """A name (or role phrase, or pronoun) in a document.

    ``cluster`` groups the mentions of one thing inside one document (aliases,
    short forms, role phrases); corpus resolution maps each cluster to an
    :class:`Entity`. ``canonical`` is the fullest name of the cluster.
    """

    document_id: str
    start: int
    end: int
    text: str
    type: EntityType
    cluster: int
    canonical: str
    source: str = "model"  # which rule found it: model, gazetteer, alias, role, pronoun ...
    is_name: bool = True  # False for role phrases and pronouns (not used as aliases)

    @property
    def id(self) -> str:
        return make_id("men", self.document_id, self.start, self.end)

    @property
    def local_key(self) -> str:
        return f"{self.document_id}#{self.cluster}"


def document_of(local_key: str) -> str:
    """The document of a local key ``document_id#cluster`` (:attr:`Mention.local_key`)."""
    return local_key.rsplit("#", 1)[0]


@dataclass(frozen=True)
class Statement:
    """An attribution: who (source) said (cue) what (content)."""

    document_id: str
    start: int
    end: int
    content: str
    content_start: int
    content_end: int
    kind: StatementKind
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_cluster: int | None = None
    cue: str | None = None  # the cue lemma ("say", "according to")
    cue_start: int | None = None
    cue_end: int | None = None
    polarity: int = 1  # 1 assertion, -1 denial / negated
    said_on: dt.date | None = None
    topic: str | None = None
    # how much of ``said_on`` is known (a month-precise date is stored as the month's first day) and where it came from
    said_on_precision: DatePrecision = DatePrecision.DAY
    said_on_basis: DateBasis = DateBasis.PUBLISHED

    @property
    def said_on_text(self) -> str | None:
        """``said_on`` written to its precision: "2025", "2025-03" or "2025-03-05"."""
        return format_date(self.said_on, self.said_on_precision)

    @property
    def id(self) -> str:
        return make_id("stm", self.document_id, self.content_start, self.content_end)

    @property
    def speaker_key(self) -> str | None:
        if self.speaker_cluster is None:
            return None
        return f"{self.document_id}#{self.speaker_cluster}"


@dataclass(frozen=True)
class Fact:
    """A number stated about something: "343 attacks in 2021"."""

    document_id: str
    start: int
    end: int
    text: str
    measure: str
    value: float
    comparator: Comparator = Comparator.EQ
    value_max: float | None = None  # upper bound of a range "1,600 to 1,700"
    unit: str | None = None
    period: str | None = None  # "2021", "2021-08", "2021-08-26", "2021/2024"
    subject_text: str | None = None  # never a pronoun or relative word: resolved to its cluster, or left empty
    subject_cluster: int | None = None
    population: str | None = None  # what is counted, and of whom: "U.S. service members", "Afghan civilians"
    relation: FactRelation = FactRelation.COUNT
    baseline: float | None = None  # a change's starting value: "from 175 to 450" -> baseline 175, value 450

    @property
    def id(self) -> str:
        return make_id("fct", self.document_id, self.start, self.end, self.measure)

    @property
    def subject_key(self) -> str | None:
        if self.subject_cluster is None:
            return None
        return f"{self.document_id}#{self.subject_cluster}"


@dataclass(frozen=True)
class DocumentAnalysis:
    """Everything the per-document stages found in one document."""

    document_id: str
    pipeline_version: str
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    facts: tuple[Fact, ...] = ()
    language: str | None = None
    error: str | None = None  # set when a stage failed on this document (its annotations are then empty)


@dataclass(frozen=True)
class MergeEvidence:
    """Why two names were put on one entity."""

    left: str
    right: str
    rule: str
    score: float


@dataclass(frozen=True)
class LocalCluster:
    """The mentions of one thing inside one document, as entity resolution sees them (``corpus/resolve.py``)."""

    local_key: str
    document_id: str
    type: EntityType
    canonical: str
    names: tuple[str, ...]
    mention_count: int
    name_counts: tuple[int, ...] = ()  # mentions per entry of ``names`` (same order)

    def count_of(self, index: int) -> int:
        return self.name_counts[index] if index < len(self.name_counts) else 1


@dataclass(frozen=True)
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...]
    mention_count: int
    local_keys: tuple[str, ...] = ()  # document clusters resolved to this entity
    evidence: tuple[MergeEvidence, ...] = ()
    base_id: str = ""  # set when a same-named entity with a smaller local key took the id it would have had


@dataclass(frozen=True)
class WatchlistName:
    name: str
    quality: str = "good"  # good | low | primary


@dataclass(frozen=True)
class WatchlistEntry:
    list_name: str
    ref: str
    name: str
    type: EntityType
    names: tuple[WatchlistName, ...]
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "details", _frozen_map(self.details))


@dataclass(frozen=True)
class Link:
    entity_id: str
    list_name: str
    ref: str
    name: str
    matched: str
    score: float


@dataclass(frozen=True)
class Storyline:
    actor_id: str
    topic: str
    statement_ids: tuple[str, ...]

    @property
    def id(self) -> str:
        return make_id("sty", self.actor_id, self.topic)


@dataclass(frozen=True)
class FindingItem:
    type: ItemType
    id: str


ShardRow = tuple[str, str, str]  # findings shard, statement or fact id, document id
ClaimState = tuple[str, str, str]  # statement id, document id, its claim as text (corpus/findings/claim_state.py)


@dataclass(frozen=True, slots=True)  # a full rebuild holds one per claim and entity shard: kept small
class ClaimBucket:
    """What blocking keeps of one claim in one entity shard (``corpus/findings/blocking.py``).

    An update pairs the claims of a shard from these alone, and rebuilds only the claims of the
    pairs it must evaluate: its rare-word buckets depend on the words of the shard's other claims.
    """

    shard: str
    item_id: str
    document_id: str
    order: tuple[bool, str, str, int]  # the claim's sort key: undated, date (ISO), document, content start
    keys: tuple[tuple[str, ...], ...]  # its buckets in this shard that depend on nothing else
    words: tuple[str, ...]  # its words (sorted): counted for rarity among the shard's claims
    rare: bool  # whether it takes rare-word buckets here (the shard's entity is what it is about)


@dataclass(frozen=True)
class FindingSide:
    """One position in a dispute, and every statement or fact that holds it."""

    label: str  # the position, short: "still active", "a leading figure", "343 attacks"
    items: tuple[FindingItem, ...]


MAX_FORMER_PAIRS = 400  # a dispute of 20 items a side; larger ones keep the aliases of their first pairs


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    items: tuple[FindingItem, ...]  # every item of every side
    score: float
    explanation: str
    sides: tuple[FindingSide, ...] = ()
    question: str = ""  # what the dispute is about (kind, subject, question): the finding's identity when set

    @property
    def id(self) -> str:
        """Derived from the question when there is one (so a dispute keeps its id as it grows), else from kind and items.

        Either way a review finds its finding again after re-analysis.
        """
        if self.question:
            return make_id("fnd", self.kind.value, "q", self.question)
        return items_finding_id(self.kind, self.items)

    def former_ids(self, limit: int = MAX_FORMER_PAIRS) -> list[str]:
        """The ids its pairs had as findings of their own, before a finding was a dispute (migration 0009).

        Then every finding was one pair of items, its id derived from kind and items; a review made
        on such a pair finds the dispute the pair now belongs to through these ids (the
        ``finding_aliases`` table). Pairs across two sides only (items of one side never conflicted),
        any pair when the finding has no sides; at most ``limit`` of them, in the order the sides list them.
        """
        if self.sides:
            pairs = [(x, y) for k, s in enumerate(self.sides) for t in self.sides[k + 1 :] for x in s.items for y in t.items]
        else:
            pairs = [(x, y) for k, x in enumerate(self.items) for y in self.items[k + 1 :]]
        own = self.id  # derived by hashing: once, not once per pair
        out: dict[str, None] = {}
        for x, y in pairs[:limit]:
            old = items_finding_id(self.kind, (x, y))
            if old != own:
                out.setdefault(old)
        return list(out)


def items_finding_id(kind: FindingKind, items: Iterable[FindingItem]) -> str:
    """A finding id derived from kind and items: a finding without a question, and every finding before 0009."""
    keys = sorted(f"{i.type.value}:{i.id}" for i in items)
    return make_id("fnd", kind.value, *keys)


@dataclass(frozen=True)
class FindingCandidate:
    """One scored pair of statements or facts that may become a finding (``corpus/findings/candidates.py``)."""

    shard: str
    score: float
    kind: FindingKind
    order: tuple[str, str]  # stable tie-breaker
    items: tuple[FindingItem, FindingItem]
    dedup: str  # same kind and same two (speaker, content) sides: one finding
    group: str | None  # the question (kind, subject, what is claimed about it): one finding per question
    explanation: str
    labels: tuple[str, str] = ("", "")  # the position each item takes on the question

    def rank(self) -> tuple[float, str, tuple[str, str], str]:
        """Best first; a total order (one pair found in two shards ranks by shard), so picking never depends on input order."""
        return (-self.score, self.kind.value, self.order, self.shard)


@dataclass(frozen=True)
class Review:
    finding_id: str
    status: ReviewStatus
    note: str = ""
    reviewer: str = "unknown"
    decided_at: dt.datetime | None = None


@dataclass(frozen=True)
class EntityDecision:
    """A person's merge or split, kept by names so it survives re-analysis."""

    action: str  # "merge" | "split"
    names: tuple[str, ...]  # merge: all names go on one entity; split: names[1:] leave names[0]
    reviewer: str = "unknown"
    note: str = ""
    decided_at: dt.datetime | None = None
