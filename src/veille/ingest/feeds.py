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


def feed_entries(data: bytes, name: str) -> list[Entry]:
    """The entries of a feed, in feed order; NotText when the bytes are no feed at all."""
    # bytes, never a string: given a string, feedparser would fetch it as a URL
    feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not feed.entries:
        if feed.bozo:
            raise NotText("read", f"malformed feed: {feed.bozo_exception}")
        if not feed.version:
            raise NotText("read", "not an RSS or Atom feed")
    channel = feed.feed
    lang = (channel.get("language") or "")[:2].lower() or None
    outlet = channel.get("title") or None
    entries, keys = [], set()
    for number, item in enumerate(feed.entries, start=1):
        url = item.get("link") if is_url(item.get("link") or "") else None
        key = url or item.get("id") or f"{name}#{number}"
        if key in keys:
            continue
        keys.add(key)
        content = item["content"][0].get("value") if item.get("content") else item.get("summary")
        entries.append(Entry(key=key, url=url, title=item.get("title") or None, date=_date(item),
                             content=content or None, lang=lang, outlet=outlet))
    return entries


def _date(item) -> str | None:
    """The entry's own calendar date, as the outlet wrote it (not shifted to UTC)."""
    for raw in (item.get("published"), item.get("updated")):
        if not raw:
            continue
        for parse in (parsedate_to_datetime, datetime.fromisoformat):
            try:
                return parse(raw.strip()).date().isoformat()
            except (TypeError, ValueError, IndexError):
                continue
    parsed = item.get("published_parsed") or item.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None

