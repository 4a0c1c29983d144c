"""A small hand-built store for the export tests, with hostile text in every field that carries text.

Three documents: two reports of what one spokesman said (one a contradiction of
the other, and two incompatible numbers), and one undated document without a
URL. Offsets are computed from the texts, so they are right by construction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from storyline.model import (
    Comparator,
    Document,
    DocumentAnalysis,
    Entity,
    EntityType,
    Fact,
    Finding,
    FindingItem,
    FindingKind,
    ItemType,
    Link,
    Mention,
    Review,
    ReviewStatus,
    Statement,
    StatementKind,
    Storyline,
)
from storyline.store import CorpusResult, Store, open_store

ARABIC = "ذبيح الله مجاهد"
HOSTILE_QUOTE = 'the Taliban will not attack Kabul, "ever", <script>alert(1)</script>'
TEXT1 = (
    f'Taliban spokesman Zabihullah Mujahid said on Thursday that "{HOSTILE_QUOTE}".\n'
    "The group carried out 343 attacks in 2021, according to the UN.\n"
    f"Mujahid, also written {ARABIC}, spoke in Kabul."
)
TEXT2 = (
    "Zabihullah Mujahid told reporters that the Taliban carried out about 300 attacks in 2021.\n"
    'He said: "We attacked Kabul, and we will\nsay so | again".'
)
TEXT3 = "Officials in Pakistan said nothing about the *claims* [1]."

V = "test-pipeline/1"


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def mention(doc: Document, needle: str, etype: EntityType, cluster: int, canonical: str, nth: int = 0) -> Mention:
    s, e = span(doc.text, needle, nth)
    return Mention(doc.id, s, e, needle, etype, cluster, canonical)


def quote_statement(doc: Document, content: str, speaker: str, cluster: int, said_on: dt.date | None,
                    polarity: int = 1) -> Statement:
    cs, ce = span(doc.text, content)
    ss, se = span(doc.text, speaker)
    return Statement(doc.id, min(cs, ss), max(ce, se) + 1, content, cs, ce, StatementKind.DIRECT, speaker, ss, se,
                     cluster, "say", None, None, polarity, said_on)


@dataclass(frozen=True)
class Corpus:
    store: Store
    docs: tuple[Document, Document, Document]
    mujahid: Entity
    taliban: Entity
    un: Entity
    kabul: Entity
    pakistan: Entity
    statements: tuple[Statement, Statement]
    facts: tuple[Fact, Fact]
    contradiction: Finding
    numbers: Finding


def build_corpus(url: str) -> Corpus:
    store = open_store(url)
    d1 = Document.from_text(TEXT1, title='Taliban "will not" attack <b>Kabul</b>, says spokesman', source="Dawn",
                            url="https://example.org/dawn?a=1&b=<2>", published=dt.date(2021, 8, 26),
                            ingested_at=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc))
    d2 = Document.from_text(TEXT2, title="Mujahid: we attacked Kabul", source="Reuters, Asia",
                            url="https://example.org/reuters/2", published=dt.date(2021, 9, 1),
                            ingested_at=dt.datetime(2024, 1, 3, 0, 0, 0, tzinfo=dt.timezone.utc))
    d3 = Document.from_text(TEXT3, title=None, source=None,
                            ingested_at=dt.datetime(2024, 1, 4, 0, 0, 0, tzinfo=dt.timezone.utc))
    for d in (d1, d2, d3):
        store.add_document(d)

    m1 = (
        mention(d1, "Taliban", EntityType.ORGANIZATION, 0, "Taliban"),
        mention(d1, "Zabihullah Mujahid", EntityType.PERSON, 1, "Zabihullah Mujahid"),
        mention(d1, "Taliban", EntityType.ORGANIZATION, 0, "Taliban", nth=1),
        mention(d1, "Kabul", EntityType.PLACE, 2, "Kabul"),
        mention(d1, "UN", EntityType.ORGANIZATION, 3, "UN"),
        mention(d1, "Mujahid", EntityType.PERSON, 1, "Zabihullah Mujahid", nth=1),
        mention(d1, ARABIC, EntityType.PERSON, 1, "Zabihullah Mujahid"),
        mention(d1, "Kabul", EntityType.PLACE, 2, "Kabul", nth=1),
    )
    s1 = quote_statement(d1, HOSTILE_QUOTE, "Zabihullah Mujahid", 1, dt.date(2021, 8, 26))
    f1s, f1e = span(TEXT1, "343 attacks in 2021")
    f1 = Fact(d1.id, f1s, f1e, "343 attacks in 2021", "attacks", 343.0, Comparator.EQ, None, None, "2021",
              "The group", 0)
    m2 = (
        mention(d2, "Zabihullah Mujahid", EntityType.PERSON, 0, "Zabihullah Mujahid"),
        mention(d2, "Taliban", EntityType.ORGANIZATION, 1, "Taliban"),
        mention(d2, "Kabul", EntityType.PLACE, 2, "Kabul"),
    )
    s2 = quote_statement(d2, "We attacked Kabul, and we will\nsay so | again", "He", 0, dt.date(2021, 9, 1))
    f2s, f2e = span(TEXT2, "about 300 attacks in 2021")
    f2 = Fact(d2.id, f2s, f2e, "about 300 attacks in 2021", "attacks", 300.0, Comparator.APPROX, None, None, "2021",
              "the Taliban", 1)
    m3 = (mention(d3, "Pakistan", EntityType.PLACE, 0, "Pakistan"),)
    store.save_analyses([
        DocumentAnalysis(d1.id, V, m1, (s1,), (f1,)),
        DocumentAnalysis(d2.id, V, m2, (s2,), (f2,)),
        DocumentAnalysis(d3.id, V, m3, (), ()),
    ])

    mujahid = Entity("ent_mujahid", EntityType.PERSON, "Zabihullah Mujahid",
                     ("Zabihullah Mujahid", "Mujahid", ARABIC, "He"), 5)
    taliban = Entity("ent_taliban", EntityType.ORGANIZATION, "Taliban", ("Taliban", "The group"), 4)
    un = Entity("ent_un", EntityType.ORGANIZATION, "UN", ("UN",), 1)
    kabul = Entity("ent_kabul", EntityType.PLACE, "Kabul", ("Kabul",), 3)
    pakistan = Entity("ent_pakistan", EntityType.PLACE, "Pakistan", ("Pakistan",), 1)
    key_to_entity = {
        f"{d1.id}#0": taliban.id, f"{d1.id}#1": mujahid.id, f"{d1.id}#2": kabul.id, f"{d1.id}#3": un.id,
        f"{d2.id}#0": mujahid.id, f"{d2.id}#1": taliban.id, f"{d2.id}#2": kabul.id,
        f"{d3.id}#0": pakistan.id,
    }
    contradiction = Finding(FindingKind.SELF_CONTRADICTION,
                            (FindingItem(ItemType.STATEMENT, s1.id), FindingItem(ItemType.STATEMENT, s2.id)), 0.9,
                            'Mujahid said the Taliban "will not attack Kabul", then that they attacked it.')
    numbers = Finding(FindingKind.NUMERIC_CONFLICT,
                      (FindingItem(ItemType.FACT, f1.id), FindingItem(ItemType.FACT, f2.id)), 0.7,
                      "343 attacks in 2021 against about 300 attacks in 2021, for the Taliban.")
    store.replace_corpus(CorpusResult(
        entities=(mujahid, taliban, un, kabul, pakistan),
        key_to_entity=key_to_entity,
        links=(Link(mujahid.id, 'UN SC "Consolidated", List', "TAi.001", "Zabihullah Mujahid", "Zabihullah Mujahid", 0.97),),
        topics={s1.id: "attacks on Kabul", s2.id: "attacks on Kabul"},
        storylines=(Storyline(mujahid.id, "attacks on Kabul", (s1.id, s2.id)),),
        findings=(contradiction, numbers),
    ))
    store.add_review(Review(contradiction.id, ReviewStatus.ACCEPTED, "checked <both>", "tester"))
    return Corpus(store, (d1, d2, d3), mujahid, taliban, un, kabul, pakistan, (s1, s2), (f1, f2), contradiction,
                  numbers)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    path = tmp_path_factory.mktemp("export") / "kb.db"
    return build_corpus(f"sqlite:///{path}")


@pytest.fixture()
def empty_store(tmp_path) -> Store:
    return open_store(f"sqlite:///{tmp_path / 'empty.db'}")
