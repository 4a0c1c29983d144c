"""A small random corpus for the findings step: documents, their analyses, and the resolution that maps them.

Fictional names and invented sentences; speakers say things about groups, people and places that
contradict each other often enough (negations, roles, places, counts) to give candidates in most shards.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from storyline.model import (
    Comparator,
    Document,
    DocumentAnalysis,
    Entity,
    EntityType,
    Fact,
    Mention,
    Statement,
    StatementKind,
)
from storyline.store import Store

TYPES = {"S": EntityType.PERSON, "G": EntityType.ORGANIZATION, "X": EntityType.PERSON, "P": EntityType.PLACE}
SENTENCES = [
    "{G} no longer has any fighters in {P}",
    "{G} still has hundreds of fighters in {P}",
    "{X} was the commander who planned the raid in {P}",
    "{X} played no part in the raid in {P}",
    "the council will sign a truce with {G} this spring",
    "the council will never sign a truce with {G}",
    "{G} moved its headquarters to {P}, not {Q}",
    "water shortages worsened across {P} during the summer",
]


def _name(kind: str, i: int) -> str:
    """Two words no other name shares ("Kobeth Kobarri"), so resolution keeps every entity apart."""
    stem = kind + "".join("aeiou"[int(d) % 5] + "bdklmnrstv"[int(d)] for d in str(i))
    return f"{stem}eth {stem}arri"


@dataclass(frozen=True)
class FindingsCorpus:
    documents: list[Document]
    analyses: list[DocumentAnalysis]
    key_to_entity: dict[str, str]
    entities: dict[str, Entity]

    def save(self, store: Store) -> None:
        for d in self.documents:
            store.add_document(d)
        store.save_analyses(self.analyses)


def corpus(n_docs: int, seed: int, *, per_doc: int = 4, pools: dict[str, int] | None = None,
           one_day: dt.date | None = None, sentences: list[str] | None = None) -> FindingsCorpus:
    """``n_docs`` documents of ``per_doc`` statements and two facts each; ``one_day``: all published that day."""
    rng = random.Random(seed)
    sizes = pools or {"S": 6, "G": 5, "X": 6, "P": 4}
    entities = {f"E{k}{i}": Entity(f"E{k}{i}", TYPES[k], _name(k, i), (_name(k, i),), 1) for k, n in sizes.items() for i in range(n)}
    documents, analyses, k2e = [], [], {}
    for d in range(n_docs):
        text = f"Report {seed}-{d}.\n"
        mentions: list[Mention] = []
        clusters: dict[str, int] = {}
        statements, facts = [], []
        published = one_day or dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(90))
        doc_id = f"doc-{seed}-{d:05d}"

        def mention(kind: str) -> str:
            nonlocal text
            eid = f"E{kind}{rng.randrange(sizes[kind])}"
            cl = clusters.setdefault(eid, len(clusters))  # noqa: B023 - used inside this document's loop only
            k2e[f"{doc_id}#{cl}"] = eid  # noqa: B023
            start = len(text)
            text += entities[eid].name
            mentions.append(Mention(doc_id, start, len(text), entities[eid].name, TYPES[kind], cl,  # noqa: B023
                                    entities[eid].name))
            return eid

        for _ in range(per_doc):
            speaker = mention("S")
            text += " said that "
            c0 = len(text)
            template = rng.choice(sentences or SENTENCES)
            pos = 0
            while pos < len(template):
                j = template.find("{", pos)
                if j < 0:
                    text += template[pos:]
                    break
                text += template[pos:j]
                mention({"Q": "P"}.get(template[j + 1], template[j + 1]))
                pos = j + 3
            c1 = len(text)
            text += ".\n"
            statements.append(Statement(doc_id, c0, c1, text[c0:c1], c0, c1, StatementKind.INDIRECT,
                                        speaker_cluster=clusters[speaker], cue="say", said_on=published))
        for _ in range(2):
            g = mention("G")
            f0 = len(text) - len(entities[g].name)
            value = rng.choice([40, 45, 300, 1200])
            year = rng.choice(["2023", "2024"])
            text += f" lost {value} fighters in {year}"
            facts.append(Fact(doc_id, f0, len(text), text[f0:], "fighters", float(value), rng.choice(list(Comparator)),
                              None, None, year, entities[g].name, clusters[g]))
            text += ".\n"
        doc = Document(id=doc_id, text=text, sha256=f"sha-{doc_id}", source=f"Outlet {d % 5}", published=published)
        documents.append(doc)
        analyses.append(DocumentAnalysis(doc_id, "v1", tuple(mentions), tuple(statements), tuple(facts)))
    return FindingsCorpus(documents, analyses, k2e, entities)


def findings_state(store: Store) -> tuple:
    """What the findings step leaves in a store: findings, candidates, entity shards' pairs and claim buckets."""
    findings = sorted((f.id, f.kind, f.score, f.explanation, f.items, f.sides) for f in store.iter_findings())
    candidates = sorted((x.rank(), x.dedup, x.group, x.explanation, x.labels) for x in store.iter_finding_candidates())
    shards = ["e:" + e.id for e in store.iter_entities()]
    return findings, candidates, store.shard_pair_sets(shards), sorted(store.claim_buckets_of_shards(shards), key=repr)
