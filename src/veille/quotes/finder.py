"""The quotes of one Doc, found from what attributes them.

- a verb of saying with its reported clause: "Peskov a déclaré que …" (the clause after the
  complementiser), "s'est dit prêt à …" (the stance, from the adjective on);
- an incise after the words: "…, a déclaré le porte-parole du Kremlin" (the words before it);
- a source: "selon lui, …" (what follows), "…, d'après des médias" (what precedes);
- a quotation: the object of a verb of saying ("a dénoncé « … »", "a lancé : « … »"), after a
  colon that follows a name ("Dmitri Peskov : « … »"), or a sentence on its own, given the
  speaker of its paragraph's last (else next) attributed quote, with a lower confidence.

Cues inside a quotation are the speaker's own words and attribute nothing; quotations inside a
reported clause are part of it (a `mixed` quote); boilerplate lines yield no quote. A pronoun
speaker ("a-t-il ajouté", "selon lui") and a lone quotation go on with a speaker the text
introduced (`veille.quotes.continuity`). A verb of saying that is not conjugated ("en
expliquant que", "après avoir annoncé que") takes the subject of its main clause.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from veille.cleaning import in_boilerplate
from veille.quotes.cues import Cue, Lexicon, is_finite_verb, is_reflexive, is_stance_word, verb_group_start
from veille.quotes.continuity import Continuity, agree
from veille.quotes.layout import Layout
from veille.quotes.marks import Segment, find_segments
from veille.quotes.resolution import SpeakerResolver
from veille.quotes.speakers import (NOBODY, SUBJECT_CLIMB, Phrase, clitic_of, inverted_subject, noun_phrase, span_phrase,
                                    subject_of)

# How sure each way of finding a quote is, before the speaker is weighed in.
CONFIDENCE = {"clause": 0.9, "incise": 0.9, "stance": 0.85, "object": 0.85, "colon": 0.8,
              "source": 0.8, "neighbour": 0.5, "alone": 0.3}
# Which of two quotes over the same words to keep: the lower rank.
RANK = {"clause": 0, "stance": 0, "incise": 0, "object": 1, "colon": 1, "source": 2, "alone": 3}
CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "PRON", "AUX", "INTJ")
EDGE = " \t\n\u00a0\u202f.,;:"  # trimmed from both ends of a quote
OPEN_END = -1  # a region that runs to the end of its clause
RECENT_SENTENCES = 6  # how far back a pronoun ("a-t-il ajouté") goes on with the last speaker
SENTENCE_END = (".", "!", "?", "…")


@dataclass
class Found:
    """A quote in the making: its region of text, how it was found, who says it."""

    start: int
    end: int
    rule: str
    cue: Cue | None = None
    speaker: Phrase | None = None
    quote: dict = field(default_factory=dict)


def find_quotes(doc: Doc, lexicon: Lexicon) -> list[dict]:
    """The quotes of `doc`, in text order, as plain dicts (the `doc._.quotes` contract)."""
    return QuoteFinder(doc, lexicon).quotes()


class QuoteFinder:
    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc, self.lexicon, self.text = doc, lexicon, doc.text
        self.segments = find_segments(doc.text, lexicon.marks)
        self.claimed: set[Segment] = set()
        self.speakers = SpeakerResolver(doc, lexicon.honorifics)
        self.layout = Layout(doc, self.segments)
        self.continuity = Continuity(doc, self.layout, self.speakers, "".join(lexicon.marks))
        self.found: list[Found] = []

    def quotes(self) -> list[dict]:
        cues = sorted((c for c in self._verb_cues() + self._source_cues() if self._usable(c.token.idx)),
                      key=lambda c: c.token.i)
        self.found = found = self._from_cues(cues) + self._from_quotation_marks(cues)
        last: tuple[dict, int, tuple] | None = None  # the last speaker, where they spoke, their gender and number
        for item in sorted(found, key=lambda f: f.start):
            item.quote = self._record(item, last)
            if item.quote and item.quote["speaker"]:  # where the speaker is named, else where they spoke
                last = (item.quote["speaker"], item.speaker.start if item.speaker else item.start,
                        self.continuity.agreement(item.speaker))
        kept = _one_per_stretch([f for f in found if f.quote and not in_boilerplate(
            self.doc, f.quote["start"], f.quote["end"])])
        self._attribute_alone(kept)
        return [f.quote for f in sorted(kept, key=lambda f: f.quote["start"])]

    # --- cues ---------------------------------------------------------------------------

    def _usable(self, offset: int) -> bool:
        return not self.layout.quoted(offset) and not in_boilerplate(self.doc, offset, offset + 1)

    def _outside(self, cue: Cue) -> Callable[[int], bool]:
        """Where the speaker of `cue` cannot be: inside a quotation, or in another sentence."""
        begin, end = self.layout.sentence(cue.token)
        return lambda offset: self.layout.quoted(offset) or not begin <= offset < end

    def _verb_cues(self) -> list[Cue]:
        cues: list[Cue] = []
        for token in self.doc:
            if (not cues or token.i > cues[-1].last.i) and (cue := self.lexicon.verb_cue(token)):
                cues.append(cue)
        return cues

    def _source_cues(self) -> list[Cue]:
        cues = []
        for match in self.lexicon.source_pattern.finditer(self.text):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span):
                cues.append(Cue(span[0], span[-1], match.group(1).casefold(), frozenset(), source=True))
        return cues

    # --- quotes attributed by a cue -----------------------------------------------------

    def _from_cues(self, cues: list[Cue]) -> list[Found]:
        opened = [item for cue in cues if (item := self._source_quote(cue) if cue.source else self._verb_quote(cue))]
        # a source inside the clause ("que les plateformes, selon lui, ne devaient pas …") ends nothing
        ending = [item.cue for item in opened if not item.cue.source or item.end == item.cue.token.idx]
        found = []
        for item in opened:
            if item.end == OPEN_END:
                item.end = self._clause_end(item.start, item.cue, ending)
            if item.end > item.start:
                found.append(item)
        for item in found:  # quotations inside a reported clause, or inside a speaker's name
            regions = [(item.start, item.end)] + ([(item.speaker.start, item.speaker.end)] if item.speaker else [])
            self.claimed |= {s for s in self.segments for start, end in regions if start <= s.close and s.open < end}
        return found

    def _verb_quote(self, cue: Cue) -> Found | None:
        if "incise" in cue.frames and (incise := self._incise(cue)):
            return incise
        speaker = subject_of(cue, self.lexicon.not_speakers, self._outside(cue))
        if speaker is None and not cue.is_finite():
            speaker = self._main_subject(cue)
        if speaker == NOBODY:
            return None
        if "adjective" in cue.frames and is_reflexive(cue.token) and (stance := self._stance(cue)):
            return Found(*stance, "stance", cue, speaker)
        if "que" in cue.frames and (start := self._reported_clause(cue)) is not None:
            return Found(start, OPEN_END, "clause", cue, speaker)
        return None

    def _main_subject(self, cue: Cue) -> Phrase | None:
        """Who says what a verb that is not conjugated reports ("Après avoir annoncé que …, le
        président a évoqué …", "a confirmé Emmanuel Macron, en expliquant que …"): the subject
        of the main clause, after the comma, or of the conjugated verb it hangs on, inverted or not."""
        outside = self._outside(cue)
        for token in self.doc[cue.last.i + 1: cue.token.sent.end]:
            if token.text == "," and not outside(token.idx) and self._main_clause_follows(token):
                subject = next(t for t in self.doc[token.i + 1: token.i + 6] if t.dep_.startswith("nsubj"))
                if subject.pos_ in ("NOUN", "PROPN", "PRON"):
                    return noun_phrase([subject], token.i + 1, subject.head.i - 1)
        for verb in cue.token.ancestors:
            if outside(verb.idx) or not (is_finite_verb(verb) or any(is_finite_verb(c) for c in verb.children
                                                                   if c.dep_.startswith("aux"))):
                continue
            found = subject_of(Cue(verb, verb, verb.lemma_, frozenset(), finite=True, group_start=verb_group_start(verb)),
                               self.lexicon.not_speakers, outside)
            return found if found is not None else inverted_subject(
                Cue(verb, verb, verb.lemma_, frozenset(), finite=True), outside)
        return None

    def _stance(self, cue: Cue) -> tuple[int, int] | None:
        """"s'est dit prêt à …": from the adjective to the end of the clause; "«prêt»" alone."""
        for token in self.doc[cue.last.i + 1: cue.token.sent.end]:
            if token.text in self.lexicon.marks:
                segment = next((s for s in self.segments if s.open == token.idx), None)
                inside = self.layout.token_at(segment.content(self.text)[0]) if segment else None
                if inside is not None and is_stance_word(inside, cue.token):
                    self.claimed.add(segment)
                    return segment.content(self.text)
                return None
            if is_stance_word(token, cue.token):
                return token.idx, OPEN_END
            if token.pos_ != "ADV":
                return None
        return None

    def _reported_clause(self, cue: Cue) -> int | None:
        """Where the clause after "a déclaré (mardi à la presse) que" begins."""
        for token in self.doc[cue.last.i + 1: cue.token.sent.end]:
            if size := self.lexicon.complementiser_size(token):
                previous = token.nbor(-1)
                # "a annoncé la mesure que …": a relative clause, not reported speech
                relative = (previous.pos_ in ("NOUN", "PROPN") and (token.pos_ == "PRON" or any(
                                c.dep_ == "det" for c in previous.children))
                            and not any(c.dep_ == "case" for c in previous.children)
                            and not any(t["start"] <= previous.idx < t["end"] for t in self.doc._.timexes or ()))
                return None if relative else token.idx + size
            if token.is_sent_end or is_finite_verb(token) or self.lexicon.verb_cue(token):
                return None
        return None

    def _incise(self, cue: Cue) -> Found | None:
        """"…, a déclaré Peskov", "«…», a-t-il ajouté": the words before the incise."""
        before = self._before_incise(cue)
        if before is None:
            return None
        speaker = inverted_subject(cue, self._outside(cue))
        if speaker is None:
            return None
        closing = before if before.text in self.lexicon.closers else (before.nbor(-1) if before.i > 0 else None)
        if closing is not None and closing.text in self.lexicon.closers:
            segment = next((s for s in self.segments if s.close == closing.idx), None)
            if segment:
                self.claimed.add(segment)
                return Found(*segment.content(self.text), "incise", cue, speaker)
        begin = self.layout.whole_quotations(self.layout.sentence(cue.token)[0], before.idx)[0]
        return Found(begin, before.idx, "incise", cue, speaker)

    def _before_incise(self, cue: Cue) -> Token | None:
        """The comma or closing mark before a verb in incise position ("…», lui a lancé une femme"),
        or None when the verb is not an incise (not conjugated, or its subject comes first)."""
        i = cue.group_start - 1
        if i < cue.token.sent.start or not cue.is_finite():
            return None
        # an object clitic ("lui a lancé"), not a relative pronoun ("…, qui avait plaidé pour …")
        pronoun = self.doc[i] if self.doc[i].pos_ == "PRON" and "Rel" not in self.doc[i].morph.get("PronType") else None
        before = self.doc[i - 1] if pronoun is not None and i > cue.token.sent.start else self.doc[i]
        if before.text in ("?", "!") and before.i > 0 and before.nbor(-1).text in self.lexicon.closers:
            before = before.nbor(-1)  # "«…»? a-t-elle poursuivi"
        if before.text != "," and before.text not in self.lexicon.closers:
            return None
        subjects = [c for c in cue.token.children if c.dep_ in ("nsubj", "nsubj:pass")
                    and c is not pronoun and not self.layout.quoted(c.idx) and not _clause_read_as_noun(c)]
        if any(c.i < i for c in subjects) and not any(c.i > cue.token.i for c in subjects) and not clitic_of(cue.token):
            return None  # "Le sénateur, co-auteur de la loi, a souligné …": not inverted
        return before

    def _source_quote(self, cue: Cue) -> Found | None:
        """"Selon X, …" (what follows), "…, selon X." (what precedes), "…, selon X, …" (it all)."""
        sentence, doc = cue.token.sent, self.doc
        first, last = cue.last.i + 1, cue.last.i
        while last + 1 < sentence.end and not doc[last + 1].is_punct:
            last += 1
            if last + 1 < sentence.end and (title := self._quoted_title(doc[last + 1])) is not None:
                last = title  # "selon une information révélée par « Le Monde »"
        alone = first <= last and doc[first].pos_ == "PRON" and bool(doc[first].morph.get("Person"))  # "lui", not "ce"
        if alone:  # "Pour lui ses tweets sont …": a pronoun is the whole source, comma or not
            last = first
        if last < first:
            return None
        after = doc[last + 1] if last + 1 < sentence.end else None
        while after is not None and after.text == ",":  # "selon le porte-parole, Dmitri Peskov, …"
            comma = next((t for t in doc[after.i + 1: sentence.end] if t.text == ","), None)
            if comma is None or comma.i - after.i > 7 or any(is_finite_verb(t) for t in doc[after.i + 1: comma.i]):
                break
            last, after = comma.i - 1, comma
        head = next((t for t in doc[first: last + 1] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if head is None or head.lemma_.casefold() in self.lexicon.not_speakers:
            return None
        speaker = span_phrase(doc, first, last)
        needs_actor = cue.lemma in self.lexicon.source_needs_actor
        if needs_actor and not self._names_someone(speaker):
            return None
        begin, finish = self.layout.sentence(cue.token)
        opening = all(t.pos_ in ("PUNCT", "CCONJ", "ADV") for t in doc[sentence.start: cue.token.i] if t.idx >= begin)
        after_comma = cue.token.i > sentence.start and cue.token.nbor(-1).text == ","
        if opening and after is not None and after.text == ",":
            return Found(after.idx + 1, OPEN_END, "source", cue, speaker)
        if opening and alone and after is not None and not after.is_punct:
            return Found(after.idx, OPEN_END, "source", cue, speaker)
        if needs_actor or not after_comma:  # "pour" is a source only before what it attributes
            return None
        if after is not None and after.text == ",":
            return Found(begin, finish, "source", cue, speaker)
        if after is None or after.text in SENTENCE_END:
            return Found(begin, cue.token.idx, "source", cue, speaker)
        return None

    def _quoted_title(self, opening: Token) -> int | None:
        """The index of the closing mark of a name written within quotation marks right after
        `opening` (« Le Monde »), a few capitalised words: the name of a newspaper, a book."""
        segment = next((s for s in self.segments if s.open == opening.idx), None)
        words = self.doc.char_span(*segment.content(self.text), alignment_mode="expand") if segment else None
        if words is None or not 0 < len(words) <= 4 or not words[0].text[:1].isupper() \
                or any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        closing = self.layout.token_at(segment.close)
        return closing.i if closing is not None and closing.i < opening.sent.end else None

    def _names_someone(self, phrase: Phrase) -> bool:
        """Whether a source names a person or an actor ("pour lui", "pour Moscou", not "pour le moment")."""
        span = self.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        return (phrase.pronoun or any(e.label_ == "PER" for e in span.ents)
                or any(m["start"] < phrase.end and phrase.start < m["end"] and m.get("actors")
                       for m in self.doc._.actors or ()))

    def _clause_end(self, start: int, cue: Cue, producing: list[Cue]) -> int:
        """Where a clause opened at `start` ends: the sentence end, or before the next cue of the
        sentence that attributes a quote of its own ("…, a-t-il ajouté", "et a précisé que")."""
        sentence = cue.token.sent
        end = self.layout.sentence(self.layout.token_at(start) or cue.token)[1]
        for other in producing:
            if other is cue or other.token.sent != sentence or other.token.idx <= start:
                continue
            group = self.doc[other.group_start].idx
            nested = not other.source and any(  # "que X a affirmé que …": speech reported inside the clause
                c.dep_.startswith("nsubj") and start <= c.idx < group for c in other.token.children)
            if not nested:
                end = min(end, group)
        if not cue.source and not cue.is_finite():  # "Après avoir annoncé que …, le président a évoqué …"
            for token in self.doc[cue.last.i + 1: sentence.end]:
                if token.idx > start and token.text == "," and self._main_clause_follows(token):
                    end = min(end, token.idx)
                    break
        edge = cue.token.right_edge  # "Le président, qui a assuré que tout allait bien, a quitté la salle"
        if not cue.source and start < edge.idx and cue.token.dep_ != "ROOT":
            end = min(end, edge.idx + len(edge))
        for child in cue.token.children:  # "a reconnu que …, désignant comme responsables …"
            edge = child.left_edge
            if child.dep_ in ("advcl", "conj", "parataxis") and edge.idx > start and edge.nbor(-1).text == ",":
                end = min(end, edge.idx)
        tokens = self.doc.char_span(start, end, alignment_mode="contract")
        if tokens is not None and len(tokens):
            last = len(tokens) - 1
            while last > 0 and tokens[last].pos_ in ("PUNCT", "CCONJ") and tokens[last].text not in self.lexicon.closers:
                last -= 1
            end = tokens[last].idx + len(tokens[last])
        return self.layout.whole_quotations(start, end)[1]

    def _main_clause_follows(self, comma: Token) -> bool:
        """Whether a subject and its conjugated verb follow `comma`: "…, le président a évoqué"."""
        for token in self.doc[comma.i + 1: comma.i + 6]:
            if token.dep_.startswith("nsubj"):
                verb = token.head
                return verb.i > token.i and (is_finite_verb(verb) or any(is_finite_verb(c) for c in verb.children
                                                                         if c.dep_.startswith("aux")))
            if token.dep_ not in ("det", "amod", "nmod", "case", "flat:name"):
                return False
        return False

    # --- quotes found from their quotation marks ---------------------------------------------

    def _from_quotation_marks(self, cues: list[Cue]) -> list[Found]:
        found = []
        for segment in self.segments:
            if segment in self.claimed or self._intertitle(segment):
                continue
            opening = self.layout.token_at(segment.open)
            words = self.doc.char_span(*segment.content(self.text), alignment_mode="expand")
            if opening is None or words is None or not any(t.pos_ in CONTENT_POS for t in words):
                continue  # a stray pair of marks around "et"
            item = (self._object_of_verb(segment, opening, cues) or self._after_colon(segment, opening)
                    or self._standing_alone(segment, opening))
            if item:
                self.claimed.add(segment)
                found.append(item)
        return found

    def _intertitle(self, segment: Segment) -> bool:
        """A quotation between the dashes of an intertitle: "la violence.- «Exécuté dans la rue» -"."""
        before = self.text[:segment.open].rstrip()
        after = self.text[segment.close + 1:].lstrip()
        dashes = self.lexicon.intertitle_dashes
        return before.endswith(dashes) and after.startswith(dashes)

    def _object_of_verb(self, segment: Segment, opening: Token, cues: list[Cue]) -> Found | None:
        """"a dénoncé « … »", "désignant comme responsables les « … »": the verb of saying the
        quotation depends on; "a déclaré : « … »", "«…», a-t-il dit, «…»": the nearest one before."""
        first = self.layout.token_at(segment.content(self.text)[0]) or opening
        begin, finish = self.layout.sentence(first)
        verbs = {c.token.i: c for c in cues if not c.source and begin <= c.token.idx < finish}
        cue = next((verbs[t.i] for t in first.ancestors if t.i in verbs), None)
        if cue is None:
            before = [c for c in verbs.values() if c.last.i < opening.i]
            if not before:
                return None
            cue = max(before, key=lambda c: c.token.i)
            between = self.doc[cue.last.i + 1: opening.i]
            if not cue.frames & {"quote", "incise"} or any(is_finite_verb(t) or t.text in SENTENCE_END for t in between):
                return None
        speaker = subject_of(cue, self.lexicon.not_speakers, self._outside(cue))
        if speaker == NOBODY:
            return None
        verb = cue.token
        while speaker is None:  # "«…», a lancé son frère, …, en demandant une « … »"
            incise = verbs.get(verb.i)
            if incise and "incise" in incise.frames and self._before_incise(incise) is not None:
                speaker = inverted_subject(incise, self._outside(incise))
            if verb.dep_ not in SUBJECT_CLIMB + ("parataxis",) or verb.head is verb:
                break
            verb = verb.head
        return Found(*segment.content(self.text), "object", cue, speaker)

    def _after_colon(self, segment: Segment, opening: Token) -> Found | None:
        """"Dmitri Peskov : « … »": a noun phrase, a colon, a quotation."""
        before = self.text[:segment.open].rstrip()
        if not before.endswith(":"):
            return None
        phrase = self.doc.char_span(opening.sent.start_char, len(before) - 1, alignment_mode="contract")
        if phrase is None or not len(phrase) or any(t.pos_ in ("VERB", "AUX") for t in phrase):
            return None
        speaker = span_phrase(self.doc, phrase.start, phrase.end - 1)
        return Found(*segment.content(self.text), "colon", None, speaker)

    def _standing_alone(self, segment: Segment, opening: Token) -> Found | None:
        """A quotation that is a sentence of its own (or follows a colon), a few words long."""
        begin = self.layout.sentence(opening)[0]
        starts_sentence = all(t.is_punct or t.is_space for t in self.doc[opening.sent.start: opening.i] if t.idx >= begin)
        after_colon = self.text[:segment.open].rstrip().endswith(":")
        words = self.doc.char_span(*segment.content(self.text), alignment_mode="expand")
        long_enough = words is not None and (sum(not t.is_punct for t in words) >= 4
                                             or any(is_finite_verb(t) for t in words))
        if (starts_sentence or after_colon) and long_enough:
            return Found(*segment.content(self.text), "alone")
        return None

    def _attribute_alone(self, found: list[Found]) -> None:
        """A lone quotation is said by the person the sentence before it introduces ("Gérard
        Larcher a fait entendre une voix plus mesurée. «…»"), else by the speaker of its
        paragraph's last attributed quote, else of the next one."""
        attributed = sorted((f for f in found if f.rule != "alone" and f.quote["speaker"]), key=lambda f: f.start)
        for item in (f for f in found if f.rule == "alone"):
            paragraph = self.layout.paragraph(item.start)
            near = [f for f in attributed if self.layout.paragraph(f.start) == paragraph]
            before = [f for f in near if f.start < item.start]
            after = [f for f in near if f.start > item.start]
            neighbour = before[-1].quote if before else (after[0].quote if after else None)
            introduced = self.continuity.introduced(item.start, self.found) or self.continuity.following(item.start, item.end)
            if introduced:
                speaker, phrase = introduced
                item.quote.update(speaker=speaker, speaker_mention=phrase.mention(self.text))
            elif neighbour:
                item.quote.update(speaker=neighbour["speaker"], speaker_mention=neighbour["speaker_mention"])
            if introduced or neighbour:
                item.quote.update(confidence=CONFIDENCE["neighbour"])

    # --- the record -------------------------------------------------------------------------

    def _speaker(self, item: Found, last: tuple[dict, int, tuple] | None) -> tuple[dict | None, bool]:
        """The actor of a quote's speaker phrase, and whether the text names it (not inferred).

        A pronoun ("a-t-il ajouté", "selon lui") goes to the person the sentence before
        introduces, else to the speaker of a recent quote of its gender and number, unless
        veille_actors found it someone named since that quote, else to what veille_actors
        resolved, else to the last speaker of the paragraph: news copy keeps to one speaker at
        a time."""
        phrase = item.speaker
        if phrase is None:
            return None, False
        if not phrase.pronoun:
            speaker = self.speakers.resolve(phrase)
            return speaker, speaker is not None
        agreement = self.continuity.agreement(phrase)
        introduced = self.continuity.introduced(min(item.start, phrase.start), self.found, agreement)
        if introduced:
            return introduced[0], False
        speaker = self.speakers.resolve(phrase)
        if last and not agree(last[2], agreement):
            last = None  # "«…», a répondu l'enseignante. «…», a-t-il demandé": not her
        if last and self.layout.recent(last[1], item.start, RECENT_SENTENCES):
            named = self.continuity.named_last(speaker, phrase.start)
            # someone named since the last speaker spoke takes the word: "«…», a déclaré X.
            # Y a décidé … Dans une publication, il dit …"
            return (speaker, False) if named is not None and named > last[1] else (last[0], False)
        if speaker is None and last and self.layout.paragraph(last[1]) == self.layout.paragraph(item.start):
            return last[0], False
        return speaker, False

    def _record(self, item: Found, last: tuple[dict, int, tuple] | None) -> dict:
        start, end = item.start, item.end
        if not any(s.content(self.text) == (start, end) for s in self.segments):  # inside marks: as written
            while start < end and self.text[start] in EDGE:
                start += 1
            while end > start and self.text[end - 1] in EDGE:
                end -= 1
        whole = next((s for s in self.segments if s.open == start and s.close == end - 1), None)
        if whole is not None:  # "a affirmé que «…»": the clause is one quotation
            start, end = whole.content(self.text)
        if end - start < 2:
            return {}
        if item.rule in ("object", "colon", "alone") or any(s.content(self.text) == (start, end) for s in self.segments):
            kind = "direct"
        else:
            kind = "mixed" if any(start <= s.open < end for s in self.segments) else "indirect"
        speaker, stated = self._speaker(item, last)
        weight = 1.0 if stated else 0.67 if speaker else 0.5
        return {"start": start, "end": end, "text": self.text[start:end], "speaker": speaker,
                "speaker_mention": item.speaker.mention(self.text) if item.speaker else None,
                "verb": item.cue.lemma if item.cue else None, "kind": kind,
                "date": self._date(item, start, end), "confidence": round(CONFIDENCE[item.rule] * weight, 2)}

    def _date(self, item: Found, start: int, end: int) -> str | None:
        """The date of the statement when the clause of its verb gives one ("a déclaré mardi"),
        else the article's: never a date inside the quote, never one after publication."""
        published = self.doc._.published
        if item.cue is None or item.cue.source:
            return published
        verb = item.cue.token
        first, last = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
        # the words right after the verb, up to the next punctuation, are its clause even when
        # the parse hangs them elsewhere ('", a tweeté dimanche le salarié X')
        following = next((t for t in verb.doc[verb.i + 1:verb.sent.end] if t.is_punct), None)
        if following is not None:
            last = max(last, following.idx)
        dates = []
        for timex in self.doc._.timexes or ():
            value = timex.get("value") or ""
            if (first <= timex["start"] and timex["end"] <= last and not (start < timex["end"] and timex["start"] < end)
                    and timex.get("type", "DATE") == "DATE" and value[:4].isdigit()
                    and (published is None or value <= published)):
                dates.append((abs(timex["start"] - verb.idx), value))
        return min(dates)[1] if dates else published


def _clause_read_as_noun(subject: Token) -> bool:
    """"Les frontières resteront fermées, a martelé la ministre": the parser made the quoted
    clause the verb's subject, its verb a modifier of the noun."""
    return any(t.dep_ in ("acl", "parataxis") and is_finite_verb(t) for t in subject.children)


def _one_per_stretch(found: list[Found]) -> list[Found]:
    """Of two quotes one of which holds the other, keep the one with a speaker, then the one
    found the surer way, and between equals the longer: "selon lui, …, a-t-il ajouté" is one quote."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (not f.quote["speaker"], RANK[f.rule], f.quote["start"] - f.quote["end"])):
        q = item.quote
        if not any((k.quote["start"] <= q["start"] and q["end"] <= k.quote["end"])
                   or (q["start"] <= k.quote["start"] and k.quote["end"] <= q["end"]) for k in kept):
            kept.append(item)
    return kept
