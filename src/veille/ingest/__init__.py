"""Ingestion: turning files, folders, JSON Lines corpora and standard input into Documents."""

from veille.ingest.readers import read_inputs, text_key

__all__ = ["read_inputs", "text_key"]
