"""Readers: every kind of input turned into Documents, or Problems for what cannot be read.

An input is a path, a folder (read recursively, in name order), an http(s) URL, or "-" for
standard input. What a file holds is told by its name and, failing that, by its first bytes:

- `.jsonl`/`.ndjson` and `.csv`/`.tsv`: corpora of records (see `veille.ingest.corpora`);
- `.warc[.gz]`: web archives, each captured page read as HTML;
- RSS, RDF or Atom feeds: each entry followed to its page (or, with `follow=False` or no
  link, its own content);
- HTML pages: the article's text, title, date, address and site name;
- text whose every line is a URL: a list of pages to read;
- other text: one document. It may open with a front-matter block giving its metadata:

      ---
      date: 2018-10-24
      title: Moscou précise la possibilité d'une rencontre
      url: https://…
      ---

Every document then has its language identified: one in another language than the
caller's becomes a Problem ("unsupported language: de").
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from veille.ingest.corpora import DOCUMENT_FIELDS, make_document, read_csv, read_jsonl
from veille.ingest.decoding import NotText, check_bytes, decode, too_large
from veille.ingest.feeds import Entry, looks_like_feed, read_feed, url_list
from veille.ingest.html import declared_charset, declared_language, fragment_text, looks_like_html, read_html
from veille.ingest.http import MAX_BYTES, FetchError, HttpClient, is_url
from veille.ingest.language import check_language
from veille.ingest.warc import Capture, captured_pages, is_warc
from veille.schema import Document, Problem

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_FRONT_MATTER = re.compile(r"\A---\n((?:[A-Za-z_]+:[^\n]*\n)+)---\n")


@dataclass
class Reader:
    """How inputs are read: the options of `read_inputs`, and the network client."""

    date: str | None = None  # publication date of documents that carry none
    max_bytes: int = MAX_BYTES  # per document, file or response
    fields: Mapping[str, str] = field(default_factory=dict)  # Document field -> corpus column
    lang: str | None = "fr"  # the language accepted; None accepts any
    follow: bool = True  # follow feed entries to their pages
    client: HttpClient = None  # type: ignore[assignment]
    exclude: Iterable[Path] = ()  # files never read, such as the store's own

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = HttpClient(max_bytes=self.max_bytes)
        self.exclude = {Path(p).resolve() for p in self.exclude}

    def read(self, item: str) -> Iterator[Document | Problem]:
        """The documents of one input."""
        if item == "-":
            yield from self.read_bytes(sys.stdin.buffer.read(self.max_bytes + 1), "stdin")
        elif is_url(item):
            yield from self.read_url(item)
        else:
            path = Path(item)
            if path.is_dir():
                for file in sorted(p for p in path.rglob("*")
                                   if p.is_file() and not p.name.startswith(".") and p.resolve() not in self.exclude):
                    yield from self.read_path(file)
            elif path.exists():
                yield from self.read_path(path)
            else:
                yield Problem(document=item, stage="read", reason="no such file or folder")

    def read_path(self, path: Path) -> Iterator[Document | Problem]:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
            records = (read_jsonl(path, self.fields, self.max_bytes) if suffix in JSONL_SUFFIXES
                       else read_csv(path, self.fields))
            for item in records:
                yield self._finish(item, item.id) if isinstance(item, Document) else item
            return
        try:
            if is_warc(path.name, b""):
                with open(path, "rb") as stream:
                    yield from self._read_archive(stream, str(path))
                return
            size = path.stat().st_size
            if size > self.max_bytes:  # refused before reading: memory stays bounded
                yield Problem(document=str(path), stage="read", reason=too_large(size, self.max_bytes).reason)
                return
            data = path.read_bytes()
        except OSError as error:
            yield Problem(document=str(path), stage="read", reason=error.strerror or str(error))
            return
        yield from self.read_bytes(data, str(path), doc_id=path.stem, html=suffix in HTML_SUFFIXES,
                                   feed=suffix in FEED_SUFFIXES)

    def read_url(self, url: str, entry: Entry | None = None, retry_later: bool = False,
                 nested: bool = False) -> Iterator[Document | Problem]:
        """The documents of a URL; with `retry_later`, a failure that may pass raises FetchError
        instead of becoming a Problem."""
        try:
            response = self.client.get(url)
        except FetchError as error:
            if retry_later and error.transient:
                raise
            yield Problem(document=url, stage="read", reason=error.reason)
            return
        yield from self.read_bytes(response.body, url, url=response.url, doc_id=url, charset=response.charset,
                                   entry=entry, html=response.content_type in ("text/html", "application/xhtml+xml"),
                                   feed=response.content_type in FEED_TYPES, nested=nested)

    def read_bytes(self, data: bytes, name: str, url: str | None = None, doc_id: str | None = None,
                   charset: str | None = None, entry: Entry | None = None, html: bool = False,
                   feed: bool = False, nested: bool = False) -> Iterator[Document | Problem]:
        """The documents of the content of one file or response, whatever it holds; `nested`
        content (reached through a feed or a page list) must be a page: a feed or list that
        points to another is not followed, so that sources cannot send a run round in circles."""
        try:
            check_bytes(data, self.max_bytes)
            head = data[:4096]
            if is_warc("", head):
                yield from self._read_archive(io.BytesIO(data), name)
            elif feed or looks_like_feed(head):
                if nested:
                    raise NotText("read", "a feed reached through another source is not followed")
                parsed = read_feed(data, name)
                for item in parsed.entries:
                    yield from self.read_entry(item)
                if parsed.error:
                    reason = f"{parsed.error} ({len(parsed.entries)} entries read)"
                    yield Problem(document=name, stage="read", reason=reason)
            elif html or looks_like_html(head):
                text = decode(data, self.max_bytes, charset or declared_charset(head))
                fallback = entry or Entry(key=name)
                page = read_html(text, name, url=url or fallback.url, doc_id=doc_id,
                                 date=fallback.date or self.date, lang=declared_language(head) or fallback.lang)
                yield self._finish(_complete(page, fallback), name)
            else:
                text = decode(data, self.max_bytes, charset)
                urls = url_list(text)
                if urls is None:
                    yield self._read_text(text, name, doc_id)
                elif nested:
                    raise NotText("read", "a page list reached through another source is not followed")
                else:
                    for address in urls:
                        yield from self.read_url(address, nested=True)
        except NotText as error:
            yield Problem(document=name, stage=error.stage, reason=error.reason)

    def read_entry(self, entry: Entry, retry_later: bool = False) -> Iterator[Document | Problem]:
        """The document of a feed entry: its page, else its own content."""
        if self.follow and entry.url:
            yield from self.read_url(entry.url, entry, retry_later, nested=True)
            return
        body = fragment_text(entry.content or "")
        if not body:
            reason = "feed entry without text" + (" (its link is not followed)" if entry.url else "")
            yield Problem(document=entry.key, stage="read", reason=reason)
            return
        title = " ".join((entry.title or "").split()) or None
        fields = {"id": entry.key, "text": f"{title}\n\n{body}" if title else body, "title": title,
                  "date": entry.date or self.date, "url": entry.url, "outlet": entry.outlet, "lang": entry.lang}
        yield self._finish(make_document(fields, entry.key), entry.key)

    def entries(self, source: str) -> list[Entry]:
        """The entries of a source to watch: a feed or a page list (file or URL), or one page URL.
        Raises FetchError or NotText when the source cannot be read."""
        if is_url(source):
            response = self.client.get(source)
            data = response.body
        else:
            path = Path(source)
            if not path.is_file():
                raise NotText("read", "no such file")
            if path.stat().st_size > self.max_bytes:
                raise too_large(path.stat().st_size, self.max_bytes)
            data = path.read_bytes()
        check_bytes(data, self.max_bytes)
        if looks_like_feed(data[:4096]) or source.lower().endswith(FEED_SUFFIXES):
            return read_feed(data, source).entries
        if not looks_like_html(data[:4096]):
            urls = url_list(decode(data, self.max_bytes))
            if urls is not None:
                return [Entry(key=url, url=url) for url in urls]
        if is_url(source):
            return [Entry(key=source, url=source)]
        raise NotText("read", "neither a feed nor a list of page addresses")

    def _read_archive(self, stream, name: str) -> Iterator[Document | Problem]:
        for capture in captured_pages(stream, name, self.max_bytes):
            if isinstance(capture, Capture):
                yield from self.read_bytes(capture.body, capture.url, url=capture.url, doc_id=capture.url,
                                           charset=capture.charset, html=True)
            else:
                yield capture

    def _read_text(self, text: str, name: str, doc_id: str | None) -> Document | Problem:
        meta, text = split_front_matter(text)
        if not text.strip():
            return Problem(document=name, stage="read", reason="empty document")
        fields = {"id": doc_id, "date": self.date, **meta, "text": text}
        return self._finish(make_document(fields, name), name)

    def _finish(self, item: Document | Problem, name: str) -> Document | Problem:
        if isinstance(item, Problem) or self.lang is None:
            return item
        return check_language(item, self.lang, name)


def read_inputs(inputs: Iterable[str], date: str | None = None, max_bytes: int = MAX_BYTES,
                fields: Mapping[str, str] | None = None, lang: str | None = "fr", follow: bool = True,
                client: HttpClient | None = None, exclude: Iterable[Path] = ()) -> Iterator[Document | Problem]:
    """Documents of every input, in order: paths, folders, URLs or "-" (see the module doc)."""
    reader = Reader(date=date, max_bytes=max_bytes, fields=fields or {}, lang=lang, follow=follow,
                    client=client, exclude=exclude)  # type: ignore[arg-type]
    for item in inputs:
        yield from reader.read(item)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip() in DOCUMENT_FIELDS:
            meta[key.strip()] = value.strip()
    return meta, text[match.end():]


def _complete(page: Document | Problem, entry: Entry) -> Document | Problem:
    """A page with what its feed entry says and the page does not."""
    if isinstance(page, Problem):
        return page
    missing = {key: value for key, value in (("title", entry.title), ("outlet", entry.outlet))
               if value and not getattr(page, key)}
    return page.model_copy(update=missing) if missing else page
