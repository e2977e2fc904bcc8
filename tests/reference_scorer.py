"""Independent reference implementation of the scoring contract in docs/evaluation.md.

Standard library only; nothing is imported from the ``veille`` package.

``reference_score(gold_docs, system_docs)`` takes parsed gold documents (the
JSON Lines gold format) and parsed system output documents (the
``veille extract --format jsonl`` format) and returns::

    {"timex":  {precision, recall, f1, gold, system, matched, value_accuracy},
     "quotes": {precision, recall, f1, gold, system, matched, speaker_accuracy},
     "events": {precision, recall, f1, gold, system, matched, date_accuracy,
                location_accuracy, modality_accuracy, mode_accuracy,
                direction_accuracy}}

Decisions taken where the contract leaves room (each is repeated next to the
code it governs):

* Documents are aligned by ``id``. A gold document without system output is
  scored against an empty output; system documents whose id is not in the gold
  are ignored; an id that occurs twice in the system output is an error
  (ValueError): which of the two outputs to score is not defined.
* "Earlier" item in the tie-breaking rule means earlier in the list as given
  (list index), not earlier in the text.
* The optional-item excusal uses the same best-first greedy procedure (same
  match relation, same ranking, same tie-breaking) as the main matching, run
  between the still-unmatched system items and the optional items.
* Quote token F1 uses tokens anchored at their document offsets (see
  ``_tokens``), not a bag of word strings.
* Location names are compared exactly ("name or country equal"); the
  name normalisation of the Actors section is applied to actor names only.
* Name normalisation deletes punctuation (no space inserted) and collapses
  whitespace; a gold actor without a name and without a country only matches
  a system actor without a country.
* Event dates: the system date cut to the length of the gold date must equal
  it, without cutting a number (finer system dates are right, coarser wrong).
* The event ranking counts the attributes that are both scored and right.
* A timex value, quote speaker or event attribute is scored only when the
  gold gives it.
* "One contains the other" (quotes) is span containment.
* Precision with no system items and recall with no gold items are None:
  nothing to score. F1 is the harmonic mean written on counts,
  2·matched / (gold + system), None only when both are zero.
* Accuracies are micro-averaged: total right / total scored over all
  documents; None when nothing was scored.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable, Optional

# ---------------------------------------------------------------------------
# Generic helpers
# ---------------------------------------------------------------------------

_IGNORED_TIMEX_TYPES = {"DURATION", "SET", "TIME"}
_PAREN_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_TOKEN = re.compile(r"\w+")


def _given(value: Any) -> bool:
    """A field counts as given when it is present, not null and not ''."""
    return value is not None and value != ""


def _ratio(num: int, den: int) -> Optional[float]:
    return num / den if den else None


def _f1(matched: int, gold: int, system: int) -> Optional[float]:
    return _ratio(2 * matched, gold + system)


def _acc(right: int, scored: int) -> Optional[float]:
    return right / scored if scored else None


def greedy_match(n_gold: int, n_sys: int,
                 pair_score: Callable[[int, int], Optional[float]]) -> list[tuple[int, int]]:
    """One-to-one best-first matching.

    ``pair_score(g, s)`` returns None when the pair does not match, else a
    number (higher is better). Pairs are taken by decreasing score, ties going
    to the earlier gold item (list index), then the earlier system item.
    """
    cands = []
    for g in range(n_gold):
        for s in range(n_sys):
            sc = pair_score(g, s)
            if sc is not None:
                cands.append((-sc, g, s))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, g, s in cands:
        if g in used_g or s in used_s:
            continue
        used_g.add(g)
        used_s.add(s)
        pairs.append((g, s))
    return pairs


def _match_with_optional(gold: list, optional: list, system: list,
                         pair_score: Callable[[Any, Any], Optional[float]]):
    """Returns (matched pairs of (gold item, system item), number of unexcused
    unmatched system items)."""
    pairs = greedy_match(len(gold), len(system),
                         lambda g, s: pair_score(gold[g], system[s]))
    used = {s for _, s in pairs}
    left = [system[s] for s in range(len(system)) if s not in used]
    # Decision: excusal is the same greedy procedure, optional items playing
    # the role of gold items; each optional item excuses at most one item.
    excused = greedy_match(len(optional), len(left),
                           lambda o, s: pair_score(optional[o], left[s]))
    return [(gold[g], system[s]) for g, s in pairs], len(left) - len(excused)


# ---------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------

def normalise_name(name: str) -> str:
    """Drop a final parenthetical qualifier, case-fold, strip accents, remove
    punctuation.

    Decisions: accents are stripped by NFD decomposition and dropping
    combining marks (category Mn); punctuation is every Unicode category P*
    character and is deleted (not replaced by a space), so "Jean-Luc" becomes
    "jeanluc"; whitespace runs are then collapsed to one space and trimmed.
    """
    s = _PAREN_QUALIFIER.sub("", name)
    s = s.casefold()
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    s = "".join(ch for ch in s if not unicodedata.category(ch).startswith("P"))
    s = " ".join(s.split())
    return s


def actor_matches(gold: Optional[dict], system: Optional[dict]) -> bool:
    if not isinstance(gold, dict) or not isinstance(system, dict):
        return False
    gname = gold.get("name")
    if _given(gname):
        names = []
        if _given(system.get("name")):
            names.append(system["name"])
        names.extend(a for a in (system.get("aliases") or []) if _given(a))
        target = normalise_name(gname)
        return any(normalise_name(n) == target for n in names)
    # Rule 2: gold actor without a name. Decision (literal reading): the
    # countries are compared as given, so a gold actor without a country only
    # matches a system actor without a country; the sector is compared only
    # when the gold gives one. Codes are compared exactly.
    gc = gold.get("country") if _given(gold.get("country")) else None
    sc = system.get("country") if _given(system.get("country")) else None
    if gc != sc:
        return False
    if _given(gold.get("sector")) and gold.get("sector") != system.get("sector"):
        return False
    return True


def perfect_actor_matching(gold: list, system: list) -> bool:
    """True when the two actor lists match one to one with none left over
    (a perfect bipartite matching exists, found by augmenting paths)."""
    if len(gold) != len(system):
        return False
    n = len(gold)
    adj = [[s for s in range(n) if actor_matches(gold[g], system[s])] for g in range(n)]
    owner = [-1] * n  # system index -> gold index

    def augment(g: int, seen: set) -> bool:
        for s in adj[g]:
            if s in seen:
                continue
            seen.add(s)
            if owner[s] == -1 or augment(owner[s], seen):
                owner[s] = g
                return True
        return False

    return all(augment(g, set()) for g in range(n))


# ---------------------------------------------------------------------------
# Spans
# ---------------------------------------------------------------------------

def _gold_span(item: dict) -> tuple[int, int]:
    start = int(item["start"])
    return start, start + len(item.get("text") or "")


def _sys_span(item: dict) -> tuple[int, int]:
    start = int(item["start"])
    # Decision: "end" is required; if absent fall back to start + len(text).
    end = item.get("end")
    if end is None:
        end = start + len(item.get("text") or "")
    return start, int(end)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _tokens(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Tokens of a span, anchored in the document: (start, end) offsets of the
    maximal runs of Unicode word characters (\\w+) of the item's text.

    Decision: the quote rule is a span-overlap rule between two spans of the
    same document, so a token is identified by its position, not by its
    string: a word the two quotes share but at different places in the text
    does not count, and a word cut by a span boundary ("informatio" for
    "information") is not the same token as the whole word. Apostrophes and
    other punctuation separate tokens and are not tokens themselves
    ("l'année" -> "l", "année").
    """
    return [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text or "")]


