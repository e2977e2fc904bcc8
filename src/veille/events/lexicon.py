"""The event lexicon of a language: triggers with argument frames, and modality cues."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from veille.lang import data, table

FRAMES = ("agent-patient", "symmetric", "host-visitor", "visit", "agent")


@dataclass(frozen=True)
class Trigger:
    lemmas: tuple[str, ...]  # the head lemma, then the lemmas that must depend on it
    pos: str
    reflexive: bool
    type: str
    mode: str | None
    cameo: str | None
    frame: str
    preps: tuple[str, ...]
    objects: tuple[str, ...]  # required object lemmas, any of them

    @property
    def head(self) -> str:
        return self.lemmas[0]

    @property
    def specificity(self) -> int:
        return len(self.lemmas) + bool(self.objects) + self.reflexive


@dataclass(frozen=True)
class Cue:
    lemmas: tuple[str, ...]
    pos: str | None
    modality: str
    scope: str  # governor, modifier or clause


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, tuple[Trigger, ...]]  # by head lemma, most specific first
    cues: dict[str, tuple[Cue, ...]]  # by first lemma
    morph: dict[str, str]  # "Mood=Cnd" → modality

    def triggers_for(self, lemma: str) -> tuple[Trigger, ...]:
        return self.triggers.get(lemma, ())


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "fr") -> Lexicon:
    triggers: dict[str, list[Trigger]] = defaultdict(list)
    for row in table(lang, "event_triggers.tsv"):
        trigger = Trigger(
            lemmas=tuple(row["trigger"].split()), pos=row["pos"] or "VERB", reflexive=row.get("reflexive") == "yes",
            type=row["type"], mode=row.get("mode"), cameo=row.get("cameo"), frame=row.get("frame") or "agent-patient",
            preps=_split(row.get("preps")), objects=_split(row.get("object")))
        triggers[trigger.head].append(trigger)
    cues: dict[str, list[Cue]] = defaultdict(list)
    for row in table(lang, "modality_cues.tsv"):
        lemmas = tuple(row["cue"].split())
        cues[lemmas[0]].append(Cue(lemmas, row.get("pos"), row["modality"], row.get("scope") or "clause"))
    morph = data(lang, "modality_morph.yaml") or {}
    return Lexicon(
        triggers={k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in triggers.items()},
        cues={k: tuple(v) for k, v in cues.items()},
        morph={str(k): str(v) for k, v in (morph.get("morph") or morph).items()} if isinstance(morph, dict) else {},
    )
