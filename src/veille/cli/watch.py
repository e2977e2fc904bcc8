"""`veille watch`: keep a store current with the feeds and pages a user follows."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import typer

from veille.cli.options import DB, LANG
from veille.cli.render import console


def watch(
    sources: list[str] = typer.Argument(..., help="RSS/Atom feeds and page lists (one URL a line): files or URLs."),
    db: Path = DB,
    every: str = typer.Option("15m", "--every", help="Time between two polls: 90, 30s, 15m, 1h."),
    cycles: int = typer.Option(0, "--cycles", min=0, help="Stop after this many polls (0: until Ctrl-C)."),
    follow: bool = typer.Option(True, "--follow/--no-follow", help="Read each entry's page, not just the feed's text."),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="Seconds to wait for a server before giving up."),
    lang: str = LANG,
) -> None:
    """Poll feeds and page lists, and extract what is new into the store, until Ctrl-C.

    Example: veille watch https://www.example.fr/rss.xml pages.txt --db veille.duckdb --every 15m

    Each cycle logs one line. What was processed is remembered in the store, so a restart
    processes nothing twice; pages that failed for a passing reason are tried again next cycle.
    Ctrl-C stops between two documents; a second Ctrl-C stops at once (nothing stored is lost).
    """
    from veille.ingest import HttpClient, Reader
    from veille.pipeline import shared
    from veille.store import Store
    from veille.watch import parse_every
    from veille.watch import watch as watch_sources

    try:
        period = parse_every(every)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--every") from None
    stop = threading.Event()

    def interrupt(signum, frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        console.print("stopping after the current document (Ctrl-C again to stop at once)")
        stop.set()

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        with Store(db) as store:
            console.print(f"loading the model; watching {len(sources)} sources every {every} → {db}")
            reader = Reader(lang=lang, follow=follow, client=HttpClient(timeout=timeout))
            watch_sources(shared(lang), sources, store, reader, period, cycles=cycles or None, stop=stop,
                          log=lambda line: console.print(line, soft_wrap=True, highlight=False))
    finally:
        signal.signal(signal.SIGINT, previous)
