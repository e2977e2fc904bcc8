"""`veille extract`: one document (or a JSON Lines file of documents) to stdout."""

from __future__ import annotations

import sys
import typer

from veille.cli.options import BATCH_SIZE, LANG, OutputFormat
from veille.cli.render import console, print_extraction
from veille.ingest import read_inputs
from veille.schema import Document, Extraction, Problem


def extract(
    source: str = typer.Argument(..., help="A text file, a .jsonl file of documents, or - for standard input."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date YYYY-MM-DD: relative dates resolve against it."),
    title: str = typer.Option(None, "--title", help="Document title, when it is not in the text."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, or jsonl (the scored output format)."),
    lang: str = LANG,
    batch_size: int = BATCH_SIZE,
) -> None:
    """Extract events, quotes and dates from one document, or from each line of a JSON Lines file.

    Example: veille extract article.txt --date 2018-10-24 --format jsonl
    """
    from veille.pipeline import process, shared

    items = list(read_inputs([source], date=date))
    documents = [d.model_copy(update={"title": title or d.title}) for d in items if isinstance(d, Document)]
    problems = [p for p in items if isinstance(p, Problem)]
    for problem in problems:
        typer.echo(f"error: {problem.document}: {problem.reason}", err=True)
    if not documents:
        raise typer.Exit(1)
    nlp = shared(lang)
    failed = bool(problems)
    for document, result in process(nlp, documents, batch_size=batch_size):
        if isinstance(result, Problem):
            failed = True
            typer.echo(f"error: {result.document}: {result.stage}: {result.reason}", err=True)
            continue
        show(result, format)
    if failed:
        raise typer.Exit(1)


def show(extraction: Extraction, format: OutputFormat) -> None:
    if format is OutputFormat.table:
        print_extraction(extraction)
    elif format is OutputFormat.json:
        console.print_json(extraction.model_dump_json(exclude={"actors"}))
    else:
        sys.stdout.write(extraction.model_dump_json(exclude={"actors"}) + "\n")
