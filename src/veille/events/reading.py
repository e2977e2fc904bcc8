"""How each mention of an event was read, for `veille extract --explain`: the trigger and its
lexicon row, the rule that found the participants, and the words of the sentence behind
each participant, the date and the place. A participant no words of the sentence name came
from elsewhere in the text (an earlier sentence, a quote's speaker, a sector the trigger
implies); a date the sentence does not give came from another mention or from the story.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.events.coder import EventMention
from veille.events.merge import same_actor
from veille.events.roles import actor_record


def readings(mentions: list[EventMention], doc: Doc) -> list[dict]:
    return [_reading(mention, doc) for mention in sorted(mentions, key=lambda m: m.token.i)]


def _reading(mention: EventMention, doc: Doc) -> dict:
    token, trigger = mention.token, mention.trigger
    sent = token.sent
    # a name says best who it is: "Emmanuel Macron" rather than "Le président" before it
    names = sorted((m for m in doc._.actors or () if sent.start_char <= m["start"] < sent.end_char),
                   key=lambda m: m.get("how") != "name")
    dates = [t for t in doc._.timexes or () if sent.start_char <= t["start"] < sent.end_char]
    return {
        "trigger": token.text, "start": token.idx, "end": token.idx + len(token),
        "entry": " ".join(trigger.lemmas) + f" ({trigger.type}{'/' + trigger.mode if trigger.mode else ''}, {trigger.frame})",
        "rule": mention.rule,
        "actors": [_argument(actor, names) for actor in mention.actors],
        "recipients": [_argument(actor, names) for actor in mention.recipients],
        "date": mention.date,
        "date_text": next((t["text"] for t in dates if t.get("value") == mention.date), None) if mention.date else None,
        "location": (mention.location or {}).get("name") or (mention.location or {}).get("country"),
        "modality": mention.modality,
    }


def _argument(actor: dict, names: list[dict]) -> dict:
    text = next((m["text"] for m in names if any(same_actor(actor, a) for a in m["actors"])), None)
    return {"actor": actor_record(actor), "text": text}
