"""The embedded store: one DuckDB file.

A document is keyed by a hash of its normalised text, so re-ingesting adds nothing. Each
document is written with its items in one transaction: a killed run loses at most the
document it was writing, and a restart skips what is already there.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb

from veille.ingest import text_key
from veille.schema import Document, Event, Extraction, Problem, Quote

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    key VARCHAR PRIMARY KEY, id VARCHAR, title VARCHAR, date VARCHAR, url VARCHAR,
    outlet VARCHAR, lang VARCHAR, text VARCHAR, events INTEGER, quotes INTEGER,
    extraction JSON, added TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS events (
    key VARCHAR, n INTEGER, type VARCHAR, mode VARCHAR, date VARCHAR, modality VARCHAR,
    location VARCHAR, record JSON, PRIMARY KEY (key, n));
CREATE TABLE IF NOT EXISTS quotes (
    key VARCHAR, n INTEGER, speaker VARCHAR, date VARCHAR, text VARCHAR, record JSON,
    PRIMARY KEY (key, n));
CREATE TABLE IF NOT EXISTS problems (
    document VARCHAR, stage VARCHAR, reason VARCHAR, added TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (document, stage, reason));
"""


class Store:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no database at {self.path}: create it with `veille run INPUT --db {self.path}`")
        self.db = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self.db.execute(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # writing

    def has(self, document: Document) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE key = ?", [text_key(document.text)]).fetchone() is not None

    def add(self, document: Document, extraction: Extraction) -> bool:
        """Store a document and its extraction; False when it was already stored."""
        key = text_key(document.text)
        self.db.begin()
        try:
            if self.db.execute("SELECT 1 FROM documents WHERE key = ?", [key]).fetchone():
                self.db.rollback()
                return False
            self.db.execute(
                "INSERT INTO documents (key, id, title, date, url, outlet, lang, text, events, quotes, extraction)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [key, document.id, document.title, document.date, document.url, document.outlet, document.lang,
                 document.text, len(extraction.events), len(extraction.quotes),
                 extraction.model_dump_json(exclude={"document"})])
            if extraction.events:
                self.db.executemany(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [[key, n, e.type, e.mode, e.date, e.modality, e.location.name if e.location else None,
                      e.model_dump_json()] for n, e in enumerate(extraction.events)])
            if extraction.quotes:
                self.db.executemany(
                    "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?)",
                    [[key, n, q.speaker.name if q.speaker else None, q.date, q.text, q.model_dump_json()]
                     for n, q in enumerate(extraction.quotes)])
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise
        return True

    def add_problem(self, problem: Problem) -> None:
        self.db.execute("INSERT OR IGNORE INTO problems (document, stage, reason) VALUES (?, ?, ?)",
                        [problem.document, problem.stage, problem.reason])

    # reading

    def counts(self) -> dict[str, int]:
        return {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "events", "quotes", "problems")}

    def documents(self) -> list[dict]:
        return self._dicts("SELECT id, title, date, url, events, quotes, key FROM documents ORDER BY date, id")

    def problems(self) -> list[dict]:
        return self._dicts("SELECT document, stage, reason FROM problems ORDER BY added, document")

    def events(self, type: str | None = None, modality: str | None = None, since: str | None = None,
               until: str | None = None) -> Iterator[tuple[Event, str]]:
        """Stored events with the id of their document, filtered in SQL where the column allows."""
        sql, params = self._filtered("events", type=type, modality=modality, since=since, until=until)
        for record, doc_id in self.db.execute(sql, params).fetchall():
            yield Event.model_validate_json(record), doc_id

    def quotes(self, since: str | None = None, until: str | None = None) -> Iterator[tuple[Quote, str]]:
        sql, params = self._filtered("quotes", since=since, until=until)
        for record, doc_id in self.db.execute(sql, params).fetchall():
            yield Quote.model_validate_json(record), doc_id

    def _filtered(self, table: str, since=None, until=None, **equal) -> tuple[str, list]:
        where, params = [], []
        for column, value in equal.items():
            if value:
                where.append(f"t.{column} = ?")
                params.append(value)
        if since:
            where.append("t.date >= ?")
            params.append(since)
        if until:
            # "2018-10" as an upper bound includes every day of October 2018
            where.append("t.date <= ?")
            params.append(until + "\uffff")
        condition = f"WHERE {' AND '.join(where)}" if where else ""
        sql = (f"SELECT t.record, d.id FROM {table} t JOIN documents d USING (key) {condition}"
               f" ORDER BY t.date NULLS LAST, d.id, t.n")
        return sql, params

    def _dicts(self, sql: str) -> list[dict]:
        cursor = self.db.execute(sql)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def record_json(item) -> dict:
    return json.loads(item.model_dump_json())
