"""Hostile input: each case gets a clear Problem (which document, which stage, why) or is read
right; the run goes on, memory stays bounded, and nothing stored is lost or duplicated."""

import json
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.ingest import HttpClient, read_inputs
from veille.schema import Document, Problem
from veille.store import Store

from local_http import LocalServer, Page, endless, never_answers

PAGE = Path(__file__).parent / "data" / "html" / "orangesum-10019.html"
SEED = Path(__file__).parent / "data" / "seed-sputnik-2018-trump-poutine.txt"
NO_ARTICLE = "no article text found in the page"
GERMAN = ("Die Bundesregierung hat am Mittwoch in Berlin neue Sanktionen gegen Russland beschlossen. "
          "Ein Sprecher des Auswärtigen Amtes erklärte, man werde die Lage in den kommenden Wochen genau "
          "beobachten und sich eng mit den europäischen Partnern abstimmen, bevor weitere Schritte folgen.")
ENGLISH_PAGE = ("<html lang='en'><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
                + "<p>The foreign ministers of both countries met in Geneva on Tuesday to resume talks on the "
                  "disputed border, officials said, adding that a further round was planned for next month.</p>"
                * 3 + "</article></body></html>")
FRENCH_LEGACY = "L’Élysée a reçu « les partenaires » à Noël : une œuvre à 5 €, déjà célèbre."


def read(*paths, **options):
    return list(read_inputs([str(p) for p in paths], **options))


def client(**options) -> HttpClient:
    return HttpClient(**{"timeout": 0.3, "retries": 1, "backoff": 0.01, **options})


@pytest.fixture
def server():
    with LocalServer() as local:
        yield local


# Files


@pytest.mark.parametrize("name, content, stage, reason", [
    ("empty.txt", b"", "read", "empty document"),
    ("blank.txt", b"  \n\t\r\n \n", "read", "empty document"),
    ("blank.html", b"\n\n", "read", "empty document"),
    ("program.bin", bytes(range(256)) * 64, "decode", "binary content, not text"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100, "decode", "binary content, not text"),
    ("undefined.txt", b"Texte \x81\x8d\x8f\x90\x9d", "decode",
     "not UTF-8 nor Windows-1252 text (character maps to <undefined> at byte 6)"),
    ("nobody.html", b"<html><head><title>Rien</title></head></html>", "clean", NO_ARTICLE),
    ("scripts.html", b"<html><head><title>T</title></head><body>"
     + b"<script>document.write('Le pr\xc3\xa9sident a parl\xc3\xa9.');</script>" * 5000 + b"</body></html>",
     "clean", NO_ARTICLE),
    ("german.txt", GERMAN.encode(), "language", "unsupported language: de"),
    ("english.html", ENGLISH_PAGE.encode(), "language", "unsupported language: en"),
    ("garbage.rss", b"ceci n'est pas un flux", "read", "malformed feed: "),
    ("cut.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti', "read",
     "malformed feed: "),
])
def test_what_cannot_be_read_is_a_problem_naming_the_file_stage_and_reason(tmp_path, name, content, stage, reason):
    path = tmp_path / name
    path.write_bytes(content)
    [problem] = read(path)
    assert (problem.document, problem.stage) == (str(path), stage) and problem.reason.startswith(reason)


def test_a_50_mb_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        for _ in range(50):
            f.write(b"Le texte continue. " * 52_632)  # 1 MB
    tracemalloc.start()
    try:
        items = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == [Problem(document=str(path), stage="read", reason="too large: 50.0 MB, over the 5 MB limit")]
    assert peak < 2_000_000


def test_deeply_nested_html_neither_crashes_nor_hangs(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "<p>Le président a parlé.</p>" + "</div>" * 100_000
                    + "</body></html>", encoding="utf-8")
    started = time.monotonic()
    assert read(path) == [Problem(document=str(path), stage="clean", reason=NO_ARTICLE)]
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8"])
def test_legacy_encodings_are_decoded_right_in_text_and_html(tmp_path, encoding):
    text = FRENCH_LEGACY if encoding != "latin-1" else FRENCH_LEGACY.replace("’", "'").replace("œ", "oe").replace("€", "EUR")
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    page = (f"<html><head><meta charset='{encoding}'><title>Un titre</title></head><body><article>"
            + f"<p>{text} {text}</p>" * 3 + "</article></body></html>")
    (tmp_path / "b.html").write_bytes(page.encode(encoding))
    plain, html = read(tmp_path)
    assert plain.text == text
    assert text in html.text


def test_invalid_utf8_keeps_its_accents_and_marks_the_broken_bytes(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("Le président a été reçu à l'Élysée.".encode() + b"\xff\xfe" + " Fin.".encode())
    [document] = read(path)
    assert document.text == "Le président a été reçu à l'Élysée.\ufffd\ufffd Fin."


def test_a_declared_language_stands_for_a_text_too_short_to_tell(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "kurz", "text": "Guten Tag.", "lang": "de"}) + "\n"
                    + json.dumps({"id": "court", "text": "Bonjour."}) + "\n", encoding="utf-8")
    assert read(path) == [Problem(document="kurz", stage="language", reason="unsupported language: de"),
                          Document(id="court", text="Bonjour.")]


# Feeds


