"""Reading events back across documents: actor filters and timelines of encounters.

Mentions of one real-world event in several documents (same type, participants, date and
place) are merged into one entry that lists every document reporting it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from veille.schema import Actor, Event
from veille.text import fold, fold_name


def actor_matches(actor: Actor, query: str) -> bool:
    """A query names an actor by canonical name, alias, part of a name ("Putin"), or country code."""
    wanted = fold(query)
    if not wanted:
        return False
    if actor.country and wanted == fold(actor.country) and not actor.name:
        return True
    for name in filter(None, [actor.name, *actor.aliases]):
        folded = fold_name(name)
        if wanted == folded or wanted in folded.split() or (" " in wanted and wanted in folded):
            return True
    return False


def involves(event: Event, query: str) -> bool:
    return any(actor_matches(a, query) for a in [*event.actors, *event.recipients])


@dataclass
class Encounter:
    event: Event
    documents: list[str] = field(default_factory=list)


def _identity(event: Event) -> tuple:
    participants = frozenset(a.name or f"{a.country}/{a.sector}" for a in [*event.actors, *event.recipients])
    place = event.location.name if event.location else None
    return event.type, event.date, place, participants


def merge_reports(reports: Iterable[tuple[Event, str]]) -> list[Encounter]:
    """One entry per real-world event, in date order (undated last), with its documents."""
    merged: dict[tuple, Encounter] = {}
    for event, doc_id in reports:
        entry = merged.setdefault(_identity(event), Encounter(event))
        if doc_id not in entry.documents:
            entry.documents.append(doc_id)
    return sorted(merged.values(), key=lambda e: (e.event.date is None, e.event.date or ""))


def timeline(reports: Iterable[tuple[Event, str]], actors: list[str]) -> list[Encounter]:
    """The events involving every one of `actors`, merged across documents, in date order."""
    return merge_reports((event, doc) for event, doc in reports if all(involves(event, a) for a in actors))
