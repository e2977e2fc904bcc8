"""What the resolution of one text has seen so far: its mentions, the people and
organisations the knowledge base does not know, its quotations, and how far back a pronoun
may look."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

# how many sentences of narration back a pronoun may find its person
PRONOUN_REACH = 3


@dataclass
class Mention:
    """A resolved mention: tokens [start, end), its actors, and how they were found."""

    start: int
    end: int
    actors: list[dict]
    how: str
    entities: list[int | None] = field(default_factory=list)
    role: str | None = None  # the title that describes the person ("ministre des affaires étrangères")
    gender: str | None = None  # m or f, when the words say it ("la maire")

    @property
    def person(self) -> int | str | None:
        """The person this mention names, when it names exactly one: a knowledge-base entity,
        the name of someone it does not know, or where a title describes someone unnamed."""
        if len(self.actors) == 1 and self.actors[0]["kind"] == "person":
            entity = self.entities[0] if self.entities else None
            return entity if entity is not None else self.actors[0]["name"] or f"#{self.start}"
        return None


@dataclass
class Context:
    """What the resolution has seen so far in a text."""

    doc: Doc
    dominant: str | None
    mentions: list[Mention]
    skip: Callable[[int, int], bool] = lambda s, e: False
    sentences: list[tuple[int, int]] = field(default_factory=list)
    introduced: dict[int, dict] = field(default_factory=dict)  # unknown people a role introduced
    genders: dict[str, str] = field(default_factory=dict)  # of unknown people, by name
    unknown: dict[str, dict] = field(default_factory=dict)  # unknown people, by name
    organisations: dict[str, dict] = field(default_factory=dict)  # unknown organisations, by name
    relatives: dict[str, Span] = field(default_factory=dict)  # the name the text gives a relation ("frère")
    quotations: list[tuple[int, int]] = field(default_factory=list)  # character ranges between quotation marks

    def __post_init__(self) -> None:
        self.text = self.doc.text
        if self.doc.has_annotation("SENT_START"):
            self.sentences = [(s.start, s.end) for s in self.doc.sents if s.text.strip()]
        else:
            self.sentences = [(0, len(self.doc))]

    def quoted_apart(self, offset: int, other: int) -> bool:
        """Whether the character at `offset` is inside a quotation that `other` is not in."""
        for start, end in self.quotations:
            if start < offset < end:
                return not start < other < end
        return False

    def entities(self) -> set[int]:
        return {n for m in self.mentions for n in m.entities if n is not None}

    def persons(self, since: int = 0) -> list[int]:
        """Distinct people mentioned so far, the latest first, from character `since` on."""
        found: list[int] = []
        for mention in reversed(self.mentions):
            if self.doc[mention.start].idx < since:
                break
            for n, actor in zip(mention.entities, mention.actors):
                if n is not None and actor["kind"] == "person" and n not in found:
                    found.append(n)
        return found

    def window_start(self, token: int) -> int:
        """Where a pronoun or a relation may find its person: its paragraph, or the
        sentence before its own (boilerplate lines apart) when that starts earlier; in a
        long paragraph, no further back than a few sentences of narration (quoted words
        apart): a pronoun does not reach over a whole article."""
        doc = self.doc
        paragraph = self.text.rfind("\n\n", 0, doc[token].idx) + 1
        own = max((s for s in self.sentences if s[0] <= token), default=(0, len(doc)))
        earlier = [s for s in self.sentences if s[1] <= own[0] and not self.skip(*chars(doc, *s))]
        start = earlier[-1][0] if earlier else own[0]
        told = [s for s in earlier if not self._all_quoted(s)]
        recent = doc[told[-PRONOUN_REACH][0]].idx if len(told) >= PRONOUN_REACH else 0
        return min(max(paragraph, recent), doc[start].idx)

    def _all_quoted(self, sentence: tuple[int, int]) -> bool:
        first, last = self.doc[sentence[0]].idx, self.doc[sentence[1] - 1].idx
        return any(start <= first and last <= end for start, end in self.quotations)


def chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
