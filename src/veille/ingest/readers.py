"""Readers: each turns one kind of input into Documents, or Problems for what it cannot read.

A text file may open with a front-matter block giving its metadata:

    ---
    date: 2018-10-24
    title: Moscou précise la possibilité d'une rencontre
    url: https://…
    ---

JSON Lines files hold one document per line with `id`, `text` and optionally `date`,
`title`, `url`, `outlet`, `lang` (other keys are ignored, so a gold file can be read).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from veille.ingest.decoding import NotText, decode
from veille.schema import Document, Problem

MAX_BYTES = 5_000_000
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FRONT_MATTER = re.compile(r"\A---\n((?:[A-Za-z_]+:[^\n]*\n)+)---\n")
_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
DOCUMENT_FIELDS = ("id", "text", "date", "title", "url", "outlet", "lang")


def text_key(text: str) -> str:
    """The identity of a document: a hash of its text, normalised (NFC, whitespace collapsed)."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


def read_inputs(inputs: Iterable[str], date: str | None = None,
                max_bytes: int = MAX_BYTES) -> Iterator[Document | Problem]:
    """Documents of every input, in order: paths, folders (recursively, sorted) or "-"."""
    for item in inputs:
        if item == "-":
            yield from _read_text(sys.stdin.buffer.read(), "stdin", date, max_bytes)
            continue
        path = Path(item)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from read_file(file, date, max_bytes)
        elif path.exists():
            yield from read_file(path, date, max_bytes)
        else:
            yield Problem(document=item, stage="read", reason="no such file or folder")


def read_file(path: Path, date: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Document | Problem]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Problem(document=str(path), stage="read", reason=error.strerror or str(error))
        return
    yield from _read_text(data, str(path), date, max_bytes, default_id=path.stem)


def _read_text(data: bytes, name: str, date: str | None, max_bytes: int,
               default_id: str | None = None) -> Iterator[Document | Problem]:
    try:
        text = decode(data, max_bytes)
    except NotText as error:
        yield Problem(document=name, stage=error.stage, reason=error.reason)
        return
    meta, text = split_front_matter(text)
    if not text.strip():
        yield Problem(document=name, stage="read", reason="empty document")
        return
    fields = {"id": default_id or text_key(text), "date": date, **meta, "text": text}
    yield from _document(fields, name)


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


def read_jsonl(path: Path) -> Iterator[Document | Problem]:
    """One document per line; a bad line is a Problem naming the file and line."""
    try:
        lines = open(path, encoding="utf-8", errors="strict")
    except OSError as error:
        yield Problem(document=str(path), stage="read", reason=error.strerror or str(error))
        return
    with lines:
        number = 0
        while True:
            number += 1
            name = f"{path}:{number}"
            try:
                line = next(lines)
            except StopIteration:
                break
            except UnicodeDecodeError as error:
                yield Problem(document=name, stage="decode", reason=f"not UTF-8 ({error.reason})")
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield Problem(document=name, stage="read", reason=f"invalid JSON: {error.msg}")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield Problem(document=name, stage="read", reason="no 'text' field")
                continue
            if not record["text"].strip():
                yield Problem(document=str(record.get("id") or name), stage="read", reason="empty document")
                continue
            fields = {key: record.get(key) for key in DOCUMENT_FIELDS if record.get(key) is not None}
            fields.setdefault("id", text_key(record["text"]))
            yield from _document(fields, name)


def _document(fields: dict, name: str) -> Iterator[Document | Problem]:
    fields = {key: (str(value) if key != "text" else value) for key, value in fields.items() if value is not None}
    if fields.get("date") and not _DATE.match(fields["date"][:10]):
        yield Problem(document=name, stage="read",
                      reason=f"date {fields['date']!r} is not YYYY-MM-DD")
        return
    if fields.get("date"):
        fields["date"] = fields["date"][:10]
    yield Document(**fields)
