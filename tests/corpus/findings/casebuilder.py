"""Builds Storyline records from the hand-written cases in cases.json (tests only)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.model import Comparator, Document, Entity, EntityType, Fact, Mention, Statement, StatementKind

CASES = Path(__file__).with_name("cases.json")
_MARK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


@dataclass
class Corpus:
    statements: list[Statement] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    mentions_by_doc: dict[str, list[Mention]] = field(default_factory=dict)
    key_to_entity: dict[str, str] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # record id -> label

    def args(self) -> tuple[Any, ...]:
        return (self.statements, self.facts, self.mentions_by_doc, self.key_to_entity, self.entities, self.documents)


def load_cases() -> dict[str, Any]:
    return json.loads(CASES.read_text(encoding="utf-8"))


class _DocBuilder:
    def __init__(self, doc_id: str, entities: Mapping[str, Mapping[str, str]]) -> None:
        self.doc_id = doc_id
        self.entities = entities
        self.text = ""
        self.mentions: list[Mention] = []
        self.clusters: dict[str, int] = {}

    def cluster(self, key: str) -> int:
        return self.clusters.setdefault(key, len(self.clusters))

    def add(self, marked: str) -> tuple[int, int]:
        """Append marked-up text; returns its (start, end) in the document."""
        start = len(self.text)
        pos = 0
        for m in _MARK.finditer(marked):
            self.text += marked[pos : m.start()]
            surface, key = m.group(1), m.group(2)
            info = self.entities[key]
            s = len(self.text)
            self.text += surface
            self.mentions.append(Mention(self.doc_id, s, len(self.text), surface, EntityType(info["type"]), self.cluster(key), info["name"]))
            pos = m.end()
        self.text += marked[pos:]
        return start, len(self.text)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def build_corpus(documents: list[Mapping[str, Any]], entities: Mapping[str, Mapping[str, str]], prefix: str = "") -> Corpus:
    corpus = Corpus()
    for key, info in entities.items():
        corpus.entities["E_" + key] = Entity("E_" + key, EntityType(info["type"]), info["name"], (info["name"],), 1)
    for d in documents:
        doc_id = prefix + d["id"]
        b = _DocBuilder(doc_id, entities)
        for s in d.get("statements", []):
            speaker = s.get("speaker")
            sp_start = sp_end = None
            if speaker:
                sp_start, sp_end = b.add(f"[{entities[speaker]['name']}]({speaker})")
                b.add(f" {s.get('cue_word', 'said')} that ")
                cluster: int | None = b.cluster(speaker)
            else:
                cluster = None
            if s.get("prefix"):  # words before the statement in the same passage ("While ")
                b.add(s["prefix"])
            c_start, c_end = b.add(s["content"])
            b.add(s.get("sep", ".\n"))  # "sep": what follows the statement (", yet " keeps one passage)
            st = Statement(
                document_id=doc_id, start=sp_start if sp_start is not None else c_start, end=c_end + 1,
                content=b.text[c_start:c_end], content_start=c_start, content_end=c_end,
                kind=StatementKind.INDIRECT, speaker_text=entities[speaker]["name"] if speaker else None,
                speaker_start=sp_start, speaker_end=sp_end, speaker_cluster=cluster,
                cue=s.get("cue", "say") if speaker else s.get("cue"),  # a cue without a speaker: an unnamed source polarity=int(s.get("polarity", 1)),
                said_on=_date(s.get("said_on")),
            )
            corpus.statements.append(st)
            corpus.labels[st.id] = s["label"]
        for f in d.get("facts", []):
            f_start, f_end = b.add(f["text"])
            b.add(".\n")
            fact = Fact(
                document_id=doc_id, start=f_start, end=f_end, text=b.text[f_start:f_end], measure=f["measure"],
                value=float(f["value"]), comparator=Comparator(f.get("comparator", "eq")),
                value_max=float(f["value_max"]) if "value_max" in f else None, period=f.get("period"),
                subject_text=entities[f["subject"]]["name"], subject_cluster=b.cluster(f["subject"]),
            )
            corpus.facts.append(fact)
            corpus.labels[fact.id] = f["label"]
        corpus.documents[doc_id] = Document(id=doc_id, text=b.text, sha256="", source=d.get("source"), published=_date(d.get("published")))
        corpus.mentions_by_doc[doc_id] = b.mentions
        for key, cl in b.clusters.items():
            corpus.key_to_entity[f"{doc_id}#{cl}"] = "E_" + key
    return corpus
