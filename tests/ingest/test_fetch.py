from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from storyline.config import Settings
from storyline.errors import FetchError
from storyline.ingest import read_documents
from storyline.ingest.base import IngestOptions
from storyline.ingest.fetch import Fetcher
from storyline.model import Document

ARTICLE = (
    "<html><head><title>Local article</title></head><body><nav>Menu</nav><article>"
    "<p>The spokesperson told reporters that the district was calm again after the attack.</p>"
    "<p>Officials said 12 people died, while the Ledger reported more than 30 deaths.</p>"
    "</article></body></html>"
).encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # the name http.server calls
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", ARTICLE),
            "/big": (200, "text/plain", b"x" * 5000),
            "/feed.xml": (
                200,
                "application/rss+xml",
                b"<rss version='2.0'><channel><title>Feed</title><item><title>One</title>"
                b"<link>http://127.0.0.1:%d/article.html</link><description>Short summary.</description>"
                b"</item></channel></rss>" % self.server.server_address[1],
            ),
        }
        status, ctype, body = routes.get(self.path, (404, "text/plain", b"missing"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_fetch_local_page_with_content_type(server: str) -> None:
    with Fetcher(Settings(fetch_timeout=5)) as fetcher:
        raw = fetcher.fetch(f"{server}/article.html")
    assert raw.data == ARTICLE
    assert raw.content_type == "text/html" and raw.charset == "utf-8" and raw.extension == ".html"


def test_fetch_http_error_and_size_cap(server: str) -> None:
    with Fetcher(Settings(fetch_timeout=5), max_bytes=1000) as fetcher:
        with pytest.raises(FetchError, match="HTTP 404"):
            fetcher.fetch(f"{server}/nothing")
        with pytest.raises(FetchError, match="over the limit"):
            fetcher.fetch(f"{server}/big")


def test_fetch_unreachable_url_is_a_one_line_error() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/x.html"
    (error,) = read_documents([url], IngestOptions(), fetcher=Fetcher(Settings(fetch_timeout=2)))
    assert isinstance(error, FetchError)
    assert error.input_name == url and "cannot connect" in error.reason
    assert "\n" not in str(error)


def test_fetch_streamed_body_stops_at_the_cap() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"a" * 400] * 10), headers={"content-type": "text/plain"})

    fetcher = Fetcher(Settings(fetch_timeout=1), transport=httpx.MockTransport(handler), max_bytes=1000)
    with pytest.raises(FetchError, match="larger than the limit"):
        fetcher.fetch("https://example.test/stream")


def test_fetch_url_document_through_read_documents(server: str) -> None:
    (doc,) = read_documents([f"{server}/article.html"], IngestOptions(source="Local"))
    assert isinstance(doc, Document)
    assert doc.format == "html" and doc.origin == f"{server}/article.html" and doc.url == f"{server}/article.html"
    assert "12 people died" in doc.text and "Menu" not in doc.text
    assert doc.source == "Local"


def test_fetch_feed_links_only_with_explicit_fetcher(server: str) -> None:
    (summary_only,) = read_documents([f"{server}/feed.xml"])
    assert isinstance(summary_only, Document) and summary_only.text == "Short summary."
    with Fetcher(Settings(fetch_timeout=5)) as fetcher:
        (full,) = read_documents([f"{server}/feed.xml"], fetcher=fetcher)
    assert isinstance(full, Document)
    assert "12 people died" in full.text
    assert full.title == "One" and full.source == "Feed" and full.metadata["text_from"] == "linked page"


class _Trickle(httpx.SyncByteStream):
    """A body that arrives ten bytes at a time, each piece well inside the per-read timeout."""

    def __iter__(self) -> Iterator[bytes]:
        import time

        for _ in range(200):
            time.sleep(0.02)
            yield b"0123456789"


def test_fetch_deadline_bounds_the_whole_fetch_not_each_read() -> None:
    import re

    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=_Trickle()))
    with Fetcher(Settings(fetch_timeout=0.3), transport=transport) as fetcher:
        with pytest.raises(FetchError, match=r"took longer than 0.3 s in all") as caught:
            fetcher.fetch("http://slow.example/page")
    received = int(re.search(r"\((\d+) bytes received\)", caught.value.reason)[1])
    assert received < 2000  # stopped before the trickled body was complete
