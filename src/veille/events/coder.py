"""From a parsed sentence to event mentions: trigger matching and argument roles."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from veille.events.arguments import (
    CLAUSAL, SUBJECTS, MentionIndex, adopting_verb, antecedent, case_of, clause_segment, governing_verb, subject_of, subtree_without, with_conjuncts,
)
from veille.events.lexicon import Lexicon, Trigger
from veille.events.modality import doubts, modality_of
from veille.kb.phrases import demonym_codes
from veille.lang import data, table

REFLEXIVE_DEPS = {"expl:comp", "expl:pv", "expl", "expl:pass"}
EMPLOYERS = {"BUS"}  # PLOVER sectors whose workers strike against them


@dataclass
class EventMention:
    trigger: Trigger
    token: Token
    actors: list[dict] = field(default_factory=list)
    recipients: list[dict] = field(default_factory=list)
    date: str | None = None
    location: dict | None = None
    modality: str = "asserted"
    sentence: int = 0  # index of the sentence in the document
    explicit: bool = False  # the modality was read from the text, not assumed
    anaphoric: bool = False  # "cette réunion", "la rencontre": participants come from context
    rule: str = ""

    @property
    def participants(self) -> list[dict]:
        return self.actors + self.recipients


class SentenceCoder:
    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lexicon = lexicon
        syntax = data(lang, "event_syntax.yaml")
        self.locative = set(syntax["locative"])
        self.genitive = set(syntax["genitive"])
        self.causes = set(syntax["causes"])
        # whose subject "il" names nobody: "il s'agit d'une grève" (shared with the actor resolver)
        self.impersonal = set(data(lang, "actor_words.yaml")["impersonal"])
        self.instruments = frozenset(syntax["instruments"])
        self.measures = frozenset(syntax["measures"])
        self.opposing = frozenset(syntax["opposing"])
        self.undergone = frozenset(syntax["undergone"])
        self.riot = syntax["riot"]
        self.vague = frozenset(syntax["vague_subjects"])
        self.instances = frozenset(syntax["instances"])
        self.alone = frozenset(syntax["alone"])
        self.demands = frozenset(syntax["demands"])
        self.through_the_act = syntax["through_the_act"]["types"]
        self.act_targets = frozenset(syntax["through_the_act"]["targets"])
        self.called_events = frozenset(syntax["called_events"])
        self.orders = frozenset(syntax["orders"]["verbs"])
        self.addressed_by = frozenset(syntax["orders"]["addressed_by"])
        self.pledges = frozenset(syntax["pledges"])
        self.cancelling = frozenset(syntax["cancelling"])
        self.untargeted_words = frozenset(syntax["untargeted_words"])
        self.asking = frozenset(syntax["questions"]["verbs"])
        self.question_words = frozenset(syntax["questions"]["words"])
        self.idioms = [tuple(idiom.split()) for idiom in syntax["idioms"]]
        self.not_acting = {key: frozenset(sectors) for key, sectors in (syntax.get("not_acting") or {}).items()}
        self.place_relatives = set(syntax["place_relatives"])
        self.relative_objects = set(syntax["relative_objects"])
        self.demonyms = demonym_codes(lang)
        self.between = set(syntax["between"])
        self.agent = set(syntax["agent"])
        self.mouthpieces = frozenset(syntax["mouthpieces"])
        # nouns that stand for their "de X": "de la part de X", "le nord de X", "les alliés de X"
        self.standing_for = frozenset(syntax["from_whom"]) | frozenset(syntax["parts_of_places"]) \
            | frozenset(syntax["members_of_bodies"])
        self.purpose_marks = frozenset(syntax["purpose_marks"])
        self.topic_verbs = frozenset(syntax["topic_verbs"])
        self.institutions = {row["word"]: row["sector"] for row in table(lang, "institutions.tsv")}
        self.boundaries = frozenset(syntax["clause_boundaries"])
        self.reflexive_pronouns = frozenset(syntax["reflexive_pronouns"])
        self.active_auxiliary = syntax["active_auxiliary"]
        self.articles = tuple(syntax["articles"])
        self.implicit = dict(syntax.get("implicit_actors") or {})
        self.contractions = {prep: set(forms) for prep, forms in (syntax.get("contractions") or {}).items()}
        self._prep_sets: dict[tuple[str, ...], frozenset[str]] = {}

    def preps(self, trigger: Trigger) -> frozenset[str]:
        """The prepositions introducing a trigger's recipient, contracted forms included."""
        if trigger.preps not in self._prep_sets:
            forms = set(trigger.preps)
            for prep in trigger.preps:
                forms |= self.contractions.get(prep, set())
            self._prep_sets[trigger.preps] = frozenset(forms)
        return self._prep_sets[trigger.preps]

    # triggers

    def asks_a_question(self, token: Token) -> bool:
        """Whether a verb of asking opens an indirect question ("a demandé pourquoi …")."""
        if token.lemma_ not in self.asking:
            return False
        for word in token.doc[token.i + 1:min(token.i + 6, token.sent.end)]:
            if word.lower_ in self.question_words and word.pos_ in {"ADV", "SCONJ", "PRON", "DET", "ADJ"}:
                return True
            if word.pos_ in {"VERB", "AUX"} or word.is_punct:
                return False
        return False

    def in_idiom(self, token: Token) -> bool:
        doc = token.doc
        return any(start >= 0 and [t.lower_ for t in doc[start:start + len(idiom)]] == list(idiom)
                   for idiom in self.idioms for start in range(token.i - len(idiom) + 1, token.i + 1))

    def match(self, token: Token, time_tokens: set[int] = frozenset()) -> Trigger | None:
        if self.in_idiom(token):
            return None
        lemma = token.lemma_.lower()
        for candidate in self._lemmas(token, lemma):
            for trigger in self.lexicon.triggers_for(candidate):
                if self._fits(token, trigger, time_tokens):
                    return None if trigger.type == "REQUEST" and self.asks_a_question(token) else trigger
        return None

    @staticmethod
    def _lemmas(token: Token, lemma: str) -> list[str]:
        """The lemma, then what the model may have missed: a past participle tagged as an
        adjective ("s'étaient croisés" → croiser), a present-tense verb lemmatised as itself
        or tagged as a noun with a subject ("menace Pékin" → menacer)."""
        lemmas = [lemma]
        if token.pos_ == "ADJ" and token.tag_ != "NOUN":
            stem = lemma.rstrip("s").removesuffix("e")
            if stem.endswith("é"):
                lemmas.append(stem[:-1] + "er")
        verb_like = token.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in token.children)
        if verb_like and lemma == token.lower_ and lemma.endswith("e"):
            lemmas.append(lemma + "r")
        return lemmas

    def _fits(self, token: Token, trigger: Trigger, time_tokens: set[int] = frozenset()) -> bool:
        if trigger.pos == "NOUN" and token.pos_ not in {"NOUN", "PROPN"}:
            return False
        if trigger.pos == "VERB" and token.pos_ not in {"VERB", "ADJ", "AUX"} and not (
                token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children)):
            return False
        children = list(token.children)
        if trigger.reflexive and not self._reflexive(token):
            return False
        if trigger.passive and not any(c.dep_ in {"aux:pass", "nsubj:pass"} for c in token.children):
            return False
        following = token.doc[token.i + 1: token.i + len(trigger.lemmas)]
        if [t.lemma_.lower() for t in following] != list(trigger.lemmas[1:]):
            return False
        # the object may hang one level down: "menacer les journalistes de prison", "des
        # milliers de soldats"
        dependents = children + [g for c in children if c.dep_ in {"obj", "obl", "obl:arg", "nmod"} for g in c.children]
        # or hang on a date after the verb: "s'est prononcé le 21 mars en faveur de"
        dependents += _with_date_complements(token, time_tokens)[len(children):]
        if trigger.objects and not any(_heads_run(d, run) for d in dependents for run in trigger.objects):
            return False
        return True

    # arguments

    def code(self, sent: Span, index: MentionIndex, triggers: dict[int, Trigger], published: str | None,
             timexes: list[dict], main_country: str | None = None, sentence: int = 0) -> list[EventMention]:
        mentions = []
        # "signer un accord avec l'Inde", "procéder à l'arrestation de militants": the verb
        # and the noun it needs are one event, read from the verb's row
        cancelled = {}  # the event noun a cancelling verb denies → that verb
        for i, trigger in list(triggers.items()):
            for noun in self._light_objects(sent.doc[i], trigger, index.time_tokens):
                if f"{trigger.type}/{trigger.mode}" in self.cancelling and noun.i in triggers:
                    cancelled[noun.i] = i
                else:
                    triggers.pop(noun.i, None)
        # what is asked for keeps its words to itself, but is no event of its own
        trigger_tokens = set(triggers)
        for i in [i for i in triggers if self._demanded(sent.doc[i], triggers)]:
            del triggers[i]
        for i, trigger in triggers.items():
            token = sent.doc[i]
            # each trigger reads its own subtree; another trigger's subtree belongs to it
            stop = trigger_tokens - {i}
            if token.pos_ in {"NOUN", "PROPN"}:
                # a verb that is an event of its own does not lend the noun its subject ("Paris a
                # condamné l'arrestation de X"); one that calls for it does ("appellent à la grève")
                # and so does a pledge ("a promis une aide à l'Ukraine": the aid is the promiser's)
                own_events = {j for j in stop if triggers.get(j) is not None and triggers[j].type not in self.demands
                              and sent.doc[j].lemma_ not in self.pledges}
                mention = self._nominal(token, trigger, index, stop, own_events)
            else:
                mention = self._verbal(token, trigger, index, stop)
            scope = subtree_without(token, stop | {c.i for c in token.children if c.dep_ in CLAUSAL and token.pos_ != "NOUN"})
            scope |= _fronted(scope, stop, sent)
            # what a text of law does happens when, and as surely as, the text is adopted
            adopter = adopting_verb(token, self.instruments) if token.pos_ == "VERB" else None
            mention.date = self._date(scope, token, stop, timexes)
            if mention.date is None and adopter is not None:
                mention.date = self._date(subtree_without(adopter, stop | {c.i for c in adopter.children if c.dep_ in CLAUSAL}),
                                          adopter, stop, timexes)
            if mention.location is None:
                mention.location = self._location(token, stop, index, self._recipient_preps(trigger),
                                                  hosted=trigger.frame in {"visit", "host-visitor"})
            if trigger.frame == "visit" and mention.actors and not mention.recipients:
                mention.recipients = self._hosts_at_home(token, trigger, mention, index, main_country)
            implicit = self.implicit.get(" ".join(trigger.lemmas)) or self.implicit.get(f"{trigger.type}/{trigger.mode}") \
                or self.implicit.get(trigger.type)
            if trigger.frame == "agent" and implicit and mention.actors \
                    and all(a.get("kind") == "organisation" and a.get("sector") in EMPLOYERS for a in mention.actors):
                # "la grève des agents de la SNCF": the company's workers strike against it
                mention.recipients = mention.actors
                mention.actors = [_group(mention.actors[0].get("country"), implicit)]
            if not mention.actors and implicit and not self._vague_subject(token):
                country = (mention.location or {}).get("country") or main_country or _their_country(mention.recipients)
                if country:
                    mention.actors = [_group(country, implicit)]
                    mention.anaphoric = False
            if not mention.recipients and trigger.frame == "agent-patient" and trigger.type in self.opposing \
                    and self._against_a_measure(token, trigger):
                # "protester contre la hausse des taxes": the government that takes it
                country = (mention.actors[0].get("country") if mention.actors else None) or main_country
                if country:
                    mention.recipients = [_government(country)]
            mention.sentence = sentence
            mention.modality, mention.explicit = modality_of(
                adopter or token, self.lexicon, mention.date, published, self.boundaries)
            mentions.append(mention)
        by_token = {m.token.i: m for m in mentions}
        self._date_by_purpose(by_token)
        _aim_cancellations(by_token, cancelled)
        self._aim_at_deeds(by_token)
        return mentions

    def _aim_at_deeds(self, by_token: dict[int, EventMention]) -> None:
        """An event aimed at another's deed through one of its prepositions is aimed at whoever
        does it: "a cédé aux revendications des agriculteurs" gives in to the farmers."""
        for mention in by_token.values():
            trigger = mention.trigger
            if mention.recipients or trigger.frame != "agent-patient" or mention.token.pos_ != "VERB":
                continue
            deeds = [by_token[c.i] for c in mention.token.children if c.i in by_token and case_of(c) in self.preps(trigger)]
            mention.recipients = [a for deed in deeds for a in deed.actors if a not in mention.actors]

    def _date_by_purpose(self, by_token: dict[int, EventMention]) -> None:
        """A trip made to meet someone is dated by the meeting: "Arrivé vendredi à Paris pour
        rencontrer Macron samedi", the visit is Saturday's meeting."""
        for trip in (m for m in by_token.values() if m.trigger.frame == "visit"):
            for clause in trip.token.children:
                meeting = by_token.get(clause.i)
                if meeting is not None and meeting.date and meeting.trigger.type == trip.trigger.type \
                        and clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.purpose_marks
                                                           for c in clause.children):
                    trip.date = meeting.date

    def _hosts_at_home(self, token: Token, trigger: Trigger, mention: EventMention, index: MentionIndex,
                       main_country: str | None) -> list[dict]:
        """Whom a visit in the visitor's own country meets: the people of the institution
        visited ("a visité une école" → EDU, "une visite à l'hôpital militaire" → MIL)."""
        country = (mention.location or {}).get("country") or main_country
        if country is None or mention.actors[0].get("country") != country:
            return []  # abroad, the host is the government of the place
        places = [c for c in token.children if c.dep_ == "obj" or case_of(c) in self.preps(trigger)]
        places += [c for noun in self._light_objects(token, trigger, index.time_tokens)
                   for c in noun.children if case_of(c) in self.preps(trigger)]
        for place in places:
            words = [c.lemma_.lower() for c in place.children if c.dep_ == "amod"] + [place.lemma_.lower()]
            if sector := next((self.institutions[w] for w in words if w in self.institutions), None):
                return [_group(country, sector)]
        return []

    def _vague_subject(self, token: Token) -> bool:
        """Whether a verb's subject names nobody ("on se mobilise"): then no implicit actor."""
        return token.pos_ == "VERB" and any(s.lower_ in self.vague for s in subject_of(token, instruments=self.instruments))

    def _demanded(self, token: Token, triggers: dict[int, Trigger]) -> bool:
        """Whether an infinitive or an event noun is what a request or a threat asks for: the
        first trigger above it, before any finite verb, is a demand ("exhorte la Chine à
        renoncer", "exiger la libération de"), or the demand is the object of the verb the
        noun hangs on ("lancer un appel à l'aide"). A called strike is still an event
        (`called_events`)."""
        if token.pos_ == "NOUN" and token.dep_ in {"obj", "obl", "obl:arg", "obl:mod", "nmod"}:
            if triggers[token.i].type in self.called_events:
                return False
            head = token.head
            if head.i in triggers and self._ordered(token):
                return False
            if head.i in triggers:
                return triggers[head.i].type in self.demands
            return any(c.i in triggers and triggers[c.i].type in self.demands and c.dep_ == "obj" and c.i < token.i
                       for c in head.children)
        if "Inf" not in token.morph.get("VerbForm"):
            return False
        head = token
        while head.head.i != head.i:
            head = head.head
            if head.i in triggers:
                return triggers[head.i].type in self.demands
            if "Fin" in head.morph.get("VerbForm"):
                return False
        return False

    def _ordered(self, noun: Token) -> bool:
        """Whether an event noun is what a command asked of no one orders: "a ordonné
        l'expulsion de X" is the expulsion, done by the commander's side."""
        verb = noun.head
        addressed = any(c.dep_ in {"iobj", "obl", "obl:arg"} and any(
            case_of(c) in {prep, *self.contractions.get(prep, ())} for prep in self.addressed_by) for c in verb.children)
        return verb.lemma_ in self.orders and noun.dep_ == "obj" and not addressed

    def from_speech(self, mention: EventMention, quote: dict, index: MentionIndex) -> None:
        """A trigger that introduces a quote: its speaker acts, and the words target whom
        they name first, unless they say what is asked for (`untargeted_words`)."""
        speaker = quote["speaker"]

        def is_speaker(actor: dict) -> bool:
            return (actor.get("name"), actor.get("country")) == (speaker.get("name"), speaker.get("country"))

        if not any(map(is_speaker, mention.actors)):
            mention.actors = [speaker]
        # the speaker, named after the verb, may have been read as its object
        mention.recipients = [a for a in mention.recipients if not is_speaker(a)]
        if not mention.recipients and mention.trigger.frame == "agent-patient" \
                and mention.trigger.type not in self.untargeted_words:
            doc = mention.token.doc
            inside = {t.i for t in doc.char_span(quote["start"], quote["end"], alignment_mode="expand") or ()}
            sent = mention.token.sent
            if inside and sent.start <= min(inside) and max(inside) < mention.token.i:
                # what is said runs from the start of the sentence: 'X "attise les braises", a accusé Y'
                inside |= set(range(sent.start, min(inside)))
            for child in mention.token.children:
                # a quoted fragment of what the verb says: 'a dénoncé "la défiance" organisée par Y'
                if child.dep_ in {"obj", "ccomp", "xcomp"} and inside & {t.i for t in child.subtree}:
                    inside |= {t.i for t in child.subtree}
            for n in index.mentions_in(inside):
                named = [a for a in index.mention(n)["actors"] if a.get("name") != speaker.get("name")]
                if named:
                    mention.recipients = named
                    break
        mention.rule = "speech:" + mention.trigger.frame

    def _passive_subject(self, verb: Token) -> bool:
        """Whether a verb's subject is a passive one; "est arrivé" (être as the tense
        auxiliary, `active_auxiliary`) and a pronominal verb ("s'en est pris à") are active,
        whatever the labels."""
        if not any(c.dep_ == "nsubj:pass" for c in verb.children) or self._reflexive(verb):
            return False
        active = any(c.dep_ == "aux:tense" and c.lemma_ == self.active_auxiliary for c in verb.children)
        return not active or any(c.dep_ == "aux:pass" for c in verb.children)

    def _reflexive(self, token: Token) -> bool:
        return any(c.dep_ in REFLEXIVE_DEPS or c.lemma_ in self.reflexive_pronouns for c in token.children)

    def _verbal(self, token: Token, trigger: Trigger, index: MentionIndex, stop: set[int]) -> EventMention:
        mention = EventMention(trigger, token, rule=f"verb:{trigger.frame}")
        subjects = with_conjuncts(subject_of(token, instruments=self.instruments))
        passive = not trigger.passive and (self._passive_subject(token) or (
            not self._reflexive(token) and any(c.dep_ == "aux:pass" for c in token.children)))  # "s'en est pris à"
        if (noun := _noun_of_participle(token)) is not None:
            # "les militants arrêtés par la police": the noun is acted upon
            subjects, passive = [noun], True
        # in the passive, "par X" is the agent however the parse labels it ("seront livrés à
        # l'Ukraine par les États-Unis")
        agents = with_conjuncts([c for c in token.children if c.dep_ == "obl:agent" or (
            c.dep_.startswith("obl") and case_of(c) in self.agent and any(a.dep_ == "aux:pass" for a in token.children))])
        objects = []
        light = self._light_objects(token, trigger, index.time_tokens)
        for noun in light:
            # "exiger la libération de X": X is freed, not asked
            preps = self.preps(trigger) - (self.genitive if noun.lemma_.lower() in self.undergone else set())
            objects += [g for g in noun.children
                        if case_of(g) in preps | self.between | (self.genitive if noun.dep_ != "obj" else set())
                        or (noun.pos_ == "VERB" and g.dep_ == "obj")]  # "mettre en joue X": "joue" read as a verb
        for child in self._complements(token, index):
            if child.i in stop or child.dep_ in {"nsubj", "nsubj:pass", "obl:agent", "punct", "cc", "conj"}:
                continue
            if child.pos_ in {"VERB", "AUX"} and any(c.dep_.startswith("nsubj") for c in child.children):
                continue  # a clause with its own subject, whatever the parse calls it, is not a participant
            case = case_of(child)
            if child in light and child.i in index.by_token:
                continue  # the noun a row requires names a means, not a party: "saisir la justice"
            # a clitic the parse reads as expletive is an object all the same: "lui demander"
            clitic = child.dep_ == "expl:comp" and child.i in index.by_token
            if (child.dep_ in {"obj", "iobj"} or clitic or child.head.i in index.time_tokens) and case is None:
                if token.lemma_ not in self.topic_verbs:
                    objects.append(antecedent(child))
            elif case and (case in self.preps(trigger) or case in self.between):
                objects.append(antecedent(child))
        if not any(c.dep_ in {"obj", "iobj"} for c in token.children) and (noun := self._misread_relative(token)):
            objects.append(noun)
        subject_actors = self._actors_of(subjects, index, stop) or (
            self._previous_actor(token, index, stop) if not subjects and _conjugated(token) else [])
        if not subject_actors and all(s.lower_ in self.vague for s in subjects):
            # "Certains, comme l'Australie, ont …": the instances act
            instances = [c for c in token.children if c.i < token.i and case_of(c) in self.instances]
            subject_actors = self._actors_of(instances, index, stop)
        agent_actors = self._actors_of(agents, index, stop)
        # a verb the parse coordinated with the object is an event of its own: in "a visité une
        # école et discuté avec des maires", the mayors are not visited
        objects = [o for o in with_conjuncts(objects) if not _stray_name(o, index) and (o in objects or o.i not in stop)]
        object_actors = self._actors_of(objects, index, stop, self._recipient_preps(trigger))
        if not object_actors and not passive and trigger.frame != "agent":
            object_actors = self._authors(token, objects, index) or self._next_actor(token, trigger, index, stop) \
                or self._addressee(token, trigger, index, stop)
        if not object_actors and not passive and trigger.type in self.through_the_act:
            object_actors, mode = self._act_target(token, self.through_the_act[trigger.type], index, stop)
            if object_actors and mode and not trigger.mode:
                mention.trigger = replace(trigger, mode=mode)  # "refuse de rencontrer": REJECT/meet
        if passive:
            subject_actors, agent_actors = agent_actors, subject_actors
            object_actors = agent_actors + object_actors
        if trigger.frame == "agent" and not subject_actors and not passive:
            # "une opération qui mobilisera les forces armées": what names no one leaves the forces acting
            subject_actors = object_actors or self._actors_of(light, index, stop)
        if trigger.frame == "agent-patient" and not object_actors and len(subject_actors) > 1 and self._reflexive(token):
            # "Moscou et Pyongyang se sont engagés à …": each to the other
            mention.trigger = replace(trigger, frame="symmetric")
            mention.rule = "verb:reciprocal"
        self._assign(mention, mention.trigger, subject_actors, object_actors)
        return mention

    @staticmethod
    def _complements(token: Token, index: MentionIndex) -> list[Token]:
        """A verb's dependents, with those the parse hung on a time phrase right after it: in
        "a critiqué mercredi la politique de la Chine", the object hangs on "mercredi"."""
        children = list(token.children)
        for child in token.children:
            if child.i in index.time_tokens and child.i > token.i:
                children += [g for g in child.children if g.i > child.i and g.i not in index.time_tokens
                             and g.pos_ in {"NOUN", "PROPN"} and g.dep_ in {"obj", "nmod"}]
        return children

    def _against_a_measure(self, token: Token, trigger: Trigger) -> bool:
        """Whether what a trigger targets is a government measure: its object, a complement
        introduced by one of its row's prepositions, or, for a noun, its genitive ("le rejet
        du projet de budget": a measure is no actor)."""
        preps = self.preps(trigger)
        if token.pos_ == "NOUN":
            preps = preps | self.genitive
        return any(c.lemma_ in self.measures and (case_of(c) in preps or (case_of(c) is None and c.dep_ == "obj"))
                   for c in token.children)

    def _authors(self, token: Token, objects: list[Token], index: MentionIndex) -> list[dict]:
        """Who the verb's object is the deed of, when it names no one itself: "rejeter la
        décision américaine", "condamner l'offensive turque", "dénoncer l'attaque de la
        Russie" target the state behind it."""
        nouns = [o for o in objects if case_of(o) is None] + [
            c for c in self._complements(token, index) if c.dep_ in {"obj", "nmod"} and case_of(c) is None
            and c.pos_ == "NOUN" and c not in objects]
        for noun in nouns:
            if noun.lemma_.lower() in self.undergone:  # "l'arrestation de X par la police": the police
                return [a for n in index.mentions_in({t.i for t in noun.subtree})
                        if self._by_agent(index.spans[n].root, noun) for a in index.mention(n)["actors"]]
            if state := self._demonym_state(noun):
                return [state]
            of = [c for c in noun.children if case_of(c) in self.genitive]
            named = [a for n in index.mentions_in({c.i for c in of}) for a in index.mention(n)["actors"]]
            if named and noun.i not in index.by_token:
                return named
        return []

    def _misread_relative(self, token: Token) -> Token | None:
        """The noun a relative object pronoun stands for when the parse read the pronoun as a
        conjunction: "la Chine, qu'il accuse de …"."""
        mark = next((c for c in token.children if c.dep_ == "mark" and c.lemma_.lower() in self.relative_objects), None)
        if mark is None or mark.i < 2 or mark.nbor(-1).text != ",":
            return None
        noun = mark.nbor(-2)
        return noun if noun.pos_ in {"NOUN", "PROPN"} else None

    @staticmethod
    def _light_objects(token: Token, trigger: Trigger, time_tokens: set[int] = frozenset()) -> list[Token]:
        """The nouns a trigger's row requires as its object ("accord" for "signer"), also
        when the parse hung them on a date after the verb ("s'est prononcé le 21 mars en
        faveur de")."""
        if not trigger.objects or token.pos_ in {"NOUN", "PROPN"}:
            return []
        return [c for c in _with_date_complements(token, time_tokens) if any(_heads_run(c, run) for run in trigger.objects)]

    def _previous_actor(self, token: Token, index: MentionIndex, stop: set[int]) -> list[dict]:
        """The subject the parse lost: the nearest actor named before a conjugated verb in its
        clause, with no preposition ("Dimanche 3 mars, Me Henri Leclerc s'était indigné …")."""
        for candidate in reversed([t for t in clause_segment(token, self.boundaries) if t.i < token.i]):
            if candidate.i in stop:
                return []
            for n in index.by_token.get(candidate.i, ()):
                span = index.spans[n]
                if span.root.i == candidate.i and case_of(span.root) is None:
                    return list(index.mention(n)["actors"])
        return []

    def _next_actor(self, token: Token, trigger: Trigger, index: MentionIndex, stop: set[int]) -> list[dict]:
        """The first actor after the verb in its clause, when the parse hung the object
        elsewhere; a place or a complement of another preposition does not count."""
        for candidate in clause_segment(token, self.boundaries):
            if candidate.i <= token.i or candidate.i in stop:
                continue
            for n in index.by_token.get(candidate.i, ()):
                span = index.spans[n]
                if self._undergoes(span.root, token):
                    continue
                # a noun phrase with no preposition of its own is an argument, wherever the parse
                # hung it ("a reçu lundi à Ankara son homologue", read as Ankara's)
                bare = span.root.dep_ == "nmod" and case_of(span.root) is None \
                    and any(c.dep_ == "det" for c in span.root.children)
                case = None if bare else self._nearest_case(span.root, token, index.time_tokens)
                if (case is None and token.lemma_ not in self.topic_verbs) or case in self.preps(trigger):
                    place = case and case not in self._recipient_preps(trigger) and self._place(span)
                    if not (place and not self._is_person(index.mention(n))):
                        # with what it is coordinated with: "réunirait vendredi syndicats et patronat"
                        coordinated = index.mentions_in({c.i for c in span.root.conjuncts} - {span.root.i})
                        return [a for m in [n, *coordinated] for a in index.mention(m)["actors"]]
            if candidate.pos_ in {"VERB", "SCONJ"} and candidate.dep_ not in {"acl", "amod"}:
                break
        return []

    def _act_target(self, token: Token, kinds: dict[str, str], index: MentionIndex,
                    stop: set[int]) -> tuple[list[dict], str | None]:
        """Whom the act a verb announces is aimed at, if the act is of one of `kinds` (any when
        there are none), and the mode that kind of act gives: "menacé de s'en prendre aux
        navires américains" → the United States."""
        acts = [(act, self.match(act)) for act in token.children if act.dep_ in {"xcomp", "ccomp"} and act.pos_ == "VERB"]
        acts = [(act, read) for act, read in acts if not kinds or (read is not None and read.type in kinds)]
        # what an act of one's own forces handles is no target: "menacé de déployer l'armée"
        targets = [g for act, read in acts for g in act.children
                   if (g.dep_ == "obj" and case_of(g) is None and not (read is not None and read.frame == "agent"))
                   or any(case_of(g) in {prep, *self.contractions.get(prep, ())} for prep in self.act_targets)]
        actors = self._actors_of(targets, index, stop) or [
            state for g in targets if (state := self._demonym_state(g)) is not None][:1]
        return actors, next((kinds.get(read.type) or None for _, read in acts if read is not None), None)

    def _addressee(self, token: Token, trigger: Trigger, index: MentionIndex, stop: set[int]) -> list[dict]:
        """Whom one writes or turns to in order to ask: "a écrit au consulat pour demander
        conseil" asks the consulate."""
        if trigger.type not in self.demands or not any(c.dep_ == "mark" and c.lower_ in self.purpose_marks
                                                         for c in token.children):
            return []
        verb = token
        while verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head
            complements = [c for c in verb.children if c.i != token.i and case_of(c) in self.preps(trigger)]
            if actors := self._actors_of(complements, index, stop):
                return actors
        return []

    def _by_agent(self, root: Token, top: Token) -> bool:
        """Whether a participant is introduced as the one who acts ("par la police") below `top`."""
        return self._nearest_case(root, top) in self.agent

    def _undergoes(self, root: Token, top: Token) -> bool:
        """Whether a participant is whom a noun of what is done to someone names, below `top`:
        "la libération de X", "la mort de X" (not "… par la police", "… à la Belgique")."""
        path, _ = _path_up(root, top)
        return self._nearest_case(root, top) in self.genitive and any(
            t.lemma_.lower() in self.undergone and t is not root for t in path)

    def _nominal(self, token: Token, trigger: Trigger, index: MentionIndex, stop: set[int],
                 own_events: set[int] = frozenset()) -> EventMention:
        mention = EventMention(trigger, token, rule=f"noun:{trigger.frame}")
        of, others, voices = [], [], []
        # a clause the parse hangs on the noun tells something else ("Les mobilisations (…
        # comptent) s'étaient essoufflées, mais … par l'affaire X"); a coordinated one is kept:
        # the parse coordinates the noun's own verb with it ("Les négociations entre Israël
        # et le Hamas ont repris")
        clauses = {c.i for c in token.children if c.dep_ in CLAUSAL and c.pos_ in {"VERB", "AUX"}}
        # and so does a relative clause deeper in ("le voyage … sur ce territoire, où 40% de la population vit …")
        clauses |= {d.i for d in token.subtree if d.dep_ == "acl:relcl" and d is not token}
        # and so does a description set beside it ("le voyage …, véritable fief des gilets jaunes")
        clauses |= {c.i for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i not in index.by_token}
        scope = subtree_without(token, stop | clauses)
        # "la mort de X sous les coups de Y", "le déploiement de soldats": the actor is named
        # inside the required noun; in "l'expulsion de diplomates russes", a required noun in
        # the genitive of an event with someone acted upon is who undergoes it
        required = [c for c in token.children if any(_heads_run(c, run) for run in trigger.objects)]
        undergoing = {t.i for c in required if case_of(c) in self.genitive and trigger.frame == "agent-patient"
                      for t in c.subtree}
        by = {t.i for c in required for t in c.subtree} - undergoing
        for n in index.mentions_in(scope - {token.i}):
            span = index.spans[n]
            if span.root.i in by | undergoing:
                (of if span.root.i in by else others).append(index.mention(n))
                continue
            if self._through_mouthpiece(span.root, token):
                voices.append(index.mention(n))
                continue
            case = self._role_case(span.root, token)
            nearest = self._nearest_case(span.root, token)
            if nearest in self.agent or _in_amount(span.root, token):
                # "l'arrestation de X par la police", "une aide de 50 milliards à l'Ukraine",
                # however parsed
                case = nearest
            if case in self.locative - self._recipient_preps(trigger) and self._place(span) \
                    and not self._is_person(index.mention(n)):
                # not the country of a participant: "la visite du roi de Jordanie en France"
                if span.root.head.i == token.i or span.root.head.i not in index.by_token:
                    mention.location = mention.location or self._place(span)
                continue
            # "l'arrestation de X": when the noun's recipients are introduced by "de", the
            # genitive is the one acted upon, and "par Y" the actor
            if case in self.genitive and "de" in trigger.preps:  # covers du, des, d'
                others.append(index.mention(n))
            elif case in self.genitive or case in self.agent:
                of.append(index.mention(n))
            elif case is None or case in self.preps(trigger) | self.between:
                others.append(index.mention(n))
            # else a circumstance: "les manifestations contre le racisme, consécutives à la mort de X"
        for complement in token.children:
            # "une manifestation contre la présence française": France, named by its adjective
            if case_of(complement) in self.preps(trigger) and not index.mentions_in({t.i for t in complement.subtree}) \
                    and (state := self._demonym_state(complement)):
                others.append({"actors": [state]})
        possessor = [c for c in token.children if c.dep_ == "det" and "Poss=Yes" in str(c.morph)]
        if possessor and not of:
            of = self._possessor(token, index, stop)
        # a bare noun the parse read as a modifier after a date is an object: "ont voté jeudi le rejet"
        bare = token.dep_ == "obl:mod" and case_of(token) is None \
            and any(i in index.time_tokens for i in range(token.head.i + 1, token.i))
        first = token  # "des blocages et des opérations escargot": two events, objects of one verb
        while first.dep_ == "conj" and first.head.i in stop:
            first = first.head
        verb = first.head
        if first.dep_ == "nmod" and case_of(first) is None and verb.i in index.time_tokens:
            # or hung on the date itself: "ont eu mercredi un entretien téléphonique"
            verb, bare = verb.head, True
        if not of and (first.dep_ in {"obj", "nsubj:pass", "obl:arg", "obl"} or bare) and verb.pos_ in {"VERB", "AUX"} \
                and verb.lemma_ not in self.causes | self.impersonal and verb.i not in own_events:
            # a light verb carries the participants: "X a eu un entretien avec Y",
            # "X a présenté ses excuses aux familles"
            # a subject that is itself an event acts in nothing: "le voyage de X se déroule sur fond de grève"
            subjects = [s for s in subject_of(verb, instruments=self.instruments) if s.i not in scope | stop]
            of = [{"actors": actors}] if (actors := self._actors_of(subjects, index, stop)) else []
            if not others:
                complements = [c for c in verb.children if c.i != first.i and case_of(c) in self.preps(trigger)]
                for n in index.mentions_in({t.i for c in complements for t in c.subtree} - scope):
                    (voices if self._through_mouthpiece(index.spans[n].root, verb) else others).append(index.mention(n))
        if not of and token.dep_ in {"nmod", "appos", "acl", "dep"}:
            # "Macron en visite en Chine": the noun hangs on its actor
            of = [index.mention(n) for n in index.by_token.get(token.head.i, ())]
        if voices:  # "les autorités … par la voix du Premier ministre": he acts for them
            of = voices
        self._assign(mention, trigger, [a for m in of for a in m["actors"]], [a for m in others for a in m["actors"]])
        determiners = [c for c in token.children if c.dep_ == "det"]
        if not mention.participants and any(
                "PronType=Dem" in str(d.morph) or "Definite=Def" in str(d.morph) or "Poss=Yes" in str(d.morph)
                for d in determiners):
            mention.anaphoric = True
        return mention

    def _through_mouthpiece(self, root: Token, trigger: Token) -> bool:
        """Whether a participant speaks for the actor: "par la voix du Premier ministre"."""
        path, _ = _path_up(root, trigger)
        return any(t.lemma_.lower() in self.mouthpieces and case_of(t) in self.agent for t in path)

    @staticmethod
    def _role_case(root: Token, trigger: Token) -> str | None:
        """The preposition that links a participant to a trigger: the one of the trigger's
        direct dependent that holds it ("la visite [du conseiller à la sécurité, John
        Bolton]" → "du"), else, outside the trigger's subtree, the nearest one above."""
        path, under = _path_up(root, trigger)
        if not under:
            path.reverse()  # not under the trigger: the nearest preposition wins
        for token in reversed(path):
            case = case_of(token)
            if case:
                return case
        return None

    @staticmethod
    def _nearest_case(root: Token, trigger: Token, time_tokens: set[int] = frozenset()) -> str | None:
        """The nearest preposition above a participant, on the way up to the trigger; a
        participant the parse hung on a date has none ("a appelé dans la soirée la France à …")."""
        current = root
        while current.i != trigger.i:
            case = case_of(current)
            if case or current.head.i == current.i or current.head.i in time_tokens:
                return case
            current = current.head
        return None

    def _possessor(self, token: Token, index: MentionIndex, stop: set[int]) -> list[dict]:
        verb = governing_verb(token)
        while verb is not None:
            subjects = [s for s in subject_of(verb) if s.i != token.i]
            found = [index.mention(n) for n in index.mentions_in({t.i for s in subjects for t in s.subtree})]
            if found:
                return found
            verb = governing_verb(verb) if verb.head.i != verb.i else None
        return []

    def _assign(self, mention: EventMention, trigger: Trigger, first: list[dict], second: list[dict]) -> None:
        first, second = _unique(first), [a for a in _unique(second) if a not in first]
        frame = trigger.frame
        if frame == "symmetric":
            mention.actors = first + second
        elif frame in {"host-visitor", "receiver"}:
            mention.actors, mention.recipients = second, first
        elif frame == "agent":  # what is handled is no participant: "déployer l'armée"
            mention.actors = first
        else:
            mention.actors, mention.recipients = first, second

    def _recipient_preps(self, trigger: Trigger) -> frozenset[str]:
        """Prepositions after which a country is whom the event is aimed at ("livrer des armes
        à l'Ukraine"), not where it happens; a visit goes to a place."""
        return frozenset() if trigger.frame == "visit" else self.preps(trigger)

    def _actors_of(self, tokens: list[Token], index: MentionIndex, stop: set[int],
                   recipient_preps: frozenset[str] = frozenset()) -> list[dict]:
        """The actors an argument names: the mentions at its heads (each of "X et Y"), a
        person before the body they speak for ("la Haut-Commissaire de l'ONU, Michelle
        Bachelet" is Bachelet); else any actor in its phrase."""
        actors, found = [], []
        for token in map(self._stands_for, tokens):
            # clauses inside the phrase say something else ("la famille de X, qui a été blessé par …"),
            # and so does a name the parse hung there by mistake
            clauses = {d.i for d in token.subtree if d is not token
                       and (d.dep_ in CLAUSAL | {"acl"} or _participle(d) or _stray_name(d, index))}
            scope = subtree_without(token, stop | clauses)
            heads = [token] + [token.doc[i] for i in scope if token.doc[i].dep_ == "conj"]  # "X et Y"
            groups = [index.mentions_in({t.i for t in [h, *h.children]
                                         if t is h or t.dep_ in {"appos", "flat:name", "flat"}}) for h in heads]
            if token.lemma_.lower() in self.undergone:
                groups = []  # "la libération, Alexeï Navalny" as parsed: the freed is not the target
            found.append((token, scope, [g for g in groups if g]))
        at_heads = any(groups for _, _, groups in found)
        for token, scope, groups in found:
            if not groups and case_of(token) in recipient_preps and (state := self._capital(token)):
                actors.append(state)  # "apporter son soutien à Washington": the government, not the city
                continue
            if not groups and case_of(token) is None and not at_heads:
                # a subject or object phrase may name its actor deeper in ("le frère de X"),
                # unless another phrase of the argument names it at its head ("le médiateur de
                # la Cédéao, l'ancien chef de l'Etat nigérian Goodluck Jonathan"); a
                # prepositional phrase that does not name one at its head is a circumstance
                # ("à l'occasion de l'appel lancé par de Gaulle")
                inside = index.mentions_in(scope)
                if token.lemma_.lower() in self.undergone:
                    # "condamner l'arrestation de X par la police": aimed at the police, not at X
                    inside = [n for n in inside if self._by_agent(index.spans[n].root, token)]
                    groups = [inside] if inside else []
                else:
                    groups = [[n for n in inside if self._owned_by(index.spans[n].root, token)] or inside]
            for group in groups:
                named = []
                for n in group:
                    span = index.spans[n]
                    case = case_of(span.root)
                    if case in self.locative - self.genitive - recipient_preps and self._place(span) \
                            and not self._is_person(index.mention(n)):
                        continue
                    named.extend(index.mention(n)["actors"])
                people = [a for a in named if a.get("kind") == "person"]
                # a description in apposition is the person named ("George Floyd, un quadragénaire")
                actors.extend([a for a in people if a.get("name")] or people or named)
        return actors

    def _stands_for(self, token: Token) -> Token:
        """Whom "de la part de X" points at, the place "le nord de X" is part of, the body "les
        alliés de X" belong to: X."""
        if token.lemma_.lower() in self.standing_for:
            return next((c for c in token.children if case_of(c) in self.genitive), token)
        return token

    def _owned_by(self, root: Token, phrase: Token) -> bool:
        """Whether a name deep in a phrase is whose the phrase's head is, through "de" alone:
        "un message du président", not "un message sur la mort d'un homme", which counts
        only when the phrase has no owner."""
        path, _ = _path_up(root, phrase)
        return all(case_of(t) in self.genitive | {None} for t in path)

    # when and where

    def _date(self, scope: set[int], token: Token, stop: set[int], timexes: list[dict]) -> str | None:
        found = self._nearest_timex(scope, token, timexes)
        if found is None and token.pos_ in {"NOUN", "PROPN"}:
            verb = governing_verb(token)
            # the date of a verb that denies or doubts the noun is when that is said: "a
            # démenti jeudi toute rencontre"
            if verb is not None and not doubts(verb, self.lexicon):
                clause = subtree_without(verb, stop | {c.i for c in verb.children if c.dep_ in CLAUSAL})
                found = self._nearest_timex(clause, token, timexes)
        return found

    @staticmethod
    def _nearest_timex(scope: set[int], token: Token, timexes: list[dict]) -> str | None:
        doc = token.doc
        best = None
        for timex in timexes:
            if timex.get("type", "DATE") != "DATE" or not (timex.get("value") or "")[:1].isdigit():
                continue
            span = doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
            if span is None or not any(t.i in scope for t in span):
                continue
            distance = min(abs(t.i - token.i) for t in span)
            if best is None or distance < best[0]:
                best = (distance, timex["value"])
        return best[1] if best else None

    def _location(self, token: Token, stop: set[int], index: MentionIndex,
                  recipient_preps: frozenset[str] = frozenset(), hosted: bool = False) -> dict | None:
        candidates = [token]
        if token.pos_ in {"NOUN", "PROPN"}:
            verb = governing_verb(token)
            if verb is not None:
                candidates.append(verb)
        # the phrases that name the actor: a verb's subject, an event noun's "de X"
        acting = {t.i for anchor in candidates for c in anchor.children
                  if c.dep_ in SUBJECTS or (anchor.pos_ in {"NOUN", "PROPN"} and case_of(c) in self.genitive)
                  for t in c.subtree}
        for anchor in candidates:
            scope = subtree_without(anchor, stop | {c.i for c in anchor.children if c.dep_ in CLAUSAL})
            for i in sorted(scope, key=lambda j: abs(j - token.i)):
                candidate = token.doc[i]
                case = case_of(candidate)
                if case in self.genitive and candidate.head.i in index.by_token and (candidate.head.i in acting or not hosted):
                    # whose a participant is ("la visite du roi de Jordanie", "a convoqué l'ambassadeur
                    # de France"), unless it is the host's town: "reçu par le maire de Poissy"
                    continue
                if candidate.pos_ == "PROPN" and candidate.dep_ != "flat:name" and candidate.text[:1].isupper() \
                        and case in self.locative - recipient_preps:  # not "à l'union"
                    # the name as the actor resolver read it, when it is longer: "en Afrique du Sud"
                    names = [index.spans[n] for n in index.by_token.get(candidate.i, ())
                             if index.spans[n] is not None and index.spans[n].root.i == candidate.i]
                    place = next((p for span in names if (p := self._place(span))), None) or self._place(_name_span(candidate))
                    if place:
                        return place
        relative = next((c for c in token.children if c.lower_ in self.place_relatives), None)
        if relative is not None:  # "à Poissy, où il a rencontré …": the place named before "où"
            for candidate in reversed(token.doc[relative.sent.start:relative.i]):
                if candidate.pos_ == "PROPN" and (place := self._place(_name_span(candidate))):
                    return place
        return None

    def _place(self, span: Span) -> dict | None:
        text = span.text
        for article in self.articles:
            if text.lower().startswith(article):
                text = text[len(article):]
        from veille.kb import resolve_place  # the knowledge base loads on first use

        return resolve_place(text)

    def _demonym_state(self, token: Token) -> dict | None:
        """The state a noun's demonym adjective names ("la présence française": France)."""
        from veille.kb import load_kb

        code = next((self.demonyms[c.lower_] for c in token.children if c.dep_ == "amod" and c.lower_ in self.demonyms), None)
        return load_kb().state(code) if code else None

    @staticmethod
    def _capital(token: Token) -> dict | None:
        """The government a capital's name stands for ("Washington"), if the token is one."""
        from veille.kb import load_kb

        code = load_kb().capital_code(_name_span(token).text) if token.pos_ == "PROPN" else None
        return _government(code) if code else None

    @staticmethod
    def _is_person(mention: dict) -> bool:
        return any(a.get("kind") == "person" for a in mention["actors"])


