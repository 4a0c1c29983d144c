"""End-to-end in headless Chromium: read, search, follow a finding to both spans, log in, accept, reload.

Skipped when /usr/bin/chromium is missing. Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .fixtures import Corpus, build_corpus

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Corpus]]:
    import uvicorn

    from storyline.web.app import create_app

    corpus = build_corpus(tmp_path_factory.mktemp("browser") / "store.db")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(corpus.store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", corpus
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"],
        )
        yield b
        b.close()


def test_browser_analyst_flow(server: tuple[str, Corpus], browser) -> None:
    base, corpus = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    csp_errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)

    page.goto(base + "/")
    assert page.locator("text=Kabul attacks rise").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)

    page.fill("header .search input[name=q]", "attacks")
    page.click("header .search button")
    page.wait_for_url(re.compile(r"/search\?q=attacks"))
    assert page.locator("ol.hits mark").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    page.goto(f"{base}/documents/{corpus.docs['hostile'].id}")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert page.locator("div.text img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "hostile-document.png"), full_page=True)

    page.goto(f"{base}/documents/{corpus.docs['a'].id}")
    assert page.locator("div.text a.ent").count() == 5
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=True)

    contra = corpus.findings["contra"]
    for i, key in enumerate(("s1", "s3")):
        s = corpus.statements[key]
        page.goto(f"{base}/findings?kind=self_contradiction")
        page.locator(f"#finding-{contra.id} a.span-link").nth(i).click()
        page.wait_for_url(re.compile(rf"hl={s.start}-{s.end}#char-{s.start}-{s.end}$"))
        cited = page.locator(f"#char-{s.start}-{s.end}")
        assert cited.inner_text() == corpus.docs["a" if key == "s1" else "b"].text[s.start:s.end]
        assert cited.is_visible()
        page.screenshot(path=str(ARTIFACTS / f"finding-span-{key}.png"), full_page=False)

    token = corpus.store.create_token("tester")
    page.goto(f"{base}/login?next=/findings")
    page.fill("input[name=token]", token)
    page.click("form.login button")
    page.wait_for_url(re.compile(r"/findings$"))
    assert "Signed in as" in page.locator(".who").inner_text()
    card = page.locator(f"#finding-{contra.id}")
    card.locator("input[name=note]").fill("both statements quoted verbatim")
    card.locator("button[value=accepted]").click()
    page.wait_for_selector(f"#finding-{contra.id}.status-accepted")
    page.reload()
    status = page.locator(f"#finding-{contra.id} .status").inner_text()
    assert "accepted by tester" in status
    assert "both statements quoted verbatim" in page.locator(f"#finding-{contra.id}").inner_text()
    page.screenshot(path=str(ARTIFACTS / "findings-accepted.png"), full_page=True)

    entity = corpus.entities["mujahid"]
    page.goto(f"{base}/entities/{entity.id}")
    assert page.locator("svg.timeline circle").count() == 3
    page.screenshot(path=str(ARTIFACTS / "entity.png"), full_page=True)
    page.goto(f"{base}/storylines/{corpus.storylines['mujahid_attacks'].id}")
    page.screenshot(path=str(ARTIFACTS / "storyline.png"), full_page=True)

    assert dialogs == [], f"a script from stored text ran: {dialogs}"
    assert csp_errors == [], csp_errors
    review = corpus.store.latest_reviews()[contra.id]
    assert review.reviewer == "tester" and review.status.value == "accepted"
    page.close()


def test_browser_search_an_alias_and_land_on_the_entity(server: tuple[str, Corpus], browser) -> None:
    base, corpus = server
    entity = corpus.entities["mujahid"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/")
    page.fill("header .search input[name=q]", "mujahid")
    page.click("header .search button")
    page.wait_for_url(re.compile(r"/search\?q=mujahid"))
    assert "Zabihullah Mujahid" in page.locator("p.also").inner_text()  # the query was expanded, and says so
    hit = page.locator("li.hit-entity a").first
    assert hit.inner_text() == entity.name
    hit.click()
    page.wait_for_url(re.compile(rf"/entities/{entity.id}$"))
    assert entity.name in page.locator("h1").inner_text()
    icon = page.request.get(base + "/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    page.screenshot(path=str(ARTIFACTS / "search-entity.png"), full_page=True)
    page.close()
