"""Options shared by several commands, declared once."""

from enum import Enum
from pathlib import Path

import typer


class TableOrJsonl(str, Enum):
    table = "table"
    jsonl = "jsonl"


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


DB = typer.Option(Path("veille.duckdb"), "--db", help="DuckDB file of the store.")
LIST_FORMAT = typer.Option(TableOrJsonl.table, "--format", "-f", help="table for people, jsonl for programs.")
ACTOR = typer.Option(None, "--actor", "-a", help="Name, alias, surname or country code; repeat to require several.")
TYPE = typer.Option(None, "--type", "-t", help="PLOVER event type, e.g. CONSULT.")
SINCE = typer.Option(None, "--since", help="Earliest date, YYYY[-MM[-DD]].")
UNTIL = typer.Option(None, "--until", help="Latest date, YYYY[-MM[-DD]] (inclusive).")
MODALITY = typer.Option(None, "--modality", "-m", help="asserted, future, hypothetical or negated.")
LANG = typer.Option("fr", "--lang", help="Language of the documents.")
BATCH_SIZE = typer.Option(16, "--batch-size", min=1, help="Documents per spaCy batch.")
N_PROCESS = typer.Option(1, "--n-process", min=1, help="Worker processes for parsing.")
