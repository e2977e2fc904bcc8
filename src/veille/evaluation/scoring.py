"""The three scored layers (timex, quotes, events) and their figures, as the evaluation
contract (docs/evaluation.md) defines them.

Per document and per layer: gold and system items are paired one to one, best pair first;
the system items left over are held against the document's optional items, each of which
excuses at most one; what remains are false positives. Figures are micro-averaged over
all documents. Where the contract leaves a detail open, the choice made here:
- quote token-F1 counts the word tokens (`\\w+`) of the two spans by position in the text;
- a location is right when the names are equal as actor names are compared, or the
  countries are equal;
- "most attributes right" counts the attributes that are scored and right;
- a ratio with nothing to divide by (precision without system items, an accuracy with
  nothing scored) is None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from veille.evaluation.matching import actor_matches, actors_match_one_to_one, names_equal, pair_best_first

Item = dict[str, Any]
_WORD = re.compile(r"\w+")


# --- spans -------------------------------------------------------------------------------

def gold_span(item: Item) -> tuple[int, int]:
    return item["start"], item["start"] + len(item["text"])


def system_span(item: Item) -> tuple[int, int]:
    end = item.get("end")
    if end is None:
        end = item["start"] + len(item.get("text") or "")
    return item["start"], end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def word_positions(text: str, start: int) -> set[tuple[int, int]]:
    return {(start + m.start(), start + m.end()) for m in _WORD.finditer(text)}


def token_f1(gold: Item, system: Item) -> float:
    """F1 of the word tokens of two spans of one text, tokens identified by position."""
    gold_tokens = word_positions(gold["text"], gold["start"])
    system_tokens = word_positions(system.get("text") or "", system["start"])
    common = len(gold_tokens & system_tokens)
    if not common:
        return 0.0
    return 2 * common / (len(gold_tokens) + len(system_tokens))


# --- the layers --------------------------------------------------------------------------

def is_date(item: Item) -> bool:
    """Only dates are scored; durations, sets and clock times are ignored on both sides."""
    return item.get("type") in (None, "DATE")


def timex_score(gold: Item, system: Item) -> float | None:
    shared = overlap(gold_span(gold), system_span(system))
    return shared or None


def timex_judge(gold: Item, system: Item) -> dict[str, bool]:
    if gold.get("value") is None:
        return {}
    return {"value": system.get("value") == gold["value"]}


def quote_score(gold: Item, system: Item) -> float | None:
    g, s = gold_span(gold), system_span(system)
    shared = overlap(g, s)
    if not shared:
        return None
    if contains(g, s) or contains(s, g) or token_f1(gold, system) >= 0.5:
        return shared
    return None


def quote_judge(gold: Item, system: Item) -> dict[str, bool]:
    if not gold.get("speaker"):
        return {}
    return {"speaker": actor_matches(gold["speaker"], system.get("speaker"))}


def date_right(gold: str, system: str | None) -> bool:
    """Equal at the gold granularity: gold "2017" accepts "2017-07-07", not the reverse."""
    if not system:
        return False
    return system == gold or (system.startswith(gold) and system[len(gold)] in "-T")


def location_right(gold: Item, system: Item | None) -> bool:
    if not system:
        return False
    return names_equal(gold.get("name"), system.get("name")) or (
        bool(gold.get("country")) and gold.get("country") == system.get("country"))


def participants(event: Item) -> list[Item]:
    return [*(event.get("actors") or []), *(event.get("recipients") or [])]


def event_judge(gold: Item, system: Item) -> dict[str, bool]:
    judged = {}
    if gold.get("date"):
        judged["date"] = date_right(gold["date"], system.get("date"))
    if gold.get("location"):
        judged["location"] = location_right(gold["location"], system.get("location"))
    judged["modality"] = (gold.get("modality") or "asserted") == (system.get("modality") or "asserted")
    if gold.get("mode"):
        judged["mode"] = system.get("mode") == gold["mode"]
    if gold.get("recipients"):
        judged["direction"] = (
            actors_match_one_to_one(gold.get("actors") or [], system.get("actors") or [])
            and actors_match_one_to_one(gold["recipients"], system.get("recipients") or []))
    return judged


def event_score(gold: Item, system: Item) -> float | None:
    if gold["type"] != system.get("type"):
        return None
    if not actors_match_one_to_one(participants(gold), participants(system)):
        return None
    return sum(event_judge(gold, system).values())


@dataclass(frozen=True)
class Layer:
    """How one layer is read from both sides, paired and judged."""

    name: str
    gold_key: str
    system_key: str
    attributes: tuple[str, ...]
    score: Callable[[Item, Item], float | None]  # None: no match; higher: better pair
    judge: Callable[[Item, Item], dict[str, bool]]  # the scored attributes of a pair, right or not
    keep: Callable[[Item], bool] = lambda item: True


LAYERS = (
    Layer("timex", "timex", "timexes", ("value",), timex_score, timex_judge, is_date),
    Layer("quotes", "quotes", "quotes", ("speaker",), quote_score, quote_judge),
    Layer("events", "events", "events", ("date", "location", "modality", "mode", "direction"),
          event_score, event_judge),
)


# --- results -----------------------------------------------------------------------------

@dataclass
class Pair:
    gold: Item
    system: Item
    judged: dict[str, bool]


@dataclass
class LayerResult:
    """One layer of one document."""

    pairs: list[Pair] = field(default_factory=list)
    misses: list[Item] = field(default_factory=list)
    false_positives: list[Item] = field(default_factory=list)
    excused: list[tuple[Item, Item]] = field(default_factory=list)  # (optional item, system item)


@dataclass
class DocumentResult:
    id: str
    layers: dict[str, LayerResult]
    has_output: bool = True


def score_layer(layer: Layer, gold_doc: Item, system_doc: Item | None) -> LayerResult:
    gold = [i for i in gold_doc.get(layer.gold_key) or [] if layer.keep(i)]
    optional = [i for i in (gold_doc.get("optional") or {}).get(layer.gold_key) or [] if layer.keep(i)]
    system = [i for i in (system_doc or {}).get(layer.system_key) or [] if layer.keep(i)]
    result = LayerResult()
    pairs = pair_best_first(gold, system, layer.score)
    for g, s in pairs:
        result.pairs.append(Pair(gold[g], system[s], layer.judge(gold[g], system[s])))
    paired_gold = {g for g, _ in pairs}
    paired_system = {s for _, s in pairs}
    result.misses = [item for n, item in enumerate(gold) if n not in paired_gold]
    left = [item for n, item in enumerate(system) if n not in paired_system]
    excusing = pair_best_first(optional, left, layer.score)
    result.excused = [(optional[o], left[s]) for o, s in excusing]
    excused = {s for _, s in excusing}
    result.false_positives = [item for n, item in enumerate(left) if n not in excused]
    return result


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class LayerFigures:
    """Micro-averaged counts of one layer over all documents."""

    layer: Layer
    gold: int = 0
    matched: int = 0
    false_positives: int = 0
    right: Counter = field(default_factory=Counter)
    scored: Counter = field(default_factory=Counter)

    def add(self, result: LayerResult) -> None:
        self.gold += len(result.pairs) + len(result.misses)
        self.matched += len(result.pairs)
        self.false_positives += len(result.false_positives)
        for pair in result.pairs:
            for attribute, right in pair.judged.items():
                self.scored[attribute] += 1
                self.right[attribute] += right

    @property
    def system(self) -> int:
        """System items held against precision: the matched and the unexcused others."""
        return self.matched + self.false_positives

    @property
    def precision(self) -> float | None:
        return ratio(self.matched, self.system)

    @property
    def recall(self) -> float | None:
        return ratio(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        # The harmonic mean of precision and recall, also defined when one of them is not.
        return ratio(2 * self.matched, self.gold + self.system)

    def accuracy(self, attribute: str) -> float | None:
        return ratio(self.right[attribute], self.scored[attribute])

    def as_dict(self) -> dict[str, Any]:
        figures: dict[str, Any] = {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                                   "gold": self.gold, "system": self.system, "matched": self.matched}
        for attribute in self.layer.attributes:
            figures[f"{attribute}_accuracy"] = self.accuracy(attribute)
        return figures


@dataclass
class Report:
    """The figures of a gold set, and the per-document detail they come from."""

    documents: list[DocumentResult]
    figures: dict[str, LayerFigures]
    unscored_outputs: list[str] = field(default_factory=list)  # system ids absent from the gold

    def as_dict(self) -> dict[str, dict[str, Any]]:
        return {name: figures.as_dict() for name, figures in self.figures.items()}


def score(gold_docs: list[dict], system_docs: list[dict]) -> Report:
    """Score system outputs against gold documents, matched by "id"; a gold document without
    an output counts all its items as misses."""
    outputs: dict[str, dict] = {}
    for output in system_docs:
        if output["id"] in outputs:
            raise ValueError(f"two system outputs for document {output['id']!r}")
        outputs[output["id"]] = output
    figures = {layer.name: LayerFigures(layer) for layer in LAYERS}
    documents = []
    for gold_doc in gold_docs:
        output = outputs.get(gold_doc["id"])
        layers = {layer.name: score_layer(layer, gold_doc, output) for layer in LAYERS}
        for name, result in layers.items():
            figures[name].add(result)
        documents.append(DocumentResult(gold_doc["id"], layers, has_output=output is not None))
    gold_ids = {d["id"] for d in gold_docs}
    return Report(documents, figures, [i for i in outputs if i not in gold_ids])
