"""`veille eval`: precision, recall and F1 of veille (or of any system's output file) on
gold sets, as docs/evaluation.md defines them."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from veille.cli.options import BATCH_SIZE, LANG
from veille.evaluation import FormatError, Report, read_gold, read_outputs, score
from veille.evaluation.output import pipeline_outputs
from veille.evaluation.report import figures_json, print_explanation, print_table


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"


def evaluate(gold_paths: list[Path], system_path: Path | None = None, lang: str = "fr",
             batch_size: int = 16) -> Report:
    """Score `system_path` (a system output file), or veille itself when it is None."""
    gold = read_gold(gold_paths)
    outputs = read_outputs([system_path]) if system_path else pipeline_outputs(gold, lang, batch_size)
    return score(gold, outputs)


def eval_command(
    gold: list[Path] = typer.Argument(..., help="Gold files (JSON Lines, docs/evaluation.md); their figures are pooled."),
    system: Path = typer.Option(None, "--system", help="Score this output file (JSON Lines) instead of running veille."),
    explain: bool = typer.Option(False, "--explain", help="List every miss, false positive and wrong attribute, per document (on standard error with --format json)."),
    format: ScoreFormat = typer.Option(ScoreFormat.table, "--format", "-f", help="table for people, json for programs."),
    lang: str = LANG,
    batch_size: int = BATCH_SIZE,
) -> None:
    """Score veille on gold annotations: P/R/F1 of dates, quotes and events, and attribute accuracies.

    Example: veille eval tests/gold/seed.jsonl --explain
    """
    try:
        report = evaluate(gold, system, lang, batch_size)
    except FormatError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    if format is ScoreFormat.json:
        if explain:  # standard output stays one JSON document
            print_explanation(report, Console(stderr=True))
        sys.stdout.write(figures_json(report) + "\n")
        return
    console = Console()
    if explain:
        print_explanation(report, console)
    print_table(report, console)
