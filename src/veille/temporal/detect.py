"""Finding temporal expressions: every pattern of the grammar over the text, then the
longest of overlapping matches."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from veille.temporal.grammar import Grammar, Pattern, Value

# Parts whose number may instead count a noun: "2000 soldats", "le 3 juillet 18 personnes".
YEAR_PARTS = ("year", "year2")

QuantityTest = Callable[[int, int], bool]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    pattern: Pattern
    parts: dict[str, Value]

    @property
    def kind(self) -> str:
        return self.pattern.kind


def scan(text: str, grammar: Grammar, counts_noun: QuantityTest | None = None) -> list[Mention]:
    """The temporal expressions of `text`, in order, none overlapping another."""
    found = []
    for pattern in grammar.patterns:
        for match in pattern.regex.finditer(text):
            mention = _mention(text, match, pattern, grammar, counts_noun)
            if mention is not None:
                found.append(mention)
    return _longest_first(found)


def _mention(text: str, match: re.Match | None, pattern: Pattern, grammar: Grammar,
             counts_noun: QuantityTest | None) -> Mention | None:
    if match is None or match.end() == match.start():
        return None
    if counts_noun and pattern.options.get("check") == "quantity":
        for name in YEAR_PARTS:
            if name in pattern.sources and match.group(name) and counts_noun(match.start(name), match.end(name)):
                # The same shape without the number: "le 3 juillet" of "le 3 juillet 18 personnes".
                cut = len(text[:match.start(name)].rstrip())
                shorter = pattern.regex.match(text, match.start(), cut) if cut > match.start() else None
                return _mention(text, shorter, pattern, grammar, counts_noun)
    parts = {}
    for name, source in pattern.sources.items():
        if match.group(name) is not None:
            value = grammar.value(source, match.group(name))
            if value is None:
                return None
            parts[name] = value
    return Mention(match.start(), match.end(), match.group(), pattern, parts)


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    taken = bytearray()
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.pattern.index, m.start)):
        if len(taken) < mention.end:
            taken.extend(bytes(mention.end - len(taken)))
        if not any(taken[mention.start:mention.end]):
            chosen.append(mention)
            taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    return sorted(chosen, key=lambda m: m.start)
