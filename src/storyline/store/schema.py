"""The tables, as SQLAlchemy Core objects (the migrations create them).

Three groups, kept apart on purpose:
- input: documents (content-addressed) and their near-duplicate bands;
- machine output: per-document annotations tagged with the pipeline version
  that made them, and corpus-wide results (entities, links, topics,
  storylines, findings) that each ``analyze`` rebuilds;
- human decisions: reviews, entity merges/splits, API tokens. Nothing in the
  machine-output tables refers to a decision row and no analysis step writes
  here, so re-analysis can never erase a decision.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text, text

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("external_id", Text),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("author", Text),
    Column("published", String(10)),
    Column("format", String(32), nullable=False),
    Column("language", String(16)),
    Column("origin", Text),
    Column("meta", Text, nullable=False, default="{}"),
    Column("text", Text, nullable=False),
    Column("chars", Integer, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("near_duplicate_of", String(32)),
    Column("near_duplicate_score", Float),
    Index("ix_documents_published", "published"),
    Index("ix_documents_source", "source"),
    # Partial: almost every document has no near-duplicate, and a full index on a column of NULLs
    # looks useless to the planner (it then scans the table for "duplicates of X").
    Index("ix_documents_near_duplicate_of", "near_duplicate_of",
          sqlite_where=text("near_duplicate_of IS NOT NULL"), postgresql_where=text("near_duplicate_of IS NOT NULL")),
    # Covering indexes for the search filters (source, date range): the matching ids come from the index alone.
    Index("ix_documents_source_published_id", "source", "published", "id"),
    Index("ix_documents_published_id", "published", "id"),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("band", String(40), nullable=False),
    Column("document_id", String(32), nullable=False),
    Index("ix_document_bands_band", "band"),
)

analyses = Table(
    "analyses",
    metadata,
    Column("document_id", String(32), primary_key=True),
    Column("pipeline_version", String(200), nullable=False),
    Column("language", String(16)),
    Column("analyzed_at", String(32), nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("document_id", String(32), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("cluster", Integer, nullable=False),
    Column("canonical", Text, nullable=False),
    Column("source", String(32), nullable=False),
    Column("is_name", Boolean, nullable=False),
    Column("pipeline_version", String(200), nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("document_id", String(32), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_cluster", Integer),
    Column("cue", String(64)),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("polarity", Integer, nullable=False),
    Column("said_on", String(10)),
    Column("said_on_precision", String(8)),  # day|month|year (NULL: day)
    Column("said_on_basis", String(16)),  # text|published|post (NULL: published)
    Column("pipeline_version", String(200), nullable=False),
)

facts = Table(
    "facts",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("document_id", String(32), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("measure", String(64), nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("comparator", String(8), nullable=False),
    Column("unit", String(32)),
    Column("period", String(32)),
    Column("subject_text", Text),
    Column("subject_cluster", Integer),
    Column("population", Text),
    Column("relation", String(8)),  # count|change|range|rate|share (NULL: count)
    Column("baseline", Float),
    Column("pipeline_version", String(200), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False),
    Column("mention_count", Integer, nullable=False),
    Column("evidence", Text, nullable=False, default="[]"),
    # the id the entity would have without a same-named entity before it, and its smallest local
    # key: an incremental resolution re-decides the ids of same-named entities (corpus/resolve.py)
    Column("base_id", String(32), index=True),
    Column("min_key", String(64)),
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("local_key", String(64), primary_key=True),
    Column("entity_id", String(32), nullable=False, index=True),
)

topics = Table(
    "topics",
    metadata,
    Column("statement_id", String(32), primary_key=True),
    Column("topic", Text, nullable=False),
    Column("topic_index", Integer, index=True),  # the topic's number in topic_states
)

# The topic model between runs (corpus/topics.py TopicModel): one row per topic, so statements of new
# documents join the topics built so far; its model-wide part is the corpus_state key "topic_model".
topic_states = Table(
    "topic_states",
    metadata,
    Column("topic_index", Integer, primary_key=True, autoincrement=False),
    Column("label", Text, nullable=False),
    Column("state", Text, nullable=False),
)

links = Table(
    "links",
    metadata,
    Column("entity_id", String(32), nullable=False, index=True),
    Column("list_name", Text, nullable=False),
    Column("ref", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("matched", Text, nullable=False),
    Column("score", Float, nullable=False),
)

storylines = Table(
    "storylines",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("actor_id", String(32), nullable=False, index=True),
    Column("topic", Text, nullable=False),
    Column("statement_ids", Text, nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("items", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("question", Text),  # what the dispute is about; the finding's id derives from it when set
    Column("sides", Text),  # JSON [[label, [[type, id], ...]], ...]: the positions and who holds each
    Index("ix_findings_score", "score"),
)

# The items of each finding, one row each, so "findings about this statement/entity" is an index lookup.
finding_items = Table(
    "finding_items",
    metadata,
    Column("finding_id", String(32), nullable=False, index=True),
    Column("item_type", String(16), nullable=False),
    Column("item_id", String(64), nullable=False, index=True),
)

# The ids a finding's pairs had before a finding was a dispute (0009: each pair was a finding, its id from kind
# and items) → the finding they now belong to, so a review kept by an old id still shows on its finding.
# Rewritten with the findings; reviews themselves are never rewritten.
finding_aliases = Table(
    "finding_aliases",
    metadata,
    Column("old_id", String(32), primary_key=True),
    Column("finding_id", String(32), nullable=False, index=True),
)

# -- read-side indexes, derived from the corpus results above by store/derived.py in the same
# transaction as replace_corpus, so that every page is a bounded index range at any corpus size.

# Which statements and facts each entity is tied to: role "speaker" (statement said by it), "mentioned"
# (statement by someone else whose content mentions it), "subject" (fact about it). sort_date is the
# statement's said_on, else its document's published date ('' when neither is known).
entity_items = Table(
    "entity_items",
    metadata,
    Column("entity_id", String(32), nullable=False),
    Column("role", String(16), nullable=False),
    Column("item_id", String(64), nullable=False),
    Column("document_id", String(32), nullable=False),
    Column("sort_date", String(10), nullable=False),
    Index("ix_entity_items_entity", "entity_id", "role", "sort_date", "item_id"),
)

# Each surface form an entity was written as, how often, and the first document (lowest id) using it.
entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", String(32), nullable=False),
    Column("alias", Text, nullable=False),
    Column("mention_count", Integer, nullable=False),
    Column("first_document_id", String(32), nullable=False),
    Index("ix_entity_aliases_entity", "entity_id", "mention_count"),
)

# The findings filters of the findings board: actors (entity items, statement speakers, fact subjects)
# and the sources of the documents a finding cites.
finding_actors = Table(
    "finding_actors",
    metadata,
    Column("finding_id", String(32), nullable=False),
    Column("entity_id", String(32), nullable=False),
    Index("ix_finding_actors_entity", "entity_id", "finding_id"),
)

finding_sources = Table(
    "finding_sources",
    metadata,
    Column("finding_id", String(32), nullable=False),
    Column("source", Text, nullable=False),
    Index("ix_finding_sources_source", "source", "finding_id"),
)

# Each document cluster as the resolver sees it (corpus/resolve.py LocalCluster): re-resolving part of
# the corpus reads these rows instead of the clusters' mentions.
clusters = Table(
    "clusters",
    metadata,
    Column("local_key", String(64), primary_key=True),
    Column("document_id", String(32), nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("canonical", Text, nullable=False),
    Column("names", Text, nullable=False),  # JSON [[name, mentions], ...]
    Column("mention_count", Integer, nullable=False),
)

# Which resolution blocks each document cluster falls in (corpus/resolve.py cluster_blocks), so the
# clusters a new document can affect are found by index lookups instead of re-reading the corpus.
cluster_blocks = Table(
    "cluster_blocks",
    metadata,
    Column("local_key", String(64), nullable=False),
    Column("document_id", String(32), nullable=False),
    Column("block", Text, nullable=False),
    Column("weight", Integer, nullable=False),
    Index("ix_cluster_blocks_block", "block", "local_key"),
    Index("ix_cluster_blocks_key", "local_key"),
    Index("ix_cluster_blocks_document", "document_id"),
)

# Which findings shards (corpus/findings/candidates.py) each statement and fact is in, and every shard's
# scored candidate pairs: after new documents only the shards they touch are recomputed, and the
# findings are picked again from all stored candidates.
def _shard_member_columns() -> list[Column]:
    """A claim's or fact's membership of a shard (claim_shards, claim_buckets and their staged twins)."""
    return [
        Column("shard", Text, nullable=False),
        Column("item_id", String(64), nullable=False),
        Column("document_id", String(32), nullable=False),
    ]


def _candidate_columns() -> list[Column]:
    """A scored candidate pair of a shard (finding_candidates and its staged twin)."""
    return [
        Column("shard", Text, nullable=False),
        Column("score", Float, nullable=False),
        Column("kind", String(32), nullable=False),
        Column("item_a", String(64), nullable=False),
        Column("item_b", String(64), nullable=False),
        Column("item_type", String(16), nullable=False),
        Column("dedup", String(40), nullable=False),
        Column("grp", String(40)),
        Column("explanation", Text, nullable=False),
        Column("labels", Text),  # JSON [label_a, label_b]: the position each item takes on the question
    ]


def _shard_pairs_columns() -> list[Column]:
    """The pairs one shard evaluated (shard_pairs and its staged twin)."""
    return [Column("shard", Text, primary_key=True), Column("pairs", Text, nullable=False)]


claim_shards = Table(
    "claim_shards",
    metadata,
    *_shard_member_columns(),
    Index("ix_claim_shards_shard", "shard"),
    Index("ix_claim_shards_document", "document_id"),
)

# What blocking keeps of each claim in each entity shard (a JSON entry: sort key, own buckets, words).
claim_buckets = Table(
    "claim_buckets",
    metadata,
    *_shard_member_columns(),
    Column("entry", Text, nullable=False),
    Index("ix_claim_buckets_shard", "shard"),
    Index("ix_claim_buckets_document", "document_id"),
)

# Each claim of an entity shard as the findings step built it (JSON text, corpus/findings/claim_state.py): an update
# reads the claims of unchanged statements it must score against instead of rebuilding them.
claim_states = Table(
    "claim_states",
    metadata,
    Column("item_id", String(64), primary_key=True),
    Column("document_id", String(32), nullable=False),
    Column("state", Text, nullable=False),
    Index("ix_claim_states_document", "document_id"),
)

finding_candidates = Table(
    "finding_candidates",
    metadata,
    *_candidate_columns(),
    Index("ix_finding_candidates_shard", "shard"),
    Index("ix_finding_candidates_items", "item_a", "item_b"),
)

# The pairs each entity shard evaluated (sorted 63-bit pair hashes, base64): a pair of two unchanged
# statements evaluated before keeps its stored candidate, or its lack of one, without being evaluated again.
shard_pairs = Table("shard_pairs", metadata, *_shard_pairs_columns())

# A full findings rebuild of a large corpus writes what it produces here, chunk by chunk, instead of holding it
# (services/findings_full.py): the same columns as the four tables above. The corpus write moves the rows into
# those tables in its one transaction; a rebuild that dies leaves them here, and the next rebuild clears them.
staged_claim_shards = Table(
    "staged_claim_shards",
    metadata,
    *_shard_member_columns(),
    Index("ix_staged_claim_shards_shard", "shard"),
)

staged_claim_buckets = Table("staged_claim_buckets", metadata, *_shard_member_columns(), Column("entry", Text, nullable=False))

staged_finding_candidates = Table(
    "staged_finding_candidates",
    metadata,
    *_candidate_columns(),
    Index("ix_staged_finding_candidates_items", "item_a", "item_b"),
)

staged_shard_pairs = Table("staged_shard_pairs", metadata, *_shard_pairs_columns())

# The claims and fact views the rebuild's scan built, as claim_states holds them: its chunks read them instead of
# building each claim again from its document and mentions.
staged_claim_states = Table(
    "staged_claim_states",
    metadata,
    Column("item_id", String(64), primary_key=True),
    Column("document_id", String(32), nullable=False),
    Column("state", Text, nullable=False),
)

# The analysis (pipeline version and time) of each document that the corpus results reflect.
corpus_documents = Table(
    "corpus_documents",
    metadata,
    Column("document_id", String(32), primary_key=True),
    Column("stamp", Text, nullable=False),
)

corpus_state = Table(
    "corpus_state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("finding_id", String(32), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("note", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("decided_at", String(32), nullable=False),
)

entity_decisions = Table(
    "entity_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),
    Column("names", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("decided_at", String(32), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
)

watchlists = Table(
    "watchlists",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("origin", Text),
    Column("entry_count", Integer, nullable=False),
    Column("loaded_at", String(32), nullable=False),
)

watchlist_entries = Table(
    "watchlist_entries",
    metadata,
    Column("list_name", String(200), primary_key=True),
    Column("ref", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("names", Text, nullable=False),
    Column("details", Text, nullable=False),
)
