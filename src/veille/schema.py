"""The public contract: what veille reads and what it produces.

Every extracted item carries character offsets into the document text as given, so that
provenance is never lost, whatever cleaning happened inside the pipeline.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "future", "hypothetical", "negated")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
TimexType = Literal[TIMEX_TYPES]  # type: ignore[valid-type]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Document(_Model):
    """One article, as read from its source."""

    id: str
    text: str
    date: str | None = Field(None, description="publication date, ISO 8601")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    lang: str = "fr"


class Actor(_Model):
    """A resolved participant: a person, a state (as government, army, people…), an organisation."""

    name: str | None = Field(None, description="canonical name: the English Wikipedia title")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3, or IGO/UNO/EUR/NGO/MNC")
    sector: str | None = Field(None, description="PLOVER sector code: GOV, MIL, LEG, CVL…")
    kind: Literal["person", "state", "organisation", "group"] | None = None
    aliases: list[str] = Field(default_factory=list)

    def __repr__(self) -> str:
        return f"Actor({'/'.join(x for x in (self.name, self.country, self.sector) if x)})"


class Mention(_Model):
    """A stretch of the document text: `text == document.text[start:end]`."""

    text: str
    start: int
    end: int


class Location(_Model):
    name: str | None = None
    country: str | None = None


class ActorMention(Mention):
    """A mention resolved to one or more actors ("les deux Présidents" → two)."""

    actors: list[Actor] = Field(default_factory=list)
    how: str | None = Field(None, description="name, role, metonym, demonym, pronoun…")


class Timex(Mention):
    value: str | None = Field(None, description="TIMEX3 value: 2018-10-24, 2018-W43, 2019, PRESENT_REF…")
    type: TimexType = "DATE"
    granularity: str | None = Field(None, description="day, week, month, season, year, decade, century, ref")

    def __repr__(self) -> str:
        return f"Timex({self.text!r}@{self.start}={self.value} {self.type})"


class Quote(Mention):
    speaker: Actor | None = None
    speaker_mention: Mention | None = None
    verb: str | None = None
    kind: Literal["direct", "indirect", "mixed"] = "direct"
    date: str | None = None
    confidence: float = 1.0

    def __repr__(self) -> str:
        return f"Quote({self.text[:40]!r}@{self.start} by {self.speaker!r})"


class Argument(_Model):
    actor: Actor
    text: str | None = Field(None, description="the words of the sentence naming it; null when it comes from elsewhere in the text")


class Reading(_Model):
    """How one mention of an event was read (`veille extract --explain`)."""

    trigger: str
    start: int
    end: int
    entry: str = Field(description="the lexicon row of the trigger: lemmas (TYPE/mode, frame)")
    rule: str = Field(description="the syntactic path that found the participants")
    actors: list[Argument] = Field(default_factory=list)
    recipients: list[Argument] = Field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    modality: Modality = "asserted"


class Event(_Model):
    type: EventType
    mode: str | None = None
    actors: list[Actor] = Field(default_factory=list)
    recipients: list[Actor] = Field(default_factory=list)
    date: str | None = Field(None, description="the event's own date, at the granularity the text gives")
    location: Location | None = None
    modality: Modality = "asserted"
    evidence: list[Mention] = Field(default_factory=list, description="every mention of the event")
    confidence: float = 1.0
    trigger: str | None = None
    rule: str | None = None
    cameo: str | None = None
    sources: list[str] = Field(default_factory=list, description="ids of the documents reporting it")
    readings: list[Reading] = Field(default_factory=list, description="how each mention was read")

    def __repr__(self) -> str:
        def names(actors: list[Actor]) -> str:
            return "+".join(a.name or a.country or "?" for a in actors)

        place = self.location.name if self.location else None
        return (f"Event({self.type}/{self.mode or '-'} {names(self.actors)}→{names(self.recipients)}"
                f" {self.date} @{place} {self.modality})")


class Extraction(_Model):
    """Everything veille found in one document."""

    schema_version: str = SCHEMA_VERSION
    id: str
    timexes: list[Timex] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    actors: list[ActorMention] = Field(default_factory=list)
    document: Document | None = None


class Problem(_Model):
    """A document that could not be processed: which, at which stage, why."""

    document: str
    stage: Literal["read", "decode", "clean", "language", "extract", "store"]
    reason: str


def json_schema() -> dict:
    """The JSON Schema of the contract, one definition per model."""
    from pydantic.json_schema import models_json_schema

    _, schema = models_json_schema(
        [(m, "serialization") for m in (Document, Actor, Mention, Timex, Quote, Event, Extraction, Problem)],
        title=f"veille schema v{SCHEMA_VERSION}",
    )
    return schema
