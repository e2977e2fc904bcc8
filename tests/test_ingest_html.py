"""Reading saved news pages and web archives: the article's text without the page around it,
its title, date, address and site, and the pages of a WARC archive."""

import difflib
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.cli import app
from veille.ingest import read_inputs
from veille.runner import run_corpus
from veille.schema import Document, Problem
from veille.store import Store

PAGES = Path(__file__).parent / "data" / "html"
PAGE_IDS = sorted(p.stem for p in PAGES.glob("*.html"))
WORD = re.compile(r"\w+")


def expected(page_id: str) -> dict:
    return json.loads((PAGES / f"{page_id}.json").read_text(encoding="utf-8"))


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def read_one(path) -> Document:
    [document] = read_inputs([str(path)])
    assert isinstance(document, Document), document
    return document


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_a_saved_page_gives_its_article_and_metadata(page_id):
    document, article = read_one(PAGES / f"{page_id}.html"), expected(page_id)
    assert document.id == page_id
    assert document.title == article["title"].strip()
    assert document.date == article["date"]
    assert document.url.startswith("https://actu.orange.fr/") and document.url.endswith(".html")
    assert document.outlet == "Orange Actualités"
    assert document.lang == "fr"
    assert document.text.split("\n\n")[0] == document.title


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_a_saved_page_keeps_the_whole_body_in_paragraphs_and_nothing_else(page_id):
    document, article = read_one(PAGES / f"{page_id}.html"), expected(page_id)
    paragraphs = document.text.split("\n\n")
    assert len(paragraphs) >= 6 and all(p == p.strip() and p for p in paragraphs)
    # the headline, the credit line and the lead come before the body the corpus keeps
    got, want = words("\n".join(paragraphs[3:])), words(article["text"])
    matcher = difflib.SequenceMatcher(None, got, want, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    assert common / len(want) >= 0.97  # the whole article
    assert common / len(got) >= 0.97  # no menus, share buttons or related links


@pytest.mark.model
def test_a_page_gives_the_same_document_from_a_folder_and_from_standard_input(tmp_path):
    page = PAGES / f"{PAGE_IDS[0]}.html"
    shutil.copy(page, tmp_path / "page.htm")
    from_folder = read_one(tmp_path)
    result = CliRunner().invoke(app, ["extract", "-", "--format", "jsonl"], input=page.read_bytes())
    from_stdin = json.loads(result.stdout)["document"]
    assert from_stdin["text"] == from_folder.text and from_stdin["title"] == from_folder.title
    assert from_stdin["date"] == from_folder.date and from_stdin["url"] == from_folder.url


@pytest.mark.model
def test_extract_of_a_page_prints_the_document_beside_the_extraction():
    page_id = PAGE_IDS[0]
    result = CliRunner().invoke(app, ["extract", str(PAGES / f"{page_id}.html"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    document = output["document"]
    assert {key: document[key] for key in ("id", "title", "date", "outlet", "lang")} == {
        "id": page_id, "title": expected(page_id)["title"].strip(), "date": expected(page_id)["date"],
        "outlet": "Orange Actualités", "lang": "fr"}
    for timex in output["timexes"]:
        assert document["text"][timex["start"]:timex["end"]] == timex["text"]


@pytest.mark.model
def test_run_on_a_folder_of_pages_stores_each_article_once(nlp, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for page_id in PAGE_IDS:
        shutil.copy(PAGES / f"{page_id}.html", folder)
    shutil.copy(PAGES / f"{PAGE_IDS[0]}.html", folder / "zz-copy-of-the-first.html")  # read last
    with Store(tmp_path / "v.duckdb") as store:
        summary = run_corpus(nlp, read_inputs([str(folder)]), store)
        assert (summary.added, summary.already_stored, summary.failed) == (len(PAGE_IDS), 1, 0)
        stored = {d["id"]: d for d in store.documents()}
        assert set(stored) == set(PAGE_IDS)
        assert all(stored[i]["date"] == expected(i)["date"] for i in PAGE_IDS)


def warc_record(writer: WARCWriter, url: str, body: bytes, status: str = "200 OK",
                content_type: str = "text/html; charset=utf-8"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers)


@pytest.mark.parametrize("suffix, gzip", [(".warc", False), (".warc.gz", True)])
def test_a_warc_archive_gives_its_html_captures(tmp_path, suffix, gzip):
    path = tmp_path / f"crawl{suffix}"
    pages = {page_id: (PAGES / f"{page_id}.html").read_bytes() for page_id in PAGE_IDS[:2]}
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for page_id, body in pages.items():
            writer.write_record(warc_record(writer, f"https://example.org/{page_id}", body))
        writer.write_record(warc_record(writer, "https://example.org/logo.png", b"\x89PNG\r\n", content_type="image/png"))
        writer.write_record(warc_record(writer, "https://example.org/gone", b"<html>gone</html>", status="404 Not Found"))
    documents = list(read_inputs([str(path)]))
    assert [d.id for d in documents] == [f"https://example.org/{i}" for i in pages]
    assert [d.title for d in documents] == [expected(i)["title"].strip() for i in pages]


def test_a_truncated_warc_archive_is_a_problem_after_its_good_captures(tmp_path):
    path = tmp_path / "cut.warc"
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        for page_id in PAGE_IDS[:2]:
            writer.write_record(warc_record(writer, f"https://example.org/{page_id}",
                                            (PAGES / f"{page_id}.html").read_bytes()))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 20000])
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, Document) and first.id == f"https://example.org/{PAGE_IDS[0]}"
    assert second == Problem(document=f"https://example.org/{PAGE_IDS[1]}", stage="read",
                             reason="truncated capture: the archive ends inside it")
