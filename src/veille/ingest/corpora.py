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

from veille.ingest.decoding import too_large
from veille.schema import Document, Problem

DOCUMENT_FIELDS = ("id", "text", "date", "title", "url", "outlet", "lang")
SNIFF_BYTES = 65536
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


def read_jsonl(path: Path, fields: Mapping[str, str] | None = None,
               max_bytes: int = 5_000_000) -> Iterator[Document | Problem]:
    """One document per line; a bad line (not UTF-8, not JSON, over `max_bytes`) is a Problem
    naming the file and line, and the lines after it are still read."""
    try:
        raw = open(path, "rb")
    except OSError as error:
        yield Problem(document=str(path), stage="read", reason=error.strerror or str(error))
        return
    with raw:
        number = 0
        while line := raw.readline(max_bytes + 1):
            number += 1
            name = f"{path}:{number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                size = len(line)
                while (rest := raw.readline(SNIFF_BYTES)) and size:  # the rest, one chunk at a time
                    size += len(rest)
                    if rest.endswith(b"\n"):
                        break
                yield Problem(document=name, stage="read", reason=too_large(size, max_bytes).reason)
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError as error:
                yield Problem(document=name, stage="decode", reason=f"not UTF-8 ({error.reason})")
                continue
            except json.JSONDecodeError as error:
                yield Problem(document=name, stage="read", reason=f"invalid JSON: {error.msg}")
                continue
            yield record_document(record, name, fields or {})


def read_csv(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[Document | Problem]:
    """One document per row of a CSV file with a header row. The delimiter (`,` `;` tab `|`)
    and the encoding (UTF-8, else Windows-1252, as spreadsheets export) are told from the
    file's opening; a field over csv's size limit (128 KB) is a Problem that ends the file."""
    try:
        with open(path, "rb") as f:
            sample = f.read(SNIFF_BYTES)
        encoding = _encoding(sample, complete=len(sample) < SNIFF_BYTES)
        delimiter = _delimiter(sample.decode(encoding, errors="replace"), path)
        raw = open(path, "rb")
    except OSError as error:
        yield Problem(document=str(path), stage="read", reason=error.strerror or str(error))
        return
    with raw:
        # decoded line by line, so that a bad byte costs its own row only
        reader = csv.DictReader((line.decode(encoding) for line in raw), delimiter=delimiter)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError as error:
                yield Problem(document=f"{path}:{reader.line_num + 1}", stage="decode",
                              reason=f"not {encoding} ({error.reason})")
                break
            except csv.Error as error:
                yield Problem(document=f"{path}:{reader.line_num}", stage="read", reason=f"invalid CSV: {error}")
                break
            yield record_document(row, f"{path}:{reader.line_num}", fields or {})


def _encoding(sample: bytes, complete: bool) -> str:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # a sample cut inside a character is still UTF-8
        if complete or error.start < len(sample) - 3:
            return "cp1252"
    return "utf-8-sig"


def _delimiter(sample: str, path: Path) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","
