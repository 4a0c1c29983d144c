"""``export --format briefing``: a Markdown (or HTML) report with a citation on every sourced line.

Scope: one actor (``actor=NAME``, matched case-insensitively against entity
names and aliases), a topic (``topic=TEXT``, a substring of statement topics,
fact measures and fact texts), a start date (``since=YYYY-MM-DD``), any
combination, or the whole corpus. Sections:

1. title and scope line;
2. key numbers: one table row per fact (value with its comparator wording,
   measure, subject, period) with its source;
3. timeline: what was said, when and where (speaker, date, quote, source, and a
   link to the exact span in the workbench, ``/documents/{id}?hl=START-END``),
   grouped by storyline when the scope is an actor;
4. findings: the explanation and both sides, each quoted and cited;
5. sources: numbered in order of first citation, with title, outlet, date and URL.

Only text from records is printed (quotes, fact texts, explanations, titles);
every line that states something carries ``[n]``, the number of its source.
Record text is escaped, so Markdown or HTML in a quote is shown, never run.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO
from urllib.parse import quote as url_quote

from ..errors import UsageError
from ..model import Comparator, Document, Entity, Fact, Finding, ItemType, ReviewStatus, Statement
from ..store import Store

log = logging.getLogger(__name__)

__all__ = ["BriefingScope", "render_html", "render_markdown", "select_scope", "write_briefing"]

DEFAULT_LIMIT = 200
_WORDING = {
    Comparator.EQ: "",
    Comparator.GT: "more than ",
    Comparator.GE: "at least ",
    Comparator.LT: "fewer than ",
    Comparator.LE: "at most ",
    Comparator.APPROX: "about ",
}
_KIND_TITLES = {
    "self_contradiction": "Self-contradiction",
    "source_conflict": "Sources disagree",
    "numeric_conflict": "Numbers disagree",
    "name_variant": "Name variant",
}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")


def md(text: str | None) -> str:
    """Record text as inert Markdown: one line, every markup character escaped."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _uri(url: str) -> str:
    return url_quote(url, safe=":/?#[]@!$&'*+,;=%~")


@dataclass
class BriefingScope:
    title: str
    description: list[str]
    actor: Entity | None
    statements: list[Statement]
    facts: list[Fact]
    findings: list[Finding]
    storyline_topics: dict[str, str] = field(default_factory=dict)  # statement id -> storyline topic (actor scope)
    totals: dict[str, int] = field(default_factory=dict)


def _parse_since(since: str | dt.date | None) -> dt.date | None:
    if since is None or isinstance(since, dt.date):
        return since
    try:
        return dt.date.fromisoformat(since)
    except ValueError as exc:
        raise UsageError(f"--since must be a date as YYYY-MM-DD, not {since!r}") from exc


def find_actor(entities: Sequence[Entity], name: str) -> Entity:
    """The entity called ``name`` (name or alias, any case); the most mentioned when several are."""
    wanted = name.casefold().strip()
    hits = [e for e in entities if wanted in {x.casefold() for x in (e.name, *e.aliases)}]
    if hits:
        return max(hits, key=lambda e: (e.name.casefold() == wanted, e.mention_count, e.id))
    from rapidfuzz import fuzz, process

    names = sorted({e.name for e in entities})
    close = [n for n, _score, _i in process.extract(name, names, scorer=fuzz.WRatio, limit=5)]
    hint = f"; close names: {', '.join(close)}" if close else "; the knowledge base has no entities yet"
    raise UsageError(f"no actor named {name!r}{hint}")


def _limited(items: list, limit: int, label: str, totals: dict[str, int]) -> list:
    totals[label] = len(items)
    return items[:limit]


