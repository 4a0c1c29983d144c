"""The HTML pages: content, links to exact spans, escaping of hostile text, RTL, security headers."""

from __future__ import annotations

import re

import pytest

from .fixtures import TEXT_A, Corpus


def test_pages_home_lists_documents_findings_actors_and_counts(client, corpus: Corpus) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "Kabul attacks rise" in r.text
    assert "Zabihullah Mujahid" in r.text
    assert 'action="/search"' in r.text
    assert re.search(r"<strong>4</strong>\s*documents", r.text)
    assert "self contradiction" in r.text


def test_pages_document_highlights_entities_statements_and_facts(client, corpus: Corpus) -> None:
    doc = corpus.docs["a"]
    r = client.get(f"/documents/{doc.id}")
    assert r.status_code == 200
    mujahid = corpus.entities["mujahid"].id
    assert f'<a href="/entities/{mujahid}" class="ent ent-person"' in r.text
    s1 = corpus.statements["s1"]
    assert f'id="char-{s1.content_start}-{s1.content_end}"' in r.text
    f1 = corpus.facts["f1"]
    assert f'class="fact" id="char-{f1.start}-{f1.end}"' in r.text
    # the text itself survives the markup: strip tags and compare
    body = re.search(r'<div class="text"[^>]*>(.*?)</div>', r.text, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", body) == TEXT_A
    assert 'href="https://example.org/a?x=1&amp;y=2"' in r.text
    # also see: document B shares entities with A
    assert f'href="/documents/{corpus.docs["b"].id}"' in r.text


def test_pages_document_hl_marks_the_cited_span(client, corpus: Corpus) -> None:
    doc = corpus.docs["b"]
    s3 = corpus.statements["s3"]
    r = client.get(f"/documents/{doc.id}?hl={s3.start}-{s3.end}")
    assert r.status_code == 200
    m = re.search(rf'<span class="cited" id="char-{s3.start}-{s3.end}"[^>]*>(.*?)</span>[^<]*', r.text, re.S)
    assert m is not None
    cited = re.sub(r"<[^>]+>", "", r.text[m.start():])
    assert cited.startswith(doc.text[s3.start:s3.end])


def test_pages_document_ignores_bad_hl(client, corpus: Corpus) -> None:
    doc = corpus.docs["a"]
    for hl in ("5-2", "0-99999", "x", "1-2-3", "-1-4"):
        r = client.get(f"/documents/{doc.id}", params={"hl": hl})
        assert r.status_code == 200
        assert 'class="cited" id=' not in r.text


def test_pages_hostile_document_is_escaped_and_url_not_linked(client, corpus: Corpus) -> None:
    doc = corpus.docs["hostile"]
    r = client.get(f"/documents/{doc.id}")
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert "<img src=x" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text
    assert 'href="javascript:' not in r.text.lower()
    assert "javascript:alert(1)" in r.text  # shown as text, not as a link
    assert "&lt;b&gt;Bad source&lt;/b&gt;" in r.text
    # no inline script anywhere: the only scripts are static files
    assert re.findall(r"<script(?![^>]*\bsrc=)", r.text) == []


def test_pages_hostile_entity_and_finding_are_escaped(client, corpus: Corpus) -> None:
    for url in (f"/entities/{corpus.entities['evil'].id}", "/findings", f"/findings/{corpus.findings['hostile'].id}",
                "/search?q=answer", "/"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "<script>alert" not in r.text, url
        assert "<img src=x" not in r.text, url


def test_pages_rtl_document_gets_dir_rtl(client, corpus: Corpus) -> None:
    r = client.get(f"/documents/{corpus.docs['ar'].id}")
    assert r.status_code == 200
    assert '<div class="text" dir="rtl" lang="ar">' in r.text
    r = client.get(f"/documents/{corpus.docs['a'].id}")
    assert 'dir="rtl"' not in r.text


def test_pages_entity_shows_aliases_links_timeline_and_findings(client, corpus: Corpus) -> None:
    e = corpus.entities["mujahid"]
    r = client.get(f"/entities/{e.id}")
    assert r.status_code == 200
    assert "UN SC" in r.text and "TAi.001" in r.text
    assert "ذبيح الله مجاهد" in r.text
    assert '<svg class="timeline"' in r.text
    assert r.text.count('<circle class="pt') == 3
    assert f'href="/findings/{corpus.findings["contra"].id}"' in r.text
    assert "Log in</a> to merge or split" in r.text


def test_pages_storyline_draws_statements_and_finding_arcs(client, corpus: Corpus) -> None:
    sl = corpus.storylines["mujahid_attacks"]
    r = client.get(f"/storylines/{sl.id}")
    assert r.status_code == 200
    assert r.text.count('<circle class="pt') == 3
    assert '<path class="arc"' in r.text
    listed = r.text[r.text.index('<ol class="statements'):]
    texts = [corpus.statements[k].content for k in ("s1", "s2", "s3")]
    positions = [listed.index(t) for t in texts]
    assert positions == sorted(positions)


def test_pages_storyline_names_actor_and_question_and_shows_how_the_position_moved(client, corpus: Corpus) -> None:
    sl = corpus.storylines["mujahid_attacks"]
    r = client.get(f"/storylines/{sl.id}")
    assert "<title>Zabihullah Mujahid on attacks" in r.text
    moves = r.text[r.text.index("How the position moved"):r.text.index('<ol class="statements')]
    first, turn = corpus.statements["s1"], corpus.statements["s3"]
    assert moves.index("2021-08-02") < moves.index("first asserts") < moves.index(first.content)
    assert moves.index("2022-01-10") < moves.index("turns: now denies (before: asserts)") < moves.index(turn.content)
    assert corpus.statements["s2"].content not in moves  # it holds the position already taken


def test_pages_findings_show_both_sides_with_links_to_exact_spans(client, corpus: Corpus) -> None:
    r = client.get("/findings", params={"kind": "self_contradiction"})
    assert r.status_code == 200
    s1, s3 = corpus.statements["s1"], corpus.statements["s3"]
    assert f'/documents/{s1.document_id}?hl={s1.start}-{s1.end}#char-{s1.start}-{s1.end}' in r.text
    assert f'/documents/{s3.document_id}?hl={s3.start}-{s3.end}#char-{s3.start}-{s3.end}' in r.text
    assert r.text.count('<article class="finding') == 1


def test_pages_findings_filters(client, corpus: Corpus) -> None:
    assert client.get("/findings", params={"source": "Dawn"}).text.count('<article class="finding') == 3
    r = client.get("/findings", params={"actor": corpus.entities["taliban"].id})
    assert r.text.count('<article class="finding') == 1
    assert client.get("/findings", params={"min_score": 0.85}).text.count('<article class="finding') == 1
    assert client.get("/findings", params={"status": "accepted"}).text.count('<article class="finding') == 0
    assert client.get("/findings", params={"kind": "bogus"}).status_code == 422


def test_pages_search_escapes_then_marks(client, corpus: Corpus) -> None:
    r = client.get("/search", params={"q": "answer"})
    assert r.status_code == 200
    assert "<mark>answer</mark>" in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text
    r = client.get("/search", params={"q": "attacks", "source": "Dawn"})
    assert "Khorasan Diary" not in r.text.split("<h1>Search</h1>")[1].split("</form>", 1)[1]
    r = client.get("/search", params={"q": "attacks", "since": "2022-01-01"})
    assert "A denial" in r.text and "Kabul attacks rise</a>" not in r.text


def test_pages_documents_list_is_paginated(client, corpus: Corpus) -> None:
    r = client.get("/documents")
    assert r.status_code == 200
    assert r.text.count("<li><a href=\"/documents/") == 4
    r = client.get("/documents", params={"offset": 3})
    assert r.text.count("<li><a href=\"/documents/") == 1


def test_pages_unknown_ids_give_html_404(client) -> None:
    for url in ("/documents/doc_nope", "/entities/ent_nope", "/storylines/sty_nope", "/findings/fnd_nope", "/nope"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert r.headers["content-type"].startswith("text/html")


def test_pages_security_headers(client) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/documents").headers["x-content-type-options"] == "nosniff"


def test_pages_static_assets_are_vendored(client) -> None:
    r = client.get("/static/vendor/htmx.min.js")
    assert r.status_code == 200 and "htmx" in r.text[:2000]
    assert client.get("/static/style.css").status_code == 200


def test_pages_search_lists_entities_and_the_names_it_also_matched(client, corpus: Corpus) -> None:
    entity = corpus.entities["mujahid"]
    r = client.get("/search", params={"q": "Mujahid"})
    assert r.status_code == 200
    assert f'href="/entities/{entity.id}"' in r.text
    assert re.search(r'class="meta also">Also matching .*Zabihullah Mujahid', r.text)
    assert corpus.docs["ar"].id in r.text  # found through the Arabic alias of the same entity
    only = client.get("/search", params={"q": "attacks", "entity": corpus.entities["kabul"].id, "kind": "documents"})
    assert corpus.docs["a"].id in only.text and corpus.docs["hostile"].id not in only.text


@pytest.mark.parametrize("path", ["/search?q=attacks&since=2025-13-45", "/documents?until=2025-02-30",
                                  "/api/search?q=attacks&since=2025-13-45", "/api/documents?since=2024-00-10"])
def test_pages_impossible_dates_in_filters_are_422(client, path) -> None:
    r = client.get(path)
    assert r.status_code == 422
    assert "not a date of the calendar" in r.text


def test_pages_favicon_is_served(client) -> None:
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")


def test_pages_bidi_controls_in_titles_and_sources_are_isolated(fresh: Corpus, fresh_client) -> None:
    from storyline.model import Document

    doc = Document.from_text("A body about the harbour and the ferries.", title="Harbour \u202etxt.exe",
                             source="Post \u202bnews")
    fresh.store.add_document(doc)
    r = fresh_client.get("/documents")
    assert "\u2068Harbour \u202etxt.exe\u2069" in r.text
    assert "\u2068Post \u202bnews\u2069" in r.text
    found = fresh_client.get("/search", params={"q": "ferries"})
    assert "\u2068Harbour \u202etxt.exe\u2069" in found.text


def test_pages_document_list_shows_a_month_precise_date_as_its_month(fresh: Corpus, fresh_client) -> None:
    import datetime as dt

    from storyline.model import Document

    doc = Document.from_text("The ferries resumed on the northern route.", title="Ferries in March",
                             published=dt.date(2030, 3, 1), metadata={"published_precision": "month"})
    fresh.store.add_document(doc)
    r = fresh_client.get("/documents")
    line = re.search(r"Ferries in March.*?</span>", r.text, re.S).group(0)
    assert "2030-03" in line and "2030-03-01" not in line


def test_pages_document_in_another_language_says_it_was_not_analysed(fresh: Corpus, fresh_client) -> None:
    from storyline.model import Document

    doc = Document.from_text("Der Sprecher sagte, die Daten der Patienten seien sicher.", language="de")
    fresh.store.add_document(doc)
    r = fresh_client.get(f"/documents/{doc.id}")
    assert r.status_code == 200
    assert "This document is in German" in r.text and "not run through the English models" in r.text
    english = fresh_client.get(f"/documents/{fresh.docs['b'].id}")
    assert "not run through the English models" not in english.text


def test_pages_document_says_where_an_inferred_date_was_read_from(fresh, fresh_client) -> None:
    import datetime as dt

    from storyline.model import Document

    doc = Document.from_text("Ferries Resume\nPublished: March 3, 2030\nThe ferries resumed on the northern route.",
                             title="Ferries", published=dt.date(2030, 3, 3),
                             metadata={"published_precision": "day", "inferred": {"published": "header"}})
    fresh.store.add_document(doc)
    page = fresh_client.get(f"/documents/{doc.id}").text
    assert re.search(r"<dt>Published</dt><dd>2030-03-03 <span class=\"meta\">\(read from its header line\)</span>", page)
    stated = fresh_client.get(f"/documents/{fresh.docs['a'].id}").text
    assert "read from" not in stated  # a date the input stated needs no note