def _f1_from_counts(common: int, n_a: int, n_b: int) -> float:
    # 2PR/(P+R) written as 2c/(|a|+|b|), exact at the 0.5 threshold.
    return 2 * common / (n_a + n_b) if common else 0.0


def token_f1(a: str, b: str, a_start: Optional[int] = None, b_start: Optional[int] = None) -> float:
    """Token-level F1 between two texts.

    With offsets: positional tokens (the reading used by the quote rule).
    Without offsets: bag of case-folded word strings (kept for comparison).
    """
    if a_start is not None and b_start is not None:
        ta, tb = set(_tokens(a, a_start)), set(_tokens(b, b_start))
        if not ta or not tb:
            return 0.0
        return _f1_from_counts(len(ta & tb), len(ta), len(tb))
    wa = _TOKEN.findall((a or "").casefold())
    wb = _TOKEN.findall((b or "").casefold())
    if not wa or not wb:
        return 0.0
    counts: dict[str, int] = {}
    for t in wa:
        counts[t] = counts.get(t, 0) + 1
    common = 0
    for t in wb:
        if counts.get(t, 0) > 0:
            counts[t] -= 1
            common += 1
    return _f1_from_counts(common, len(wa), len(wb))


# ---------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------

def _timex_pair(g: dict, s: dict) -> Optional[float]:
    ov = _overlap(_gold_span(g), _sys_span(s))
    return ov if ov > 0 else None