def select_scope(store: Store, *, actor: str | None = None, topic: str | None = None,
                 since: str | dt.date | None = None, limit: int = DEFAULT_LIMIT) -> BriefingScope:
    since_date = _parse_since(since)
    entity = find_actor(list(store.iter_entities()), actor) if actor else None
    keys = set(entity.local_keys) if entity else set()
    needle = topic.casefold().strip() if topic else None
    published: dict[str, dt.date | None] = {}
    if since_date:
        rows, _total = store.list_documents(limit=10**9)
        published = {row["id"]: dt.date.fromisoformat(row["published"]) if row["published"] else None for row in rows}

    def in_period(document_id: str, said_on: dt.date | None) -> bool:
        when = said_on or published.get(document_id)
        return since_date is None or (when is not None and when >= since_date)

    statements = [
        s for s in store.iter_statements()
        if (entity is None or s.speaker_key in keys)
        and (needle is None or (s.topic is not None and needle in s.topic.casefold()))
        and in_period(s.document_id, s.said_on)
    ]
    facts = [
        f for f in store.iter_facts()
        if (entity is None or f.subject_key in keys)
        and (needle is None or needle in f.measure.casefold() or needle in f.text.casefold())
        and in_period(f.document_id, None)
    ]
    chosen = {s.id for s in statements} | {f.id for f in facts}
    findings = [
        f for f in store.iter_findings()
        if (entity is None and needle is None and since_date is None)
        or any(i.id in chosen or (entity is not None and i.type is ItemType.ENTITY and i.id == entity.id) for i in f.items)
    ]
    storyline_topics: dict[str, str] = {}
    if entity:
        for sty in store.iter_storylines(actor_id=entity.id):
            for sid in sty.statement_ids:
                storyline_topics.setdefault(sid, sty.topic)

    parts = []
    if entity:
        also = [a for a in dict.fromkeys(entity.aliases) if a != entity.name]
        parts.append(f"actor {md(entity.name)} ({entity.type.value}" + (f"; also written {', '.join(md(a) for a in also)})" if also else ")"))
    if topic:
        parts.append(f"topic containing “{md(topic)}”")
    if since_date:
        parts.append(f"since {since_date.isoformat()}")
    title = f"Briefing: {entity.name}" if entity else f"Briefing: {topic}" if topic else "Briefing: whole corpus"
    totals: dict[str, int] = {}
    return BriefingScope(
        title=title,
        description=parts or ["the whole corpus"],
        actor=entity,
        statements=_limited(statements, limit, "statements", totals),
        facts=_limited(facts, limit, "facts", totals),
        findings=_limited(findings, limit, "findings", totals),
        storyline_topics=storyline_topics,
        totals=totals,
    )