def _fronted(scope: set[int], stop: set[int], sent: Span) -> set[int]:
    """The words the parse hangs before another trigger's noun within a scope: in "imposé des
    sanctions deux jours après le putsch", "deux jours après" dates the verb, not the putsch
    (a French noun takes its complements after it)."""
    doc = sent.doc
    heads = [doc[i] for i in stop if sent.start <= i < sent.end and doc[i].head.i in scope and doc[i].pos_ == "NOUN"]
    return {t.i for noun in heads for child in noun.lefts if child.dep_ == "nmod" for t in child.subtree}


def _conjugated(verb: Token) -> bool:
    """Whether a verb is finite or in a compound tense, so that it must have had a subject."""
    return "Fin" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children)


def _aim_cancellations(by_token: dict[int, EventMention], cancelled: dict[int, int]) -> None:
    """A cancelling is aimed at whom the cancelled meeting was with, or at the host of its
    place: "a annulé sa visite en Australie" rejects Australia. `cancelled` maps the token of
    each cancelled event noun to the token of the verb that cancels it."""
    for noun, verb in cancelled.items():
        if noun not in by_token or verb not in by_token or by_token[verb].recipients:
            continue
        meeting, refusal = by_token[noun], by_token[verb]
        country = (meeting.location or {}).get("country")
        refusal.recipients = [a for a in meeting.participants if a not in refusal.actors] or (
            [_government(country)] if country and meeting.trigger.frame == "visit" else [])


