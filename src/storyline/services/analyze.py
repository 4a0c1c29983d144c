"""``analyze``: per-document stages on what is new, then the corpus-wide steps.

Per-document results are saved in batches, each batch one transaction, so a
killed run keeps every finished batch and redoes only the rest. The corpus
steps resolve entities, link watchlists, build topics, storylines and findings,
and write the results atomically: in full the first time (or when decisions,
watchlists or the steps change), afterwards only for what new, re-analysed or
removed documents reach (:mod:`storyline.services.resolution_update`). Human
decisions (entity merges/splits) are inputs here and are never written.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from ..corpus.findings import FINDINGS_VERSION
from ..config import Settings, settings
from ..corpus.storylines import STORYLINES_VERSION
from ..model import Document, DocumentAnalysis, Entity, Link, Mention, Statement, document_of
from ..progress import StepCallback, Steps, no_steps, track
from ..store import CorpusResult, Store
from .resolution_rebuild import JobRunner
from .resolution_update import ResolutionChange
from .after_update import AfterUpdate, by_document
from .findings_full import ChunkRunner
from .topics_update import full_topics, update_topics

log = logging.getLogger(__name__)

__all__ = ["AnalyzeReport", "analyze", "analyze_documents_in_store", "finish_analysis", "run_corpus_steps", "update_corpus_steps"]

BATCH = 32


@dataclass(frozen=True)
class AnalyzeReport:
    analyzed: int
    pipeline_version: str
    entities: int
    statements: int
    facts: int
    findings: int
    failed: tuple[str, ...] = ()  # "document id: reason" for documents a stage failed on
    corpus_mode: str = "full"  # how the corpus results were brought up to date: full, incremental or skipped
    corpus_documents: int = 0  # documents the corpus step took in (all of them for a full rebuild)
    not_english: int = 0  # documents in another language: stored and searchable, not run through the English models

    @property
    def corpus_skipped(self) -> bool:
        return self.corpus_mode == "skipped"

    @property
    def has_failures(self) -> bool:
        return bool(self.failed)

    def summary(self) -> str:
        corpus = {"full": "corpus results rebuilt", "skipped": "corpus results unchanged",
                  "incremental": f"corpus results updated for {self.corpus_documents} changed "
                                 f"document{'' if self.corpus_documents == 1 else 's'}"}[self.corpus_mode]
        foreign = (f"; {self.not_english} document{'' if self.not_english == 1 else 's'} not in English "
                   "(stored and searchable, not run through the English models)") if self.not_english else ""
        return (
            f"analysed {self.analyzed} documents (pipeline {self.pipeline_version}); {corpus}; "
            f"{self.entities} entities, {self.statements} statements, {self.facts} facts, {self.findings} findings"
            f"{foreign}"
        )


def analyze_documents_in_store(
    store: Store, cfg: Settings, on_error: Callable[[str, str], None] | None = None, *, workers: int = 1
) -> tuple[int, str]:
    """Run the per-document stages over documents not yet analysed by this version.

    ``workers``: processes for the stages (1: this process, the library's default; 0: every core, what
    ``storyline analyze`` asks for). Results are written batch by batch in the same order either way.
    Worker processes are spawned, so a script that asks for them must guard its entry point with
    ``if __name__ == "__main__":`` (Python's rule for spawned processes).
    """
    from ..nlp.pipeline import DEFAULT_ORDER, analyze_documents, build_stages, load_nlp, pipeline_version
    from .workers import analyze_in_workers, worker_count

    stages = build_stages()
    version = pipeline_version(stages)
    store.drop_superseded_annotations()
    todo = store.documents_to_analyze(version)
    if not todo:
        return 0, version
    batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
    n_workers = worker_count(workers, len(todo), BATCH)

    def read(batch_ids: Sequence[str]) -> list[Document]:
        docs = store.get_documents(batch_ids)
        return [docs[i] for i in batch_ids if i in docs]

    results_per_batch: Iterator[list[DocumentAnalysis]]
    if n_workers > 1:
        log.info("analysing %d documents in %d worker processes", len(todo), n_workers)
        results_per_batch = analyze_in_workers(batches, read, workers=n_workers, spacy_model=cfg.spacy_model,
                                               stage_names=DEFAULT_ORDER)
    else:
        nlp = load_nlp(cfg.spacy_model)
        results_per_batch = (list(analyze_documents(read(ids), nlp, stages)) for ids in batches)
    done = 0
    for results in track(results_per_batch, "Analysing", total=len(batches)):
        store.save_analyses(results)
        for failed in (a for a in results if a.error):
            if on_error:
                on_error(failed.document_id, failed.error or "")
        done += len(results)
    return done, version


CORPUS_VERSION = "8"  # bump when the corpus steps change what they produce: the next analyze rebuilds in full
FULL_REBUILD_SHARE = 0.5  # when more than this share of documents changed, a full rebuild is cheaper


def _corpus_basis(store: Store) -> str:
    """What every corpus result depends on besides the documents: a change means a full rebuild."""
    from ..corpus.watchlist import WATCHLIST_VERSION

    parts = [CORPUS_VERSION, FINDINGS_VERSION, STORYLINES_VERSION, WATCHLIST_VERSION]
    parts += [repr((d.action, d.names)) for d in store.entity_decisions()]
    parts += [repr((w["name"], w["loaded_at"], w["entry_count"])) for w in store.list_watchlists()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _watchlist_links(store: Store, entities: Sequence[Entity]) -> list[Link]:
    from ..corpus.watchlist import WatchlistIndex

    if not entities or not store.list_watchlists():
        return []
    index = WatchlistIndex(store.iter_watchlist_entries())
    return [link for entity in entities for link in index.link(entity)]


def run_corpus_steps(store: Store, cfg: Settings, step: StepCallback = no_steps,
                     resolve_jobs: JobRunner | None = None,
                     findings_runner: ChunkRunner | None = None) -> CorpusResult:
    """Resolve entities, link watchlists, assign topics, build storylines and findings, all from scratch.

    Entities are resolved component by component from the cluster index the rebuild writes
    (:mod:`storyline.services.resolution_rebuild`; ``resolve_jobs`` runs the components' jobs,
    in this process when None); the caller writes the results with ``clusters_stored=True``.
    """
    from .resolution_rebuild import rebuild_resolution

    step("resolving entities")
    rebuilt = rebuild_resolution(store, store.entity_decisions(), resolve_jobs)
    entities = list(rebuilt.entities)
    key_to_entity = dict(rebuilt.key_to_entity)
    step("linking watchlists")
    links = _watchlist_links(store, entities)
    result = _downstream(store, cfg, list(store.iter_mentions()), key_to_entity, entities, step, findings_runner)
    return replace(result, entities=entities, key_to_entity=key_to_entity, links=links)


def _downstream(store: Store, cfg: Settings, mentions: Sequence[Mention], key_to_entity: Mapping[str, str],
                entities: Sequence[Entity], step: StepCallback = no_steps,
                findings_runner: ChunkRunner | None = None) -> CorpusResult:
    """Topics, storylines and findings over the whole corpus, given the resolved entities.

    Findings of a large corpus (more than :data:`~storyline.services.findings_full.STREAM_ABOVE` statements), or
    of any corpus when ``findings_runner`` is given, read the corpus from the store shard by shard
    (:mod:`storyline.services.findings_full`; ``findings_runner`` evaluates the chunks of shards, by default one
    after another, here); a smaller corpus is evaluated in one piece, with the same results.
    """
    from ..corpus.name_variants import find_name_variants
    from .findings_full import STREAM_ABOVE, FindingsContext, streamed_findings, whole_findings

    step("topics and storylines")
    statements = list(store.iter_statements())
    mentions_by_doc = by_document(mentions)
    topics = _topics(cfg, statements, mentions_by_doc, key_to_entity, entities)
    step("findings")
    context = FindingsContext(key_to_entity, {e.id: e for e in entities})
    if findings_runner is None and len(statements) <= STREAM_ABOVE:
        found = whole_findings(store, context, statements, mentions_by_doc)
    else:
        del statements
        found = streamed_findings(store, context, findings_runner)
    findings = found.findings
    findings.extend(find_name_variants(entities, mentions))
    return replace(topics, findings=findings, candidates=found.candidates, shard_rows=found.rows, shard_pairs=found.pairs,
                   claim_buckets=found.buckets, claim_states=found.states, findings_staged=found.staged)


def _topics(cfg: Settings, statements: Sequence[Statement], mentions_by_doc: Mapping[str, Sequence[Mention]],
            key_to_entity: Mapping[str, str], entities: Sequence[Entity]) -> CorpusResult:
    topics, index, model, storylines = full_topics(cfg, statements, mentions_by_doc, key_to_entity, entities)
    return CorpusResult(topics=topics, topic_index=index, topic_model=model, storylines=storylines)


def update_corpus_steps(store: Store, cfg: Settings, new_docs: Mapping[str, str], gone_docs: Sequence[str],
                        step: StepCallback = no_steps) -> ResolutionChange:
    """Take in changed documents: entities, findings shards, topics and storylines they touch; one transaction.

    Topics are rebuilt over the whole corpus instead when documents were re-analysed or removed
    (:func:`storyline.services.topics_update.update_topics` says when).
    """
    from .findings_update import update_findings
    from .resolution_update import update_resolution

    step("resolving entities")
    change = update_resolution(store, new_docs, gone_docs, store.entity_decisions())
    update = replace(change.update, links=_watchlist_links(store, change.update.entities))
    changed_docs = set(new_docs) | set(gone_docs) | {document_of(k) for k in change.changed_keys}
    step("findings")
    found = update_findings(store, update, changed_docs)
    update = replace(update, shards=found.shards, shard_rows=found.shard_rows, candidates=found.candidates,
                     shard_pairs=found.pairs, claim_buckets=found.buckets, shard_documents=found.documents,
                     kept_shards=found.kept_shards, stale_candidates=found.stale, claim_states=found.states)

    step("topics and storylines")
    with_topics = update_topics(store, cfg, update, set(new_docs), gone_docs)
    if with_topics is not None:
        store.update_corpus(with_topics, CorpusResult(findings=found.findings), topics_included=True)
        return change
    after = AfterUpdate(store, update)
    topics = _topics(cfg, list(store.iter_statements()), by_document(store.iter_mentions()), after.all_key_to_entity(),
                     after.all_entities())
    store.update_corpus(update, replace(topics, findings=found.findings), topics_included=False)
    return change


def analyze(store: Store, cfg: Settings | None = None, *, force_corpus: bool = False,
            workers: int = 1) -> AnalyzeReport:
    """Per-document stages on this machine (``workers`` processes; see :func:`analyze_documents_in_store`),
    then the corpus steps."""
    cfg = cfg or settings()
    failed: list[str] = []
    analyzed, version = analyze_documents_in_store(store, cfg, on_error=lambda d, why: failed.append(f"{d}: {why}"),
                                                   workers=workers)
    return finish_analysis(store, cfg, analyzed, version, force_corpus=force_corpus, failed=tuple(failed))


def finish_analysis(
    store: Store, cfg: Settings, analyzed: int, version: str, *, force_corpus: bool = False, failed: tuple[str, ...] = (),
    resolve_jobs: JobRunner | None = None,
    findings_runner: ChunkRunner | None = None,
) -> AnalyzeReport:
    """Bring the corpus results up to date: nothing, only what changed documents reach, or a full rebuild.

    A full rebuild runs when asked (``force_corpus``), when a decision, a watchlist or the corpus
    steps themselves changed, or when most documents changed; otherwise only new, re-analysed or
    removed documents are taken in (:func:`update_corpus_steps`). ``resolve_jobs`` runs a full
    rebuild's resolution jobs elsewhere (``--engine ray``), ``findings_runner`` its findings shards.
    """
    with store.corpus_lock():
        basis = _corpus_basis(store)
        new_docs, gone_docs = store.corpus_changes()
        changed = len(set(new_docs) | set(gone_docs))
        full = (force_corpus or store.get_state("corpus_basis") != basis
                or changed > FULL_REBUILD_SHARE * max(1, store.count("analyses")))
        skipped = not full and changed == 0
        if full:
            with Steps("Corpus (full)", total=5) as step:
                result = run_corpus_steps(store, cfg, step, resolve_jobs, findings_runner)
                step("saving")
                store.replace_corpus(result, clusters_stored=True)
                store.set_state("corpus_basis", basis)
        elif not skipped:
            with Steps(f"Corpus ({changed} changed documents)", total=3) as step:
                update_corpus_steps(store, cfg, new_docs, gone_docs, step)
    return AnalyzeReport(
        analyzed=analyzed,
        pipeline_version=version,
        entities=store.count("entities"),
        statements=store.count("statements"),
        facts=store.count("facts"),
        findings=store.count("findings"),
        failed=failed,
        corpus_mode="full" if full else "skipped" if skipped else "incremental",
        corpus_documents=store.count("analyses") if full else changed,
        not_english=_not_english(store),
    )


def _not_english(store: Store) -> int:
    from ..nlp.pipeline import is_english

    return sum(1 for d in store.iter_documents(with_text=False) if not is_english(d))