class _Sources:
    """Numbers documents in order of first citation."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents
        self.numbers: dict[str, int] = {}

    def cite(self, document_id: str) -> str:
        if document_id not in self.numbers:
            self.numbers[document_id] = len(self.numbers) + 1
        return f"[{self.numbers[document_id]}]"


def _value(f: Fact) -> str:
    def num(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"

    text = _WORDING[f.comparator] + num(f.value) + (f"–{num(f.value_max)}" if f.value_max is not None else "")
    return md(text + (f" {f.unit}" if f.unit else ""))


def _when(document: Document | None, said_on: dt.date | None = None) -> dt.date | None:
    return said_on or (document.published if document else None)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _span_link(base_url: str, document_id: str, start: int, end: int) -> str:
    return f"[span](<{base_url}/documents/{url_quote(document_id)}?hl={start}-{end}>)"


def render_markdown(store: Store, scope: BriefingScope, *, base_url: str = "") -> str:
    base_url = base_url.rstrip("/")
    finding_records = store.finding_records(scope.findings)
    extra_statements, extra_facts = finding_records.statements, finding_records.facts
    entity_names = {e.id: e.name for e in store.iter_entities()}
    key_to_entity = store.entity_of_keys(
        [s.speaker_key for s in (*scope.statements, *extra_statements.values()) if s.speaker_key]
        + [f.subject_key for f in (*scope.facts, *extra_facts.values()) if f.subject_key])
    doc_ids = {s.document_id for s in (*scope.statements, *extra_statements.values())}
    doc_ids |= {f.document_id for f in (*scope.facts, *extra_facts.values())}
    documents = store.get_documents(sorted(doc_ids))
    sources = _Sources(documents)
    reviews = store.latest_reviews()

    def speaker(s: Statement) -> str:
        entity_id = key_to_entity.get(s.speaker_key or "")
        name = entity_names.get(entity_id or "")
        if name and s.speaker_text and s.speaker_text != name:
            return f"{md(name)} (“{md(s.speaker_text)}”)"
        return md(name or s.speaker_text or "unattributed")

    def outlet(document_id: str) -> str:
        d = documents.get(document_id)
        return f"*{md(d.source)}*" if d and d.source else f"document {md(document_id)}"

    def said(s: Statement) -> str:
        when = _when(documents.get(s.document_id), s.said_on)
        date = when.isoformat() if when else "undated"
        cue = f" ({md(s.cue)})" if s.cue else ""
        return (f"**{date}** — {speaker(s)}{cue} in {outlet(s.document_id)}: “{md(s.content)}” "
                f"{sources.cite(s.document_id)} {_span_link(base_url, s.document_id, s.content_start, s.content_end)}")

    def fact_line(f: Fact) -> str:
        d = documents.get(f.document_id)
        date = d.published.isoformat() if d and d.published else "undated"
        return (f"**{date}** — {outlet(f.document_id)}: “{md(f.text)}” {sources.cite(f.document_id)} "
                f"{_span_link(base_url, f.document_id, f.start, f.end)}")

    lines = [f"# {md(scope.title)}", "", f"*Scope:* {'; '.join(scope.description)}. "
             f"{_count(len(scope.statements), 'statement')}, {_count(len(scope.facts), 'number')} and "
             f"{_count(len(scope.findings), 'finding')}, each cited to the numbered sources at the end.", ""]
    for label, shown in (("statements", scope.statements), ("facts", scope.facts), ("findings", scope.findings)):
        if scope.totals.get(label, 0) > len(shown):
            lines += [f"*Showing the first {len(shown)} of {scope.totals[label]} {label}.*", ""]

    lines += ["## Key numbers", ""]
    if scope.facts:
        lines += ["| Value | Measure | Subject | Period | Source |", "|---|---|---|---|---|"]
        for f in sorted(scope.facts, key=lambda x: (x.measure, x.period or "", x.value, x.document_id, x.start)):
            subject_name = entity_names.get(key_to_entity.get(f.subject_key or "", ""), "")
            subject = md(f.subject_text or subject_name)
            if subject_name and f.subject_text and subject_name != f.subject_text:
                subject += f" ({md(subject_name)})"
            lines.append(f"| {_value(f)} | {md(f.measure)} | {subject} | {md(f.period)} | "
                         f"{sources.cite(f.document_id)} {_span_link(base_url, f.document_id, f.start, f.end)} |")
    else:
        lines.append("No numbers in scope.")
    lines.append("")

    lines += ["## Timeline", ""]
    if not scope.statements:
        lines += ["No statements in scope.", ""]
    groups: dict[str, list[Statement]] = {}
    for s in scope.statements:
        groups.setdefault(scope.storyline_topics.get(s.id) or s.topic or "", []).append(s)
    for topic_label in sorted(groups, key=lambda x: (x == "", x)):
        if len(groups) > 1 or topic_label:
            lines += [f"### {md(topic_label) if topic_label else 'Other statements'}", ""]
        ordered = sorted(groups[topic_label], key=lambda s: (
            _when(documents.get(s.document_id), s.said_on) or dt.date.max, s.document_id, s.start))
        lines += [f"- {said(s)}" for s in ordered]
        lines.append("")

    lines += ["## Findings", ""]
    if not scope.findings:
        lines += ["No findings in scope.", ""]
    for n, finding in enumerate(scope.findings, 1):
        review = reviews.get(finding.id)
        status = (review.status if review else ReviewStatus.OPEN).value
        sides: list[str] = []
        cited: list[str] = []
        for item in finding.items:
            if item.type is ItemType.STATEMENT and item.id in extra_statements:
                s = extra_statements[item.id]
                sides.append(said(s))
                cited.append(s.document_id)
            elif item.type is ItemType.FACT and item.id in extra_facts:
                x = extra_facts[item.id]
                sides.append(fact_line(x))
                cited.append(x.document_id)
            elif item.type is ItemType.ENTITY and item.id in entity_names:
                sides.append(f"entity {md(entity_names[item.id])}")
        cites = " ".join(dict.fromkeys(sources.cite(d) for d in cited))
        title = _KIND_TITLES.get(finding.kind.value, finding.kind.value)
        lines += [f"### {n}. {title} (score {finding.score:.2f}, {status})", "",
                  f"{md(finding.explanation)} {cites}".rstrip(), ""]
        if review and review.note:
            lines += [f"Reviewer’s note ({md(review.reviewer)}): {md(review.note)}", ""]
        lines += [f"- {side}" for side in sides]
        lines.append("")

    lines += ["## Sources", ""]
    if not sources.numbers:
        lines.append("No sources cited.")
    for document_id, number in sorted(sources.numbers.items(), key=lambda kv: kv[1]):
        d = documents[document_id]
        bits = [f"“{md(d.title)}”" if d.title else f"Untitled document {md(d.id)}"]
        if d.source:
            bits.append(f"*{md(d.source)}*")
        bits.append(d.published.isoformat() if d.published else "undated")
        link = f"<{_uri(d.url)}>" if d.url else ""
        workbench = f"[workbench](<{base_url}/documents/{url_quote(d.id)}>)"
        lines.append(f"{number}. {', '.join(bits)}. {link} {workbench}".replace("  ", " "))
    lines.append("")
    return "\n".join(lines)


def render_html(markdown_text: str, title: str) -> str:
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown_text)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}</style>\n"
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


def pdf_renderer() -> object:
    """WeasyPrint's HTML class, or a UsageError saying that PDF output needs it."""
    try:
        from weasyprint import HTML
    except ImportError as exc:
        raise UsageError("PDF briefings need WeasyPrint, which is not installed; "
                         "write Markdown (default) or HTML (--html, or an -o path ending in .html) instead") from exc
    return HTML


def write_briefing(store: Store, out: TextIO, *, actor: str | None = None, topic: str | None = None,
                   since: str | dt.date | None = None, html: bool = False, base_url: str = "",
                   limit: int = DEFAULT_LIMIT) -> None:
    scope = select_scope(store, actor=actor, topic=topic, since=since, limit=limit)
    text = render_markdown(store, scope, base_url=base_url)
    out.write(render_html(text, scope.title) if html else text)
