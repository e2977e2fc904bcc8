"""Storage of documents, extractions and problems."""

from veille.store.duckdb_store import Store

__all__ = ["Store"]
