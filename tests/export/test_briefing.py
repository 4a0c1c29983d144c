from __future__ import annotations

import io
import re

import pytest
from markdown_it import MarkdownIt

from storyline.errors import UsageError
from storyline.export import export
from storyline.export.briefing import write_briefing

from .conftest import HOSTILE_QUOTE, Corpus

CITATION = re.compile(r"\[(\d+)\]")


def _briefing(corpus: Corpus, **options) -> str:
    out = io.StringIO()
    write_briefing(corpus.store, out, **options)
    return out.getvalue()


def _sections(markdown: str) -> dict[str, list]:
    """Inline tokens of each level-2 section, and the items of the sources list."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    sections: dict[str, list] = {}
    current = "top"
    heading = -1
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h2":
            current, heading = tokens[i + 1].content, i + 1
        elif tok.type == "inline" and i != heading:
            sections.setdefault(current, []).append(tok)
    return sections


def _text(tok) -> str:
    return "".join(child.content for child in tok.children if child.type == "text")


def _check_citations(markdown: str) -> tuple[set[int], list[str]]:
    sections = _sections(markdown)
    sources = [_text(t) for t in sections.get("Sources", [])]
    cited = {int(n) for name, toks in sections.items() if name != "Sources" for t in toks
             for n in CITATION.findall(_text(t))}
    assert cited == set(range(1, len(sources) + 1)), (cited, sources)  # every citation resolves, every source cited
    return cited, sources


def test_briefing_for_an_actor_cites_every_quote(corpus: Corpus) -> None:
    markdown = _briefing(corpus, actor="MUJAHID")
    _cited, sources = _check_citations(markdown)
    assert markdown.startswith("# Briefing: Zabihullah Mujahid")
    assert sources[0].startswith("“Taliban \"will not\" attack <b>Kabul</b>, says spokesman”")
    timeline = [_text(t) for t in _sections(markdown)["Timeline"]]
    assert any(HOSTILE_QUOTE in line and line.startswith("2021-08-26") for line in timeline)
    for line in timeline[1:]:
        assert CITATION.search(line), line


def test_briefing_links_each_quote_to_its_exact_span(corpus: Corpus) -> None:
    markdown = _briefing(corpus, actor="Zabihullah Mujahid", base_url="http://localhost:8000/")
    s = corpus.statements[0]
    assert f"http://localhost:8000/documents/{s.document_id}?hl={s.content_start}-{s.content_end}" in markdown
    assert "https://example.org/dawn?a=1&b=%3C2%3E" in markdown


def test_briefing_key_numbers_use_comparator_wording(corpus: Corpus) -> None:
    markdown = _briefing(corpus, topic="attacks")
    _check_citations(markdown)
    rows = [_text(t) for t in _sections(markdown)["Key numbers"]]
    assert "about 300" in rows and "343" in rows


def test_briefing_findings_quote_both_sides(corpus: Corpus) -> None:
    markdown = _briefing(corpus)
    _check_citations(markdown)
    findings = " ".join(_text(t) for t in _sections(markdown)["Findings"])
    assert "Self-contradiction" in findings and "accepted" in findings
    for s in corpus.statements:
        assert " ".join(s.content.split()) in findings
    for f in corpus.facts:
        assert f.text in findings


def test_briefing_since_leaves_out_older_statements(corpus: Corpus) -> None:
    markdown = _briefing(corpus, since="2021-08-30")
    timeline = " ".join(_text(t) for t in _sections(markdown)["Timeline"])
    assert "We attacked Kabul" in timeline and "will not attack" not in timeline


def test_briefing_unknown_actor_lists_close_names(corpus: Corpus) -> None:
    with pytest.raises(UsageError, match="close names: Zabihullah Mujahid"):
        _briefing(corpus, actor="Zabiullah Mujahed")


def test_briefing_bad_since_is_a_usage_error(corpus: Corpus) -> None:
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        _briefing(corpus, since="last week")


def test_briefing_html_escapes_record_text(corpus: Corpus, tmp_path) -> None:
    target = tmp_path / "brief.html"
    export(corpus.store, "briefing", str(target), actor="Mujahid")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Kabul</b>" not in page


def test_briefing_pdf_without_a_renderer_is_a_clear_error(corpus: Corpus, tmp_path) -> None:
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        with pytest.raises(UsageError, match="WeasyPrint"):
            export(corpus.store, "briefing", str(tmp_path / "b.pdf"))
    else:
        pytest.skip("WeasyPrint is installed")