def _quote_pair(g: dict, s: dict) -> Optional[float]:
    gs, ss = _gold_span(g), _sys_span(s)
    ov = _overlap(gs, ss)
    if ov <= 0:
        return None
    # "one contains the other": span containment.
    contains = (gs[0] <= ss[0] and ss[1] <= gs[1]) or (ss[0] <= gs[0] and gs[1] <= ss[1])
    # Token F1 on the items' "text" fields, anchored at their "start" offsets.
    if contains or token_f1(g.get("text") or "", s.get("text") or "", gs[0], ss[0]) >= 0.5:
        return ov
    return None


def _participants(ev: dict) -> list:
    # actors ∪ recipients taken as a list concatenation (duplicates kept).
    return list(ev.get("actors") or []) + list(ev.get("recipients") or [])


def _event_matches(g: dict, s: dict) -> bool:
    return g.get("type") == s.get("type") and perfect_actor_matching(_participants(g), _participants(s))


def _modality(ev: dict) -> str:
    m = ev.get("modality")
    return m if _given(m) else "asserted"


def _date_right(gdate: str, sdate: Any) -> bool:
    # "equal at the gold granularity": the system date truncated to the gold
    # date's length equals the gold date, and the truncation does not cut a
    # number (a system "2017-06-01" or "2017-W25" is right for a gold "2017",
    # "2018-10-23T10:00" for a gold "2018-10-23"; a system "2017" is wrong
    # for a gold "2017-06-01"). Dates are compared as strings, so a gold
    # "2018-W43" is not right for a system "2018-10-23".
    if not isinstance(sdate, str):
        return False
    if sdate[:len(gdate)] != gdate:
        return False
    return len(sdate) == len(gdate) or not sdate[len(gdate)].isdigit()


def _location_right(gl: dict, sl: Any) -> bool:
    # Decision: "name or country equal" compares names after the normalisation
    # of actor names, countries exactly, each when given on both sides.
    if not isinstance(sl, dict):
        return False
    if _given(gl.get("name")) and _given(sl.get("name")) and normalise_name(gl["name"]) == normalise_name(sl["name"]):
        return True
    return _given(gl.get("country")) and _given(sl.get("country")) and gl["country"] == sl["country"]


def event_attributes(g: dict, s: dict) -> dict[str, Optional[bool]]:
    """For each attribute: None when not scored (gold does not give it), else
    whether the system is right."""
    out: dict[str, Optional[bool]] = {}
    out["date"] = _date_right(g["date"], s.get("date")) if _given(g.get("date")) else None
    gl = g.get("location")
    out["location"] = (_location_right(gl, s.get("location"))
                       if isinstance(gl, dict) and (_given(gl.get("name")) or _given(gl.get("country")))
                       else None)
    # Absent modality means asserted on both sides, so modality is always scored.
    out["modality"] = _modality(g) == _modality(s)
    out["mode"] = (g["mode"] == s.get("mode")) if _given(g.get("mode")) else None
    if g.get("recipients"):
        # Direction: actors match the system actors one to one, and recipients
        # the system recipients one to one.
        out["direction"] = (perfect_actor_matching(list(g.get("actors") or []), list(s.get("actors") or []))
                            and perfect_actor_matching(list(g["recipients"]), list(s.get("recipients") or [])))
    else:
        out["direction"] = None
    return out


