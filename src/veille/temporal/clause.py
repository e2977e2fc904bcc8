"""What the parse tells the resolver: the tense of the clause around a date, whether a
number counts a noun, and sentence numbers. Universal Dependencies labels and morphology
only, so that any language's model serves; the language's own verbs that point forward or
backward in the present ("doit se tenir") come from its `timex_tense.tsv`.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

PREDICATE_MARKERS = ("aux", "aux:tense", "aux:pass", "cop")


class Clauses:
    def __init__(self, doc: Doc, tense_cues: dict[str, str]):
        self.doc = doc
        self.cues = tense_cues
        self.sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]

    def sentence(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def counts_noun(self, start: int, end: int) -> bool:
        """Whether the number at [start, end) counts the noun after it ("2000 soldats")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span[-1]
        head = token.head
        if token.dep_ != "nummod" or not 0 < head.i - token.i <= 3:
            return False
        return not any(t.is_punct for t in self.doc[token.i + 1:head.i])

    def tense(self, start: int, end: int) -> str | None:
        """"past", "future" (future or conditional) or None (present, or no verb) for the
        clause that governs [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        predicate = self._predicate(span.root)
        return self._tense_of(predicate, depth=0) if predicate is not None else None

    @staticmethod
    def _predicate(token: Token) -> Token | None:
        while token.head.i != token.i:
            token = token.head
            if token.pos_ in ("VERB", "AUX") or any(c.dep_ in PREDICATE_MARKERS for c in token.children):
                return token
        return None

    def _tense_of(self, predicate: Token, depth: int) -> str | None:
        markers = {c.dep_: c for c in predicate.children if c.dep_ in PREDICATE_MARKERS}
        tense_marker = markers.get("aux:tense") or (markers.get("cop") if _is_participle(predicate) else None)
        if tense_marker is not None:
            # Compound tenses: "a signé", "s'est tenu", "aurait eu lieu" are past, "aura lieu" future.
            return "future" if "Fut" in tense_marker.morph.get("Tense") else "past"
        finite = markers.get("aux:pass") or markers.get("cop") or markers.get("aux")
        if finite is not None:
            return self._finite(finite)
        if _is_participle(predicate):
            # An adjectival participle reports what is done ("un sondage publié le 28 février"),
            # unless it plans ("la rencontre prévue le 11 novembre").
            return self.cues.get(predicate.lemma_, "past")
        if "Inf" in predicate.morph.get("VerbForm") and depth < 2 and predicate.head.i != predicate.i:
            governor = self._predicate(predicate)
            return self._tense_of(governor, depth + 1) if governor is not None else None
        return self._finite(predicate)

    def _finite(self, verb: Token) -> str | None:
        if "Cnd" in verb.morph.get("Mood") or "Fut" in verb.morph.get("Tense"):
            return "future"
        if {"Past", "Imp"} & set(verb.morph.get("Tense")):
            return "past"
        return self.cues.get(verb.lemma_)


def _is_participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm")
