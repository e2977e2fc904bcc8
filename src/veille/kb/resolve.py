"""Who each actor phrase of a text is, on the date of the text.

Phrases are resolved in text order, so that each can look back at the mentions before it:
a name to the knowledge-base entity it names (the one already mentioned, or in office, or
curated); a role to whoever held it in the country its demonym or complement names
("le président russe" → the president of Russia on that date); "son homologue américain"
to the holder of the same office in the other country; "les deux Présidents" to the two
presidents mentioned last; a pronoun to the last person mentioned before it, in its
paragraph or the sentence before, outside other people's quotations (a subject pronoun to
the subject of the sentence before); a collective ("la police", "les manifestants") to a
sector of the country its adjective names or, failing that, of the text's main country.

People the knowledge base does not know take their country and sector from the title beside
them ("le président du groupe centriste Hervé Marseille": FRA, LEG); a title whose
complement names another body than the state ("du groupe", "du Sénat") is not the state's
office; a bare title ("le général", "le ministre") stands for the person the text last gave
it; an epithet ("le milliardaire") for the person last named; a kind of organisation ("le
syndicat", "la chaîne") for the one named next to it or last.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher

from spacy.tokens import Doc, Span, Token

from veille.kb.base import USUAL_TITLE, KnowledgeBase
from veille.kb.context import Context, Mention, chars
from veille.kb.index import COUNTRY, CURATED, KIND, NAME, SECTOR
from veille.kb.normalise import normalise
from veille.kb.phrases import Phrase, PhraseFinder, RolePhrase, after_adjectives
from veille.kb.sources import split
from veille.kb.unknown import MAX_TAIL, UnknownNames, proper_name
from veille.lang import data

# how many earlier persons a plural role without a number may stand for
MAX_PLURAL = 4
# how alike two first names must be to be one name spelt two ways ("Emmanel", "Sergei")
SPELLING = 0.75


class Resolver:
    def __init__(self, kb: KnowledgeBase, finder: PhraseFinder, lang: str = "fr") -> None:
        self.kb = kb
        self.finder = finder
        words = data(lang, "actor_words.yaml")
        self.locatives = set(words["locatives"])
        self.body_articles = set(words["body_articles"])
        self.pronouns = words["pronouns"]
        self.clitics_of_either_gender = set(words["clitics_of_either_gender"])
        self.expletives = set(words["expletives"])
        self.impersonal = set(words["impersonal"])
        self.honorifics = words["honorifics"]
        self.complements = set(words["complements"])
        self.named_after = set(words["named_after"])
        self.features_named_after = set(words["features_named_after"]["nouns"])
        self.feature_links = set(words["features_named_after"]["linked_by"])

    def resolve(self, doc: Doc, date: str | None, skip: Callable[[int, int], bool] = lambda s, e: False,
                people: list[tuple[int, int]] = (), date_at: Callable[[int], str | None] | None = None,
                quotations: list[tuple[int, int]] = ()) -> list[Mention]:
        """The actor mentions of `doc`. `skip(start_char, end_char)` rules out stretches of
        text (boilerplate); `people` are token spans of person names found otherwise (NER),
        unknown to the knowledge base; `date_at(token)` may give a sentence its own date;
        `quotations` are the character ranges between quotation marks."""
        phrases = [p for p in self.finder.find(doc) if not skip(*chars(doc, p.start, p.end))]
        phrases = self._without_others_surnames(doc, phrases, people)
        names = UnknownNames(self.honorifics, self._person_title,
                             lambda p: self.finder.roles[p.key]["kind"] == "organisation",
                             lambda text: normalise(text) in self.kb.places)
        phrases += names.find(doc, people, phrases, skip)
        # "l'école Pierre Ronsard": a person's name after such a noun names the place
        phrases = [p for p in phrases if not (p.kind in {"name", "surname", "unknown"} and p.start > 0
                                              and doc[p.start - 1].lower_ in self.named_after)]
        # "en mer de Chine": the sea, not China
        phrases = [p for p in phrases if not (p.start > 1 and doc[p.start - 1].lower_ in self.feature_links
                                              and doc[p.start - 2].lower_ in self.features_named_after)]
        phrases += [Phrase(t.i, t.i + 1, "pronoun", self.pronouns[t.lower_]) for t in doc
                    if t.lower_ in self.pronouns and t.pos_ in ("PRON", "") and not self._impersonal(t)
                    and not skip(t.idx, t.idx + len(t))]
        phrases += self._first_names(doc, phrases)
        phrases.sort(key=lambda p: p.start)
        at = {p.start: p for p in phrases}
        context = Context(doc, self._dominant(phrases, date), [], skip, genders=names.genders,
                          quotations=list(quotations))
        for phrase in phrases:  # "son frère, Philonise Floyd": who "le frère de George Floyd" is, before or after
            if phrase.kind == "role" and self.finder.roles[phrase.key]["kind"] == "relative":
                person = self._apposed_person(doc, self.finder.role_phrase(doc, phrase, at), at)
                if person is not None:
                    context.relatives.setdefault(phrase.key, person)
        consumed: set[int] = set()
        for phrase in phrases:
            if phrase.start in consumed:
                continue
            when = (date_at(phrase.start) if date_at else None) or date
            mention = self._mention(doc, phrase, at, when, context, consumed)
            if mention and mention.actors:
                context.mentions.append(mention)
        return context.mentions

    @staticmethod
    def _first_names(doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
        """A first name alone that opens the full name of someone the text names ("la décision
        de Mark", after "Mark Zuckerberg")."""
        opening = {normalise(doc[p.start].text) for p in phrases
                   if p.kind in ("name", "unknown") and p.end - p.start >= 2 and doc[p.start].is_title}
        covered = {i for p in phrases for i in range(p.start, p.end)}
        return [Phrase(t.i, t.i + 1, "first_name", normalise(t.text)) for t in doc
                if t.i not in covered and t.is_title and t.pos_ == "PROPN" and normalise(t.text) in opening
                and (t.i + 1 >= len(doc) or not doc[t.i + 1].is_title)]

    def _without_others_surnames(self, doc: Doc, phrases: list[Phrase], people: list[tuple[int, int]]) -> list[Phrase]:
        """Known names that end a person's name of the model after a first name of its own
        ("Eric Trump" is not Donald Trump): that name is someone the knowledge base does not
        know, unless the first name is a spelling of the known one's ("Emmanel Macron")."""
        covered = {i for p in phrases for i in range(p.start, p.end)}

        def inside_other(phrase: Phrase) -> bool:
            if phrase.kind not in ("name", "surname"):
                return False
            for start, end in people:
                if start < phrase.start and phrase.end == end:
                    before = doc[start:phrase.start]
                    first_names = all(t.is_alpha and t.is_title and t.i not in covered and t.text not in self.honorifics
                                      for t in before)
                    return first_names and not self._first_name_of(phrase.key, before[0].text)
            return False

        return [p for p in phrases if not inside_other(p)]

    def _first_name_of(self, key: str, first: str) -> bool:
        """Whether `first` spells the first name of someone the knowledge base calls `key`."""
        for entity in self.kb.by_name(key) + self.kb.by_surname(key):
            known = normalise(self.kb.entities[entity][NAME]).split()[0]
            if SequenceMatcher(None, normalise(first), known).ratio() >= SPELLING:
                return True
        return False

    def _person_title(self, phrase: Phrase) -> bool:
        row = self.finder.roles[phrase.key]
        return row["kind"] == "person" and row["number"] == "sing"

    # --- one phrase ------------------------------------------------------------------------
    def _mention(self, doc: Doc, phrase: Phrase, at: dict[int, Phrase], date: str | None,
                 context: Context, consumed: set[int]) -> Mention | None:
        kb = self.kb
        if phrase.kind in ("name", "surname"):
            entity = self._entity(phrase, date, context)
            if entity is None:
                return None
            return Mention(phrase.start, phrase.end, [kb.actor(entity, date)], "name", [entity])
        if phrase.kind == "unknown":
            actor = context.introduced.get(phrase.start) or context.unknown.get(phrase.key) \
                or _person(phrase.key, None, None)
            context.unknown.setdefault(phrase.key, actor)  # the same person each time the text names them
            return Mention(phrase.start, phrase.end, [actor], "name", [None])
        if phrase.kind == "organisation_name":
            actor = context.organisations.get(normalise(phrase.key))
            return Mention(phrase.start, phrase.end, [actor], "name", [None]) if actor else None
        if phrase.kind == "country":
            return Mention(*self._with_determiner(doc, phrase), [kb.state(phrase.key)], "country", [None])
        if phrase.kind == "capital":
            if phrase.start and doc[phrase.start - 1].lower_ in self.locatives:
                return None  # "à Moscou": a place, not the government
            return Mention(phrase.start, phrase.end, [kb.state(phrase.key, "GOV")], "metonym", [None])
        if phrase.kind == "metonym":
            row = self.finder.metonyms[phrase.key]
            if row.get("stands_for") in kb.organisations:  # "Bruxelles": the European Union
                entity = kb.organisations[row["stands_for"]]
                return Mention(*self._with_determiner(doc, phrase), [kb.actor(entity, date)], "metonym", [entity])
            return Mention(*self._with_determiner(doc, phrase), [kb.state(row["country"], row["sector"])],
                           "metonym", [None])
        if phrase.kind == "demonym":
            token = doc[phrase.start]
            if token.text[:1].isupper() and not token.is_sent_start:  # "les Américains"
                return Mention(*self._with_determiner(doc, phrase), [kb.state(phrase.key)], "demonym", [None])
            return None
        if phrase.kind == "pronoun":
            return self._pronoun(doc, phrase, context)
        if phrase.kind == "first_name":
            named = next((m for m in reversed(context.mentions) if m.person is not None and m.actors[0]["name"]
                          and normalise(m.actors[0]["name"].split()[0]) == phrase.key), None)
            return Mention(phrase.start, phrase.end, [dict(named.actors[0])], "name", named.entities[:1]) if named else None
        if _not_a_noun(doc, phrase) or self._generic_complement(doc, phrase):
            return None
        parsed = self.finder.role_phrase(doc, phrase, at)
        consumed.update(range(parsed.phrase.end, parsed.end))
        return self._role(doc, parsed, at, date, context)

    def _generic_complement(self, doc: Doc, phrase: Phrase) -> bool:
        """"les droits de l'homme", "la place de la femme": someone of no office, named with the
        definite article as the complement of a noun, is a notion rather than an actor."""
        row, token = self.finder.roles[phrase.key], doc[phrase.start]
        if row["kind"] != "person" or row["office"] or row["sector"] != "CVL" or phrase.start < 2:
            return False
        article, preposition = doc[phrase.start - 1], doc[phrase.start - 2]
        return (token.dep_ == "nmod" and article.lower_ in self.finder.definites
                and preposition.lower_ in self.finder.complements)

    def _with_determiner(self, doc: Doc, phrase: Phrase) -> tuple[int, int]:
        start = phrase.start
        if start and doc[start - 1].lower_ in self.finder.determiners:
            start -= 1
        return start, phrase.end

    def _entity(self, phrase: Phrase, date: str | None, context: Context) -> int | None:
        kb = self.kb
        candidates = kb.by_name(phrase.key)
        if phrase.kind == "surname":
            candidates = [n for n in dict.fromkeys(candidates + kb.by_surname(phrase.key))
                          if kb.entities[n][KIND] == "person"]
        if not candidates:
            return None
        seen = context.entities()

        def score(n: int) -> int:
            return 4 * (n in seen) + 2 * bool(kb.roles(n, date)) + kb.entities[n][CURATED]

        best = max(candidates, key=score)
        if phrase.kind == "surname" and len(candidates) > 1 and score(best) < 2:
            return None  # a bare surname shared by several people nobody has introduced
        return best

    # --- roles -----------------------------------------------------------------------------
    def _role(self, doc: Doc, parsed: RolePhrase, at: dict[int, Phrase], date: str | None,
              context: Context) -> Mention | None:
        kb, role = self.kb, parsed.role
        span = (parsed.start, parsed.end)
        if role["kind"] == "organisation":
            return self._organisation(doc, parsed, at, date, context)
        if role["kind"] == "epithet":
            return self._epithet(doc, parsed, context)
        if role["kind"] == "relative":
            return self._relative(doc, parsed, at, date, context)
        if role["kind"] == "states":
            return self._states(parsed, context)
        named = self._apposition(doc, parsed, at, date, context)
        targets, body = self._targets(parsed, date)
        office, title, sector = role["office"], role["title"], role["sector"]
        allowed = split(role["only_for"])
        if allowed and targets and targets[0] not in allowed:
            office = title = None  # "secrétaire d'État" names the foreign minister in Washington only
        elif allowed and not targets and len(allowed) == 1 and context.dominant in (None, allowed[0]):
            targets = allowed
        elif allowed and not targets and context.dominant not in allowed:
            office = title = None  # … and a junior minister in a text about France
        if parsed.other_body:  # "le président du groupe centriste", "le président du Sénat"
            office = title = None
            sector = parsed.body_sector or sector
        if office == "spokesperson" and body == "foreign_ministry":
            office = "foreign_ministry_spokesperson"
        key = parsed.phrase.key
        gender = _gender(doc[parsed.start]) or _gender(doc[parsed.phrase.start])  # "la maire": the article says it
        bare = parsed.end >= len(doc) or doc[parsed.end].lower_ not in self.finder.complements
        if named is not None:
            actor, entity = named
            if entity is None:  # someone the knowledge base does not know: the role says who
                country, own = self._where(targets[0]) if targets else (context.dominant, None)
                actor.update(country=actor["country"] or country, sector=actor["sector"] or own or sector)
                if gender and actor["name"]:
                    context.genders.setdefault(actor["name"], gender)
            return Mention(*span, [actor], "apposition", [entity], role=key, gender=gender)
        if role["kind"] == "group":
            if (counted := self._counted_people(doc, parsed, context)) is not None:
                return counted
            places = [self._where(code) for code in targets] or [(None if parsed.foreign else context.dominant, None)]
            if role["body"] and len(places) == 1 and not parsed.count \
                    and doc[parsed.start].lower_ in self.body_articles:
                # "le Sénat", "les sénateurs" acting as one: the chamber of that country
                entity = kb.body(role["body"], places[0][0], sector)
                if entity is not None:
                    return Mention(*span, [kb.actor(entity, date)], "role", [entity], role=key)
            return Mention(*span, [kb.group(code, own or sector) for code, own in places], "role",
                           [None] * len(places))
        if role["kind"] == "counterpart":
            return self._counterpart(doc, parsed, targets, date, context)
        singular = role["number"] == "sing" and not parsed.count
        if not office and not title:
            if singular and parsed.definite and bare and not targets \
                    and (same := self._same_title(parsed, gender, context, prefix=True)):
                return same
            if singular and parsed.definite and not parsed.demonstrative \
                    and (same := self._same_title(parsed, gender, context, prefix=False)):
                return same  # "l'habitante du Lot-et-Garonne" after "X, une habitante de …"
            if singular and parsed.definite and (bare or parsed.demonstrative) and not targets \
                    and (same := self._described(doc, parsed, gender, context)):
                return same
            places = [self._where(code) for code in targets] or [(None if parsed.foreign else context.dominant, None)]
            return Mention(*span, [_person(None, code, own or sector) for code, own in places], "role",
                           [None] * len(places), role=key, gender=gender if singular else None)
        if parsed.former:
            return self._former(parsed, office, title, targets or [context.dominant], gender, date, context)
        if targets:
            found = [self._holder(office, title, code, date) for code in targets]
            actors = [kb.actor(n, date) if n is not None else _person(*self._person_at(code, sector))
                      for n, code in zip(found, targets)]
            return Mention(*span, actors, "role", found, role=key)
        earlier = [n for n in context.persons() if self._holds(n, office, title, date)]
        plural = parsed.count or (MAX_PLURAL if role["number"] == "plur" else 1)
        if earlier:
            chosen = earlier[:plural]
            return Mention(*span, [kb.actor(n, date) for n in chosen], "role", chosen, role=key)
        if singular and parsed.definite and bare and (same := self._same_title(parsed, gender, context, prefix=False)):
            return same
        if context.dominant and plural == 1:
            n = self._holder(office, title, context.dominant, date)
            if n is not None:
                return Mention(*span, [kb.actor(n, date)], "role", [n], role=key)
        return None

    def _where(self, target: str | None) -> tuple[str | None, str | None]:
        """The country of a role's target, and its sector when it is an organisation ("de la
        SNCF": FRA, BUS)."""
        if target in self.kb.organisations:
            row = self.kb.entities[self.kb.organisations[target]]
            return row[COUNTRY], row[SECTOR]
        return target, None

    def _person_at(self, target: str | None, sector: str | None) -> tuple[None, str | None, str | None]:
        country, own = self._where(target)
        return None, country, own or sector

    def _same_title(self, parsed: RolePhrase, gender: str | None, context: Context,
                    prefix: bool) -> Mention | None:
        """"le général" after "le général de Gaulle", "le ministre" after "le ministre des
        Affaires étrangères, Jean-Yves Le Drian": a bare title stands for the last person the
        text gave it (or, with `prefix`, a longer title it begins)."""
        key = parsed.phrase.key
        for mention in reversed(context.mentions):
            held = mention.role
            if held and (held == key or (prefix and held.startswith(key + " "))) \
                    and mention.person is not None and mention.actors[0]["name"] \
                    and self._gender(mention, context) in (None, gender or self._gender(mention, context)):
                return Mention(parsed.start, parsed.end, [mention.actors[0]], "role", mention.entities[:1], role=held)
        return None

    def _epithet(self, doc: Doc, parsed: RolePhrase, context: Context) -> Mention | None:
        """"le milliardaire républicain": the last person named before, in the paragraph or the
        sentence before; "un quinquagénaire": someone new."""
        if not parsed.definite:
            return Mention(parsed.start, parsed.end, [_person(None, context.dominant, None)], "role", [None])
        return self._last_named(doc, parsed, context, lambda mention: True)

    def _described(self, doc: Doc, parsed: RolePhrase, gender: str | None, context: Context) -> Mention | None:
        """"«…», a insisté la militante": a definite description that names no office stands
        for the last person named before it, of its gender and of no other sector ("le
        client" is not the president named before him). One that names a country is someone
        of that country the text has not named ("l'ambassadeur de Chine" is not the French
        minister who summons him, nor the Chinese president)."""
        def fits(mention: Mention) -> bool:
            actor = mention.actors[0]
            return bool(actor["name"]) and actor.get("sector") in (None, parsed.role["sector"]) \
                and (gender is None or self._gender(mention, context) in (None, gender))

        return self._last_named(doc, parsed, context, fits)

    def _counted_people(self, doc: Doc, parsed: RolePhrase, context: Context) -> Mention | None:
        """"les deux avocats": the last people named in the paragraph, as many as the number
        says, when there are that many since the paragraph began."""
        since = context.window_start(parsed.start)

        def person(mention: Mention) -> list[tuple[str, tuple[dict, int | None]]]:
            actor = mention.actors[0]
            if mention.person is None or not actor.get("name"):
                return []
            return [(actor["name"], (actor, mention.person if isinstance(mention.person, int) else None))]

        people = _last_counted(parsed, [m for m in context.mentions if doc[m.start].idx >= since], person)
        if people is None:
            return None
        return Mention(parsed.start, parsed.end, [dict(p) for p, _ in people], "role", [n for _, n in people])

    def _states(self, parsed: RolePhrase, context: Context) -> Mention | None:
        """"les deux pays": the last countries the text named, or whose leaders or forces it
        named, as many as the number says."""
        def countries(mention: Mention) -> list[tuple[str, str]]:
            return [(a["country"], a["country"]) for a in mention.actors if a.get("country") in self.kb.countries
                    and (a.get("kind") in ("state", "group") or a.get("sector") == "GOV")]

        codes = _last_counted(parsed, context.mentions, countries)
        if codes is None:
            return None
        return Mention(parsed.start, parsed.end, [self.kb.state(code) for code in codes], "role", [None] * len(codes))

    def _last_named(self, doc: Doc, parsed: RolePhrase, context: Context,
                    fits: Callable[[Mention], bool]) -> Mention | None:
        """The last person mentioned before a phrase that `fits`, in its paragraph or the
        sentence before, outside quotations it is not in."""
        since, here = context.window_start(parsed.start), doc[parsed.start].idx
        for mention in reversed(context.mentions):
            if doc[mention.start].idx < since:
                break
            if mention.person is not None and not context.quoted_apart(doc[mention.start].idx, here) and fits(mention):
                return Mention(parsed.start, parsed.end, [mention.actors[0]], "relation", mention.entities[:1])
        return None

    def _former(self, parsed: RolePhrase, office: str | None, title: str | None, targets: list[str | None],
                gender: str | None, date: str | None, context: Context) -> Mention:
        """"l'ancien président américain": a former holder of its gender the text has named,
        else the last to have left the office; never the one in office."""
        span = (parsed.start, parsed.end)
        code = targets[0]
        formers = self.kb.former_holders(office or "head_of_state", code, date, title) if code and (office or title) else []
        formers = [n for n in formers if self.kb.gender(n) in (None, gender) or gender is None]
        named = [n for n in context.persons() if n in formers]
        chosen = named[0] if named else formers[0] if formers else None
        if chosen is None:
            return Mention(*span, [_person(None, code, parsed.role["sector"])], "role", [None])
        return Mention(*span, [self.kb.actor(chosen, date)], "role", [chosen])

    def _relative(self, doc: Doc, parsed: RolePhrase, at: dict[int, Phrase], date: str | None,
                  context: Context) -> Mention | None:
        """"le frère de George Floyd": not George Floyd, but the person apposed after the
        complement ("…, Philonise Floyd"), or the one the text names elsewhere as the brother
        ("son frère, Philonise Floyd"), else someone unnamed of the text's country; "sa
        famille" with nobody named, nobody new."""
        person = self._apposed_person(doc, parsed, at)
        if person is None and not parsed.possessive:
            person = context.relatives.get(parsed.phrase.key)  # named elsewhere in the text
        if person is not None:
            name = at.get(person.start)
            entity = self._entity(name, date, context) if name is not None and name.end == person.end \
                and name.kind in ("name", "surname") else None
            actor = self.kb.actor(entity, date) if entity is not None else _person(person.text, context.dominant, None)
            return Mention(parsed.start, parsed.end, [actor], "apposition", [entity])
        if parsed.possessive:
            return None  # "Bachar al-Assad et sa famille": the text has named whom it goes with
        return Mention(parsed.start, parsed.end, [_person(None, context.dominant, parsed.role["sector"])], "role", [None])

    def _apposed_person(self, doc: Doc, parsed: RolePhrase, at: dict[int, Phrase]) -> Span | None:
        """The first name and surname apposed after a relation and its complement: "le frère
        de George Floyd, Philonise Floyd"."""
        end = parsed.end
        if end < len(doc) and doc[end].lower_ in self.finder.complements and (relation := at.get(end + 1)):
            end = relation.end  # "de George Floyd"
        person = proper_name(doc, end + 1) if end < len(doc) and doc[end].text == "," else None
        return person if person is not None and len(person) >= 2 else None

    def _organisation(self, doc: Doc, parsed: RolePhrase, at: dict[int, Phrase], date: str | None,
                      context: Context) -> Mention | None:
        """"le site 78Actu", "la chaîne BFM TV": the organisation named next to the noun; "le
        syndicat", "la chaîne d'information": the last one the text named of that kind; "des
        médias américains": a collective of that sector, of the country named or the text's."""
        sectors = split(parsed.role["sector"])
        span = (parsed.start, parsed.end)
        named_at = after_adjectives(doc, parsed.end, at)  # "le site spécialisé Axios"
        after = at.get(named_at)
        if after is not None and after.kind == "name":
            entity = self._entity(after, date, context)
            if entity is not None and self.kb.entities[entity][KIND] == "organisation":
                return None  # the name itself is the mention
        name = proper_name(doc, named_at)
        if name is not None:
            actor = context.organisations.setdefault(normalise(name.text), {
                "name": name.text, "country": context.dominant, "sector": sectors[0], "kind": "organisation",
                "aliases": []})
            return Mention(parsed.start, name.end, [actor], "apposition", [None])
        targets, _ = self._targets(parsed, date)
        if targets:  # "la chaîne américaine"
            places = [self._where(code) for code in targets]
            return Mention(*span, [self.kb.group(code, own or sectors[0]) for code, own in places], "role",
                           [None] * len(places))
        if parsed.definite and parsed.role["number"] == "sing":
            for mention in reversed(context.mentions):
                if len(mention.actors) == 1 and mention.actors[0]["kind"] == "organisation" \
                        and mention.actors[0]["name"] and mention.actors[0]["sector"] in sectors:
                    return Mention(*span, [mention.actors[0]], "role", mention.entities[:1])
        return None  # "le site nucléaire", "la station": not every such word is about an actor

    def _targets(self, parsed: RolePhrase, date: str | None) -> tuple[list[str], str | None]:
        """The states or organisations a role phrase is about, and the body ("du Quai
        d'Orsay": the foreign ministry) when its complement names one."""
        if parsed.countries:
            return list(parsed.countries), None
        complement = parsed.complement
        if complement is None:
            return [], None
        if complement.kind in ("country", "capital"):
            return [complement.key], None
        if complement.kind == "metonym":
            row = self.finder.metonyms[complement.key]
            return [row["country"]], row["body"]
        if complement.kind == "role" and parsed.nested is not None:
            return self._targets(parsed.nested, date)
        named = self.kb.by_name(complement.key)
        if named and self.kb.entities[named[0]][KIND] == "organisation":
            return [self.kb.entities[named[0]][0]], None
        if named:  # "le gouvernement de Boris Johnson": that person's country
            country = self.kb.actor(named[0], date)["country"]
            return ([country] if country in self.kb.countries else []), None
        return [], None

    def _holder(self, office: str | None, title: str | None, of: str, date: str | None) -> int | None:
        kb = self.kb
        if of in kb.organisations:
            found = kb.holders("head", of, date, title) if title else kb.holders("head", of, date)
        elif not office:
            found = kb.titled(title, of, date)
        else:
            found = kb.holders(office, of, date, title) or (kb.titled(title, of, date) if title else [])
        return found[0] if found else None

    def _holds(self, entity: int, office: str | None, title: str | None, date: str | None) -> bool:
        for _, held, held_title, of, _, _ in self.kb.roles(entity, date):
            called = held_title or USUAL_TITLE.get(held)
            if office == "leader":
                if held == self.kb.countries.get(of, {}).get("executive"):
                    return True
            elif (not office or held == office) and (not title or called == title):
                return True
        return False

    def _apposition(self, doc: Doc, parsed: RolePhrase, at: dict[int, Phrase], date: str | None,
                    context: Context) -> tuple[dict, int | None] | None:
        """The person a role phrase is put next to: "le porte-parole du Kremlin, Dmitri
        Peskov", "le président Vladimir Poutine", "Dmitri Peskov, porte-parole du Kremlin"."""
        if parsed.role["kind"] != "person" or parsed.role["number"] == "plur":
            return None
        after = parsed.end + (parsed.end < len(doc) and doc[parsed.end].text == ",")
        phrase = at.get(after)
        if phrase is None and parsed.start >= 2 and doc[parsed.start - 1].text == ",":
            before = context.mentions[-1] if context.mentions else None
            if before and before.end == parsed.start - 1 and len(before.actors) == 1 \
                    and before.actors[0]["kind"] == "person" and before.actors[0]["name"]:
                return before.actors[0], before.entities[0]  # the same dict: an unknown gets the role's country
            return None
        if phrase is None or phrase.kind not in ("name", "surname", "unknown"):
            phrase = self._name_after_tail(doc, parsed.end, at, date, context)
        if phrase is None:
            return None
        if phrase.kind == "unknown":
            actor = context.introduced.setdefault(phrase.start, _person(phrase.key, None, None))
            return actor, None
        entity = self._entity(phrase, date, context)
        if entity is None or self.kb.entities[entity][KIND] != "person":
            return None
        return self.kb.actor(entity, date), entity

    def _name_after_tail(self, doc: Doc, end: int, at: dict[int, Phrase], date: str | None,
                         context: Context) -> Phrase | None:
        """The name of a person that comes after what a title says of its holder: "le président
        du groupe centriste Hervé Marseille", "le député de Seine-Saint-Denis, Éric Coquerel"."""
        if end >= len(doc) or doc[end].text == ",":
            return None
        i = end
        while i < min(len(doc), end + MAX_TAIL):
            token, phrase = doc[i], at.get(i)
            if phrase is not None and phrase.kind in ("name", "surname", "unknown"):
                if doc[i - 1].pos_ == "ADP" and doc[i - 1].lower_ not in self.complements:
                    return None  # the complement of a preposition: "le président français à Clarence House"
                if phrase.kind == "unknown":
                    return phrase
                entity = self._entity(phrase, date, context)
                if entity is not None and self.kb.entities[entity][KIND] == "person":
                    return phrase
            if phrase is not None:  # "de la SNCF", "centriste": what the holder belongs to
                i = phrase.end
                continue
            if token.text == "," and i + 1 in at and at[i + 1].kind in ("name", "surname", "unknown"):
                i += 1
                continue
            if (token.pos_ in ("VERB", "AUX", "PRON") and not token.is_upper) or token.is_sent_start \
                    or (token.is_punct and token.text not in "-'’"):
                return None  # an acronym the tagger took for a verb goes on: "du groupe RDPI"
            i += 1
        return None

    def _counterpart(self, doc: Doc, parsed: RolePhrase, targets: list[str], date: str | None,
                     context: Context) -> Mention | None:
        """"son homologue américain": the same office as the person "son" points to, in the
        country the demonym names."""
        anchor = next(iter(context.persons(since=context.window_start(parsed.start))), None)
        if anchor is None or not targets:
            return None
        held = self.kb.roles(anchor, date)
        if not held:
            return None
        _, office, title, _, _, _ = held[0]
        found = [self._holder(office, title, code, date) for code in targets]
        actors = [self.kb.actor(n, date) for n in found if n is not None]
        return Mention(parsed.start, parsed.end, actors, "relation", [n for n in found if n is not None])

    # --- pronouns --------------------------------------------------------------------------
    def _impersonal(self, token) -> bool:
        """"il faut", "il serait utile": an "il" that stands for nobody."""
        if token.lower_ not in self.expletives:
            return False
        if token.dep_.startswith("expl") and not token.text.startswith("-"):
            return True  # the parser calls "a-t-il rétorqué" expletive too: the verb decides there
        head = token.head
        return head.lemma_.lower() in self.impersonal or head.lower_ in self.impersonal

    def _pronoun(self, doc: Doc, phrase: Phrase, context: Context) -> Mention | None:
        """The person a pronoun stands for: the last one named before it, in its paragraph or
        the sentence before, of its gender, not inside someone else's quotation; a subject
        pronoun, or one after a preposition ("selon lui"), goes on with the subject of the
        sentence before ("Zuckerberg a décidé de les laisser. Dans une publication, il dit …"),
        or, when no one named is that subject, with the first person that sentence names."""
        since = context.window_start(phrase.start)
        here = doc[phrase.start].idx
        token = doc[phrase.start]
        clitic = token.lower_ in self.clitics_of_either_gender and token.i < token.head.i \
            and not any(c.dep_ == "case" for c in token.children)  # "lui a dit", not "selon lui"
        gender = None if clitic else phrase.key
        candidates = []
        for mention in reversed(context.mentions):
            if doc[mention.start].idx < since:
                break
            person = mention.person
            if mention.end > phrase.start or person is None or context.quoted_apart(doc[mention.start].idx, here):
                continue
            if gender is None or self._gender(mention, context) in (None, gender):
                candidates.append(mention)
        antecedent = _relative_antecedent(token)
        if antecedent is not None:  # "Macron, avec lequel il s'est entretenu": il is someone else
            phrase_tokens = {t.i for t in antecedent.subtree} - {t.i for t in token.head.subtree}
            candidates = [m for m in candidates if not phrase_tokens & set(range(m.start, m.end))]
        if clitic or token.dep_ in {"obj", "iobj"}:  # "Un habitant lui a reproché …": lui is not the habitant
            subject = {t.i for c in token.head.children if c.dep_.startswith("nsubj") for t in c.subtree}
            candidates = [m for m in candidates if not subject & set(range(m.start, m.end))]
        if not candidates:
            return None
        chosen = candidates[0]
        own = token.sent.start if doc.has_annotation("SENT_START") else 0
        speaks = (token.dep_.startswith("nsubj") and not clitic) or token.text.startswith("-") \
            or any(c.dep_ == "case" for c in token.children)
        if speaks and chosen.start < own:  # "il", "a-t-il", "selon lui", not "lui a dit"
            subjects = [m for m in candidates if _is_subject(doc, m)]
            sentence = doc[chosen.start].sent.start
            if subjects and subjects[0].start >= sentence:
                chosen = subjects[0]  # the subject of the same sentence as the last one named
            else:  # no one named is its subject: the first one it names ("d'autres, à l'image de X")
                chosen = [m for m in candidates if m.start >= sentence][-1]
        person = chosen.person
        return Mention(phrase.start, phrase.end, [dict(chosen.actors[0])], "pronoun",
                       [person if isinstance(person, int) else None])

    def _gender(self, mention: Mention, context: Context) -> str | None:
        person = mention.person
        if isinstance(person, int):
            return self.kb.gender(person) or mention.gender
        return context.genders.get(person) or mention.gender

    # --- the text's main country --------------------------------------------------------------
    def _dominant(self, phrases: list[Phrase], date: str | None) -> str | None:
        """The country the text is most about: the one its names, demonyms, capitals and
        known people point to most often (the first of equals)."""
        counts: Counter[str] = Counter()
        for phrase in phrases:
            if phrase.kind in ("country", "capital", "demonym"):
                counts[phrase.key] += 1
            elif phrase.kind == "name" and self.kb.by_name(phrase.key):
                # a known person says more about a text's country than a passing place name
                entity = self.kb.by_name(phrase.key)[0]
                counts[self.kb.actor(entity, date)["country"]] += 2
            elif phrase.kind == "metonym":
                counts[self.finder.metonyms[phrase.key]["country"]] += 1
        states = [(code, n) for code, n in counts.most_common() if code in self.kb.countries]
        return states[0][0] if states else None


def _last_counted(parsed: RolePhrase, mentions: list[Mention], items: Callable[[Mention], list[tuple]]) -> list | None:
    """What a counted plural with a determiner stands for ("les deux pays", "les deux
    avocats"): the last distinct (key, item) pairs `items` draws from the mentions before it,
    as many as the number says, earliest first; None without a determiner ("deux pays" are
    some two countries) or when the text named fewer."""
    if not parsed.count or parsed.start > parsed.phrase.start - 2:
        return None
    found: dict = {}
    for mention in reversed(mentions):
        for key, item in items(mention):
            found.setdefault(key, item)
        if len(found) >= parsed.count:
            break
    if len(found) < parsed.count:
        return None
    return list(found.values())[:parsed.count][::-1]


def _person(name: str | None, country: str | None, sector: str | None) -> dict:
    return {"name": name, "country": country, "sector": sector, "kind": "person", "aliases": []}


def _gender(token) -> str | None:
    """m or f, as the morphology of a noun says it ("la maire": f)."""
    found = token.morph.get("Gender")
    return {"Masc": "m", "Fem": "f"}.get(found[0]) if found else None


def _is_subject(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is the subject of its clause, as the parse says, or as the verb right
    after it shows ("Olivier Faure, a eu …", which the parser may read otherwise)."""
    if any(t.dep_.startswith("nsubj") or (t.text.startswith("-") and t.pos_ == "PRON")  # "a-t-il"
           for t in doc[mention.start:mention.end]):
        return True
    after = mention.end
    while after < len(doc) and doc[after].text == ",":
        after += 1
    return after < len(doc) and doc[after].pos_ in ("AUX", "VERB") and "Fin" in doc[after].morph.get("VerbForm")


def _not_a_noun(doc: Doc, phrase: Phrase) -> bool:
    """A role word used as a verb or as the adjective of another noun: "il a été élu", "les
    députés socialistes" (the deputies are the actor, not "socialistes")."""
    if phrase.end - phrase.start != 1:
        return False
    token = doc[phrase.start]
    after_noun = token.pos_ == "ADJ" and token.i > 0 and doc[token.i - 1].pos_ in ("NOUN", "PROPN")
    return token.pos_ in ("VERB", "AUX") or after_noun


def _relative_antecedent(token: Token) -> Token | None:
    """For the subject of a relative clause that a relative pronoun opens before it, the noun
    the clause is about."""
    clause = token.head
    if not token.dep_.startswith("nsubj") or clause.dep_ != "acl:relcl":
        return None
    opened = any("PronType=Rel" in str(t.morph) for t in clause.subtree if t.i < token.i)
    return clause.head if opened else None
