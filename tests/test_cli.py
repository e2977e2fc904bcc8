"""The command line, end to end on the seed article, with the real model and a real DuckDB file."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from veille.cli import app

from conftest import SEED_DATE, SEED_PATH

pytestmark = pytest.mark.model
runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


def test_extract_jsonl_is_the_scored_output_format():
    result = invoke("extract", SEED_PATH, "--date", SEED_DATE, "--format", "jsonl")
    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    output = json.loads(line)
    assert output["id"] == SEED_PATH.stem
    text = SEED_PATH.read_text(encoding="utf-8")
    for timex in output["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"] and timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
    for quote in output["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert set(quote["speaker"]) >= {"name", "country", "sector", "aliases"}
    for event in output["events"]:
        assert {"type", "mode", "actors", "recipients", "date", "location", "modality", "evidence"} <= set(event)
        for span in event["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]


def test_extract_reads_standard_input_and_prints_a_table():
    result = invoke("extract", "-", "--date", SEED_DATE, input="Le président Emmanuel Macron a rencontré Angela Merkel à Berlin le 3 mars 2019.")
    assert result.exit_code == 0
    assert "Events" in result.stdout and "Dates" in result.stdout
    assert "2019-03-03" in result.stdout


def test_extract_explain_shows_the_words_behind_each_event():
    text = "Le président Emmanuel Macron a rencontré Angela Merkel à Berlin le 3 mars 2019."
    result = invoke("extract", "-", "--date", SEED_DATE, "--explain", input=text)
    assert "«rencontré»" in result.stdout and "rule verb:" in result.stdout
    assert "Emmanuel Macron from «Emmanuel Macron»" in result.stdout
    assert "2019-03-03 from «le 3 mars 2019»" in result.stdout

    plain = json.loads(invoke("extract", "-", "--date", SEED_DATE, "--format", "jsonl", input=text).stdout)
    assert "readings" not in plain["events"][0]
    [event] = json.loads(invoke("extract", "-", "--date", SEED_DATE, "--format", "jsonl", "--explain", input=text).stdout)["events"]
    [reading] = event["readings"]
    assert text[reading["start"]:reading["end"]] == reading["trigger"] == "rencontré"
    assert {a["text"] for a in reading["actors"] + reading["recipients"]} == {"Emmanuel Macron", "Angela Merkel"}


def test_extract_of_a_jsonl_file_prints_one_line_per_document(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Texte numéro {i}.", "date": "2020-01-01"}) + "\n"
                            for i in range(3)), encoding="utf-8")
    result = invoke("extract", path, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["d0", "d1", "d2"]


def test_extract_of_an_empty_file_says_why(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = invoke("extract", tmp_path / "empty.txt")
    assert result.exit_code == 1
    assert "empty document" in result.stderr


@pytest.fixture(scope="module")
def folder_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEED_PATH, folder / "seed.txt")
    shutil.copy(SEED_PATH, folder / "seed-again.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 20)
    db = tmp_path_factory.mktemp("store") / "veille.duckdb"
    first = invoke("run", folder, "--db", db, "--date", SEED_DATE)
    second = invoke("run", folder, "--db", db, "--date", SEED_DATE)
    return db, first, second


def test_run_stores_one_document_and_two_problems_and_says_some_failed(folder_db):
    db, first, second = folder_db
    assert first.exit_code == 1
    assert "1 documents added (1 already stored)" in first.stdout
    assert "2 problems (1 decode, 1 read)" in first.stdout
    documents = invoke("documents", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert len(documents) == 1 and json.loads(documents[0])["date"] == SEED_DATE
    problems = [json.loads(line) for line in invoke("problems", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert sorted((p["stage"], p["reason"]) for p in problems) == [("decode", "binary content, not text"), ("read", "empty document")]


def test_a_second_run_adds_nothing(folder_db):
    db, first, second = folder_db
    assert "0 documents added (2 already stored)" in second.stdout


def test_events_and_quotes_come_back_with_their_documents(folder_db):
    db, _, _ = folder_db
    events = [json.loads(line) for line in invoke("events", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert events and all(e["documents"] == ["seed-again"] or e["documents"] == ["seed"] for e in events)
    future = invoke("events", "--db", db, "--modality", "future", "--format", "jsonl").stdout.splitlines()
    assert all(json.loads(line)["modality"] == "future" for line in future)
    quotes = invoke("quotes", "--db", db, "--speaker", "Peskov", "--format", "jsonl").stdout.splitlines()
    assert all(json.loads(line)["speaker"]["name"] == "Dmitry Peskov" for line in quotes)


def test_timeline_lists_encounters_in_date_order(folder_db):
    db, _, _ = folder_db
    lines = invoke("timeline", "--db", db, "--actor", "Poutine", "--actor", "Trump", "--format", "jsonl").stdout.splitlines()
    dates = [json.loads(line)["date"] for line in lines]
    assert [d for d in dates if d] == sorted(d for d in dates if d)
    table = invoke("timeline", "--db", db, "--actor", "Poutine", "--actor", "Trump").stdout
    assert "encounters" in table


def test_commands_on_a_missing_database_say_how_to_create_one(tmp_path):
    result = runner.invoke(app, ["documents", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "veille run" in result.stderr


def test_schema_prints_the_json_schema():
    schema = json.loads(invoke("schema").stdout)
    assert "Event" in schema["$defs"]
