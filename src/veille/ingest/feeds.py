"""RSS and Atom feeds, and lists of page addresses, as entries to follow.

An entry names a page (its link) and carries what the feed says of it: title, date,
language and content. Reading an entry means following its link; the feed's content is
the text only when there is no page to follow.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

import feedparser
from feedparser.exceptions import ThingsNobodyCaresAboutButMe

from veille.ingest.decoding import NotText
from veille.ingest.http import is_url

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    key: str  # what identifies the entry in the seen-set: its link, else its feed id
    url: str | None = None
    title: str | None = None
    date: str | None = None
    content: str | None = None  # HTML fragment
    lang: str | None = None
    outlet: str | None = None


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file are an RSS, RDF or Atom feed."""
    return bool(_FEED.search(head[:4096]))


def url_list(text: str) -> list[str] | None:
    """The addresses of a page list (one URL a line, `#` comments), or None for other text."""
    lines = [line.strip() for line in text.splitlines()]
    urls = [line for line in lines if line and not line.startswith("#")]
    return urls if urls and all(is_url(url) for url in urls) else None


@dataclass(frozen=True)
class Feed:
    entries: list[Entry]
    error: str | None = None  # what was wrong with a feed that still gave entries


def read_feed(data: bytes, name: str) -> Feed:
    """The entries of a feed, in feed order; NotText when the bytes give none and are broken."""
    # bytes, never a string: given a string, feedparser would fetch it as a URL
    feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    broken = feed.bozo and not isinstance(feed.bozo_exception, ThingsNobodyCaresAboutButMe)
    error = f"malformed feed: {feed.bozo_exception}" if broken else None
    channel = feed.feed
    lang = (channel.get("language") or "")[:2].lower() or None
    outlet = channel.get("title") or None
    entries, keys = [], set()
    for number, item in enumerate(feed.entries, start=1):
        url = item.get("link") if is_url(item.get("link") or "") else None
        content = item["content"][0].get("value") if item.get("content") else item.get("summary")
        key = url or item.get("id") or f"{name}#{number}"
        if key in keys or not (url or content or item.get("title")):  # a repeat, or debris of a broken feed
            continue
        keys.add(key)
        entries.append(Entry(key=key, url=url, title=item.get("title") or None, date=_date(item),
                             content=content or None, lang=lang, outlet=outlet))
    if not entries and error:
        raise NotText("read", error)
    if not entries and not feed.version:
        raise NotText("read", "not an RSS or Atom feed")
    return Feed(entries, error)


def _date(item) -> str | None:
    """The entry's own calendar date, as the outlet wrote it (not shifted to UTC)."""
    # dict.get: feedparser's own get() answers "updated" with "published", and warns
    for raw in (dict.get(item, "published"), dict.get(item, "updated")):
        if not raw:
            continue
        for parse in (parsedate_to_datetime, datetime.fromisoformat):
            try:
                return parse(raw.strip()).date().isoformat()
            except (TypeError, ValueError, IndexError):
                continue
    parsed = dict.get(item, "published_parsed") or dict.get(item, "updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None