def test_a_feed_of_10000_entries_is_read_entry_by_entry(tmp_path):
    items = "".join(f"<item><guid>n{i}</guid><title>Dépêche {i}</title>"
                    f"<description>Le ministre a signé l'accord numéro {i}.</description></item>" for i in range(10_000))
    path = tmp_path / "big.rss"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fil</title>'
                    f"{items}</channel></rss>", encoding="utf-8")
    started = time.monotonic()
    documents = read(path)
    assert time.monotonic() - started < 20
    assert len(documents) == 10_000 and all(isinstance(d, Document) for d in documents)
    assert documents[-1].text == "Dépêche 9999\n\nLe ministre a signé l'accord numéro 9999."


def test_a_broken_feed_gives_its_entries_then_says_it_is_broken(tmp_path):
    path = tmp_path / "cut.xml"
    path.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
                     b"<item><title>Un</title><description>Le texte un.</description></item>"
                     b"<item><title>Deux</title><description>Le texte deux.</description></item><item><ti")
    *documents, problem = read(path)
    assert [d.title for d in documents] == ["Un", "Deux"]
    assert problem.document == str(path) and problem.stage == "read"
    assert problem.reason.startswith("malformed feed") and problem.reason.endswith("(2 entries read)")


# Servers


def test_a_server_that_never_answers_is_given_up_on(server):
    server.routes["/robots.txt"] = never_answers
    url = server.url("/article")
    started = time.monotonic()
    assert read(url, client=client()) == [
        Problem(document=url, stage="read", reason="robots.txt unreachable (no answer within 0.3 s)")]
    server.routes["/article"] = never_answers
    assert read(url, client=client(robots=False)) == [
        Problem(document=url, stage="read", reason="no answer within 0.3 s")]
    assert time.monotonic() - started < 5


def test_a_server_error_is_retried_after_a_back_off(server):
    server.routes["/flaky"] = [Page(b"oops", 500), Page(PAGE.read_bytes())]
    [document] = read(server.url("/flaky"), client=client())
    assert document.title.startswith("Trump veut un vrai sommet du G7")
    assert server.hits["/flaky"] == 2


def test_a_server_error_that_lasts_is_a_problem(server):
    server.routes["/down"] = Page(b"oops", 503)
    assert read(server.url("/down"), client=client(retries=2)) == [
        Problem(document=server.url("/down"), stage="read", reason="HTTP 503 Service Unavailable")]
    assert server.hits["/down"] == 3


@pytest.mark.parametrize("declared", [False, True])
def test_a_1_gb_response_is_cut_off_at_the_size_limit(server, declared):
    server.routes["/huge"] = endless(1_000_000_000, declared=declared)
    started = time.monotonic()
    [problem] = read(server.url("/huge"), client=client(max_bytes=1_000_000))
    assert problem.stage == "read" and problem.reason.startswith("too large")
    assert time.monotonic() - started < 5
    time.sleep(0.1)
    assert server.sent["/huge"] < 100_000_000  # the server gave up too: nobody read the rest


# A whole run


@pytest.mark.model
def test_a_run_through_hostile_input_goes_on_and_loses_nothing(tmp_path):
    folder, db = tmp_path / "corpus", tmp_path / "v.duckdb"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(SEED, folder / "seed2.txt")
    shutil.copy(PAGE, folder / "page.html")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 20)
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "nobody.html").write_bytes(b"<html><head><title>Rien</title></head></html>")
    runner = CliRunner()
    first = runner.invoke(app, ["run", str(folder), "--db", str(db)])
    assert first.exit_code == 1
    assert "2 documents added (1 already stored)" in first.stdout
    assert "4 problems (1 clean, 1 decode, 1 language, 1 read)" in first.stdout
    (folder / "late.txt").write_text(FRENCH_LEGACY, encoding="cp1252")
    second = runner.invoke(app, ["run", str(folder), "--db", str(db)])
    assert "1 documents added (3 already stored)" in second.stdout
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 3 and store.counts()["problems"] == 4
        assert sorted(d["id"] for d in store.documents()) == ["late", "page", "seed"]


def test_a_corpus_line_over_the_limit_is_skipped_without_holding_it(tmp_path):
    path = tmp_path / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", "text": "Premier."}) + "\n")
        f.write(json.dumps({"id": "b", "text": "Texte sans fin. " * 200_000}) + "\n")  # 3.2 MB
        f.write(json.dumps({"id": "c", "text": "Dernier."}) + "\n")
    tracemalloc.start()
    try:
        items = read(path, max_bytes=1_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == [Document(id="a", text="Premier."),
                     Problem(document=f"{path}:2", stage="read", reason="too large: 3.2 MB, over the 1 MB limit"),
                     Document(id="c", text="Dernier.")]
    assert peak < 3_000_000


def test_a_server_that_trickles_is_given_up_on_at_the_deadline(server):
    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain; charset=utf-8")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        while not handler.server.released.wait(0.05):
            handler.wfile.write(b"a")
            handler.wfile.flush()

    server.routes["/slow"] = trickle
    started = time.monotonic()
    assert read(server.url("/slow"), client=client(deadline=0.5, retries=0)) == [
        Problem(document=server.url("/slow"), stage="read", reason="too slow: not finished within 0.5 s")]
    assert time.monotonic() - started < 3
