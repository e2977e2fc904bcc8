"""Modality of an event mention: asserted, future, hypothetical or negated (PLOVER's
auxiliary modes), from the words that govern or modify its trigger, the form of its verbs,
and its date against the publication date. The cues, the morphology rules and how they
combine are language data (modality_cues.tsv, modality_morph.yaml)."""

from __future__ import annotations

from spacy.tokens import Token

from veille.events.arguments import case_of, clause_segment
from veille.events.lexicon import Cue, Lexicon
from veille.temporal.calendar import Period
from veille.temporal.dates import publication_date

# How far up the head chain a governing cue may sit: "prêt à discuter d'une visite".
MAX_GOVERNOR_DEPTH = 4
STOP_AT = {"ROOT", "parataxis", "conj", "acl:relcl", "advcl"}  # a relative or adverbial clause has its own modality
SUPPORT_DEPS = {"nsubj", "nsubj:pass", "obj", "obl", "obl:arg", "obl:mod"}
NEGATED = "negated"


def _cue_at(token: Token, cue: Cue, scope: str) -> bool:
    if scope not in cue.scopes or (cue.pos and cue.pos != token.pos_):
        return False
    run = token.doc[token.i: token.i + len(cue.lemmas)]
    return [t.lemma_.lower() for t in run] == list(cue.lemmas)


def _cues(token: Token, lexicon: Lexicon, scope: str) -> list[Cue]:
    return [cue for cue in lexicon.cues.get(token.lemma_.lower(), ()) if _cue_at(token, cue, scope)]


def doubts(token: Token, lexicon: Lexicon) -> bool:
    """Whether a word denies or doubts what it governs ("démentir", "envisager"); not one
    that schedules it ("reporter à l'année prochaine")."""
    return any(cue.modality in {NEGATED, "hypothetical"} for cue in _cues(token, lexicon, "governor"))


def _governors(token: Token, gerund_mark: str | None) -> list[Token]:
    chain, current = [], token
    for _ in range(MAX_GOVERNOR_DEPTH):
        if current.head.i == current.i or current.dep_ in STOP_AT or _gerund(current, gerund_mark):
            break
        current = current.head
        chain.append(current)
    return chain


def _gerund(token: Token, mark: str | None) -> bool:
    """"en s'attaquant à …": a clause of its own, whatever the parse hangs it on."""
    return mark is not None and "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense") \
        and any(c.lower_ == mark and c.dep_ in {"mark", "case"} for c in token.children)


def _lexical_cues(token: Token, lexicon: Lexicon, boundaries: frozenset[str]) -> list[Cue]:
    # a clause the trigger governs is what is said or asked, not how ("demander de ne pas venir")
    found = [cue for child in token.children if child.dep_ not in {"xcomp", "ccomp"}
             for cue in _cues(child, lexicon, "modifier")]
    governors = _governors(token, lexicon.gerund_mark)
    for governor in governors:
        found += _cues(governor, lexicon, "governor")
    clause = [token, *governors]
    clause += [c for t in clause for c in t.children]
    segment = clause_segment(token, boundaries)
    opener = next((t.i for t in segment if t.i > token.i and t.lemma_.lower() == lexicon.negation_opener
                   and t.head.i != token.i and token.is_ancestor(t.head)), None)
    if opener is not None:  # a later verb's own negation
        segment = [t for t in segment if t.i < opener]
        clause = [t for t in clause if t.i < opener]
    for near in {*clause, *segment}:
        found += _cues(near, lexicon, "clause")
    return found


def _has_feature(token: Token, feature: str, lexicon: Lexicon) -> bool:
    if feature in str(token.morph).split("|"):
        return True
    # the tagger misses many futures and conditionals: read them off the future stem
    name, _, value = feature.partition("=")
    endings = lexicon.stem_endings.get(value)
    if name not in {"Mood", "Tense"} or not endings or token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    stem = lexicon.future_stems.get(lemma, lemma[:-1] if lemma.endswith("re") else lemma)
    return any(token.lower_ == stem + ending for ending in endings)


