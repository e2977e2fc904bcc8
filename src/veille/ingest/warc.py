"""WARC web archives: the pages they captured, as (address, bytes, charset) to be read as HTML."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from veille.schema import Problem

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Capture:
    url: str
    body: bytes
    charset: str | None


def is_warc(name: str, head: bytes) -> bool:
    return name.lower().endswith(WARC_SUFFIXES) or head.startswith(b"WARC/")


def captured_pages(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[Capture | Problem]:
    """The successful HTML captures of archive `name`, in order; a capture over `max_bytes`
    is a Problem, and so is a broken archive, which stops being read at the break."""
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or "?"
            headers = record.http_headers
            if headers is not None and headers.get_statuscode() != "200":
                continue
            content_type = (headers.get_header("Content-Type") if headers is not None
                            else record.rec_headers.get_header("Content-Type")) or ""
            media_type, _, parameters = content_type.partition(";")
            if media_type.strip().lower() not in _PAGE_TYPES:
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Problem(document=url, stage="read", reason=f"too large: over the {max_bytes / 1e6:.0f} MB limit")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # bytes announced but never there
                yield Problem(document=url, stage="read", reason="truncated capture: the archive ends inside it")
                continue
            charset = parameters.partition("charset=")[2].strip().strip("\"'") or None
            yield Capture(url=url, body=body, charset=charset)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as error:
        yield Problem(document=name, stage="read", reason=f"broken WARC archive: {type(error).__name__}: {error}")
