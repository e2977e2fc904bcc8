"""The system output that is scored (docs/evaluation.md, "System output that is scored"):
veille's `Extraction` written in that shape, and output files read back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from veille.evaluation.gold import FormatError, read_jsonl
from veille.schema import Actor, Event, Extraction, Location, Quote, Timex


def actor_output(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "country": actor.country, "sector": actor.sector, "aliases": list(actor.aliases)}


def location_output(location: Location | None) -> dict[str, Any] | None:
    return None if location is None else {"name": location.name, "country": location.country}


def timex_output(timex: Timex) -> dict[str, Any]:
    return {"text": timex.text, "start": timex.start, "end": timex.end, "value": timex.value, "type": timex.type}


def quote_output(quote: Quote) -> dict[str, Any]:
    return {"text": quote.text, "start": quote.start, "end": quote.end, "speaker": actor_output(quote.speaker)}


def event_output(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "mode": event.mode,
        "actors": [actor_output(a) for a in event.actors],
        "recipients": [actor_output(a) for a in event.recipients],
        "date": event.date,
        "location": location_output(event.location),
        "modality": event.modality,
        "evidence": [{"start": m.start, "end": m.end, "text": m.text} for m in event.evidence],
    }


def extraction_to_output(extraction: Extraction) -> dict[str, Any]:
    """One document's extraction as the scored system output dict."""
    return {
        "id": extraction.id,
        "timexes": [timex_output(t) for t in extraction.timexes],
        "quotes": [quote_output(q) for q in extraction.quotes],
        "events": [event_output(e) for e in extraction.events],
    }


def read_outputs(paths: Iterable[str | Path]) -> list[dict]:
    """System output documents from JSON Lines files, checked enough to be scored."""
    outputs: list[dict] = []
    problems: list[str] = []
    for path in map(Path, paths):
        if not path.is_file():
            problems.append(f"{path}: no such file")
            continue
        for number, output in read_jsonl(path):
            found = output_problems(output)
            problems += [f"{path}:{number}: {problem}" for problem in found]
            if not found:
                outputs.append(output)
    if problems:
        raise FormatError(problems)
    return outputs


def output_problems(output: Any) -> list[str]:
    """What keeps a system output from being scored: the fields the scorer reads."""
    if not isinstance(output, dict):
        return ["a document output is a JSON object"]
    problems = [] if isinstance(output.get("id"), str) else ["id: a string is required"]
    checks = {"timexes": _span_problems, "quotes": _quote_problems, "events": _event_problems}
    for key, check in checks.items():
        items = output.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            problems.append(f"{key}: a list of objects is required")
            continue
        for n, item in enumerate(items):
            problems += [f"{key}[{n}].{problem}" for problem in check(item)]
    return problems


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span_problems(item: dict) -> list[str]:
    problems = [] if _is_offset(item.get("start")) else ["start: a character offset is required"]
    if item.get("end") is not None and not _is_offset(item["end"]):
        problems.append("end: a character offset or null is required")
    if not isinstance(item.get("text") or "", str):
        problems.append("text: a string is required")
    return problems


def _is_actor(value: Any) -> bool:
    return value is None or isinstance(value, dict)


def _quote_problems(quote: dict) -> list[str]:
    problems = _span_problems(quote)
    if not _is_actor(quote.get("speaker")):
        problems.append("speaker: an actor object or null is required")
    return problems


def _event_problems(event: dict) -> list[str]:
    problems = [] if isinstance(event.get("type"), str) else ["type: a string is required"]
    for side in ("actors", "recipients"):
        actors = event.get(side) or []
        if not isinstance(actors, list) or not all(_is_actor(a) for a in actors):
            problems.append(f"{side}: a list of actor objects is required")
    if not (event.get("location") is None or isinstance(event["location"], dict)):
        problems.append("location: an object or null is required")
    return problems


def pipeline_outputs(gold_docs: list[dict], lang: str = "fr", batch_size: int = 16) -> list[dict]:
    """Run veille on the gold documents (with their date and title) and return its outputs."""
    from veille.pipeline import extract_many, shared
    from veille.schema import Document

    documents = [Document(id=d["id"], text=d["text"], date=d.get("date"), title=d.get("title"), lang=lang)
                 for d in gold_docs]
    return [extraction_to_output(e) for e in extract_many(shared(lang), documents, batch_size=batch_size)]