def _their_country(people: list[dict]) -> str | None:
    """The one country of the persons an event is aimed at, if they are all of it."""
    countries = {p.get("country") for p in people if p.get("kind") == "person"}
    return countries.pop() if len(countries) == 1 and all(p.get("kind") == "person" for p in people) else None


def _government(country: str) -> dict:
    from veille.kb import load_kb

    return load_kb().state(country, "GOV")


def _group(country: str | None, sector: str) -> dict:
    """The people of a sector of a country: its protesters, its courts, a hospital's staff."""
    from veille.kb import load_kb

    return load_kb().group(country, sector)


def _noun_of_participle(token: Token) -> Token | None:
    """The noun a past participle describes, past the adjectives between them ("un
    quadragénaire noir asphyxié par un policier"); for a noun in apposition, the one it
    describes ("George Floyd, un quadragénaire …")."""
    morph = str(token.morph)
    if token.dep_ not in {"acl", "amod", "dep"} or "VerbForm=Part" not in morph or "Tense=Past" not in morph:
        return None
    noun = token.head
    while noun.pos_ == "ADJ" and noun.dep_ == "amod":
        noun = noun.head
    if noun.dep_ == "appos":  # the tagger takes some nouns of people for adjectives
        return noun.head
    return noun if noun.pos_ in {"NOUN", "PROPN"} else None


