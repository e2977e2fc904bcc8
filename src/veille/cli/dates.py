"""`veille dates`: the temporal expressions of a text and their values."""

from __future__ import annotations

import json
import sys
from datetime import date as Date

import typer
from rich.table import Table

from veille.cli.options import LANG, TableOrJsonl
from veille.cli.render import console


def dates(
    text: str = typer.Argument(..., help="The text itself, or - to read it from standard input."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date YYYY-MM-DD: relative dates resolve against it."),
    format: TableOrJsonl = typer.Option(TableOrJsonl.table, "--format", "-f", help="table for people, jsonl for programs."),
    lang: str = LANG,
) -> None:
    """Print every date, time, duration and set of a text with its TIMEX3 value.

    Example: veille dates "Le sommet aura lieu le 11 novembre, la veille de l'élection." --date 2018-10-24
    """
    from veille.temporal import find_dates

    if date is not None:
        try:
            Date.fromisoformat(date)
        except ValueError:
            raise typer.BadParameter(f"{date!r} is not a date YYYY-MM-DD", param_hint="--date") from None
    if text == "-":
        text = sys.stdin.read()
    timexes = find_dates(text, date, lang)
    if format is TableOrJsonl.jsonl:
        for timex in timexes:
            typer.echo(json.dumps({"text": timex.text, "start": timex.start, "end": timex.end,
                                   "value": timex.value, "type": timex.type}, ensure_ascii=False))
        return
    table = Table(title=f"Dates (published {date or 'unknown'})", title_justify="left")
    for column in ("start", "end", "text", "value", "type"):
        table.add_column(column)
    for timex in timexes:
        table.add_row(str(timex.start), str(timex.end), timex.text, timex.value or "-", timex.type)
    console.print(table)
