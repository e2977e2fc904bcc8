"""`veille run`: a corpus into the store, with a progress bar and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from veille.cli.options import BATCH_SIZE, DB, LANG, N_PROCESS
from veille.cli.render import console
from veille.ingest import read_inputs
from veille.schema import Document, Problem


def run(
    inputs: list[str] = typer.Argument(..., help="Text files, folders, .jsonl corpora, or - for standard input."),
    db: Path = DB,
    date: str = typer.Option(None, "--date", "-d", help="Publication date for documents that carry none."),
    lang: str = LANG,
    batch_size: int = BATCH_SIZE,
    n_process: int = N_PROCESS,
) -> None:
    """Extract a corpus into the store. Re-running adds nothing; a killed run resumes.

    Example: veille run articles/ news.jsonl --db veille.duckdb

    Exits with status 1 when some document could not be processed (see `veille problems`).
    """
    from veille.pipeline import load, process
    from veille.store import Store

    tally: Counter[str] = Counter()
    problem_kinds: Counter[str] = Counter()
    with Store(db) as store:
        before = store.counts()

        def fresh(progress: Progress, task) -> Iterator[Document]:
            # what is stored already is skipped before parsing: this is what makes a restart resume
            for item in read_inputs(inputs, date=date):
                progress.advance(task)
                if isinstance(item, Problem):
                    store.add_problem(item)
                    problem_kinds[item.stage] += 1
                    console.print(f"[yellow]problem[/]: {item.document}: {item.reason}")
                elif store.has(item):
                    tally["already stored"] += 1
                else:
                    yield item

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, transient=True) as progress:
            task = progress.add_task("reading", total=None)
            for document, result in process(load(lang), fresh(progress, task), batch_size, n_process):
                if isinstance(result, Problem):
                    store.add_problem(result)
                    problem_kinds[result.stage] += 1
                    console.print(f"[yellow]problem[/]: {result.document}: {result.reason}")
                elif store.add(document, result):
                    tally["added"] += 1
                else:
                    tally["already stored"] += 1
                progress.update(task, description=f"{tally['added']} added")
        after = store.counts()

    added = {k: after[k] - before[k] for k in ("documents", "events", "quotes")}
    failed = sum(problem_kinds.values())
    console.print(
        f"{added['documents']} documents added ({tally['already stored']} already stored), "
        f"{added['events']} events, {added['quotes']} quotes, {failed} problems"
        + (f" ({', '.join(f'{n} {k}' for k, n in sorted(problem_kinds.items()))})" if failed else "")
        + f" → {db}")
    if failed:
        raise typer.Exit(1)
