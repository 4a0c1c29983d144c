"""The demo site in headless Chromium, opened from the file system and from ``python -m http.server``.

Skipped when /usr/bin/chromium is missing. Screenshots go to test-artifacts/publish/.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.publish import PublishReport, build_site

from .conftest import SOCIAL, make_store

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "publish"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> tuple[Path, PublishReport]:
    """The bundled Veloria corpus plus the fixture threads, published with examples/.site/site.toml."""
    tmp = tmp_path_factory.mktemp("demo-site")
    store = make_store(tmp, nlp, hostile=False, extra=(str(REPO / "examples" / "veloria"),))
    out = tmp / "site"
    report = build_site(store, out, REPO / "examples" / ".site" / "site.toml")
    assert SOCIAL.is_dir() and report.pieces >= 3
    return out, report


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--no-first-run"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def http_root(demo_site: tuple[Path, PublishReport]) -> Iterator[str]:
    out, _report = demo_site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _open(browser: object, url: str):  # returns a playwright Page
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, failed


def test_index_opens_from_the_file_system_and_reads_more(browser: object, demo_site: tuple[Path, PublishReport]) -> None:
    out, _report = demo_site
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page, failed = _open(browser, (out / "index.html").as_uri())
    assert page.locator("h2", has_text="Recent").count() == 1
    # the stylesheet loaded through its relative link: the masthead has its coloured rule
    assert page.eval_on_selector(".masthead", "e => getComputedStyle(e).borderBottomStyle") == "solid"
    page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=True)
    page.locator("a.read-more").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and "/pieces/" in page.url
    assert page.locator("article.piece h1").count() == 1
    assert not failed, failed
    page.close()


def test_article_opens_from_the_file_system_with_its_boxes(browser: object, demo_site: tuple[Path, PublishReport]) -> None:
    out, _report = demo_site
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    article = out / "pieces" / "2025-07-25-two-lines-on-the-nlf.html"
    page, failed = _open(browser, article.as_uri())
    assert "the ministry's two lines on the NLF" in page.title()
    assert page.locator(".author-box", has_text="Mira Castell").count() == 1
    assert page.locator(".disclaimer").first.inner_text().startswith("Views are their own.")
    assert page.locator(".recent .teaser").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    thread = sorted((out / "pieces").glob("2025-03-05-*.html"))[0]
    page.goto(thread.as_uri())
    page.screenshot(path=str(ARTIFACTS / "thread.png"), full_page=True)
    assert not failed, failed
    page.close()


def test_site_works_from_python_http_server(browser: object, http_root: str) -> None:
    page, failed = _open(browser, http_root)
    assert page.locator("a.read-more").count() >= 3
    page.locator("nav a", has_text="Actors").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/actors/index.html")
    page.locator("main li a").first.click()
    page.wait_for_load_state("load")
    page.locator("main li a").first.click()
    page.wait_for_load_state("load")
    assert "/pieces/" in page.url and page.locator("article.piece").count() == 1
    assert not failed, failed
    page.close()
