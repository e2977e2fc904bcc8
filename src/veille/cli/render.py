"""Rich tables of what veille extracts and stores."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from veille.schema import Actor, Argument, Event, Extraction, Quote, Timex

# A terminal gives its width; into a pipe or a file, tables get room instead of 80 columns.
console = Console(width=None if sys.stdout.isatty() else 160)


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "?"
    if actor.name:
        return actor.name
    return "/".join(x for x in (actor.country, actor.sector) if x) or "?"


def actors_label(actors: list[Actor]) -> str:
    return ", ".join(actor_label(a) for a in actors) or "-"


def place_label(event: Event) -> str:
    if not event.location:
        return "-"
    return event.location.name or event.location.country or "-"


def events_table(events: list[Event], documents: list[list[str]] | None = None, title: str = "Events") -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("date", "type", "mode", "actors", "recipients", "place", "modality"):
        table.add_column(column)
    if documents is not None:
        table.add_column("documents")
    for n, event in enumerate(events):
        row = [event.date or "-", event.type, event.mode or "-", actors_label(event.actors),
               actors_label(event.recipients), place_label(event), event.modality]
        if documents is not None:
            row.append(", ".join(documents[n]))
        table.add_row(*row)
    return table


def quotes_table(quotes: list[Quote], documents: list[str] | None = None) -> Table:
    table = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "quote", "kind", "date"):
        table.add_column(column)
    if documents is not None:
        table.add_column("document")
    for n, quote in enumerate(quotes):
        row = [actor_label(quote.speaker), quote.text, quote.kind, quote.date or "-"]
        if documents is not None:
            row.append(documents[n])
        table.add_row(*row)
    return table


def timexes_table(timexes: list[Timex]) -> Table:
    table = Table(title="Dates", title_justify="left")
    for column in ("expression", "value", "type", "offset"):
        table.add_column(column)
    for timex in timexes:
        table.add_row(timex.text, timex.value or "-", timex.type, str(timex.start))
    return table


def print_extraction(extraction: Extraction, explain: bool = False) -> None:
    console.rule(f"[bold]{extraction.id}")
    console.print(events_table(extraction.events))
    if explain:
        print_readings(extraction.events)
    console.print(quotes_table(extraction.quotes))
    console.print(timexes_table(extraction.timexes))


def print_readings(events: list[Event]) -> None:
    """Each event as its mentions were read, numbered as in the events table."""
    for n, event in enumerate(events, 1):
        place = f" @{place_label(event)}" if event.location else ""
        console.print(f"[bold]{n}. {event.type}/{event.mode or '-'}[/] {actors_label(event.actors)} → "
                      f"{actors_label(event.recipients)}, {event.date or 'no date'}{place}, {event.modality}"
                      f" (confidence {event.confidence}, CAMEO {event.cameo or '-'})", highlight=False)
        for reading in event.readings:
            console.print(f"   «{reading.trigger}» at {reading.start}: {reading.entry}, rule {reading.rule}",
                          highlight=False, markup=False)
            for role, arguments in (("actors", reading.actors), ("recipients", reading.recipients)):
                if arguments:
                    console.print(f"      {role}: " + "; ".join(_argument(a) for a in arguments), highlight=False, markup=False)
            date = f"{reading.date} from «{reading.date_text}»" if reading.date_text else (reading.date or "none")
            console.print(f"      date: {date}; place: {reading.location or 'none'}; modality: {reading.modality}",
                          highlight=False, markup=False)


def _argument(argument: Argument) -> str:
    label = actor_label(argument.actor)
    return f"{label} from «{argument.text}»" if argument.text else f"{label} (from context)"
