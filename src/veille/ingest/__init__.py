"""Ingestion: files, folders, URLs, feeds, web archives, corpora and standard input into Documents."""

from veille.ingest.corpora import parse_fields, text_key
from veille.ingest.http import FetchError, HttpClient
from veille.ingest.readers import Reader, read_inputs

__all__ = ["FetchError", "HttpClient", "Reader", "parse_fields", "read_inputs", "text_key"]
