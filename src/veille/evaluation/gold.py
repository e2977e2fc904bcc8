"""Reading gold files (docs/evaluation.md) and refusing the ones that cannot be scored.

Every problem is reported as `FILE:LINE: FIELD: what is wrong`, all problems of a file at
once, so that an annotator can fix a file in one pass.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from veille.schema import EVENT_TYPES, MODALITIES, TIMEX_TYPES

LAYER_KEYS = ("timex", "quotes", "events")
_CODE = re.compile(r"^[A-Z]+$")


class FormatError(ValueError):
    """A gold or output file that cannot be scored; the message lists every problem found."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for every non-blank line; a line that is not JSON raises."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                raise FormatError([f"{path}:{number}: not a JSON object: {error.msg} (column {error.colno})"]) from None


def read_gold(paths: Iterable[str | Path]) -> list[dict]:
    """The documents of one or more gold files, in order, after checking all of them."""
    documents: list[dict] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in map(Path, paths):
        if not path.is_file():
            problems.append(f"{path}: no such file")
            continue
        for number, document in read_jsonl(path):
            where = f"{path}:{number}"
            problems += [f"{where}: {problem}" for problem in document_problems(document)]
            if not isinstance(document, dict) or not isinstance(document.get("id"), str):
                continue
            if document["id"] in seen:
                problems.append(f"{where}: id: {document['id']!r} is already the id of {seen[document['id']]}")
            seen[document["id"]] = where
            documents.append(document)
    if problems:
        raise FormatError(problems)
    return documents


def document_problems(document: Any) -> list[str]:
    """What keeps one gold document from being scored, as "field: problem" lines."""
    if not isinstance(document, dict):
        return ["a document is a JSON object"]
    problems: list[str] = []
    if not isinstance(document.get("id"), str) or not document["id"]:
        problems.append("id: a non-empty string is required")
    text = document.get("text")
    if not isinstance(text, str):
        problems.append("text: a string is required")
        text = ""
    if not _is_iso_date(document.get("date")):
        problems.append(f"date: an ISO 8601 date is required, not {document.get('date')!r}")
    for key in ("title", "lang"):
        if document.get(key) is not None and not isinstance(document[key], str):
            problems.append(f"{key}: a string or nothing")
    problems += _layers_problems(document, text, "")
    optional = document.get("optional")
    if optional is not None:
        if not isinstance(optional, dict):
            problems.append("optional: an object with timex, quotes and events lists")
        else:
            problems += [f"optional.{key}: not a layer (timex, quotes, events)"
                         for key in optional if key not in LAYER_KEYS]
            problems += _layers_problems(optional, text, "optional.")
    return problems


def _layers_problems(holder: dict, text: str, prefix: str) -> list[str]:
    checks = {"timex": _timex_problems, "quotes": _quote_problems, "events": _event_problems}
    problems = []
    for key, check in checks.items():
        items = holder.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(f"{prefix}{key}: a list is required")
            continue
        for n, item in enumerate(items):
            field = f"{prefix}{key}[{n}]"
            if not isinstance(item, dict):
                problems.append(f"{field}: an object is required")
                continue
            problems += [f"{field}.{problem}" for problem in check(item, text)]
    return problems


def _span_problems(item: dict, text: str) -> list[str]:
    quoted, start = item.get("text"), item.get("start")
    if not isinstance(quoted, str) or not quoted:
        return ["text: a non-empty string is required"]
    if not isinstance(start, int) or isinstance(start, bool) or start < 0:
        return [f"start: a character offset is required, not {start!r}"]
    found = text[start:start + len(quoted)]
    if found != quoted:
        hint = f" (it occurs at {text.find(quoted)})" if quoted in text else ""
        return [f"start: the text at {start} is {found!r}, not {quoted!r}{hint}"]
    return []


def _timex_problems(item: dict, text: str) -> list[str]:
    problems = _span_problems(item, text)
    if item.get("value") is not None and not isinstance(item["value"], str):
        problems.append(f"value: a TIMEX3 string is required, not {item['value']!r}")
    if item.get("type") is not None and item["type"] not in TIMEX_TYPES:
        problems.append(f"type: {item['type']!r} is not one of {', '.join(TIMEX_TYPES)}")
    return problems


def _quote_problems(item: dict, text: str) -> list[str]:
    problems = _span_problems(item, text)
    if item.get("speaker") is not None:
        problems += [f"speaker.{problem}" for problem in actor_problems(item["speaker"])]
    return problems


def _event_problems(item: dict, text: str) -> list[str]:
    problems = []
    if item.get("type") not in EVENT_TYPES:
        problems.append(f"type: {item.get('type')!r} is not a PLOVER event type")
    if item.get("modality") is not None and item["modality"] not in MODALITIES:
        problems.append(f"modality: {item['modality']!r} is not one of {', '.join(MODALITIES)}")
    for key in ("mode", "date"):
        if item.get(key) is not None and not (isinstance(item[key], str) and item[key]):
            problems.append(f"{key}: a non-empty string or nothing, not {item[key]!r}")
    for side in ("actors", "recipients"):
        actors = item.get(side)
        if actors is None:
            continue
        if not isinstance(actors, list):
            problems.append(f"{side}: a list of actors is required")
            continue
        for n, actor in enumerate(actors):
            problems += [f"{side}[{n}].{problem}" for problem in actor_problems(actor)]
    location = item.get("location")
    if location is not None and not (isinstance(location, dict) and any(
            isinstance(location.get(k), str) and location[k] for k in ("name", "country"))):
        problems.append("location: an object with a name or a country, or nothing")
    evidence = item.get("evidence")
    if evidence is not None and not (isinstance(evidence, str) and evidence in text):
        problems.append(f"evidence: {evidence!r} is not a stretch of the text")
    return problems


def actor_problems(actor: Any) -> list[str]:
    """What is wrong with a gold actor, as "field: problem" lines."""
    if not isinstance(actor, dict):
        return ["an actor is an object with name, country and sector"]
    keys = ("name", "country", "sector")
    problems = [f"{key}: a non-empty string or nothing, not {actor[key]!r}"
                for key in keys if actor.get(key) is not None and not (isinstance(actor[key], str) and actor[key])]
    if not any(actor.get(key) for key in keys):
        problems.append("name: an actor needs a name, a country or a sector")
    for key in ("country", "sector"):
        if isinstance(actor.get(key), str) and actor[key] and not _CODE.match(actor[key]):
            problems.append(f"{key}: {actor[key]!r} is not an upper-case code")
    return problems


def _is_iso_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
