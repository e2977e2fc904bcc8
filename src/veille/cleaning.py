"""Scraped-text cleaning: which lines of a text are article text and which are boilerplate.

The text itself is never rewritten, so that every offset veille reports indexes the
original. Cleaning only classifies lines: the first line is the headline, lines that end
like running text are body, and the others (credits, buttons, related-article headlines
pasted mid-text) are boilerplate, to be skipped by every extraction component.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from veille.lang import data, table

LineKind = Literal["headline", "body", "boilerplate"]


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    kind: LineKind


@lru_cache(maxsize=None)
def _markers(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    known = frozenset(row["line"].casefold() for row in table(lang, "boilerplate.tsv"))
    return known, tuple(data(lang, "punctuation.yaml")["sentence_final"])


def classify_lines(text: str, lang: str = "fr") -> list[Line]:
    """The non-blank lines of `text`, with their kind, in order."""
    known, final = _markers(lang)
    lines: list[Line] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            end = start + len(stripped)
            if stripped.casefold() in known:
                kind: LineKind = "boilerplate"
            elif not lines:
                kind = "headline"
            elif stripped.endswith(final):
                kind = "body"
            else:
                kind = "boilerplate"
            lines.append(Line(start, end, kind))
        offset += len(raw)
    return lines


def boilerplate_ranges(text: str, lang: str = "fr") -> list[list[int]]:
    return [[line.start, line.end] for line in classify_lines(text, lang) if line.kind == "boilerplate"]


def in_boilerplate(doc, start: int, end: int) -> bool:
    """Whether the character range [start, end) of a veille Doc overlaps a boilerplate line."""
    return any(s < end and start < e for s, e in (doc._.boilerplate or ()))
