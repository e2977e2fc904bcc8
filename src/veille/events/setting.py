"""When and where an event happens when its own words do not say.

Inferences a reader makes, and the annotators with them, in this order:
- an event told as done by a verb, with no date attached to it, happens at the date its
  sentence names before it ("a lancé lundi sa campagne en accusant …", "depuis la mort, le
  25 mai, de X, asphyxié par …");
- an event told in the same sentence as another, with no date or place of its own, happens
  when and where that one does ("X est arrivé mardi à Kenosha, où il a rencontré Y");
- an event told as done by a verb happens on the day the story is at: the last day its
  paragraph named before it, not after the day of publication ("mardi matin, Macron a
  visité une école … Il a été reçu par le maire"), unless a pluperfect steps back from that
  day ("il avait rencontré").

The date of a thing named in passing ("le putsch du 18 août") is not a day of the story.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from veille.events.coder import EventMention
from veille.events.merge import MergedEvent

DAY = re.compile(r"\d{4}-\d\d-\d\d")


def share_setting(events: list[MergedEvent]) -> None:
    """Date and place an event from the other events of its sentences."""
    for event in events:
        sentences = {m.sentence for m in event.mentions}
        others = [e for e in events if e is not event and sentences & {m.sentence for m in e.mentions}]
        if event.modality != "hypothetical":  # what may have happened has no one's date but its own
            event.date = event.date or next((e.date for e in others if e.date), None)
        event.location = event.location or next((e.location for e in others if e.location), None)


def protest_targets(events: list[MergedEvent], protest: str, demands: frozenset[str]) -> None:
    """A protest is aimed at whom its protesters make demands of or blame in the same
    sentence: "des manifestants étaient rassemblés …, exigeant le départ de Donald Trump"."""
    for event in events:
        if event.type != protest or event.recipients:
            continue
        sentences = {m.sentence for m in event.mentions}
        event.recipients = next((list(e.recipients) for e in events if e.type in demands and e.recipients
                                 and sentences & {m.sentence for m in e.mentions}
                                 and _same_actors(e.actors, event.actors)), [])


def _same_actors(ours: list[dict], theirs: list[dict]) -> bool:
    def key(actor: dict) -> tuple:
        return actor.get("name"), actor.get("country"), actor.get("sector")
    return bool(ours) and {key(a) for a in ours} == {key(a) for a in theirs}


def _dates(timexes: list[dict]) -> list[tuple[int, str]]:
    return sorted((t["start"], t["value"]) for t in timexes
                  if t.get("type", "DATE") == "DATE" and (t.get("value") or "")[:1].isdigit())


def _told(event: MergedEvent) -> EventMention | None:
    """The first mention that tells an undated event as done by a verb; a noun ("les
    manifestations") names a background, not a step of the story."""
    told = [m for m in event.mentions if m.token.pos_ in {"VERB", "AUX"}]
    if event.date or event.modality != "asserted" or not told:
        return None
    return min(told, key=lambda m: m.token.i)


def date_from_sentence(events: list[MergedEvent], timexes: list[dict]) -> None:
    """Date an undated event told as done from a date its sentence gives before it, where the
    parse did not attach it to the event: before the date of another event of the sentence."""
    dated = _dates(timexes)
    for event in events:
        if (first := _told(event)) is None:
            continue
        sentence = first.token.sent
        own = [value for start, value in dated if sentence.start_char <= start < first.token.idx]
        if own:
            event.date = own[-1]


def date_from_story(events: list[MergedEvent], doc: Doc, timexes: list[dict]) -> None:
    """Date an undated event told as done from its paragraph."""
    published = (doc._.published or "")[:10]
    dated = _dates(timexes)
    in_passing = {t["start"] for t in timexes if _of_noun(doc, t)}
    starts = _paragraph_starts(doc)
    for event in events:
        if (first := _told(event)) is None:
            continue
        sentence = first.token.sent
        if _pluperfect(first.token):
            continue  # "avait échangé": a step back from the day the story is at
        opening = max((s for s in starts if s <= sentence.start_char), default=0)
        days = [value[:10] for start, value in dated if opening <= start < sentence.start_char
                and DAY.match(value) and (not published or value[:10] <= published) and start not in in_passing]
        if days:
            event.date = days[-1]


def _pluperfect(verb: Token) -> bool:
    """Whether a verb is in a compound tense whose auxiliary is in the imperfect."""
    return "Part" in verb.morph.get("VerbForm") and any(
        c.dep_.startswith("aux") and "Imp" in c.morph.get("Tense") for c in verb.children)


def _of_noun(doc: Doc, timex: dict) -> bool:
    """Whether a date is the complement of a noun, the date of a thing named in passing ("le
    putsch du 18 août"), rather than the time of its clause."""
    span = doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
    return span is not None and span.root.dep_ == "nmod" and span.root.head.pos_ == "NOUN" \
        and not span.start <= span.root.head.i < span.end


def _paragraph_starts(doc: Doc) -> list[int]:
    """Character offsets of the sentences that open a paragraph (after a line break)."""
    starts, previous = [0], None
    for sent in doc.sents:
        if previous is not None and "\n" in doc.text[previous.end_char:sent.start_char + 1]:
            starts.append(sent.start_char)
        previous = sent
    return starts
