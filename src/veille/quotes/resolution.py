"""From a speaker phrase to an actor.

The actor comes from the mentions veille_actors resolved over the phrase (`actors_at`), so
titles ("le porte-parole du Kremlin"), metonyms ("le Kremlin") and pronouns ("selon lui") are
resolved once, there. A quote needs one actor where the phrase has several mentions: the
person its head and appositions name comes first, completed by what their roles say ("le
sénateur démocrate Chris Van Hollen": the name, USA, LEG); then an institution its modifiers
name, for whom the speaker speaks ("un porte-parole du Kremlin"); then a name the parser saw
and the knowledge base does not know, written in full when the document gives it in full
("M. Brun" → "Laurent Brun").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from veille.components.veille_actors import actors_at
from veille.quotes.speakers import Phrase

NAME_LABELS = ("PER", "PERSON")
ORGANISATION_LABELS = ("ORG",)
GOVERNMENT = "GOV"  # the PLOVER sector of a state's government
# A sentence end glued to the next word, which the tokenizer leaves inside a name: "Emmanuel Macron.40%"
GLUED_END = re.compile(r"(?<=[^\W\d_]{2})\.(?=\w)")


class SpeakerResolver:
    def __init__(self, doc: Doc, honorifics: frozenset[str]) -> None:
        self.doc, self.honorifics = doc, honorifics

    def resolve(self, phrase: Phrase) -> dict | None:
        """The actor of a speaker phrase, or None. A state speaks through its government ("la
        Chine a affirmé que": CHN, GOV)."""
        speaker = self._resolve(phrase)
        if speaker and speaker.get("kind") == "state" and not speaker.get("sector"):
            speaker["sector"] = GOVERNMENT
        return speaker

    def _resolve(self, phrase: Phrase) -> dict | None:
        on_core = []
        for start, end in phrase.core:
            on_core += [a for a in actors_at(self.doc, start, end) if a not in on_core]
        people = [a for a in on_core if a.get("kind") == "person"]
        for name in self._names(phrase):  # a name beats a title: "le président du groupe, Hervé Marseille"
            at_name = actors_at(self.doc, name.start_char, name.end_char)
            known = [a for a in at_name if a.get("kind") == "person"]
            body = next((a for a in at_name if a.get("name") and a.get("kind") != "person"), None)
            if not known and body:  # the model took a newspaper or a party for a person
                return dict(body)
            speaker = dict(known[0]) if known and known[0].get("name") else _person(name.text)
            return self._completed(speaker, people)
        named = next((a for a in people if a.get("name")), None)
        if named:
            return self._completed(dict(named), people)
        if on_core:
            return dict(on_core[0])
        institutions = [a for a in actors_at(self.doc, phrase.start, phrase.end) if a.get("kind") != "person"]
        if institutions:
            return dict(institutions[0])
        organisation = next((e for e in self.doc.ents if e.label_ in ORGANISATION_LABELS and _inside(e, phrase)), None)
        if organisation is not None:  # "selon BFM TV"
            return {"name": organisation.text, "country": None, "sector": None, "kind": "organisation",
                    "aliases": []}
        return None

    def _completed(self, speaker: dict, people: list[dict]) -> dict:
        """A person's record completed by the titles that describe them ("le sénateur démocrate":
        USA, LEG), its name written in full when the knowledge base does not know it."""
        if speaker.get("country") is None:
            speaker["name"] = self._full_name(self._without_honorific(speaker["name"]))
        for role in people:
            if role.get("name") in (None, speaker["name"]):
                for key in ("country", "sector"):
                    speaker[key] = speaker.get(key) or role.get(key)
        return speaker

    def _names(self, phrase: Phrase) -> list[Span]:
        """Person names over the head and appositions: the model's entities, then first name +
        surname pairs it missed ("Gérard Larcher")."""
        names = [e for e in self.doc.ents if e.label_ in NAME_LABELS and _on_core(e, phrase)]
        for token in self.doc.char_span(phrase.start, phrase.end, alignment_mode="expand") or ():
            parts = [c for c in token.children if c.dep_ == "flat:name"]
            if token.pos_ == "PROPN" and parts and _on_core(token, phrase):
                names.append(self.doc[token.i: max(c.i for c in parts) + 1])
        return [name for name in names if self._without_honorific(name.text)]

    def _without_honorific(self, name: str) -> str:
        words = name.split()
        while words and words[0] in self.honorifics:
            words = words[1:]
        return " ".join(words)

    def _full_name(self, name: str) -> str:
        """A surname alone written as the full name the document gives elsewhere ("Brun" → "Laurent Brun")."""
        if " " in name:
            return name
        fuller = [self._without_honorific(e.text) for e in self.doc.ents if e.label_ in NAME_LABELS]
        fuller += [a["name"] for m in self.doc._.actors or () for a in m["actors"]
                   if a.get("kind") == "person" and a.get("name")]
        return next((f for f in fuller if " " in f and f.split()[-1] == name), name)


def _person(name: str) -> dict:
    name = GLUED_END.split(name)[0]
    return {"name": name, "country": None, "sector": None, "kind": "person", "aliases": []}


def _on_core(span: Span | Token, phrase: Phrase) -> bool:
    start = span.start_char if isinstance(span, Span) else span.idx
    return any(s <= start < e for s, e in phrase.core)


def _inside(span: Span, phrase: Phrase) -> bool:
    return phrase.start <= span.start_char and span.end_char <= phrase.end