def _event_pair(g: dict, s: dict) -> Optional[float]:
    if not _event_matches(g, s):
        return None
    # Ranking: number of attributes right among those scored for this pair.
    return sum(1 for v in event_attributes(g, s).values() if v)


class _Tally:
    def __init__(self, accs: list[str]):
        self.gold = self.system = self.matched = 0
        self.right = {a: 0 for a in accs}
        self.scored = {a: 0 for a in accs}

    def figures(self, acc_names: dict[str, str]) -> dict:
        p = _ratio(self.matched, self.system)
        r = _ratio(self.matched, self.gold)
        out = {"precision": p, "recall": r, "f1": _f1(self.matched, self.gold, self.system),
               "gold": self.gold, "system": self.system, "matched": self.matched}
        for key, name in acc_names.items():
            out[name] = _acc(self.right[key], self.scored[key])
        return out


def _system_timexes(doc: dict) -> list:
    out = []
    for t in doc.get("timexes") or []:
        # A system timex without a type (or with a null type) is a DATE;
        # DURATION, SET and TIME are ignored altogether.
        if t.get("type") in _IGNORED_TIMEX_TYPES:
            continue
        out.append(t)
    return out


def reference_score(gold_docs: list[dict], system_docs: list[dict]) -> dict:
    by_id: dict[str, dict] = {}
    for d in system_docs:
        if d.get("id") in by_id:
            raise ValueError(f"two system outputs for document {d.get('id')!r}")
        by_id[d.get("id")] = d

    timex = _Tally(["value"])
    quotes = _Tally(["speaker"])
    ev_attrs = ["date", "location", "modality", "mode", "direction"]
    events = _Tally(ev_attrs)

    for gd in gold_docs:
        sd = by_id.get(gd.get("id"), {})
        opt = gd.get("optional") or {}

        # timex
        gold_t = list(gd.get("timex") or [])
        sys_t = _system_timexes(sd)
        pairs, fp = _match_with_optional(gold_t, list(opt.get("timex") or []), sys_t, _timex_pair)
        timex.gold += len(gold_t)
        timex.matched += len(pairs)
        timex.system += len(pairs) + fp
        for g, s in pairs:
            if _given(g.get("value")):
                timex.scored["value"] += 1
                timex.right["value"] += int(s.get("value") == g["value"])

        # quotes
        gold_q = list(gd.get("quotes") or [])
        sys_q = list(sd.get("quotes") or [])
        pairs, fp = _match_with_optional(gold_q, list(opt.get("quotes") or []), sys_q, _quote_pair)
        quotes.gold += len(gold_q)
        quotes.matched += len(pairs)
        quotes.system += len(pairs) + fp
        for g, s in pairs:
            if isinstance(g.get("speaker"), dict):
                quotes.scored["speaker"] += 1
                quotes.right["speaker"] += int(actor_matches(g["speaker"], s.get("speaker")))

        # events
        gold_e = list(gd.get("events") or [])
        sys_e = list(sd.get("events") or [])
        pairs, fp = _match_with_optional(gold_e, list(opt.get("events") or []), sys_e, _event_pair)
        events.gold += len(gold_e)
        events.matched += len(pairs)
        events.system += len(pairs) + fp
        for g, s in pairs:
            for a, v in event_attributes(g, s).items():
                if v is not None:
                    events.scored[a] += 1
                    events.right[a] += int(v)

    return {
        "timex": timex.figures({"value": "value_accuracy"}),
        "quotes": quotes.figures({"speaker": "speaker_accuracy"}),
        "events": events.figures({a: f"{a}_accuracy" for a in ev_attrs}),
    }
