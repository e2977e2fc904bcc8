"""Corpora of records, CSV and JSON Lines, with their columns mapped onto Document fields."""

import json

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.ingest import parse_fields, read_inputs
from veille.schema import Document, Problem

FIELDS = {"text": "body", "date": "published", "title": "headline", "url": "link"}


def read(path, **options):
    return list(read_inputs([str(path)], **options))


@pytest.mark.parametrize("pairs, fields", [
    (["text=body"], {"text": "body"}),
    (["text = body", "date=published_at"], {"text": "body", "date": "published_at"}),
    (None, {}),
])
def test_field_mappings_are_read_from_pairs(pairs, fields):
    assert parse_fields(pairs) == fields


@pytest.mark.parametrize("pair", ["body", "texte=body", "text=", "=body"])
def test_a_mapping_that_names_no_document_field_is_refused(pair):
    with pytest.raises(ValueError, match="expected FIELD=COLUMN"):
        parse_fields([pair])


def test_a_csv_corpus_gives_a_document_per_row_with_its_columns_mapped(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('headline,body,published,link\n'
                    'Un titre,"Le président a parlé.\nPuis il est parti.",2020-05-20T22:03:43+02:00,https://a.fr/1\n'
                    'Vide,,2020-05-21,https://a.fr/2\n'
                    'Daté,Le texte.,hier,https://a.fr/3\n', encoding="utf-8")
    first, empty, undated = read(path, fields=FIELDS)
    assert first == Document(id=first.id, text="Le président a parlé.\nPuis il est parti.", date="2020-05-20",
                             title="Un titre", url="https://a.fr/1")
    assert empty == Problem(document=f"{path}:4", stage="read", reason="empty document")
    assert undated == Problem(document=f"{path}:5", stage="read", reason="date 'hier' is not YYYY-MM-DD")


def test_a_tsv_corpus_is_tab_separated(tmp_path):
    path = tmp_path / "news.tsv"
    path.write_text("id\ttext\na\tLe texte, avec une virgule.\n", encoding="utf-8")
    assert read(path) == [Document(id="a", text="Le texte, avec une virgule.")]


def test_a_spreadsheet_export_in_windows_1252_with_semicolons_is_read_right(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("titre;texte\nÉlysée;L’Élysée a reçu, à Noël, le président.\n".encode("cp1252"))
    [document] = read(path, fields={"title": "titre", "text": "texte"})
    assert (document.title, document.text) == ("Élysée", "L’Élysée a reçu, à Noël, le président.")


def test_a_utf8_corpus_broken_further_on_is_a_problem_at_its_line(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes("text\n".encode() + "Le président.\n".encode() * 10_000 + b"Le pr\xe9sident.\n")
    *documents, problem = read(path)
    assert len(documents) == 10_000
    assert problem.stage == "decode" and problem.document.startswith(f"{path}:")


def test_a_jsonl_corpus_is_mapped_too(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"uid": "x1", "body": "Le texte.", "published": "2019-01-02"}) + "\n"
                    + json.dumps({"uid": "x2", "text": "Sans corps."}) + "\n", encoding="utf-8")
    document, problem = read(path, fields={"text": "body", "date": "published", "id": "uid"})
    assert document == Document(id="x1", text="Le texte.", date="2019-01-02")
    assert problem == Problem(document=f"{path}:2", stage="read", reason="no 'body' field")


def test_the_run_command_refuses_a_bad_mapping_before_loading_anything(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--db", str(tmp_path / "v.duckdb"), "--field", "body"])
    assert result.exit_code == 2 and "FIELD=COLUMN" in result.output
