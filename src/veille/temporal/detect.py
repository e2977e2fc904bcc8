"""Finding temporal expressions: every pattern of the grammar over the text, then the
longest of overlapping matches."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from veille.temporal.grammar import Grammar, Pattern, Value, scan_text

# Parts whose number may instead count a noun: "2000 soldats", "le 3 juillet 18 personnes".
YEAR_PARTS = ("year", "year2")

# Characters an expression may reach on either side of its anchor, lookarounds included
# ("à partir du mercredi 24 octobre 2018"), with room to spare.
REACH = 80

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
    lowered = scan_text(text)
    anchors = {name: [m.span() for m in regex.finditer(lowered)] for name, regex in grammar.anchors.items()}
    for pattern in grammar.patterns:
        for start, end in _windows(lowered, pattern, anchors):
            for match in pattern.regex.finditer(lowered, start, end):
                mention = _mention(text, lowered, match, pattern, grammar, counts_noun)
                if mention is not None:
                    found.append(mention)
    return _longest_first(found)


def _windows(lowered: str, pattern: Pattern, anchors: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The stretches of the text where the pattern may match: around its anchors, within
    their lines. Trying every pattern everywhere would cost several times more."""
    if not pattern.anchors:
        return [(0, len(lowered))]
    windows: list[tuple[int, int]] = []
    for start, end in sorted(span for name in pattern.anchors for span in anchors[name]):
        low, high = max(start - REACH, 0), min(end + REACH, len(lowered))
        low = lowered.rfind("\n", low, start) + 1 or low
        line_end = lowered.find("\n", end, high)
        high = high if line_end < 0 else line_end
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _mention(text: str, lowered: str, match: re.Match | None, pattern: Pattern, grammar: Grammar,
             counts_noun: QuantityTest | None) -> Mention | None:
    if match is None or match.end() == match.start():
        return None
    if counts_noun and pattern.options.get("check") == "quantity":
        for name in YEAR_PARTS:
            if name in pattern.sources and match.group(name) and counts_noun(match.start(name), match.end(name)):
                # The same shape without the number: "le 3 juillet" of "le 3 juillet 18 personnes".
                cut = len(text[:match.start(name)].rstrip())
                shorter = pattern.regex.match(lowered, match.start(), cut) if cut > match.start() else None
                return _mention(text, lowered, shorter, pattern, grammar, counts_noun)
    if pattern.options.get("check") == "lowercase" and "month" in pattern.sources \
            and text[match.start("month")].isupper():
        return None
    parts = {}
    for name, source in pattern.sources.items():
        if match.group(name) is not None:
            value = grammar.value(source, match.group(name))
            if value is None:
                return None
            parts[name] = value
    return Mention(match.start(), match.end(), text[match.start():match.end()], pattern, parts)


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
