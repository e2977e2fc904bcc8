"""`veille run`: a corpus into the store, with a progress bar and a summary."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from veille.cli.options import BATCH_SIZE, DB, LANG, N_PROCESS
from veille.cli.render import console
from veille.ingest import read_inputs
from veille.schema import Problem


def run(
    inputs: list[str] = typer.Argument(..., help="Text and HTML files, folders, URLs, URL lists, RSS/Atom feeds, "
                                                 "WARC archives, .jsonl/.csv corpora, or - for standard input."),
    db: Path = DB,
    date: str = typer.Option(None, "--date", "-d", help="Publication date for documents that carry none."),
    field: list[str] = typer.Option(None, "--field", help="Corpus column of a document field: text=body; repeatable."),
    follow: bool = typer.Option(True, "--follow/--no-follow", help="Read each entry's page, not just the feed's text."),
    lang: str = LANG,
    batch_size: int = BATCH_SIZE,
    n_process: int = N_PROCESS,
) -> None:
    """Extract a corpus into the store. Re-running adds nothing; a killed run resumes.

    Example: veille run articles/ pages/ news.csv --field text=body --db veille.duckdb

    Exits with status 1 when some document could not be processed (see `veille problems`).
    """
    from veille.ingest import parse_fields
    from veille.pipeline import shared
    from veille.runner import run_corpus
    from veille.store import Store

    try:
        fields = parse_fields(field)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--field") from None

    def report(problem: Problem) -> None:
        console.print(f"[yellow]problem[/] {problem.document}: {problem.stage}: {problem.reason}")

    with Store(db) as store, Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                      console=console, transient=True) as progress:
        task = progress.add_task("loading the model")
        nlp = shared(lang)

        def advance(summary) -> None:
            progress.update(task, description=f"{summary.added} added, {summary.already_stored} already stored, "
                                              f"{summary.failed} problems")

        # the store's own files are not documents, even inside a folder being read
        documents = read_inputs(inputs, date=date, fields=fields, lang=lang, follow=follow,
                                exclude=[db, db.with_name(db.name + ".wal")])
        summary = run_corpus(nlp, documents, store, batch_size, n_process, on_item=advance, on_problem=report)
    kinds = ", ".join(f"{n} {stage}" for stage, n in sorted(summary.problems.items()))
    console.print(f"{summary.added} documents added ({summary.already_stored} already stored), "
                  f"{summary.events} events, {summary.quotes} quotes, {summary.failed} problems"
                  + (f" ({kinds})" if kinds else "") + f" → {db}", soft_wrap=True)
    if summary.failed:
        raise typer.Exit(1)
