"""Polite HTTP for feeds and their pages: a user agent, a per-host rate limit, conditional GET
(ETag / Last-Modified) and a size cap. Only ``detente watch`` fetches; coding never does."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

import httpx

from detente.errors import InputError
from detente.ingest.options import MAX_PAGE_BYTES


class FetchFailed(InputError):
    """A feed or page could not be fetched (network error or HTTP error status)."""

    reason = "fetch-failed"


@dataclass(frozen=True, slots=True)
class Fetched:
    """One answer; ``status`` 304 means unchanged since the ETag / date that were sent."""

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def unchanged(self) -> bool:
        return self.status == 304


def user_agent() -> str:
    try:
        release = version("detente")
    except PackageNotFoundError:
        release = "dev"
    return f"detente/{release} (political event coder; polls news feeds)"


@dataclass
class Fetcher:
    """GETs with a user agent, at most one request per ``min_interval`` seconds to a host."""

    min_interval: float = 1.0
    timeout: float = 20.0
    max_bytes: int = MAX_PAGE_BYTES
    agent: str = field(default_factory=user_agent)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """Fetch ``url``; ``FetchFailed`` on a network error, an error status or a huge body."""
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = urlsplit(url).netloc
        self._wait(host)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                return self._read(url, response)
        except httpx.HTTPError as error:
            raise FetchFailed(f"cannot fetch: {error}", origin=url) from error
        finally:
            self._last[host] = self.clock()  # the pause runs from the end of the last answer

    def _read(self, url: str, response: httpx.Response) -> Fetched:
        meta = {
            "etag": response.headers.get("ETag"),
            "last_modified": response.headers.get("Last-Modified"),
            "content_type": response.headers.get("Content-Type", ""),
        }
        if response.status_code == 304:
            return Fetched(url, 304, **meta)
        if response.status_code >= 400:
            raise FetchFailed(f"HTTP {response.status_code}", origin=url)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                raise FetchFailed(f"over {self.max_bytes:,} bytes", origin=url)
        return Fetched(str(response.url), response.status_code, bytes(body), **meta)

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.min_interval - (self.clock() - last)
            if pause > 0:
                self.sleep(pause)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.agent},
                timeout=self.timeout,
                follow_redirects=True,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