def _heads_run(token: Token, run: str) -> bool:
    """Whether `token` starts the run of lemmas `run` ("troupe", "casque bleu")."""
    lemmas = run.split()
    tokens = token.doc[token.i: token.i + len(lemmas)]
    return [t.lemma_.lower() for t in tokens] == lemmas


def _name_span(token: Token) -> Span:
    """A proper name with its flat parts: "Vladimir Poutine", "Asie - Pacifique"."""
    parts = [token] + [c for c in token.children if c.dep_ in {"flat:name", "flat"}]
    return token.doc[min(t.i for t in parts): max(t.i for t in parts) + 1]


def _unique(actors: list[dict]) -> list[dict]:
    seen, result = set(), []
    for actor in actors:
        key = (actor.get("name"), actor.get("country"), actor.get("sector"))
        if key not in seen:
            seen.add(key)
            result.append(actor)
    return result


def _participle(token: Token) -> bool:
    """A participle the parse took for a noun or verb modifying a noun: "les statues
    représentant des responsables confédérés" are not the responsables'."""
    return token.dep_ == "amod" and token.pos_ in {"NOUN", "VERB"}


def _in_amount(root: Token, top: Token) -> bool:
    """Whether a participant hangs on an amount below `top` ("de 50 milliards [à l'Ukraine]")."""
    path, _ = _path_up(root, top)
    return any(t is not root and any(c.dep_ == "nummod" for c in t.children) for t in path)


def _stray_name(token: Token, index: MentionIndex) -> bool:
    """A name the parse made a conjunct of a thing, with no "et" between: in "a masqué un
    message du président, sur la mort d'un homme noir, George Floyd", Floyd is not masked."""
    return token.dep_ == "conj" and token.pos_ == "PROPN" and token.head.pos_ == "NOUN" \
        and token.head.i not in index.by_token and not any(c.dep_ == "cc" for c in token.children)


def _with_date_complements(token: Token, time_tokens: set[int]) -> list[Token]:
    """A word's dependents, then the words the parse hung on a date among them."""
    children = list(token.children)
    return children + [g for c in children if c.i in time_tokens for g in c.subtree
                       if g.i not in time_tokens and g.head.i in time_tokens]


def _path_up(root: Token, top: Token) -> tuple[list[Token], bool]:
    """The tokens from `root` up its heads to `top` (left out), and whether `top` was
    reached before the root of the sentence."""
    path, current = [], root
    while current.i != top.i and current.head.i != current.i:
        path.append(current)
        current = current.head
    return path, current.i == top.i
