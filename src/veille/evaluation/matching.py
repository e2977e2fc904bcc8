"""The matching rules of the evaluation contract (docs/evaluation.md): when a system actor
is a gold actor, when two participant lists are the same people, and how gold and system
items are paired one to one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from veille.text import fold_name

G = TypeVar("G")
S = TypeVar("S")


def normalise_name(name: str) -> str:
    """A name as the contract compares it (see `veille.text.fold_name`)."""
    return fold_name(name)


def names_equal(a: str | None, b: str | None) -> bool:
    return bool(a and b) and normalise_name(a) == normalise_name(b)


def actor_matches(gold: dict[str, Any], system: dict[str, Any] | None) -> bool:
    """Whether a system actor is the gold actor: by name or alias when the gold names it,
    else by country (and sector, when the gold gives one)."""
    if not system:
        return False
    if gold.get("name"):
        return any(names_equal(gold["name"], candidate)
                   for candidate in [system.get("name"), *(system.get("aliases") or [])])
    if gold.get("country") != system.get("country"):
        return False
    return not gold.get("sector") or gold["sector"] == system.get("sector")


def actors_match_one_to_one(gold: Sequence[dict], system: Sequence[dict]) -> bool:
    """Whether the two actor lists pair off one to one, with none left over on either side.

    A greedy pairing could use up a system actor that another gold actor needed (a gold
    "RUS/GOV" taking the system's Putin before the gold "Vladimir Putin" does), so this is
    a bipartite matching by augmenting paths.
    """
    if len(gold) != len(system):
        return False
    owner: dict[int, int] = {}  # system index -> gold index holding it

    def assign(g: int, seen: set[int]) -> bool:
        for s, candidate in enumerate(system):
            if s in seen or not actor_matches(gold[g], candidate):
                continue
            seen.add(s)
            if s not in owner or assign(owner[s], seen):
                owner[s] = g
                return True
        return False

    return all(assign(g, set()) for g in range(len(gold)))


def pair_best_first(gold: Sequence[G], system: Sequence[S],
                    score: Callable[[G, S], float | None]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs: of all pairs that match (`score` is not
    None), the best first, ties going to the earlier gold item, then the earlier system item;
    each item is used at most once."""
    candidates = []
    for g, gold_item in enumerate(gold):
        for s, system_item in enumerate(system):
            value = score(gold_item, system_item)
            if value is not None:
                candidates.append((-value, g, s))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, g, s in candidates:
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            pairs.append((g, s))
    return sorted(pairs)
