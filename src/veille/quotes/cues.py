"""Cues of reported speech: verbs of saying and source markers, read from the language data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from veille.lang import data, table

FRAMES = ("que", "incise", "quote", "adjective")


@dataclass
class Cue:
    """What attributes speech: a verb (or locution) of saying, or a source marker ("selon")."""

    token: Token  # the verb, or the first token of the marker
    last: Token  # its last token, for locutions and markers of several words
    lemma: str
    frames: frozenset[str]
    source: bool = False
    group_start: int = -1  # index of the first token of the verb group (auxiliaries, clitics…)
    finite: bool = False  # conjugated ("a déclaré", "dit-il"), not "précisant", "après avoir annoncé"

    def __post_init__(self) -> None:
        if self.group_start < 0:
            self.group_start = self.token.i

    def is_finite(self) -> bool:
        return self.finite


class Lexicon:
    """The cues of one language, read once from its data files."""

    def __init__(self, lang: str) -> None:
        self.verbs: dict[tuple[str, ...], dict[bool, frozenset[str]]] = {}
        self.forms: dict[str, str] = {}
        for row in table(lang, "speech_verbs.tsv"):
            lemmas = tuple(row["cue"].split())
            frames = frozenset(row["frames"].split("|"))
            if frames - set(FRAMES):
                raise ValueError(f"speech_verbs.tsv: {row['cue']}: unknown frame in {row['frames']}")
            self.verbs.setdefault(lemmas, {})[row["reflexive"] == "yes"] = frames
            for form in filter(None, (row["forms"] or "").split("|")):
                self.forms[form] = lemmas[0]
        self.longest = max(len(lemmas) for lemmas in self.verbs)
        self.first_words = frozenset(lemmas[0] for lemmas in self.verbs)
        speech = data(lang, "reported_speech.yaml")
        self.marks: dict[str, str] = speech["quotation_marks"]
        self.closers = frozenset(self.marks.values())
        # a quotation between the dashes of an intertitle is a heading, not reported speech
        self.intertitle_dashes = tuple(data(lang, "punctuation.yaml")["intertitle_end"])
        self.complementisers = tuple(c.casefold() for c in speech["complementisers"])
        markers = sorted(speech["source_markers"], key=len, reverse=True)
        self.source_pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, markers)) + r")(?!\w)", re.IGNORECASE)
        self.source_needs_actor = {m.casefold() for m, kind in speech["source_markers"].items() if kind == "actor"}
        self.not_speakers = frozenset(speech["not_speakers"])
        self.auxiliaries = frozenset(speech["auxiliaries"])
        self.honorifics = frozenset(speech["honorifics"])

    def verb_cue(self, token: Token) -> Cue | None:
        """The cue that `token` begins, if it is a verb (or locution) of saying used as a verb."""
        if token.dep_ in ("det", "amod", "case") or any(c.dep_ == "det" for c in token.children):
            return None  # a noun or an adjective: "la note", "le juge", "une situation critique"
        lemma = self.forms.get(token.lower_, token.lemma_.casefold())
        if lemma not in self.first_words:
            return None  # most words: no lookups, no parse walks
        doc = token.doc
        reflexive = is_reflexive(token)
        for size in range(min(self.longest, len(doc) - token.i), 0, -1):
            words = (lemma,) + tuple(t.lemma_.casefold() for t in doc[token.i + 1: token.i + size])
            by_reflexive = self.verbs.get(words, {})
            frames = by_reflexive.get(reflexive) or by_reflexive.get(False)
            if frames:
                last, start = doc[token.i + size - 1], self._group_start(token)
                return Cue(token, last, " ".join(words), frames, group_start=start, finite=self._finite(token, last, start))
        return None

    def _group_start(self, verb: Token) -> int:
        """Index of the first token of the verb group: auxiliaries, clitics, reflexive, adverbs."""
        i = verb.i
        while i > verb.sent.start and (in_verb_group(verb.doc[i - 1]) or verb.doc[i - 1].lemma_ in self.auxiliaries):
            i -= 1
        return i

    def _finite(self, verb: Token, last: Token, group_start: int) -> bool:
        """Conjugated: the verb or an auxiliary of its group is, or a subject follows it (a
        clitic, "dit-il", or a noun the tagger's participle takes: "…», écrit David Gillis")."""
        doc = verb.doc
        for token in doc[group_start: verb.i + 1]:
            forms = token.morph.get("VerbForm")
            if "Fin" in forms or (token is not verb and token.lemma_ in self.auxiliaries and not forms):
                return True
        return any(t.text.startswith("-") for t in doc[last.i + 1: last.i + 3]) or any(
            c.dep_ == "nsubj" and c.i == last.i + 1 and c.pos_ == "PROPN" for c in verb.children)

    def complementiser_size(self, token: Token) -> int:
        """Length of the complementiser `token` begins with ("que" → 3, "qu'«aucune" → 3), or 0."""
        lower = token.lower_
        if token.dep_ == "fixed":
            return 0  # part of a conjunction: "ainsi que", "alors que"
        for word in self.complementisers:
            if lower == word or (lower.startswith(word) and word[-1] in "'’"):
                return len(word)
        return 0


def verb_group_start(verb: Token) -> int:
    i = verb.i
    while i > verb.sent.start and in_verb_group(verb.doc[i - 1]):
        i -= 1
    return i


def in_verb_group(token: Token) -> bool:
    """Auxiliaries, hyphenated clitics ("-t", "-il"), reflexive pronouns and adverbs."""
    return (token.pos_ == "AUX" or token.dep_.startswith("aux") or (token.text.startswith("-") and len(token.text) > 1)
            or "Yes" in token.morph.get("Reflex")
            or (token.pos_ == "ADV" and token.dep_ == "advmod"))


def is_clitic(token: Token) -> bool:
    """A subject pronoun joined to its verb by a hyphen: "a-t-il", "déclare-t-elle", "disent-ils"."""
    if token.pos_ != "PRON":
        return False
    if token.text.startswith("-"):
        return len(token.text) > 2
    hyphen = token.nbor(-1) if token.i > 0 else None
    return hyphen is not None and hyphen.text == "-" and hyphen.idx + 1 == token.idx


def is_reflexive(verb: Token) -> bool:
    return any("Yes" in c.morph.get("Reflex") for c in verb.children) or any(
        "Yes" in t.morph.get("Reflex") for t in verb.doc[max(verb.i - 3, verb.sent.start): verb.i])


def is_finite_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


def is_stance_word(token: Token, verb: Token) -> bool:
    """The adjective of "s'est dit prêt", "s'est déclaré très inquiet", "s'est dite convaincue"."""
    if token.pos_ == "ADJ":
        return True
    participle = "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense")
    return participle or (token.dep_ == "xcomp" and token.head == verb and "Inf" not in token.morph.get("VerbForm"))
