"""The only network code in Storyline: fetching one http(s) URL into a RawInput.

Uses httpx with a timeout and a size cap (the body is streamed and the fetch
stops as soon as it passes the cap). ``STORYLINE_FETCH_TIMEOUT`` bounds each
network read and also the whole fetch: a server that trickles its body stops
the fetch once that many seconds have passed in all. Tests inject a client or transport
(``httpx.MockTransport``) so nothing goes online.
"""

from __future__ import annotations

import logging
import posixpath
import time
from urllib.parse import urlsplit

import httpx

from ..config import Settings, settings
from ..errors import FetchError
from .base import RawInput

__all__ = ["Fetcher", "is_url"]

log = logging.getLogger(__name__)

USER_AGENT = "storyline/0.1 (+offline narrative analysis; single-page fetch)"


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n} bytes"


class Fetcher:
    """Fetches URLs; reuse one for many URLs, close it (or use ``with``) when done."""

    def __init__(
        self,
        config: Settings | None = None,
        *,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self.config = config or settings()
        self.max_bytes = max_bytes if max_bytes is not None else self.config.fetch_max_bytes
        self._own_client = client is None
        self.client = client or httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(self.config.fetch_timeout),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def fetch(self, url: str, max_bytes: int | None = None) -> RawInput:
        """The body of ``url`` with its content type; FetchError(url, reason) on any failure."""
        if not is_url(url):
            raise FetchError(url, "not an http(s) URL")
        limit = min(self.max_bytes, max_bytes) if max_bytes is not None else self.max_bytes
        deadline = time.monotonic() + self.config.fetch_timeout
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"response is {_size(int(declared))}, over the limit of {_size(limit)}")
                chunks: list[bytes] = []
                received = 0
                for chunk in response.iter_bytes():
                    received += len(chunk)
                    if received > limit:
                        raise FetchError(url, f"response is larger than the limit of {_size(limit)}")
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise FetchError(url, f"took longer than {self.config.fetch_timeout:g} s in all "
                                         f"({_size(received)} received); STORYLINE_FETCH_TIMEOUT sets the limit")
                content_type, charset = _content_type(response.headers.get("content-type"))
                final_url = str(response.url)
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.config.fetch_timeout:g} s") from exc
        except httpx.ConnectError as exc:
            raise FetchError(url, f"cannot connect ({exc})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from exc
        log.info("fetched %s (%d bytes, %s)", url, received, content_type)
        extension = posixpath.splitext(urlsplit(final_url).path)[1].lower()
        return RawInput(
            name=url,
            data=b"".join(chunks),
            extension=extension,
            content_type=content_type,
            url=final_url,
            charset=charset,
        )


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    main, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ")
    return main.strip().lower() or None, charset
