"""Modality of an event mention: asserted, future, hypothetical or negated (PLOVER's
auxiliary modes), from the words that govern or modify its trigger, its verb morphology,
and its date against the publication date."""

from __future__ import annotations

from spacy.tokens import Token

from veille.events.lexicon import Cue, Lexicon

# Strongest first: a negated conditional ("ne pourrait pas") is negated.
PRECEDENCE = ("negated", "hypothetical", "future")
# How far up the head chain a governing cue may sit: "prêt à discuter d'une visite".
MAX_GOVERNOR_DEPTH = 4
STOP_AT = {"ROOT", "parataxis", "conj"}


def _cue_matches(cue: Cue, token: Token) -> bool:
    if cue.pos and cue.pos != token.pos_:
        return False
    if len(cue.lemmas) == 1:
        return True
    # multi-word cue: its other lemmas are dependents or right neighbours of the token
    following = {t.lemma_.lower() for t in token.doc[token.i + 1: token.i + 1 + len(cue.lemmas)]}
    children = {c.lemma_.lower() for c in token.children}
    return all(lemma in following | children for lemma in cue.lemmas[1:])


def _cues(token: Token, lexicon: Lexicon, scope: str) -> list[str]:
    return [cue.modality for cue in lexicon.cues.get(token.lemma_.lower(), ())
            if cue.scope == scope and _cue_matches(cue, token)]


def _governors(token: Token) -> list[Token]:
    chain, current = [], token
    for _ in range(MAX_GOVERNOR_DEPTH):
        if current.head.i == current.i or current.dep_ in STOP_AT:
            break
        current = current.head
        chain.append(current)
    return chain


def _clause_tokens(token: Token) -> list[Token]:
    """The trigger, the words that govern it, and their direct dependents (negation sits there)."""
    tokens = [token, *_governors(token)]
    return tokens + [c for t in tokens for c in t.children if c not in tokens]


def _segment(token: Token, boundaries: set[str]) -> list[Token]:
    """The words around the trigger up to the nearest punctuation or clause boundary: negation
    sits there even when the parse attaches it elsewhere."""
    sent = token.sent
    start, end = token.i, token.i
    while start > sent.start and token.doc[start - 1].lower_ not in boundaries:
        start -= 1
    while end < sent.end - 1 and token.doc[end + 1].lower_ not in boundaries:
        end += 1
    return list(token.doc[start:end + 1])


def modality_of(token: Token, lexicon: Lexicon, date: str | None, published: str | None,
                boundaries: frozenset[str] = frozenset()) -> tuple[str, bool]:
    """The modality of a trigger, and whether the text states it (rather than it being assumed)."""
    found: set[str] = set()
    for child in token.children:
        found.update(_cues(child, lexicon, "modifier"))
    for governor in _governors(token):
        found.update(_cues(governor, lexicon, "governor"))
        found.update(_cues(governor, lexicon, "modifier") if governor.pos_ == "NOUN" else ())
    for near in {*_clause_tokens(token), *_segment(token, boundaries)}:
        found.update(_cues(near, lexicon, "clause"))
    verbs = [token, *(c for c in token.children if c.pos_ == "AUX")]
    if token.pos_ not in {"VERB", "AUX"} or "VerbForm=Inf" in str(token.morph):
        verbs += [g for g in _governors(token)[:2] if g.pos_ in {"VERB", "AUX"}]
        verbs += [c for g in _governors(token)[:2] for c in g.children if c.pos_ == "AUX"]
    past = False
    for verb in verbs:
        for feature in str(verb.morph).split("|"):
            if feature in lexicon.morph:
                found.add(lexicon.morph[feature])
            past = past or feature == "Tense=Past"
    for modality in PRECEDENCE:
        if modality in found:
            return modality, True
    if date and published:
        if date[:len(published)] > published[:len(date)]:
            return "future", True  # a date to come: scheduled
        return "asserted", True
    return "asserted", past