def _targets(token: Token) -> dict[str, list[Token]]:
    targets: dict[str, list[Token]] = {"trigger": [], "auxiliary": [], "support": []}
    if token.pos_ in {"VERB", "AUX"}:
        targets["trigger"].append(token)
        targets["auxiliary"] += [c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    elif token.dep_ in SUPPORT_DEPS and token.head.pos_ in {"VERB", "AUX", "ADJ"}:
        support = token.head
        targets["support"] += [support, *(c for c in support.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    return targets


def _reported_past(token: Token) -> bool:
    clause = token if token.pos_ in {"VERB", "AUX"} else token.head
    head = clause.head
    return clause.dep_ in {"ccomp", "xcomp"} and (
        "Tense=Past" in str(head.morph) or "Tense=Imp" in str(head.morph))


def _morphology(token: Token, lexicon: Lexicon) -> str | None:
    targets = _targets(token)
    for rule in lexicon.morph_rules:
        if rule.when == "reported_past" and not _reported_past(token):
            continue
        if any(all(_has_feature(t, f, lexicon) for f in rule.feats) for where in rule.on for t in targets[where]):
            return rule.modality
    return None


def _past(token: Token) -> bool:
    forms = [t for ts in _targets(token).values() for t in ts]
    return any("Tense=Past" in str(t.morph) or "Tense=Imp" in str(t.morph) for t in forms)


def modality_of(token: Token, lexicon: Lexicon, date: str | None, published: str | None,
                boundaries: frozenset[str] = frozenset()) -> tuple[str, bool]:
    """The modality of a trigger, and whether the text states it rather than it being assumed."""
    if token.pos_ in {"NOUN", "PROPN"} and case_of(token) in lexicon.presupposing:
        return _presupposed(token, lexicon, date, published)
    cues = _lexical_cues(token, lexicon, boundaries)
    longest = [c for c in cues if len(c.lemmas) > 1]
    if lexicon.longest_cue_wins and longest:
        cues = longest
    found = {cue.modality for cue in cues}
    # "n'exclut pas une rencontre": a negated clause around a negating word ("ne … pas" is one
    # negation, however many of its words are cues)
    negating_words = {c for c in cues if c.modality == NEGATED and c.scopes - {"clause"}}
    clause_negation = any(c.modality == NEGATED and c.scopes == {"clause"} for c in cues)
    if negating_words and clause_negation and lexicon.double_negation:
        found = (found - {NEGATED}) | {lexicon.double_negation}
    morphological = _morphology(token, lexicon)
    if morphological:
        found.add(morphological)
    if (strongest := _strongest(found, lexicon)) is not None:
        return strongest, True
    if date and published:
        if _to_come(date, published):
            return "future", True  # a date to come: scheduled
        return "asserted", True
    return "asserted", _past(token)


def _presupposed(token: Token, lexicon: Lexicon, date: str | None, published: str | None) -> tuple[str, bool]:
    """An event noun after "après", "depuis", "face à" is told as a fact, whatever the clause
    around it says ("il menace d'appeler l'armée face aux manifestations"): only its own
    modifiers and date change that ("après la rencontre prévue demain")."""
    found = {cue.modality for child in token.children for cue in _cues(child, lexicon, "modifier")}
    if (strongest := _strongest(found, lexicon)) is not None:
        return strongest, True
    if date and published and _to_come(date, published):
        return "future", True
    return "asserted", True


def _strongest(found: set[str], lexicon: Lexicon) -> str | None:
    """The modality that wins among those found, by the lexicon's precedence."""
    return next((modality for modality in lexicon.precedence if modality in found), None)


def _to_come(value: str, published: str) -> bool:
    """Whether a date value begins after the publication day ("2020-W35" does not, for an
    article of 1 September 2020)."""
    period, day = Period.from_value(value), publication_date(published)
    return period is not None and day is not None and period.start > day
