"""One record per real-world event in a document.

Mentions of one event ("la rencontre du 11 novembre à Paris", "une éventuelle rencontre
entre les deux Présidents à Paris", "cette réunion") are merged when their type agrees and
nothing they say conflicts: participants, date and place. The most informative value of
each attribute wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.events.coder import EventMention

# Which modality a merged event keeps: what happened beats what is planned, which beats
# what is possible, which beats what is denied.
MODALITY_RANK = {"asserted": 3, "future": 2, "hypothetical": 1, "negated": 0}
# How many sentences apart two mentions with nothing else in common may still be one event.
NEARBY_SENTENCES = 2
# The CONSULT mode of calls and videoconferences: a call is no part of a visit or a summit.
PHONE = "phone"


@dataclass
class MergedEvent:
    type: str
    mentions: list[EventMention] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    recipients: list[dict] = field(default_factory=list)
    date: str | None = None
    location: dict | None = None
    modality: str = "negated"
    explicit: bool = False
    mode: str | None = None
    cameo: str | None = None  # when the event is no longer what its first trigger says

    @property
    def participants(self) -> list[dict]:
        return self.actors + self.recipients

    def absorb(self, mention: EventMention) -> None:
        if mention.trigger.frame != "symmetric" and not any(m.recipients for m in self.mentions if m.trigger.frame != "symmetric"):
            # the first mention that tells the sides seats them: after "X a échangé avec des
            # habitants", "X a fait une visite aux habitants" makes them the hosts
            self.recipients += [a for a in self.actors if any(same_actor(a, b) for b in mention.recipients)]
            self.actors = [a for a in self.actors if a not in self.recipients]
        self.mentions.append(mention)
        self.mode = self.mode or mention.trigger.mode
        earlier = [*self.actors, *self.recipients]  # what other mentions said
        for role, new in (("actors", mention.actors), ("recipients", mention.recipients)):
            for actor in new:
                self._add(role, actor, earlier)
        if mention.date and (self.date is None or len(mention.date) > len(self.date)):
            self.date = mention.date
        self.location = self.location or mention.location
        # a modality the text states beats one assumed; then what happened beats the rest
        if (mention.explicit, MODALITY_RANK[mention.modality]) > (self.explicit, MODALITY_RANK[self.modality]):
            self.modality, self.explicit = mention.modality, mention.explicit

    def _add(self, role: str, actor: dict, earlier: list[dict]) -> None:
        for other_role in ("actors", "recipients"):
            group = getattr(self, other_role)
            for n, known in enumerate(group):
                if same_actor(known, actor):
                    return
                if not any(known is e for e in earlier) and not _same_side(known, actor):
                    continue  # the two parties of one mention
                if subsumes(known, actor):
                    group[n] = actor  # a named person replaces the collective it belongs to
                    return
                if subsumes(actor, known):
                    return
        getattr(self, role).append(actor)


def same_actor(a: dict, b: dict) -> bool:
    if a.get("name") or b.get("name"):
        return a.get("name") == b.get("name")
    return a.get("country") == b.get("country") and a.get("sector") == b.get("sector")


def subsumes(collective: dict, actor: dict) -> bool:
    """Whether an unnamed collective actor ("Moscou", RUS/GOV) covers a named one (Putin); a
    group a role noun names does not ("Macron a rencontré des maires")."""
    return (not collective.get("name") and bool(actor.get("name")) and collective.get("kind") != "group"
            and collective.get("country") == actor.get("country")
            and collective.get("sector") in (None, actor.get("sector")))


def _same_side(a: dict, b: dict) -> bool:
    """Whether a state and one of its people act as one: the government and its members."""
    def sector(actor: dict) -> str | None:
        return actor.get("sector") or ("GOV" if actor.get("kind") == "state" else None)
    return sector(a) == sector(b)


def _compatible_actor(a: dict, b: dict) -> bool:
    return same_actor(a, b) or subsumes(a, b) or subsumes(b, a)


def _compatible_participants(ours: list[dict], theirs: list[dict]) -> bool:
    small, large = sorted((ours, theirs), key=len)
    return all(any(_compatible_actor(a, b) for b in large) for a in small)


def _opposed_roles(event: MergedEvent, mention: EventMention) -> bool:
    """One who is acted upon in one mention and acts in the other: two events ("X, critiqué
    par Y, accuse Z"). A meeting told without sides ("s'entretenir avec") opposes no one."""
    if mention.trigger.frame == "symmetric":
        return False
    sided = [m for m in event.mentions if m.trigger.frame != "symmetric"]
    return any(same_actor(a, b) for m in sided for a in mention.actors for b in m.recipients) or \
        any(same_actor(a, b) for m in sided for a in mention.recipients for b in m.actors)


def _rival_actors(event: MergedEvent, mention: EventMention) -> bool:
    """Two mentions whose acting sides name different people are two events, even when a
    state named in one covers the person of the other (Goïta's call and Macron's, both about
    Mali)."""
    ours = {a["name"] for a in event.actors if a.get("name")}
    theirs = {a["name"] for a in mention.actors if a.get("name")}
    return bool(ours and theirs and not ours & theirs)


def _compatible_date(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _compatible_place(a: dict | None, b: dict | None) -> bool:
    return a is None or b is None or a.get("country") == b.get("country")


def _close(event: MergedEvent, mention: EventMention) -> bool:
    return mention.sentence - max(m.sentence for m in event.mentions) <= NEARBY_SENTENCES


def _corroborates(event: MergedEvent, mention: EventMention) -> bool:
    """Same participants are not enough for two mentions to be one event (Macron visits
    many places): they must share a date or a place, or follow each other closely."""
    same_date = bool(event.date and mention.date and (event.date.startswith(mention.date) or mention.date.startswith(event.date)))
    same_place = bool(event.location and mention.location and event.location.get("country") == mention.location.get("country"))
    # a document speaks of one strike, one protest movement: nameless crowds are not told apart
    nameless = not any(a.get("name") for a in [*event.participants, *mention.participants])
    return same_date or same_place or nameless or _close(event, mention)


def _accepts(event: MergedEvent, mention: EventMention) -> bool:
    if event.type != mention.trigger.type:
        return False
    if PHONE in (event.mode, mention.trigger.mode) and None not in (event.mode, mention.trigger.mode) \
            and event.mode != mention.trigger.mode:
        return False  # a call is no part of a visit or a summit
    if not (_compatible_date(event.date, mention.date) and _compatible_place(event.location, mention.location)):
        return False
    if mention.participants:
        return _compatible_participants(event.participants, mention.participants) \
            and not _opposed_roles(event, mention) and not _rival_actors(event, mention) \
            and _corroborates(event, mention)
    # "cette réunion": only an event that already has its participants can be meant, and
    # one that names a place only an event known to be there ("la fusillade de Charleston"
    # is not the death told before it)
    placed = mention.location is None or event.location is not None
    # a visit has its participants once it has a visitor and a destination
    known = len(event.participants) >= 2 or (event.location is not None and _same_kind(event, mention))
    return mention.anaphoric and known and placed


def without_redundant(actors: list[dict]) -> list[dict]:
    """Drop a collective actor when a named member of it is there too: "le Kremlin … le
    président Vladimir Poutine" is Putin."""
    return [a for a in actors if not any(subsumes(a, b) for b in actors if b is not a)]


def _same_kind(event: MergedEvent, mention: EventMention) -> bool:
    """Whether a mention naming nobody says which kind of event it is, and the event is one."""
    return not mention.participants and mention.trigger.mode is not None and event.mode == mention.trigger.mode


def merge_mentions(mentions: list[EventMention]) -> list[MergedEvent]:
    """Mentions in text order; each joins the most recent event that accepts it (anaphora is
    local), or starts one. A definite mention with nobody in it that nothing before accepts
    ("la rencontre du 11 novembre", before the article says between whom) then joins the
    nearest event that accepts it, before or after."""
    events: list[MergedEvent] = []
    pending: list[EventMention] = []
    for mention in mentions:
        mention.actors = without_redundant(mention.actors)
        # a state acted upon by its own government's member is no second party ("le Kremlin …
        # une visite de Poutine"); by someone else of that country it is ("Coquerel appelle
        # la France à …")
        mention.recipients = [a for a in without_redundant(mention.recipients)
                              if not any((subsumes(a, b) and _same_side(a, b)) or same_actor(a, b) for b in mention.actors)]
        accepting = [e for e in reversed(events) if _accepts(e, mention)]
        # "ce déplacement" is the last visit, even when talks were told since
        target = next((e for e in accepting if _same_kind(e, mention)), accepting[0] if accepting else None)
        if target is None:
            if not mention.participants:
                if mention.anaphoric:
                    pending.append(mention)
                continue
            target = MergedEvent(type=mention.trigger.type)
            events.append(target)
        target.absorb(mention)
    for mention in pending:
        candidates = [e for e in events if _accepts(e, mention)]
        if candidates:
            min(candidates, key=lambda e: min(abs(m.token.i - mention.token.i) for m in e.mentions)).absorb(mention)
    return events
