"""The embedded store: one DuckDB file.

A document is keyed by a hash of its normalised text, so re-ingesting adds nothing. Each
document is written with its items in one transaction: a killed run loses at most the
document it was writing, and a restart skips what is already there.

Every document belongs to a story: near-duplicates (wire copies with small edits) join the
story of the first copy stored, so that their events count as one report with several
sources. The seen-set remembers the feed entries and pages `veille watch` has processed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb

from veille.ingest import nearduplicates, text_key
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
CREATE TABLE IF NOT EXISTS signatures (key VARCHAR PRIMARY KEY, minhash BLOB);
CREATE TABLE IF NOT EXISTS minhash_bands (band_hash BIGINT, key VARCHAR);
CREATE INDEX IF NOT EXISTS minhash_bands_hash ON minhash_bands (band_hash);
CREATE TABLE IF NOT EXISTS stories (key VARCHAR PRIMARY KEY, story VARCHAR, similarity DOUBLE);
CREATE TABLE IF NOT EXISTS seen (
    item VARCHAR PRIMARY KEY, source VARCHAR, added TIMESTAMP DEFAULT current_timestamp);
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
            self._join_story(key, document.text)
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise
        return True

    def _join_story(self, key: str, text: str) -> None:
        """Link a new document to the story of its closest near-duplicate, or start a story."""
        signature = nearduplicates.signature(text)
        bands = nearduplicates.band_hashes(signature)
        candidates = self.db.execute(
            "SELECT DISTINCT s.key, s.minhash, coalesce(t.story, s.key) FROM minhash_bands b"
            " JOIN signatures s USING (key) LEFT JOIN stories t USING (key)"
            f" WHERE b.band_hash IN ({', '.join('?' * len(bands))})", bands).fetchall()
        story, best = key, 0.0
        for _, minhash, candidate_story in candidates:
            score = nearduplicates.similarity(signature, nearduplicates.from_bytes(minhash))
            if score >= nearduplicates.THRESHOLD and score > best:
                story, best = candidate_story, score
        self.db.execute("INSERT INTO signatures VALUES (?, ?)", [key, nearduplicates.to_bytes(signature)])
        self.db.executemany("INSERT INTO minhash_bands VALUES (?, ?)", [[band, key] for band in bands])
        self.db.execute("INSERT INTO stories VALUES (?, ?, ?)", [key, story, best if story != key else None])

    def mark_seen(self, item: str, source: str | None = None) -> None:
        """Remember that a feed entry or page was processed, whatever came of it."""
        self.db.execute("INSERT OR IGNORE INTO seen (item, source) VALUES (?, ?)", [item, source])

    def add_problem(self, problem: Problem) -> None:
        self.db.execute("INSERT OR IGNORE INTO problems (document, stage, reason) VALUES (?, ?, ?)",
                        [problem.document, problem.stage, problem.reason])

    # reading

    def counts(self) -> dict[str, int]:
        return {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "events", "quotes", "problems")}

    def documents(self) -> list[dict]:
        return self._dicts("SELECT id, title, date, url, events, quotes, key FROM documents ORDER BY date, id")

    def seen(self, items: list[str]) -> set[str]:
        """Those of `items` already processed by `veille watch`."""
        if not items:
            return set()
        found = self.db.execute("SELECT item FROM seen WHERE list_contains(?, item)", [list(items)]).fetchall()
        return {item for (item,) in found}

    def stories(self) -> list[dict]:
        """Stories told by several documents: the id of the first copy stored, and every copy's id."""
        return self._dicts(
            "SELECT first(f.id) AS story, list(d.id ORDER BY d.added, d.id) AS documents"
            " FROM stories t JOIN documents d USING (key) JOIN documents f ON f.key = t.story"
            " GROUP BY t.story HAVING count(*) > 1 ORDER BY story")

    def story_of(self) -> dict[str, str]:
        """Document id -> the id of the first stored copy of its story (itself when it has no copy)."""
        rows = self.db.execute(
            "SELECT d.id, coalesce(f.id, d.id) FROM documents d LEFT JOIN stories t USING (key)"
            " LEFT JOIN documents f ON f.key = t.story").fetchall()
        return dict(rows)

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
