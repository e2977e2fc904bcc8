"""The DuckDB store: idempotent writes, resume after an interrupted run, queries."""

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from veille.runner import run_corpus
from veille.schema import Actor, Document, Event, Extraction, Location, Mention, Problem
from veille.store import Store

PUTIN = Actor(name="Vladimir Putin", country="RUS", sector="GOV", aliases=["Poutine"])
BOLTON = Actor(name="John Bolton", country="USA", sector="GOV")


def extraction(doc_id: str, date: str) -> Extraction:
    event = Event(type="CONSULT", mode="visit", actors=[BOLTON], recipients=[PUTIN], date=date,
                  location=Location(name="Moscow", country="RUS"), evidence=[Mention(text="x", start=0, end=1)])
    return Extraction(id=doc_id, events=[event])


def test_a_document_is_stored_once_whatever_its_whitespace(tmp_path):
    with Store(tmp_path / "v.duckdb") as store:
        assert store.add(Document(id="a", text="Bolton à Moscou."), extraction("a", "2018-10-23"))
        assert not store.add(Document(id="b", text="  Bolton   à Moscou.\n"), extraction("b", "2018-10-23"))
        assert store.counts() == {"documents": 1, "events": 1, "quotes": 0, "problems": 0}


def test_problems_are_recorded_once(tmp_path):
    with Store(tmp_path / "v.duckdb") as store:
        for _ in range(2):
            store.add_problem(Problem(document="b.txt", stage="read", reason="empty document"))
        assert store.problems() == [{"document": "b.txt", "stage": "read", "reason": "empty document"}]


def test_events_are_filtered_by_type_modality_and_dates(tmp_path):
    with Store(tmp_path / "v.duckdb") as store:
        store.add(Document(id="a", text="un"), extraction("a", "2018-10-23"))
        store.add(Document(id="b", text="deux"), extraction("b", "2017"))
        assert [d for _, d in store.events(type="CONSULT")] == ["b", "a"]
        assert [d for _, d in store.events(since="2018")] == ["a"]
        assert [d for _, d in store.events(until="2018-10")] == ["b", "a"]
        assert [d for _, d in store.events(until="2018-09")] == ["b"]
        assert list(store.events(modality="future")) == []


def test_the_store_survives_reopening(tmp_path):
    path = tmp_path / "v.duckdb"
    with Store(path) as store:
        store.add(Document(id="a", text="un"), extraction("a", "2018-10-23"))
    with Store(path, read_only=True) as store:
        [(event, doc_id)] = list(store.events())
        assert doc_id == "a" and event.recipients == [PUTIN]


def test_a_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="veille run"):
        Store(tmp_path / "none.duckdb", read_only=True)


def corpus(n):
    return [Document(id=f"d{i}", date="2020-01-0%d" % (1 + i % 9),
                     text=f"Le président Emmanuel Macron a rencontré Angela Merkel à Berlin, numéro {i}.")
            for i in range(n)]


@pytest.mark.model
def test_an_interrupted_run_resumes_without_duplicates(nlp, tmp_path):
    documents = corpus(6)

    def interrupted():
        for n, document in enumerate(documents):
            if n == 4:
                raise KeyboardInterrupt
            yield document

    with Store(tmp_path / "v.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            run_corpus(nlp, interrupted(), store, batch_size=1)
        stored = store.counts()["documents"]
        assert 0 < stored < 6
        summary = run_corpus(nlp, documents, store, batch_size=2)
        assert summary.already_stored == stored and summary.added == 6 - stored
        assert store.counts()["documents"] == 6
        assert sorted(d["id"] for d in store.documents()) == [f"d{i}" for i in range(6)]


@pytest.mark.model
def test_a_killed_process_resumes_without_duplicates(tmp_path):
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(d.model_dump()) + "\n" for d in corpus(40)), encoding="utf-8")
    db = tmp_path / "v.duckdb"
    command = [sys.executable, "-m", "veille", "run", str(source), "--db", str(db), "--batch-size", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while not db.exists() and time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
    time.sleep(4)  # the model loads, then documents are written one by one
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    with duckdb.connect(str(db), read_only=True) as connection:
        assert connection.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (40, 40)
