"""The event lexicon of a language: triggers with argument frames, and modality cues."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from veille.lang import data, table

FRAMES = ("agent-patient", "symmetric", "host-visitor", "receiver", "visit", "agent")


@dataclass(frozen=True)
class Trigger:
    lemmas: tuple[str, ...]  # lemmas of consecutive tokens, the first one heading the trigger
    pos: str
    reflexive: bool  # needs the pronominal form
    type: str
    mode: str | None
    cameo: str | None
    frame: str
    preps: tuple[str, ...]
    objects: tuple[str, ...]  # required object lemmas, any of them
    passive: bool = False  # needs the passive, whose subject keeps its role

    @property
    def head(self) -> str:
        return self.lemmas[0]

    @property
    def specificity(self) -> int:
        return len(self.lemmas) + bool(self.objects) + self.reflexive + self.passive


@dataclass(frozen=True)
class Cue:
    lemmas: tuple[str, ...]  # lemmas of consecutive tokens
    pos: str | None
    modality: str
    scopes: frozenset[str]  # governor, modifier, clause


@dataclass(frozen=True)
class MorphRule:
    feats: frozenset[str]  # "Mood=Cnd"
    on: frozenset[str]  # trigger, auxiliary, support
    when: str | None  # reported_past
    modality: str


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, tuple[Trigger, ...]]  # by first lemma, most specific first
    cues: dict[str, tuple[Cue, ...]]  # by first lemma
    morph_rules: tuple[MorphRule, ...]
    stem_endings: dict[str, tuple[str, ...]]  # "Cnd" → endings after the future stem
    future_stems: dict[str, str]
    precedence: tuple[str, ...]
    double_negation: str | None
    longest_cue_wins: bool
    negation_opener: str | None = None
    gerund_mark: str | None = None
    presupposing: frozenset[str] = frozenset()

    def triggers_for(self, lemma: str) -> tuple[Trigger, ...]:
        return self.triggers.get(lemma, ())


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "fr") -> Lexicon:
    triggers: dict[str, list[Trigger]] = defaultdict(list)
    for row in table(lang, "event_triggers.tsv"):
        trigger = Trigger(
            lemmas=tuple(row["trigger"].split()), pos=row["pos"] or "VERB", reflexive=row.get("voice") == "reflexive",
            type=row["type"], mode=row.get("mode"), cameo=row.get("cameo"), frame=row.get("frame") or "agent-patient",
            preps=_split(row.get("preps")), objects=_split(row.get("object")), passive=row.get("voice") == "passive")
        triggers[trigger.head].append(trigger)
    cues: dict[str, list[Cue]] = defaultdict(list)
    for row in table(lang, "modality_cues.tsv"):
        lemmas = tuple(row["cue"].split())
        cues[lemmas[0]].append(Cue(lemmas, row.get("pos"), row["modality"], frozenset(_split(row.get("scope") or "clause"))))
    morph = data(lang, "modality_morph.yaml")
    rules = tuple(
        MorphRule(frozenset(f"{k}={v}" for k, v in rule["feats"].items()), frozenset(rule["on"]), rule.get("when"),
                  rule["modality"])
        for rule in morph["morphology"])
    return Lexicon(
        triggers={k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in triggers.items()},
        cues={k: tuple(v) for k, v in cues.items()},
        morph_rules=rules,
        stem_endings={k: tuple(v) for k, v in morph["stem_endings"].items()},
        future_stems=dict(morph["future_stems"]),
        precedence=tuple(morph["precedence"]),
        double_negation=morph.get("double_negation"),
        longest_cue_wins=bool(morph.get("longest_cue_wins")),
        negation_opener=morph.get("negation_opener"),
        gerund_mark=morph.get("gerund_mark"),
        presupposing=frozenset(morph.get("presupposing") or ()),
    )
