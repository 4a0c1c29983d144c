"""A small hand-built corpus for the web tests: documents, annotations and corpus results.

Everything is written through the public Store API (no NLP model), with offsets
computed from the texts, so the tests can name exact spans.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

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
    FindingSide,
    ItemType,
    Link,
    Mention,
    Statement,
    StatementKind,
    Storyline,
    make_id,
)
from storyline.store import CorpusResult, Store, open_store

VERSION = "test-1"

TEXT_A = (
    "Kabul attacks rise\n"
    "Zabihullah Mujahid said on Monday that the Taliban had carried out 343 attacks in 2021.\n"
    "Mujahid also said the group was not based in Kabul."
)
TEXT_B = (
    "A denial from Kabul\n"
    "Zabihullah Mujahid denied that the group carried out attacks in 2021. "
    "Officials counted 400 attacks in 2021 by the group."
)
TEXT_HOSTILE = (
    "Hostile <script>alert(1)</script> page\n"
    "Evil Spokesman said <img src=x onerror=alert(1)> was the answer & more.\n"
    "Nothing else."
)
TEXT_RTL = "قال ذبيح الله مجاهد إن الهجمات زادت في كابول."


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _mention(doc: Document, part: str, cluster: int, typ: EntityType, canonical: str, after: int = 0,
             is_name: bool = True) -> Mention:
    s, e = _span(doc.text, part, after)
    return Mention(doc.id, s, e, part, typ, cluster, canonical, "test", is_name)


def _statement(doc: Document, sentence: str, content: str, speaker: str | None, cluster: int | None,
               said_on: dt.date | None, polarity: int = 1, cue: str = "say") -> Statement:
    s, e = _span(doc.text, sentence)
    cs, ce = _span(doc.text, content, s)
    sp = _span(doc.text, speaker, s) if speaker else (None, None)
    return Statement(doc.id, s, e, content, cs, ce, StatementKind.INDIRECT, speaker, sp[0], sp[1], cluster, cue,
                     None, None, polarity, said_on)


def _fact(doc: Document, part: str, measure: str, value: float, period: str, subject: str | None,
          cluster: int | None) -> Fact:
    s, e = _span(doc.text, part)
    return Fact(doc.id, s, e, part, measure, value, Comparator.EQ, None, None, period, subject, cluster)


@dataclass
class Corpus:
    store: Store
    docs: dict[str, Document] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    findings: dict[str, Finding] = field(default_factory=dict)
    storylines: dict[str, Storyline] = field(default_factory=dict)
    result: CorpusResult | None = None


def build_corpus(target: Path | str) -> Corpus:
    """Open a fresh store and fill it by hand: a SQLite file path, or a database URL (PostgreSQL)."""
    store = open_store(target if isinstance(target, str) else "sqlite:///" + str(target))
    c = Corpus(store)
    ingested = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
    a = Document.from_text(TEXT_A, title="Kabul attacks rise", source="Dawn", url="https://example.org/a?x=1&y=2",
                           published=dt.date(2021, 8, 2), language="en", ingested_at=ingested)
    b = Document.from_text(TEXT_B, title="A denial", source="Khorasan Diary", url="http://example.org/b",
                           published=dt.date(2022, 1, 10), language="en", ingested_at=ingested)
    h = Document.from_text(TEXT_HOSTILE, title="<script>alert(1)</script> title", source="<b>Bad source</b>",
                           url="javascript:alert(1)", published=dt.date(2020, 1, 1), language="en", ingested_at=ingested)
    ar = Document.from_text(TEXT_RTL, title="مجاهد", source="Al Jazeera Arabic", published=dt.date(2021, 9, 1),
                            language="ar", ingested_at=ingested)
    for doc in (a, b, h, ar):
        store.add_document(doc)
    c.docs = {"a": a, "b": b, "hostile": h, "ar": ar}

    pe, org, place = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE
    ma = [
        _mention(a, "Kabul", 2, place, "Kabul"),
        _mention(a, "Zabihullah Mujahid", 0, pe, "Zabihullah Mujahid"),
        _mention(a, "Taliban", 1, org, "Taliban"),
        _mention(a, "Mujahid", 0, pe, "Zabihullah Mujahid", after=TEXT_A.index("\nMujahid")),
        _mention(a, "Kabul", 2, place, "Kabul", after=TEXT_A.index("based in")),
    ]
    s1 = _statement(a, "Zabihullah Mujahid said on Monday that the Taliban had carried out 343 attacks in 2021.",
                    "the Taliban had carried out 343 attacks in 2021", "Zabihullah Mujahid", 0, dt.date(2021, 8, 2))
    s2 = _statement(a, "Mujahid also said the group was not based in Kabul.", "the group was not based in Kabul",
                    "Mujahid", 0, dt.date(2021, 8, 2))
    f1 = _fact(a, "343 attacks in 2021", "attacks", 343, "2021", "Taliban", 1)
    mb = [
        _mention(b, "Kabul", 2, place, "Kabul"),
        _mention(b, "Zabihullah Mujahid", 0, pe, "Zabihullah Mujahid"),
        _mention(b, "the group", 1, org, "Taliban", is_name=False),
    ]
    s3 = _statement(b, "Zabihullah Mujahid denied that the group carried out attacks in 2021.",
                    "the group carried out attacks in 2021", "Zabihullah Mujahid", 0, dt.date(2022, 1, 10),
                    polarity=-1, cue="deny")
    f2 = _fact(b, "400 attacks in 2021", "attacks", 400, "2021", "the group", 1)
    mh = [_mention(h, "Evil Spokesman", 0, pe, "Evil Spokesman")]
    s4 = _statement(h, "Evil Spokesman said <img src=x onerror=alert(1)> was the answer & more.",
                    "<img src=x onerror=alert(1)> was the answer & more", "Evil Spokesman", 0, dt.date(2020, 1, 1))
    mar = [_mention(ar, "ذبيح الله مجاهد", 0, pe, "ذبيح الله مجاهد")]
    store.save_analyses([
        DocumentAnalysis(a.id, VERSION, tuple(ma), (s1, s2), (f1,), "en"),
        DocumentAnalysis(b.id, VERSION, tuple(mb), (s3,), (f2,), "en"),
        DocumentAnalysis(h.id, VERSION, tuple(mh), (s4,), (), "en"),
        DocumentAnalysis(ar.id, VERSION, tuple(mar), (), (), "ar"),
    ])
    c.statements = {"s1": s1, "s2": s2, "s3": s3, "s4": s4}
    c.facts = {"f1": f1, "f2": f2}

    mujahid = Entity(make_id("ent", "Zabihullah Mujahid"), pe, "Zabihullah Mujahid",
                     ("Zabihullah Mujahid", "Mujahid", "ذبيح الله مجاهد"), 5,
                     (f"{a.id}#0", f"{b.id}#0", f"{ar.id}#0"))
    taliban = Entity(make_id("ent", "Taliban"), org, "Taliban", ("Taliban", "the group"), 2, (f"{a.id}#1", f"{b.id}#1"))
    kabul = Entity(make_id("ent", "Kabul"), place, "Kabul", ("Kabul",), 3, (f"{a.id}#2", f"{b.id}#2"))
    evil = Entity(make_id("ent", "Evil"), pe, "Evil Spokesman <script>alert(1)</script>",
                  ("Evil Spokesman", "<img src=x onerror=alert(1)>"), 1, (f"{h.id}#0",))
    c.entities = {"mujahid": mujahid, "taliban": taliban, "kabul": kabul, "evil": evil}
    k2e = {k: e.id for e in c.entities.values() for k in e.local_keys}

    contra = Finding(FindingKind.SELF_CONTRADICTION,
                     (FindingItem(ItemType.STATEMENT, s1.id), FindingItem(ItemType.STATEMENT, s3.id)), 0.91,
                     "Mujahid said the Taliban carried out attacks, then denied the group carried out attacks.",
                     (FindingSide("carried out attacks", (FindingItem(ItemType.STATEMENT, s1.id),)),
                      FindingSide("did not carry out attacks", (FindingItem(ItemType.STATEMENT, s3.id),))))
    numeric = Finding(FindingKind.NUMERIC_CONFLICT,
                      (FindingItem(ItemType.FACT, f1.id), FindingItem(ItemType.FACT, f2.id)), 0.8,
                      "343 attacks in 2021 against 400 attacks in 2021 for the same group.")
    hostile = Finding(FindingKind.SOURCE_CONFLICT,
                      (FindingItem(ItemType.STATEMENT, s4.id), FindingItem(ItemType.STATEMENT, s2.id)), 0.4,
                      "<script>alert('finding')</script> explanation")
    variant = Finding(FindingKind.NAME_VARIANT,
                      (FindingItem(ItemType.ENTITY, mujahid.id), FindingItem(ItemType.MENTION, ma[3].id)), 0.2,
                      "Mujahid written two ways.")
    c.findings = {"contra": contra, "numeric": numeric, "hostile": hostile, "variant": variant}
    story = Storyline(mujahid.id, "attacks", (s1.id, s2.id, s3.id))
    c.storylines = {"mujahid_attacks": story}
    c.result = CorpusResult(
        entities=list(c.entities.values()),
        key_to_entity=k2e,
        links=[Link(mujahid.id, "UN SC", "TAi.001", "Zabihullah Mujahid", "Zabihullah Mujahid", 0.97)],
        topics={s1.id: "attacks", s2.id: "attacks", s3.id: "attacks", s4.id: "other"},
        storylines=[story],
        findings=list(c.findings.values()),
    )
    store.replace_corpus(c.result)
    return c
