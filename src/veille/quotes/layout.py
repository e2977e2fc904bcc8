"""Where the sentences, paragraphs and quotations of a scraped text begin and end.

Scraped wire copy glues sentences ("Mercedes Schlapp.\"Il y avait", "la violence.- Intertitre -")
where the sentence splitter sees one sentence: quotes and speakers must not run over them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from veille.quotes.marks import Segment

# A sentence end glued to the next sentence: a capital, an opening mark or a dash follows.
GLUED_END = re.compile(r"[.!?…](?=[\"«“]?[^\W\d_]|\s*-)")


class Layout:
    def __init__(self, doc: Doc, segments: list[Segment]) -> None:
        self.doc, self.text, self.segments = doc, doc.text, segments
        self.sentence_starts = [sentence.start_char for sentence in doc.sents]

    def sentence(self, token: Token) -> tuple[int, int]:
        """Character range of the sentence of `token`, split where a sentence end is glued to
        the next sentence."""
        start, end = token.sent.start_char, token.sent.end_char
        for glued in GLUED_END.finditer(self.text, start, end):
            letter = self.text[glued.end():glued.end() + 3].lstrip("\"«“ ")[:1]
            if letter.isupper() or letter == "-":
                if glued.end() <= token.idx:
                    start = glued.end()
                elif glued.start() >= token.idx:
                    return start, glued.end()
        return start, end

    def paragraph(self, offset: int) -> int:
        return self.text.count("\n", 0, offset)

    def recent(self, before: int, offset: int, sentences: int) -> bool:
        """Whether `before` is at most `sentences` sentences back from `offset`, in its paragraph."""
        starts = self.sentence_starts
        return (self.paragraph(before) == self.paragraph(offset)
                and bisect_right(starts, offset) - bisect_right(starts, before) <= sentences)

    def token_at(self, offset: int) -> Token | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def quoted(self, offset: int) -> bool:
        """Whether `offset` is inside a quotation."""
        return any(s.open < offset < s.close for s in self.segments)

    def whole_quotations(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) widened so that it cuts no quotation in two."""
        for segment in self.segments:
            if segment.open < start <= segment.close:
                start = segment.open
            if segment.open < end <= segment.close:
                end = segment.close + 1
        return start, end
