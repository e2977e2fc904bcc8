"""Monitoring: poll feeds and page lists, and process only what is new.

Each cycle reads every source, keeps the entries the store has not seen, and runs each one
through the pipeline into the store, marking it seen once it is stored or has failed for
good. An entry whose page could not be fetched for a passing reason (a timeout, a 5xx) is
tried again next cycle; a source that cannot be read is skipped until the next cycle. The
seen-set lives in the store, so a restarted watch processes nothing twice.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from veille.ingest import FetchError, Reader
from veille.ingest.decoding import NotText
from veille.runner import run_corpus
from veille.schema import Problem
from veille.store import Store

_DURATION = re.compile(r"\A\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*\Z")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds of a period written `90`, `30s`, `15m`, `1h` or `1d`."""
    match = _DURATION.match(text.lower())
    if not match:
        raise ValueError(f"{text!r} is not a period such as 30s, 15m or 1h")
    return float(match.group(1)) * _SECONDS[match.group(2)]


@dataclass
class CycleSummary:
    number: int
    new: int = 0  # entries not seen before
    added: int = 0
    already_stored: int = 0
    events: int = 0
    retry: int = 0  # entries whose page will be fetched again next cycle
    problems: Counter[str] = field(default_factory=Counter)  # by stage
    unreadable: list[str] = field(default_factory=list)  # sources not read this cycle
    interrupted: bool = False

    def line(self) -> str:
        kinds = ", ".join(f"{n} {stage}" for stage, n in sorted(self.problems.items()))
        parts = [f"cycle {self.number}: {self.new} new", f"{self.added} added",
                 f"{self.already_stored} already stored", f"{self.events} events",
                 f"{sum(self.problems.values())} problems" + (f" ({kinds})" if kinds else "")]
        if self.retry:
            parts.append(f"{self.retry} to retry")
        if self.unreadable:
            parts.append(f"{len(self.unreadable)} sources unreadable")
        return ", ".join(parts) + (" (interrupted)" if self.interrupted else "")


def poll(nlp: Language, sources: Sequence[str], store: Store, reader: Reader, number: int = 1,
         stop: threading.Event | None = None) -> CycleSummary:
    """One cycle: every new entry of every source into the store; stops between two
    documents when `stop` is set."""
    summary = CycleSummary(number)

    def record(problem: Problem) -> None:
        store.add_problem(problem)
        summary.problems[problem.stage] += 1

    for source in sources:
        try:
            entries = reader.entries(source)
        except (FetchError, NotText) as error:
            record(Problem(document=source, stage="read", reason=error.reason))
            summary.unreadable.append(source)
            continue
        seen = store.seen([entry.key for entry in entries])
        for entry in (e for e in entries if e.key not in seen):
            if stop is not None and stop.is_set():
                summary.interrupted = True
                return summary
            summary.new += 1
            try:
                items = list(reader.read_entry(entry, retry_later=True))
            except FetchError as error:
                record(Problem(document=entry.key, stage="read", reason=error.reason))
                summary.retry += 1
                continue
            result = run_corpus(nlp, items, store, batch_size=1)
            summary.added += result.added
            summary.already_stored += result.already_stored
            summary.events += result.events
            summary.problems.update(result.problems)
            store.mark_seen(entry.key, source)
    return summary


def watch(nlp: Language, sources: Sequence[str], store: Store, reader: Reader, every: float,
          cycles: int | None = None, stop: threading.Event | None = None,
          log: Callable[[str], None] = print) -> list[CycleSummary]:
    """Poll `sources` every `every` seconds until `stop` is set or `cycles` cycles are done,
    logging a line per cycle."""
    stop = stop or threading.Event()
    summaries = []
    while not stop.is_set():
        started = time.monotonic()
        summary = poll(nlp, sources, store, reader, len(summaries) + 1, stop)
        summaries.append(summary)
        log(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {summary.line()}")
        if cycles and len(summaries) >= cycles:
            break
        stop.wait(max(every - (time.monotonic() - started), 0))
    return summaries
