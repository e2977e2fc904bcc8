"""What the parse tells the resolver: the tense of the clause around a date, whether a
number counts a noun, and sentence numbers.

Universal Dependencies labels and morphology only, so that any language's model serves. The
language's own verb knowledge is data: verbs that point forward or backward in the present
("doit se tenir", `timex_tense.tsv`), verbs whose compound past takes the passive's
auxiliary (`timex_auxiliary.tsv`) and how futures are built (`modality_morph.yaml`, shared
with the modality rules of events).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from veille.lang import data, table

AUXILIARIES = ("aux:tense", "aux:pass", "cop", "aux")


@dataclass(frozen=True)
class Verbs:
    cues: dict[str, str]  # lemma -> "future" | "past"
    passive_auxiliary: frozenset[str]  # lemmas whose compound past looks like a passive
    future_stems: dict[str, str]
    endings: dict[str, tuple[str, ...]]  # "Fut" | "Cnd" -> endings after the future stem


@lru_cache(maxsize=None)
def verbs(lang: str) -> Verbs:
    morphology = data(lang, "modality_morph.yaml")
    return Verbs(
        cues={row["lemma"]: row["direction"] for row in table(lang, "timex_tense.tsv")},
        passive_auxiliary=frozenset(row["lemma"] for row in table(lang, "timex_auxiliary.tsv")),
        future_stems=dict(morphology["future_stems"]),
        endings={feature: tuple(endings) for feature, endings in morphology["stem_endings"].items()},
    )


class Clauses:
    def __init__(self, doc: Doc, lang: str):
        self.doc = doc
        self.verbs = verbs(lang)
        self._sentence_starts: list[int] | None = None

    def sentence(self, offset: int) -> int:
        if self._sentence_starts is None:  # only documents with partial dates need it
            self._sentence_starts = [t.idx for t in self.doc if t.is_sent_start] or [0]
        return bisect_right(self._sentence_starts, offset) - 1

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
        predicate = _predicate(span.root)
        return self._tense_of(predicate, depth=0) if predicate is not None else None

    def _tense_of(self, predicate: Token, depth: int) -> str | None:
        markers = {c.dep_: c for c in predicate.children if c.dep_ in AUXILIARIES}
        auxiliary = next((markers[d] for d in AUXILIARIES if d in markers), None)
        if auxiliary is not None and "Inf" in auxiliary.morph.get("VerbForm"):
            return self._governor_tense(predicate, depth)  # "après être repassé par l'Assemblée"
        if auxiliary is not None and _is_participle(predicate):
            if "aux:tense" in markers or self._compound_with_passive_auxiliary(predicate):
                # "a signé", "est arrivé", "s'est tenu", "aurait eu lieu": past; "aura eu lieu": future
                return "future" if self._tense_feature(auxiliary) == "Fut" else "past"
        if auxiliary is not None:
            return self._finite(auxiliary)  # "est fixée au 3 mai", "sera signé", "était prêt"
        if _is_participle(predicate):
            # An adjectival participle reports what is done ("un sondage publié le 28 février"),
            # unless it plans ("la rencontre prévue le 11 novembre").
            return self.verbs.cues.get(predicate.lemma_, "past")
        if "Inf" in predicate.morph.get("VerbForm"):
            return self._governor_tense(predicate, depth)
        return self._finite(predicate)

    def _governor_tense(self, predicate: Token, depth: int) -> str | None:
        governor = _predicate(predicate) if depth < 2 else None
        return self._tense_of(governor, depth + 1) if governor is not None else None

    def _compound_with_passive_auxiliary(self, participle: Token) -> bool:
        reflexive = any("Yes" in c.morph.get("Reflex") for c in participle.children)
        return reflexive or participle.lemma_ in self.verbs.passive_auxiliary

    def _finite(self, verb: Token) -> str | None:
        feature = self._tense_feature(verb)
        if feature in ("Cnd", "Fut"):
            return "future"
        if feature in ("Past", "Imp"):
            return "past"
        return self.verbs.cues.get(verb.lemma_)

    def _tense_feature(self, verb: Token) -> str | None:
        """Cnd, Fut, Past, Imp or Pres. The tagger takes many futures and conditionals for
        presents ("défileront") or imperfects ("réunirait"): they are read off the future stem
        when it does."""
        if "Cnd" in verb.morph.get("Mood"):
            return "Cnd"
        tenses = verb.morph.get("Tense")
        if tenses and tenses[0] not in ("Pres", "Imp"):
            return tenses[0]
        lemma, form = verb.lemma_.lower(), verb.lower_
        stem = self.verbs.future_stems.get(lemma, lemma[:-1] if lemma.endswith("re") else lemma)
        if form.startswith(stem):
            for feature, endings in self.verbs.endings.items():
                if form[len(stem):] in endings:
                    return feature
        return tenses[0] if tenses else None


def _predicate(token: Token) -> Token | None:
    """The nearest verb (or predicate with an auxiliary or copula) above a token."""
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX") or any(c.dep_ in AUXILIARIES for c in token.children):
            return token
    return None


def _is_participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm")
