"""Quotations in a text: the stretches between quotation marks, found on the characters
(the tokenizer glues marks to words: "qu'«aucune")."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """Text between quotation marks: `open` and `close` index the marks themselves
    (`close` is the paragraph end for a quotation left open)."""

    open: int
    close: int

    def content(self, text: str) -> tuple[int, int]:
        """The quoted words: inside the marks, without the spaces next to them."""
        start, end = self.open + 1, self.close
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end


def find_segments(text: str, marks: dict[str, str]) -> list[Segment]:
    """The outermost quotations of `text`, in order; quotations nested in them are part of them.

    `marks` maps each opening mark to its closing mark. A quotation left open at the end of a
    paragraph goes on when the next paragraph opens with the same mark (the French way of
    quoting several paragraphs), else it closes there; an unmatched straight mark is dropped,
    and so is a straight mark that can only close when none is open.
    """
    segments: list[Segment] = []
    stack: list[tuple[str, int]] = []
    paragraphs = list(re.finditer(r"[^\n]+", text))
    for number, paragraph in enumerate(paragraphs):
        reopening = bool(stack)
        for offset in range(paragraph.start(), paragraph.end()):
            char = text[offset]
            if reopening and not char.isspace():
                reopening = False
                if char == stack[0][0]:
                    continue
            if stack and char == marks[stack[-1][0]]:
                _, start = stack.pop()
                if not stack:
                    segments.append(Segment(start, offset))
            elif char in marks and not (marks[char] == char and _closes_only(text, offset)):
                stack.append((char, offset))
            elif any(marks[opener] == char for opener, _ in stack):
                while marks[stack[-1][0]] != char:
                    stack.pop()  # a mark opened inside and never closed
                _, start = stack.pop()
                if not stack:
                    segments.append(Segment(start, offset))
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        goes_on = bool(stack) and following is not None and text[following.start()] == stack[0][0]
        if stack and not goes_on:
            opener, start = stack[0]
            if marks[opener] != opener:
                segments.append(Segment(start, paragraph.end()))
            stack = []
    return segments


def _closes_only(text: str, offset: int) -> bool:
    """A straight mark that can only close: after a word, before a space or punctuation
    ("du G20" et …"), which, when nothing is open, is a stray mark and opens nothing."""
    before = text[offset - 1] if offset > 0 else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    return not before.isspace() and before not in "([{-–—'’" and (after.isspace() or after in ",.;:!?)]")
