"""Who each actor phrase of a text is, on the date of the text.

Phrases are resolved in text order, so that each can look back at the mentions before it:
a name to the knowledge-base entity it names (the one already mentioned, or in office, or
curated); a role to whoever held it in the country its demonym or complement names
("le président russe" → the president of Russia on that date); "son homologue américain"
to the holder of the same office in the other country; "les deux Présidents" to the two
presidents mentioned last; a pronoun to the last person mentioned before it, in its
paragraph or the sentence before; a collective ("la police", "les manifestants") to a
sector of the country its adjective names or, failing that, of the text's main country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from veille.kb.base import USUAL_TITLE, KnowledgeBase
from veille.kb.index import CURATED, KIND
from veille.kb.phrases import Phrase, PhraseFinder, RolePhrase
from veille.kb.sources import split
from veille.lang import data

# how many earlier persons a plural role without a number may stand for
MAX_PLURAL = 4


@dataclass
class Mention:
    """A resolved mention: tokens [start, end), its actors, and how they were found."""

    start: int
    end: int
    actors: list[dict]
    how: str
    entities: list[int | None] = field(default_factory=list)

    @property
    def person(self) -> int | None:
        """The knowledge-base person this mention names, when it names exactly one."""
        if len(self.actors) == 1 and self.actors[0]["kind"] == "person":
            return self.entities[0] if self.entities else None
        return None


class Resolver:
    def __init__(self, kb: KnowledgeBase, finder: PhraseFinder, lang: str = "fr") -> None:
        self.kb = kb
        self.finder = finder
        words = data(lang, "actor_words.yaml")
        self.locatives = set(words["locatives"])
        self.pronouns = words["pronouns"]
        self.impersonal = set(words["impersonal"])

    def resolve(self, doc: Doc, date: str | None, skip: Callable[[int, int], bool] = lambda s, e: False,
                people: list[tuple[int, int]] = (), date_at: Callable[[int], str | None] | None = None
                ) -> list[Mention]:
        """The actor mentions of `doc`. `skip(start_char, end_char)` rules out stretches of
        text (boilerplate); `people` are token spans of person names found otherwise (NER),
        unknown to the knowledge base; `date_at(token)` may give a sentence its own date."""
        phrases = [p for p in self.finder.find(doc) if not skip(*_chars(doc, p.start, p.end))]
        taken = {i for p in phrases for i in range(p.start, p.end)}
        phrases += [Phrase(s, e, "unknown", doc[s:e].text) for s, e in people
                    if not taken.intersection(range(s, e)) and not skip(*_chars(doc, s, e))]
        phrases += [Phrase(t.i, t.i + 1, "pronoun", self.pronouns[t.lower_]) for t in doc
                    if t.lower_ in self.pronouns and t.pos_ in ("PRON", "") and not self._impersonal(t)
                    and not skip(t.idx, t.idx + len(t))]
        phrases.sort(key=lambda p: p.start)
        at = {p.start: p for p in phrases}
        context = Context(doc, self._dominant(phrases, date), [], skip)
        consumed: set[int] = set()
        for phrase in phrases:
            if phrase.start in consumed:
                continue
            when = (date_at(phrase.start) if date_at else None) or date
            mention = self._mention(doc, phrase, at, when, context, consumed)
            if mention and mention.actors:
                context.mentions.append(mention)
        return context.mentions

    # --- one phrase ------------------------------------------------------------------------
    def _mention(self, doc: Doc, phrase: Phrase, at: dict[int, Phrase], date: str | None,
                 context: "Context", consumed: set[int]) -> Mention | None:
        kb = self.kb
        if phrase.kind in ("name", "surname"):
            entity = self._entity(phrase, date, context)
            if entity is None:
                return None
            return Mention(phrase.start, phrase.end, [kb.actor(entity, date)], "name", [entity])
        if phrase.kind == "unknown":
            actor = context.introduced.get(phrase.start) or _person(phrase.key, None, None)
            return Mention(phrase.start, phrase.end, [actor], "name", [None])
        if phrase.kind == "country":
            return Mention(*self._with_determiner(doc, phrase), [kb.state(phrase.key)], "country", [None])
        if phrase.kind == "capital":
            if phrase.start and doc[phrase.start - 1].lower_ in self.locatives:
                return None  # "à Moscou": a place, not the government
            return Mention(phrase.start, phrase.end, [kb.state(phrase.key, "GOV")], "metonym", [None])
        if phrase.kind == "metonym":
            row = self.finder.metonyms[phrase.key]
            return Mention(*self._with_determiner(doc, phrase), [kb.state(row["country"], row["sector"])],
                           "metonym", [None])
        if phrase.kind == "demonym":
            token = doc[phrase.start]
            if token.text[:1].isupper() and not token.is_sent_start:  # "les Américains"
                return Mention(*self._with_determiner(doc, phrase), [kb.state(phrase.key)], "demonym", [None])
            return None
        if phrase.kind == "pronoun":
            return self._pronoun(doc, phrase, context)
        parsed = self.finder.role_phrase(doc, phrase, at)
        consumed.update(range(parsed.phrase.end, parsed.end))
        return self._role(doc, parsed, at, date, context)

    def _with_determiner(self, doc: Doc, phrase: Phrase) -> tuple[int, int]:
        start = phrase.start
        if start and doc[start - 1].lower_ in self.finder.determiners:
            start -= 1
        return start, phrase.end

    def _entity(self, phrase: Phrase, date: str | None, context: "Context") -> int | None:
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
              context: "Context") -> Mention | None:
        kb, role = self.kb, parsed.role
        span = (parsed.start, parsed.end)
        named = self._apposition(doc, parsed, at, date, context)
        targets, body = self._targets(parsed, date)
        office, title, sector = role["office"], role["title"], role["sector"]
        allowed = split(role["only_for"])
        if allowed and targets and targets[0] not in allowed:
            office = title = None  # "secrétaire d'État" names the foreign minister in Washington only
        elif allowed and not targets and len(allowed) == 1:
            targets = allowed
        if office == "spokesperson" and body == "foreign_ministry":
            office = "foreign_ministry_spokesperson"
        if named is not None:
            actor, entity = named
            if entity is None:  # someone the knowledge base does not know: the role says who
                actor.update(country=actor["country"] or (targets[0] if targets else context.dominant),
                             sector=actor["sector"] or sector)
            return Mention(*span, [actor], "apposition", [entity])
        if role["kind"] == "group":
            codes = targets or [context.dominant]
            return Mention(*span, [kb.group(code, sector) for code in codes], "role", [None] * len(codes))
        if role["kind"] == "counterpart":
            return self._counterpart(doc, parsed, targets, date, context)
        if not office and not title:
            codes = targets or [context.dominant]
            return Mention(*span, [_person(None, code, sector) for code in codes], "role", [None] * len(codes))
        if targets:
            found = [self._holder(office, title, code, date) for code in targets]
            actors = [kb.actor(n, date) if n is not None else _person(None, code, sector)
                      for n, code in zip(found, targets)]
            return Mention(*span, actors, "role", found)
        earlier = [n for n in context.persons() if self._holds(n, office, title, date)]
        plural = parsed.count or (MAX_PLURAL if role["number"] == "plur" else 1)
        if earlier:
            chosen = earlier[:plural]
            return Mention(*span, [kb.actor(n, date) for n in chosen], "role", chosen)
        if context.dominant and plural == 1:
            n = self._holder(office, title, context.dominant, date)
            if n is not None:
                return Mention(*span, [kb.actor(n, date)], "role", [n])
        return None

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
                    context: "Context") -> tuple[dict, int | None] | None:
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
            return None
        if phrase.kind == "unknown":
            actor = context.introduced.setdefault(phrase.start, _person(phrase.key, None, None))
            return actor, None
        entity = self._entity(phrase, date, context)
        if entity is None or self.kb.entities[entity][KIND] != "person":
            return None
        return self.kb.actor(entity, date), entity

    def _counterpart(self, doc: Doc, parsed: RolePhrase, targets: list[str], date: str | None,
                     context: "Context") -> Mention | None:
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
        if token.dep_.startswith("expl"):
            return True
        head = token.head
        return head.lemma_.lower() in self.impersonal or head.lower_ in self.impersonal

    def _pronoun(self, doc: Doc, phrase: Phrase, context: "Context") -> Mention | None:
        since = context.window_start(phrase.start)
        for mention in reversed(context.mentions):
            if mention.end <= phrase.start and doc[mention.start].idx >= since and mention.person is not None:
                gender = self.kb.gender(mention.person)
                if gender in (None, phrase.key):
                    return Mention(phrase.start, phrase.end, [dict(mention.actors[0])], "pronoun",
                                   [mention.person])
            if doc[mention.start].idx < since:
                break
        return None

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


@dataclass
class Context:
    """What the resolution has seen so far in a text."""

    doc: Doc
    dominant: str | None
    mentions: list[Mention]
    skip: Callable[[int, int], bool] = lambda s, e: False
    sentences: list[tuple[int, int]] = field(default_factory=list)
    introduced: dict[int, dict] = field(default_factory=dict)  # unknown people a role introduced

    def __post_init__(self) -> None:
        self.text = self.doc.text
        if self.doc.has_annotation("SENT_START"):
            self.sentences = [(s.start, s.end) for s in self.doc.sents if s.text.strip()]
        else:
            self.sentences = [(0, len(self.doc))]

    def entities(self) -> set[int]:
        return {n for m in self.mentions for n in m.entities if n is not None}

    def persons(self, since: int = 0) -> list[int]:
        """Distinct people mentioned so far, the latest first, from character `since` on."""
        found: list[int] = []
        for mention in reversed(self.mentions):
            if self.doc[mention.start].idx < since:
                break
            for n, actor in zip(mention.entities, mention.actors):
                if n is not None and actor["kind"] == "person" and n not in found:
                    found.append(n)
        return found

    def window_start(self, token: int) -> int:
        """Where a pronoun or a relation may find its person: its paragraph, or the
        sentence before its own (boilerplate lines apart) when that starts earlier."""
        doc = self.doc
        paragraph = self.text.rfind("\n\n", 0, doc[token].idx) + 1
        own = max((s for s in self.sentences if s[0] <= token), default=(0, len(doc)))
        earlier = [s for s in self.sentences if s[1] <= own[0] and not self.skip(*_chars(doc, *s))]
        start = earlier[-1][0] if earlier else own[0]
        return min(paragraph, doc[start].idx)


def _person(name: str | None, country: str | None, sector: str | None) -> dict:
    return {"name": name, "country": country, "sector": sector, "kind": "person", "aliases": []}


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
