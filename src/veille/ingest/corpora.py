"""Corpora of records: JSON Lines and CSV files, one document per record.

A record's keys are the Document fields (`id`, `text`, `date`, `title`, `url`, `outlet`,
`lang`); other keys are ignored, so that a gold file can be read. A mapping renames them:
`{"text": "body", "date": "published"}` reads the text from `body` and the date from
`published`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path

from veille.schema import Document, Problem

DOCUMENT_FIELDS = ("id", "text", "date", "title", "url", "outlet", "lang")
_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}")


def parse_fields(pairs: list[str] | None) -> dict[str, str]:
    """`["text=body", "date=published"]` → `{"text": "body", "date": "published"}`."""
    fields = {}
    for pair in pairs or ():
        target, _, source = pair.partition("=")
        if target.strip() not in DOCUMENT_FIELDS or not source.strip():
            raise ValueError(f"--field {pair!r}: expected FIELD=COLUMN with FIELD one of {', '.join(DOCUMENT_FIELDS)}")
        fields[target.strip()] = source.strip()
    return fields


def text_key(text: str) -> str:
    """The identity of a document: a hash of its text, normalised (NFC, whitespace collapsed)."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


def make_document(fields: Mapping[str, object], name: str) -> Document | Problem:
    """A Document from its fields (absent ones default), or a Problem naming `name`."""
    values = {key: (value if key == "text" else str(value)) for key, value in fields.items()
              if key in DOCUMENT_FIELDS and value not in (None, "")}
    date = values.get("date")
    if date:
        if not _DATE.match(date):
            return Problem(document=name, stage="read", reason=f"date {date!r} is not YYYY-MM-DD")
        values["date"] = date[:10]
    values.setdefault("id", text_key(values["text"]))
    return Document(**values)


def record_document(record: object, name: str, fields: Mapping[str, str]) -> Document | Problem:
    """The Document of one corpus record, its keys renamed by `fields`."""
    text_column = fields.get("text", "text")
    if not isinstance(record, dict) or not isinstance(record.get(text_column), str):
        return Problem(document=name, stage="read", reason=f"no {text_column!r} field")
    values = {target: record.get(fields.get(target, target)) for target in DOCUMENT_FIELDS}
    if not values["text"].strip():
        return Problem(document=str(values["id"] or name), stage="read", reason="empty document")
    return make_document(values, name)


def read_jsonl(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[Document | Problem]:
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
            yield record_document(record, name, fields or {})


def read_csv(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[Document | Problem]:
    """One document per row of a CSV (or, for .tsv, tab-separated) file with a header row;
    a field over csv's size limit (128 KB) is a Problem that ends the file."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        rows = open(path, encoding="utf-8-sig", errors="strict", newline="")
    except OSError as error:
        yield Problem(document=str(path), stage="read", reason=error.strerror or str(error))
        return
    with rows:
        reader = csv.DictReader(rows, delimiter=delimiter)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError as error:
                yield Problem(document=f"{path}:{reader.line_num + 1}", stage="decode",
                              reason=f"not UTF-8 ({error.reason})")
                break
            except csv.Error as error:
                yield Problem(document=f"{path}:{reader.line_num}", stage="read", reason=f"invalid CSV: {error}")
                break
            yield record_document(row, f"{path}:{reader.line_num}", fields or {})
