"""``analyze``: per-document stages on what is new, then the corpus-wide steps.

Per-document results are saved in batches, each batch one transaction, so a
killed run keeps every finished batch and redoes only the rest. The corpus
steps read all annotations, resolve entities, link watchlists, build topics,
storylines and findings, and swap the results in atomically. Human decisions
(entity merges/splits) are inputs here and are never written.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..config import Settings, settings
from ..model import DocumentAnalysis, Mention
from ..progress import track
from ..store import CorpusResult, Store

log = logging.getLogger(__name__)

__all__ = ["AnalyzeReport", "analyze", "analyze_documents_in_store", "finish_analysis", "run_corpus_steps"]

BATCH = 32


@dataclass(frozen=True)
class AnalyzeReport:
    analyzed: int
    pipeline_version: str
    entities: int
    statements: int
    facts: int
    findings: int
    corpus_skipped: bool = False
    failed: tuple[str, ...] = ()  # "document id: reason" for documents a stage failed on

    @property
    def has_failures(self) -> bool:
        return bool(self.failed)

    def summary(self) -> str:
        return (
            f"analysed {self.analyzed} documents (pipeline {self.pipeline_version}); "
            f"{self.entities} entities, {self.statements} statements, {self.facts} facts, {self.findings} findings"
        )


def analyze_documents_in_store(
    store: Store, cfg: Settings, on_error: Callable[[str, str], None] | None = None
) -> tuple[int, str]:
    """Run the per-document stages over documents not yet analysed by this version."""
    from ..nlp.pipeline import analyze_documents, build_stages, load_nlp, pipeline_version

    stages = build_stages()
    version = pipeline_version(stages)
    store.drop_superseded_annotations()
    todo = store.documents_to_analyze(version)
    if not todo:
        return 0, version
    nlp = load_nlp(cfg.spacy_model)
    done = 0
    batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
    for batch_ids in track(batches, "Analysing", total=len(batches)):
        docs = store.get_documents(batch_ids)
        ordered = [docs[i] for i in batch_ids if i in docs]
        results: list[DocumentAnalysis] = list(analyze_documents(ordered, nlp, stages))
        store.save_analyses(results)
        for failed in (a for a in results if a.error):
            if on_error:
                on_error(failed.document_id, failed.error or "")
        done += len(results)
    return done, version


def _corpus_fingerprint(store: Store, version: str) -> str:
    parts = [version, repr(sorted(store.pipeline_versions().items())), str(store.count("documents")),
             str(store.count("analyses"))]
    parts += [repr((d.action, d.names)) for d in store.entity_decisions()]
    parts += [repr((w["name"], w["loaded_at"], w["entry_count"])) for w in store.list_watchlists()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def run_corpus_steps(store: Store, cfg: Settings) -> CorpusResult:
    """Resolve entities, link watchlists, assign topics, build storylines and findings."""
    from ..corpus.findings import detect_findings
    from ..corpus.name_variants import find_name_variants
    from ..corpus.resolve import clusters_from_mentions, resolve_entities
    from ..corpus.storylines import build_storylines
    from ..corpus.embeddings import load_embedder
    from ..corpus.topics import assign_topics
    from ..corpus.watchlist import WatchlistIndex

    mentions: list[Mention] = list(store.iter_mentions())
    resolution = resolve_entities(clusters_from_mentions(mentions), store.entity_decisions())
    entities = list(resolution.entities)
    key_to_entity = dict(resolution.key_to_entity)

    links = []
    if store.list_watchlists():
        index = WatchlistIndex(store.iter_watchlist_entries())
        for entity in entities:
            links.extend(index.link(entity))

    statements = list(store.iter_statements())
    facts = list(store.iter_facts())
    mentions_by_doc: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        mentions_by_doc[mention.document_id].append(mention)
    names = {e.id: e.name for e in entities}
    topics = assign_topics(statements, mentions_by_doc, key_to_entity, names, load_embedder(cfg.embed_model))
    storylines = build_storylines(statements, key_to_entity, topics)
    doc_ids = {s.document_id for s in statements} | {f.document_id for f in facts}
    documents = store.get_documents(doc_ids)
    findings = list(detect_findings(statements, facts, mentions_by_doc, key_to_entity, entities, documents))
    findings.extend(find_name_variants(entities, mentions))
    return CorpusResult(entities, key_to_entity, links, topics, storylines, findings)


def analyze(store: Store, cfg: Settings | None = None, *, force_corpus: bool = False) -> AnalyzeReport:
    """Per-document stages in this process, then the corpus steps."""
    cfg = cfg or settings()
    failed: list[str] = []
    analyzed, version = analyze_documents_in_store(store, cfg, on_error=lambda d, why: failed.append(f"{d}: {why}"))
    return finish_analysis(store, cfg, analyzed, version, force_corpus=force_corpus, failed=tuple(failed))


def finish_analysis(
    store: Store, cfg: Settings, analyzed: int, version: str, *, force_corpus: bool = False, failed: tuple[str, ...] = ()
) -> AnalyzeReport:
    """Run the corpus steps unless nothing they read has changed since the last run."""
    fingerprint = _corpus_fingerprint(store, version)
    skipped = not force_corpus and analyzed == 0 and store.get_state("corpus_fingerprint") == fingerprint
    if not skipped:
        result = run_corpus_steps(store, cfg)
        store.replace_corpus(result)
        store.set_state("corpus_fingerprint", fingerprint)
    return AnalyzeReport(
        analyzed=analyzed,
        pipeline_version=version,
        entities=store.count("entities"),
        statements=store.count("statements"),
        facts=store.count("facts"),
        findings=store.count("findings"),
        corpus_skipped=skipped,
        failed=failed,
    )
