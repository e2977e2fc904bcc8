"""Who speaks when the words do not say: the speaker a pronoun or a lone quotation goes on
with.

News copy keeps to one speaker at a time: a lone quotation is said by the person the sentence
before introduces as its subject, or, when it opens its paragraph, by the subject of the
sentence after; a pronoun goes to the person the sentence before introduces, of its gender
and number, else to the last speaker, unless veille_actors found it someone named since.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.quotes.layout import Layout
from veille.quotes.resolution import SpeakerResolver
from veille.quotes.speakers import Phrase, noun_phrase

EDGE = " \t\n\u00a0\u202f.,;:"  # what may stand between a paragraph's start and its quotation


class Continuity:
    def __init__(self, doc: Doc, layout: Layout, speakers: SpeakerResolver, marks: str) -> None:
        self.doc, self.text, self.layout, self.speakers, self.marks = doc, doc.text, layout, speakers, marks
        self.segments = layout.segments

    def introduced(self, offset: int, found: list, agreement: tuple = (None, None)) -> tuple[dict, Phrase] | None:
        """The person last named as a subject in the sentence before the one at `offset`
        ("Gérard Larcher a fait entendre une voix plus mesurée. «…»"), when it quotes nobody (none
        of the quotes `found`, and no quotation unless a pronoun of known gender or number speaks);
        the people, when a plural pronoun speaks ("Les signataires … Ensemble, ils signent"); of
        the gender and number of `agreement`."""
        token = self.layout.token_at(offset)
        begin = len(self.text[:self.layout.sentence(token)[0] if token is not None else offset].rstrip(
            " \t\n\u00a0\u202f" + self.marks))
        last = self.layout.token_at(begin - 1) if begin else None
        if last is None or self.layout.paragraph(last.idx) != self.layout.paragraph(offset):
            return None
        start = self.layout.sentence(last)[0]
        sentence = [t for t in last.sent if start <= t.idx < begin]
        quoting = any(start <= s.open < begin for s in self.segments)
        if (quoting and agreement == (None, None)) or any(start <= f.start < begin for f in found):
            return None
        subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubj:pass")
                    and (t.pos_ != "PRON" or _stands_for_someone(t))]
        if sentence and sentence[0].dep_ == "ROOT" and sentence[0].pos_ == "PROPN":
            subjects.insert(0, sentence[0])  # "Sara Zhang et d'autres employés appellent", parsed as a root
        for subject in reversed(subjects):
            high = subject.head.i - 1 if subject.head.i > subject.i else sentence[-1].i
            phrase = noun_phrase([subject], sentence[0].i, high)
            if not agree(self.agreement(phrase), agreement):
                continue
            speaker = self.speakers.resolve(phrase)
            if speaker is not None and (speaker.get("kind") == "person" or agreement[1] == "Plur"):
                return speaker, phrase
        if not any(t.pos_ in ("VERB", "AUX") for t in sentence):
            return self._named_alone(sentence)  # "Idem pour le journaliste du Monde, Thomas Wieder. «…»"
        return None

    def _named_alone(self, sentence: list) -> tuple[dict, Phrase] | None:
        """The one person a sentence without a verb names."""
        if not sentence:
            return None
        first, last = sentence[0].i, sentence[-1].i
        names = [e for e in self.doc.ents if e.label_ == "PER" and first <= e.start and e.end - 1 <= last]
        if len(names) != 1:
            return None
        phrase = noun_phrase([names[0].root], names[0].start, names[0].end - 1)
        speaker = self.speakers.resolve(phrase)
        return (speaker, phrase) if speaker is not None and speaker.get("kind") == "person" else None

    def following(self, start: int, end: int) -> tuple[dict, Phrase] | None:
        """A quotation that opens its paragraph is said by the person the next sentence names as
        its subject ("«C'est inacceptable». Samedi, Édouard Philippe a haussé le ton")."""
        opening = self.text.rfind("\n", 0, start) + 1
        if self.text[opening:start].strip(EDGE + self.marks):
            return None
        closing = self.layout.token_at(min(end, len(self.text) - 1))
        if closing is None:
            return None
        after = self.layout.sentence(closing)[1]
        while after < len(self.text) and self.text[after] in " \t\u00a0\u202f":
            after += 1
        first = self.layout.token_at(after) if after < len(self.text) and self.text[after] != "\n" else None
        if first is None:
            return None
        begin, finish = self.layout.sentence(first)
        sentence = [t for t in first.sent if begin <= t.idx < finish]
        for subject in (t for t in sentence if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN")):
            high = subject.head.i - 1 if subject.head.i > subject.i else sentence[-1].i
            phrase = noun_phrase([subject], sentence[0].i, high)
            speaker = self.speakers.resolve(phrase)
            if speaker is not None and speaker.get("kind") == "person":
                return speaker, phrase
        return None

    def agreement(self, phrase: Phrase | None) -> tuple[str | None, str | None]:
        """The gender and number a speaker phrase shows ("l'enseignante", "ils"), where it does."""
        for start, end in phrase.core[:1] if phrase else ():  # the head: "Sara Zhang et d'autres employés"
            for token in self.doc.char_span(start, end, alignment_mode="expand") or ():
                if token.pos_ in ("NOUN", "PRON"):
                    gender, number = token.morph.get("Gender"), token.morph.get("Number")
                    return (gender[0] if gender else None), (number[0] if number else None)
        return None, None

    def named_last(self, actor: dict | None, before: int) -> int | None:
        """Where the text last named `actor` (a person) before character `before`, outside
        quotations: the antecedent veille_actors found for a pronoun."""
        if not actor or actor.get("kind") != "person" or not actor.get("name"):
            return None
        offsets = [m["start"] for m in self.doc._.actors or () if m["end"] <= before and not self.layout.quoted(m["start"])
                   and any(a.get("name") == actor["name"] for a in m["actors"])]
        return max(offsets, default=None)


def _stands_for_someone(pronoun) -> bool:
    """"il", "elle", "ils", "elles": a third-person pronoun with a gender ("on" has none)."""
    return "3" in pronoun.morph.get("Person") and bool(pronoun.morph.get("Gender"))


def agree(one: tuple, other: tuple) -> bool:
    """Whether two (gender, number) pairs may be the same speaker: no feature known on both
    sides differs."""
    return all(a is None or b is None or a == b for a, b in zip(one, other))
