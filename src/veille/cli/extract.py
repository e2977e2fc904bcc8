"""`veille extract`: one document (or a JSON Lines file of documents) to stdout."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import typer

from veille.cli.options import BATCH_SIZE, LANG, OutputFormat
from veille.cli.render import console, print_extraction
from veille.ingest import read_inputs
from veille.schema import Document, Extraction, Problem


def extract(
    source: str = typer.Argument(..., help="A text or HTML file, a URL, a .jsonl file of documents, or - for standard input."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date YYYY-MM-DD: relative dates resolve against it."),
    title: str = typer.Option(None, "--title", help="Document title, when it is not in the text."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, or jsonl (the scored output format)."),
    lang: str = LANG,
    batch_size: int = BATCH_SIZE,
    explain: bool = typer.Option(False, "--explain", help="Show how each event was read: trigger, lexicon row, rule, and the words behind its participants, date and place."),
) -> None:
    """Extract events, quotes and dates from one document, or from each line of a JSON Lines file.

    Example: veille extract article.txt --date 2018-10-24 --format jsonl
    Example: veille extract article.txt --date 2018-10-24 --explain
    """
    from veille.pipeline import process, shared

    failed = False

    def report(problem: Problem) -> None:
        nonlocal failed
        failed = True
        typer.echo(f"error: {problem.document}: {problem.stage}: {problem.reason}", err=True)

    def documents() -> Iterator[Document]:
        # streamed: a JSON Lines file of any size goes through in constant memory
        for item in read_inputs([source], date=date):
            if isinstance(item, Problem):
                report(item)
            else:
                yield item.model_copy(update={"title": title or item.title})

    for _, result in process(shared(lang), documents(), batch_size=batch_size):
        if isinstance(result, Problem):
            report(result)
        else:
            show(result, format, explain)
    if failed:
        raise typer.Exit(1)


def show(extraction: Extraction, format: OutputFormat, explain: bool = False) -> None:
    if format is OutputFormat.table:
        print_extraction(extraction, explain)
        return
    hidden: dict = {"actors": True}
    if not explain:
        hidden["events"] = {"__all__": {"readings"}}
    text = extraction.model_dump_json(exclude=hidden)
    if format is OutputFormat.json:
        console.print_json(text)
    else:
        sys.stdout.write(text + "\n")
