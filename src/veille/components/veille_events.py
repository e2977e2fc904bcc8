"""The veille_events component: PLOVER events with participants, date, place and modality.

Assigned attributes:

| attribute | value |
|---|---|
| `doc._.events` | `[{type, mode, actors, recipients, date, location, modality, evidence, confidence, trigger, rule, cameo, readings}]`, one per real-world event of the document, each with the sentence of every mention as evidence |
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Token

from veille.cleaning import in_boilerplate
from veille.events.arguments import MentionIndex
from veille.events.coder import EventMention, SentenceCoder
from veille.events.lexicon import load_lexicon
from veille.events.merge import MergedEvent, merge_mentions, same_actor
from veille.events.reading import readings
from veille.events.roles import actor_record, clash_as_riot, is_complete, settle_roles
from veille.events.setting import date_from_sentence, date_from_story, protest_targets, share_setting
from veille.events.stance import stance_mentions
from veille.extensions import register_extensions
from veille.lang import data

# Confidence of a merged event from how its participants were found.
CONFIDENCE = {"verb": 0.8, "noun": 0.7, "speech": 0.7, "stance": 0.5}
CONFIDENCE_PER_EXTRA_MENTION = 0.05
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "MNC"}


@Language.factory("veille_events", default_config={"lang": "fr"})
def make_events(nlp: Language, name: str, lang: str) -> "EventCoder":
    return EventCoder(lang)


class EventCoder:
    def __init__(self, lang: str = "fr") -> None:
        register_extensions()
        self.lang = lang
        self.lexicon = load_lexicon(lang)
        self.coder = SentenceCoder(self.lexicon, lang)
        self.first_person = frozenset(data(lang, "event_syntax.yaml")["first_person"])
        self.closers = tuple(data(lang, "punctuation.yaml")["quote_close"])
        self.openers = tuple(data(lang, "punctuation.yaml")["quote_open"])
        self.question_openers = tuple(data(lang, "event_syntax.yaml")["questions"]["openers"])

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex.build(doc, self.first_person)
        timexes = doc._.timexes or []
        country = main_country(doc)
        speech = speech_verbs(doc)
        mentions = []
        sentence_of = {}
        for number, sent in enumerate(doc.sents):
            sentence_of[sent.start] = number
            if in_boilerplate(doc, sent.start_char, sent.end_char):
                continue
            triggers = {t.i: trigger for t in sent
                        if t.i not in index.inside_names and (trigger := self.coder.match(t, index.time_tokens))}
            if triggers:
                found = self.coder.code(sent, index, triggers, doc._.published, timexes, country, number)
                for mention in found:
                    token = mention.token
                    if token.lemma_ in self.coder.asking and self._asks(token, speech.get(token.i)):
                        continue  # '"Qu'est-ce que …?", a demandé X': a question, not a request
                    if token.i in speech:
                        self.coder.from_speech(mention, speech[token.i], index)
                    elif token.dep_ == "advcl" and token.head.i in speech \
                            and {"Part", "Inf"} & set(token.morph.get("VerbForm")):
                        # '", a-t-il ajouté, en appelant X à …', '…, a répliqué X après avoir
                        # rencontré Y': the speaker acts
                        speaker = speech[token.head.i]["speaker"]
                        others = mention.actors if mention.trigger.frame == "symmetric" else []
                        mention.actors = [speaker] + [a for a in others if not same_actor(a, speaker)]
                    mentions.append(mention)
        _speakers_for_their_state(mentions, doc)
        mentions += stance_mentions(doc, index, self.lang, sentence_of)
        mentions.sort(key=lambda m: m.token.i)
        events = []
        merged = merge_mentions(mentions)
        date_from_sentence(merged, timexes)
        share_setting(merged)
        for event in merged:  # once each event has the place its sentences give it
            settle_roles(event)
            clash_as_riot(event, self.coder.riot)
        protest_targets(merged, "PROTEST", self.coder.demands | self.coder.opposing)
        date_from_story(merged, doc, timexes)
        for event in merged:
            if is_complete(event, event.mentions[0].trigger.frame, self.coder.alone, self.coder.not_acting):
                events.append(self._record(event, doc))
        doc._.events = events
        return doc

    def _asks(self, verb: Token, quote: dict | None) -> bool:
        """Whether a verb of asking introduces a quoted question: its own quote, else one its
        sentence gives it ('"Qu'est-ce que c'est ?", a-t-il demandé', speaker found elsewhere)."""
        if quote is None:
            sent = verb.sent
            quote = next((q for q in verb.doc._.quotes or () if q.get("verb") == verb.lemma_
                          and sent.start_char <= q["start"] and q["end"] <= verb.idx), None)
        return quote is not None and self._question(quote)

    def _question(self, quote: dict) -> bool:
        text = quote["text"].strip().strip("".join(self.closers) + "".join(self.openers)).strip()
        return text.endswith("?") or any(
            text.lower().startswith(opener) and not text[len(opener):len(opener) + 1].isalpha()
            for opener in self.question_openers)

    @staticmethod
    def _record(event: MergedEvent, doc: Doc) -> dict:
        first = event.mentions[0]
        evidence = []
        for mention in event.mentions:
            sent = mention.token.sent
            span = {"start": sent.start_char, "end": sent.end_char, "text": sent.text}
            if span not in evidence:
                evidence.append(span)
        evidence.sort(key=lambda span: span["start"])
        confidence = CONFIDENCE[first.rule.split(":")[0]] + CONFIDENCE_PER_EXTRA_MENTION * (len(event.mentions) - 1)
        return {
            "type": event.type, "mode": event.mode,
            "actors": [actor_record(a) for a in event.actors], "recipients": [actor_record(a) for a in event.recipients],
            "date": event.date, "location": _place(event.location), "modality": event.modality,
            "evidence": evidence, "confidence": round(min(confidence, 0.95), 2),
            "trigger": first.token.text, "rule": first.rule, "cameo": event.cameo or first.trigger.cameo,
            "readings": readings(event.mentions, doc),
        }


def speech_verbs(doc: Doc) -> dict[int, dict]:
    """The verb token of each attributed quote ("…", a dénoncé X): an accusation, a demand
    or a threat made in words has the speaker as actor and whom the words name as target."""
    verbs = {}
    for quote in doc._.quotes or ():
        if not quote.get("speaker") or not quote.get("verb") or not quote.get("speaker_mention"):
            continue
        start = min(quote["start"], quote["speaker_mention"]["start"])
        end = max(quote["end"], quote["speaker_mention"]["end"])
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if token.lemma_.lower() == quote["verb"] and not quote["start"] <= token.idx < quote["end"]:
                verbs[token.i] = quote
    return verbs


def _speakers_for_their_state(mentions: list[EventMention], doc: Doc) -> None:
    """A member of a government who reports what their state does acts for it: in "Macron a
    répété que la France rejetait la décision", Macron rejects it."""
    reported = [(q["start"], q["end"], q["speaker"]) for q in doc._.quotes or ()
                if q.get("kind") == "indirect" and (q.get("speaker") or {}).get("kind") == "person"
                and (q.get("speaker") or {}).get("sector") == "GOV"]
    for mention in mentions:
        for start, end, speaker in reported:
            if start <= mention.token.idx < end and len(mention.actors) == 1:
                actor = mention.actors[0]
                if not actor.get("name") and actor.get("kind") == "state" and actor.get("country") == speaker.get("country"):
                    mention.actors = [speaker]


def main_country(doc: Doc) -> str | None:
    """The country the text is most about, by the actors it mentions."""
    counts = Counter(a["country"] for m in doc._.actors or () for a in m["actors"]
                     if a.get("country") and a.get("kind") in {"person", "state"} and a["country"] not in NON_STATE)
    return counts.most_common(1)[0][0] if counts else None


def _place(place: dict | None) -> dict | None:
    return {"name": place.get("name"), "country": place.get("country")} if place else None
