"""Readers: text files with front matter, JSON Lines corpora, and input that is not a document."""

import json

import pytest

from veille.ingest import read_inputs, text_key
from veille.schema import Document, Problem


def read(*paths, **options):
    return list(read_inputs([str(p) for p in paths], **options))


def test_a_text_file_with_front_matter_gives_its_metadata(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("---\ndate: 2018-10-24\ntitle: Un titre\n---\nLe texte.\n", encoding="utf-8")
    [document] = read(path)
    assert document == Document(id="article", text="Le texte.\n", date="2018-10-24", title="Un titre")


def test_a_jsonl_corpus_gives_one_document_per_line_and_names_bad_lines(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "Un.", "date": "2020-01-02", "extra": 1}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"text": "Sans identifiant."}),
        json.dumps({"id": "e", "text": "Date fausse.", "date": "hier"}),
    ]), encoding="utf-8")
    items = read(path)
    assert items[0] == Document(id="a", text="Un.", date="2020-01-02")
    assert items[1] == Problem(document=f"{path}:2", stage="read", reason="invalid JSON: Expecting property name enclosed in double quotes")
    assert items[2] == Problem(document=f"{path}:3", stage="read", reason="no 'text' field")
    assert items[3].id == text_key("Sans identifiant.")
    assert isinstance(items[4], Problem) and "not YYYY-MM-DD" in items[4].reason


@pytest.mark.parametrize("content, stage, reason", [
    (b"", "read", "empty document"),
    (b"  \n\t \n", "read", "empty document"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "decode", "binary content, not text"),
])
def test_what_is_not_a_document_is_a_problem(tmp_path, content, stage, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert read(path) == [Problem(document=str(path), stage=stage, reason=reason)]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1"])
def test_legacy_encodings_are_decoded_without_mangling(tmp_path, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes("L'Élysée a reçu le président à Noël.".encode(encoding))
    [document] = read(path)
    assert document.text == "L'Élysée a reçu le président à Noël."


def test_a_huge_file_is_refused_with_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Un mot. " * 200_000)
    [problem] = read(path, max_bytes=1_000_000)
    assert problem.stage == "read" and "1.6 MB" in problem.reason


def test_folders_are_read_recursively_in_order_and_missing_paths_reported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Deux.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("Un.", encoding="utf-8")
    items = read(tmp_path, tmp_path / "missing.txt")
    assert [i.text for i in items[:2]] == ["Un.", "Deux."]
    assert items[2] == Problem(document=str(tmp_path / "missing.txt"), stage="read", reason="no such file or folder")
