"""The one HTTP client of veille: every network read goes through `HttpClient.get`.

It identifies itself, gives up on servers that do not answer, never reads more than its
size limit, retries what may succeed later (timeouts, 5xx, 429) with a growing back-off,
and asks each site's robots.txt first (RFC 9309: a missing robots.txt allows everything,
an unreachable one allows nothing for now).
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

from veille.ingest.decoding import too_large

MAX_BYTES = 5_000_000
CHUNK = 65536


def _user_agent() -> str:
    try:
        return f"veille/{version('veille')} (news monitoring)"
    except PackageNotFoundError:
        return "veille (news monitoring)"


USER_AGENT = _user_agent()


class FetchError(Exception):
    """A URL that could not be read; `transient` when trying again later may succeed."""

    def __init__(self, url: str, reason: str, transient: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str | None = None
    charset: str | None = None


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://")) and not any(c.isspace() for c in text)


@dataclass
class HttpClient:
    user_agent: str = USER_AGENT
    timeout: float = 10.0  # seconds without a byte from the server
    deadline: float = 60.0  # seconds for a whole response, against servers that trickle
    max_bytes: int = MAX_BYTES
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled at each retry
    robots: bool = True
    robots_retry: float = 300.0  # seconds before asking again a site whose robots.txt was unreachable
    _robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | FetchError]] = field(
        default_factory=dict, repr=False)

    def get(self, url: str) -> Response:
        """The response to a GET of `url`, or FetchError saying why there is none."""
        if not is_url(url):
            raise FetchError(url, "not an http(s) URL")
        if self.robots:
            self._check_robots(url)
        return self._get_with_retries(url)

    def _get_with_retries(self, url: str) -> Response:
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url)
            except FetchError as error:
                if not error.transient or attempt == self.retries:
                    raise
                time.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _get_once(self, url: str) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                body = self._read_body(url, answer)
                headers: Message = answer.headers
                return Response(url=answer.geturl(), status=answer.status, body=body,
                                content_type=headers.get_content_type(), charset=headers.get_content_charset())
        except urllib.error.HTTPError as error:
            error.close()
            transient = error.code >= 500 or error.code in (408, 429)
            raise FetchError(url, f"HTTP {error.code} {error.reason}", transient) from None
        except TimeoutError:
            raise FetchError(url, f"no answer within {self.timeout:g} s", transient=True) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise FetchError(url, f"no answer within {self.timeout:g} s", transient=True) from None
            raise FetchError(url, f"unreachable: {error.reason}", transient=True) from None
        except (OSError, http.client.HTTPException) as error:  # reset mid-body, broken HTTP
            raise FetchError(url, f"connection failed: {type(error).__name__}: {error}", transient=True) from None

    def _read_body(self, url: str, answer) -> bytes:
        declared = answer.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, too_large(int(declared), self.max_bytes).reason)
        chunks, size, started = [], 0, time.monotonic()
        # read1 returns what has come, so that the deadline holds against servers that trickle
        while chunk := answer.read1(CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                # stop here: the rest is never read, whatever the server still sends
                raise FetchError(url, f"too large: over the {self.max_bytes / 1e6:.0f} MB limit")
            if time.monotonic() - started > self.deadline:
                raise FetchError(url, f"too slow: not finished within {self.deadline:g} s", transient=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        asked, rules = self._robots.get(site, (0.0, None))
        if rules is None or (isinstance(rules, FetchError) and time.monotonic() - asked > self.robots_retry):
            rules = self._read_robots(site)
            self._robots[site] = (time.monotonic(), rules)
        if isinstance(rules, FetchError):
            raise FetchError(url, f"robots.txt unreachable ({rules.reason})", transient=True)
        if not rules.can_fetch(self.user_agent, url):
            raise FetchError(url, "disallowed by robots.txt")

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | FetchError:
        rules = urllib.robotparser.RobotFileParser()
        try:
            response = self._get_with_retries(urljoin(site, "/robots.txt"))
        except FetchError as error:
            if error.transient:
                return error
            rules.parse([])  # 4xx: no rules, everything allowed
            return rules
        rules.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return rules
