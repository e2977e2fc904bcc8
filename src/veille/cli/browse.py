"""Reading the store: `veille documents`, `problems`, `events`, `quotes`, `timeline`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from veille.cli.options import ACTOR, DB, LIST_FORMAT, MODALITY, SINCE, TYPE, UNTIL, TableOrJsonl
from veille.cli.render import actor_label, console, events_table, quotes_table
from veille.store import Store
from veille.timeline import actor_matches, involves, merge_reports, timeline as encounters


def _open(db: Path) -> Store:
    try:
        return Store(db, read_only=True)
    except FileNotFoundError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None


def _print_rows(rows: list[dict], title: str, format: TableOrJsonl) -> None:
    if format is TableOrJsonl.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if not rows:
        console.print(f"{title}: none")
        return
    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for column in rows[0]:
        table.add_column(column)
    for row in rows:
        table.add_row(*("-" if v is None else str(v) for v in row.values()))
    console.print(table)


def documents(db: Path = DB, format: TableOrJsonl = LIST_FORMAT) -> None:
    """The stored documents: id, title, date, url, and how many events and quotes each gave.

    Example: veille documents --db veille.duckdb
    """
    with _open(db) as store:
        rows = store.documents()
    _print_rows([{k: v for k, v in row.items() if k != "key"} for row in rows], "Documents", format)


def problems(db: Path = DB, format: TableOrJsonl = LIST_FORMAT) -> None:
    """The documents that could not be processed: which, at which stage, and why.

    Example: veille problems --db veille.duckdb --format jsonl
    """
    with _open(db) as store:
        _print_rows(store.problems(), "Problems", format)


def events(db: Path = DB, actor: list[str] = ACTOR, type: str = TYPE, since: str = SINCE, until: str = UNTIL,
           modality: str = MODALITY, format: TableOrJsonl = LIST_FORMAT) -> None:
    """Stored events, one per real-world event with the documents that report it.

    Example: veille events --actor Poutine --type CONSULT --since 2018 --modality future
    """
    with _open(db) as store:
        reports = [(e, d) for e, d in store.events(type and type.upper(), modality, since, until)
                   if all(involves(e, a) for a in actor or ())]
    merged = merge_reports(reports)
    if format is TableOrJsonl.jsonl:
        for entry in merged:
            sys.stdout.write(json.dumps({**entry.event.model_dump(mode="json"), "documents": entry.documents},
                                        ensure_ascii=False) + "\n")
        return
    console.print(events_table([m.event for m in merged], [m.documents for m in merged],
                               title=f"Events ({len(merged)})"))


def quotes(db: Path = DB, speaker: str = typer.Option(None, "--speaker", "-s", help="Speaker name, alias or country."),
           actor: list[str] = ACTOR, since: str = SINCE, until: str = UNTIL,
           format: TableOrJsonl = LIST_FORMAT) -> None:
    """Stored quotes with their speakers.

    Example: veille quotes --speaker Peskov --since 2018-10
    """
    wanted = [q for q in [speaker, *(actor or ())] if q]
    with _open(db) as store:
        found = [(q, d) for q, d in store.quotes(since, until)
                 if all(q.speaker and actor_matches(q.speaker, w) for w in wanted)]
    if format is TableOrJsonl.jsonl:
        for quote, doc_id in found:
            sys.stdout.write(json.dumps({**quote.model_dump(mode="json"), "documents": [doc_id]},
                                        ensure_ascii=False) + "\n")
        return
    console.print(quotes_table([q for q, _ in found], [d for _, d in found]))


def timeline(actor: list[str] = typer.Option(..., "--actor", "-a", help="An actor; repeat for the encounters of several."),
             db: Path = DB, type: str = typer.Option("CONSULT", "--type", "-t", help="Event type; ALL for every type."),
             format: TableOrJsonl = LIST_FORMAT) -> None:
    """The encounters of the given actors in date order, with place, modality and sources.

    Example: veille timeline --actor "Vladimir Putin" --actor "Donald Trump"
    """
    with _open(db) as store:
        entries = encounters(store.events(None if type.upper() == "ALL" else type.upper()), actor)
    if format is TableOrJsonl.jsonl:
        for entry in entries:
            sys.stdout.write(json.dumps({**entry.event.model_dump(mode="json"), "documents": entry.documents},
                                        ensure_ascii=False) + "\n")
        return
    noun = "encounter" if type.upper() == "CONSULT" else "event"
    title = " & ".join(actor) + f": {len(entries)} {noun}" + ("s" if len(entries) != 1 else "")
    table = Table(title=title, title_justify="left")
    for column in ("date", "event", "participants", "place", "modality", "documents"):
        table.add_column(column)
    for entry in entries:
        e = entry.event
        who = ", ".join(actor_label(a) for a in e.actors)
        if e.recipients:
            who += " → " + ", ".join(actor_label(a) for a in e.recipients)
        table.add_row(e.date or "undated", f"{e.type}" + (f" ({e.mode})" if e.mode else ""), who,
                      e.location.name if e.location and e.location.name else "-", e.modality, ", ".join(entry.documents))
    console.print(table)
