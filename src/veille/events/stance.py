"""Accusations and shows of support made in words: a quote whose words carry a stance cue
("scandaleux", "inacceptable", "solidarité") and name someone is an event from the speaker to
whom the words name."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from veille.cleaning import in_boilerplate
from veille.events.arguments import MentionIndex
from veille.events.coder import EventMention
from veille.events.lexicon import Trigger
from veille.lang import data, table


@lru_cache(maxsize=None)
def stance_triggers(lang: str) -> dict[str, Trigger]:
    return {row["cue"]: Trigger(lemmas=(row["cue"],), pos="", reflexive=False, type=row["type"], mode=None,
                                cameo=row.get("cameo"), frame="agent-patient", preps=(), objects=())
            for row in table(lang, "stance_cues.tsv")}


def _same(a: dict, b: dict) -> bool:
    if a.get("name") or b.get("name"):
        return a.get("name") == b.get("name")
    return a.get("country") == b.get("country")


def stance_mentions(doc: Doc, index: MentionIndex, lang: str, sentence_of: dict[int, int]) -> list[EventMention]:
    triggers = stance_triggers(lang)
    first_person = frozenset(data(lang, "event_syntax.yaml")["first_person"])
    mentions = []
    for quote in doc._.quotes or ():
        speaker = quote.get("speaker")
        if not speaker or in_boilerplate(doc, quote["start"], quote["end"]):
            continue
        words = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
        cue = next((t for t in words or () if t.lemma_.lower() in triggers and not _names_a_kind(t)), None)
        if cue is None:
            continue
        # not what the speaker says they are: "Je suis un opposant à X"
        target = next((a for n in index.mentions_in({t.i for t in words}) if not _self_description(index.spans[n], first_person)
                       for a in index.mention(n)["actors"] if not _same(a, speaker)), None)
        if target is None:  # "X juge «pertinents» les propos de Y": the quoted words judge the verb's object
            target = next((a for n in index.mentions_in(_judged(words, quote.get("verb")))
                           for a in index.mention(n)["actors"] if not _same(a, speaker)), None)
        if target is None:
            continue
        # the words accuse or support when they are said, if the text says when (a quote's date
        # falls back on the article's, which is not the event's unless the sentence gives it)
        said = quote.get("date")
        if said == doc._.published and not _dated_in_sentence(doc, words, said):
            said = None
        mentions.append(EventMention(triggers[cue.lemma_.lower()], cue, actors=[speaker], recipients=[target],
                                     date=said, sentence=sentence_of.get(cue.sent.start, 0),
                                     rule="stance:agent-patient"))
    return mentions


def _dated_in_sentence(doc: Doc, words: Span, value: str | None) -> bool:
    """Whether the sentence of a quote, outside its words, has a date of that value."""
    sentence = words.sent
    return any(t.get("value") == value and sentence.start_char <= t["start"] < sentence.end_char
               and not words.start_char <= t["start"] < words.end_char for t in doc._.timexes or ())


def _judged(words: Span, verb: str | None) -> set[int]:
    """The object of the verb that reports a quoted judgement, outside the quote: "juge
    «pertinents» les propos du président", "a qualifié d'«irresponsable» la décision de X"."""
    if not verb:
        return set()
    # the model keeps some present forms as their own lemma ("juge" for juger)
    cue = next((t for t in words.sent if t.lemma_ in {verb, verb[:-1]} and not words.start <= t.i < words.end), None)
    if cue is None:
        return set()
    # the parse may hang the object after the quote as an apposition
    return {t.i for c in cue.children if c.dep_ in {"obj", "appos"} and not words.start <= c.i < words.end
            for t in c.subtree if not words.start <= t.i < words.end}


def _self_description(span: Span | None, first_person: frozenset[str]) -> bool:
    """Whether a mention is what the speaker says they are ("je suis un opposant"), not
    whom they speak of ("c'est le gouvernement")."""
    children = list(span.root.children) if span is not None else []
    return any(c.dep_ == "cop" for c in children) and any(
        c.dep_.startswith("nsubj") and c.lower_ in first_person for c in children)


def _names_a_kind(cue: Token) -> bool:
    """Whether a cue only says what kind of thing its head noun is ("un plan de soutien",
    "des mesures de soutien"), which supports no one by itself."""
    return cue.dep_ == "nmod" and cue.head.pos_ == "NOUN" and not any(c.dep_ == "det" for c in cue.children)
