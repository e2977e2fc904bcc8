"""Who speaks: the speaker phrase of a cue, read from the parse: the subject of the verb of
saying (or of the verb it depends on), the inverted subject of an incise, the noun phrase of
"selon X". `veille.quotes.resolution` turns a phrase into an actor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from veille.quotes.cues import Cue, is_clitic, verb_group_start

# Children of a noun that are clauses or circumstances, not part of the name of who speaks.
CLAUSE_DEPS = ("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "xcomp", "obl", "obl:mod", "obl:arg")
# Children of a noun that name the same person: "le porte-parole du Kremlin, Dmitri Peskov".
SAME_PERSON_DEPS = ("appos", "flat", "flat:name", "conj")
# Dependencies through which a verb without subject takes the subject of its head
# ("…, précisant que": the main verb's subject; "a tenu à préciser que"; "et a ajouté que").
SUBJECT_CLIMB = ("advcl", "conj", "xcomp")
NOBODY = "nobody"  # a subject that says no one speaks: "cela veut dire que", "il a été annoncé que"


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase: its character range, and the ranges that name the speaker (its head
    and appositions, not its modifiers: in "le porte-parole de Trump", Trump does not speak)."""

    start: int
    end: int
    core: tuple[tuple[int, int], ...]
    pronoun: bool = False

    def mention(self, text: str) -> dict:
        return {"start": self.start, "end": self.end, "text": text[self.start:self.end]}


def subject_of(cue: Cue, not_speakers: frozenset[str], outside: Callable[[int], bool]) -> Phrase | str | None:
    """The speaker phrase of a verb of saying: its subject, or the subject of the verb it hangs on.
    Words where the speaker cannot be (`outside`: in a quotation, in another sentence) are skipped."""
    verb = cue.token
    if not _subjects(verb, outside) and _subjects(cue.last, outside):
        verb = cue.last  # "Il a fait savoir": the parser may hang the subject on "savoir"
    through_conjunction = False
    for _ in range(5):
        if subjects := _subjects(verb, outside):
            phrase = _subject_phrase(verb, subjects, not_speakers)
            if phrase != NOBODY or not through_conjunction:
                return phrase
            # "reconnu que les chiffres étaient mauvais et a ajouté que": the parser hung the
            # conjunct on the reported clause, whose subject does not speak; go on up
            verb, through_conjunction = verb.head, False
            continue
        if (clitic := clitic_of(verb)) is not None:
            return token_phrase(clitic)
        if (name := _name_before_verb(verb, outside)) is not None:
            return noun_phrase([name.root], name.start, name.end - 1)
        if verb.dep_.startswith("acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # "le ministre, affirmant que …"; not a gerund the parser hung on a noun ("a lancé
            # sa campagne pour un second mandat en accusant …": the subject of "lancé")
            if verb is cue.token and not _has(verb, "mark"):
                return noun_phrase([verb.head], verb.head.sent.start, verb.left_edge.i - 1)
            verb = verb.head  # "a dénoncé la défiance organisée par …, et rappelé …": up to "dénoncé"
        if verb.dep_ not in SUBJECT_CLIMB + ("obj", "obl", "obl:mod", "obl:arg") or verb.head is verb:
            break
        through_conjunction = verb.dep_ == "conj"
        verb = verb.head
    return None


def _subjects(verb: Token, outside: Callable[[int], bool]) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")
            and not c.text.startswith("-") and not c.is_punct and not is_clitic(c) and not outside(c.idx)
            and c.pos_ not in ("VERB", "AUX") and not _object_in_incise(c, verb)]  # a verb is a misparse


def _name_before_verb(verb: Token, outside: Callable[[int], bool]) -> Span | None:
    """A person's name right before the verb group, which the parser did not make its subject
    ("au nom duquel Delphine Batho a regretté": read as an apposition of "nom")."""
    start = verb_group_start(verb)
    doc = verb.doc
    name = next((e for e in doc.ents if e.end == start and e.label_ == "PER"), None)
    if name is None or outside(name.start_char) or any(t.dep_ == "case" for t in name):
        return None
    after_preposition = name.start > verb.sent.start and doc[name.start - 1].pos_ == "ADP"
    return None if after_preposition else name


def _object_in_incise(pronoun: Token, verb: Token) -> bool:
    """"«…», lui a lancé une femme": a pronoun before a verb in incise position, whose subject
    comes after it, is its object, whatever the parser says."""
    if pronoun.pos_ != "PRON" or pronoun.i != verb_group_start(verb) - 1 or pronoun.i == 0:
        return False
    before = pronoun.nbor(-1)
    after = verb.i + 1
    while after < len(verb.doc) and verb.doc[after].pos_ == "DET":
        after += 1
    noun = verb.doc[after] if after < len(verb.doc) else None
    inverted = noun is not None and noun.head.i == verb.i and noun.pos_ in ("NOUN", "PROPN") and not _has(noun, "case")
    return inverted and (before.text == "," or (before.is_punct and before.is_quote))


def _subject_phrase(verb: Token, subjects: list[Token], not_speakers: frozenset[str]) -> Phrase | str:
    head = subjects[0]
    if is_demonstrative(head) or (head.pos_ == "PRON" and is_passive(verb)):
        return NOBODY  # "cela veut dire que", "il a été annoncé que"
    if head.lemma_.casefold() in not_speakers:
        return NOBODY
    if "Rel" in head.morph.get("PronType") and verb.dep_.startswith("acl"):
        return noun_phrase([verb.head], verb.head.sent.start, verb.left_edge.i - 1)  # "Peskov, qui a dit"
    if head.pos_ == "PRON":
        return token_phrase(head)
    low, high = (verb.sent.start, verb_group_start(verb) - 1) if head.i < verb.i else (verb.i + 1, verb.sent.end - 1)
    return noun_phrase(subjects, low, high)


def inverted_subject(cue: Cue, outside: Callable[[int], bool]) -> Phrase | None:
    """The subject after the verb of an incise: "-t-il", "…, a déclaré le porte-parole du Kremlin"."""
    clitic = clitic_of(cue.token, cue.last)
    if clitic is not None:
        return token_phrase(clitic)
    doc, sentence_end = cue.token.doc, cue.token.sent.end
    after = [c for c in cue.token.children if c.i > cue.last.i and not outside(c.idx)]
    subject = next((c for c in after if c.dep_ in ("nsubj", "nsubj:pass") and not c.is_punct), None)
    if subject is None:  # the parser often reads an inverted subject as an object, or not at all
        name = next((e for e in doc.ents if e.label_ == "PER" and cue.last.i < e.start < sentence_end
                     and not any(t.text == "," for t in doc[cue.last.i + 1: e.start])), None)
        subject = _top_noun(name.root, cue.last.i) if name is not None else None
    if subject is None:
        subject = next((c for c in after if c.pos_ in ("NOUN", "PROPN") and not _has(c, "case")
                        and (c.pos_ == "PROPN" or _has(c, "det")) and not _in_timex(c)), None)
    return noun_phrase([subject], cue.last.i + 1, sentence_end - 1) if subject is not None else None


def _top_noun(token: Token, after: int) -> Token:
    """The highest noun above `token` that still follows the verb at `after`: the head of the
    phrase a name ends ("le chef de la diplomatie russe Sergueï Lavrov"), short of a place, a
    circumstance ("dans la salle l'acteur Ozzy Agu") or a date ("a reconnu dimanche le …")."""
    while token.head.i != token.i and token.head.i > after and token.head.pos_ in ("NOUN", "PROPN") \
            and not _has(token.head, "case") and not _in_timex(token.head):
        token = token.head
    return token


def clitic_of(verb: Token, last: Token | None = None) -> Token | None:
    """The subject clitic of a verb: before it after its auxiliary ("a-t-il dit"), or after it ("dit-il")."""
    window = verb.doc[verb_group_start(verb): min((last or verb).i + 3, verb.sent.end)]
    return next((t for t in window if is_clitic(t)), None)


def token_phrase(token: Token) -> Phrase:
    start = token.idx + (1 if token.text.startswith("-") else 0)
    end = token.idx + len(token)
    return Phrase(start, end, ((start, end),), pronoun=token.pos_ == "PRON")


def span_phrase(doc: Doc, first: int, last: int) -> Phrase:
    """A phrase delimited by the text rather than the parse ("selon X, …"): all of it names the speaker."""
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    pronoun = first == last and doc[first].pos_ == "PRON"
    return Phrase(start, end, ((start, end),), pronoun=pronoun)


def noun_phrase(heads: list[Token], low: int, high: int) -> Phrase:
    """The noun phrase of one or more heads, without its clauses, within tokens [low, high]
    (a misparse must not carry the phrase over its verb)."""
    doc = heads[0].doc
    ranges, cores = [], []
    for head in heads:
        excluded = {t.i for node in head.subtree if node is not head and node.dep_ in CLAUSE_DEPS for t in node.subtree}
        first = last = head.i
        while first > max(head.left_edge.i, low) and first - 1 not in excluded and not _ends_phrase(doc[first - 1]):
            first -= 1
        while last < min(head.right_edge.i, high) and last + 1 not in excluded and not _ends_phrase(doc[last + 1]):
            last += 1
        while first < head.i and (doc[first].is_punct or doc[first].pos_ == "CCONJ"):
            first += 1
        while last > head.i and doc[last].is_punct:
            last -= 1
        same = [head] + [t for c in head.children for t in c.subtree if c.dep_ in SAME_PERSON_DEPS
                         or (c.pos_ == "PROPN" and not _has(c, "case"))]  # "le sénateur Toomey"
        entity = next((e for e in doc.ents if e.start <= head.i < e.end and e.label_ == "PER"), None)
        if entity is not None:  # a name the parser split: "Emmanuel" + "Macron"
            first, last, same = min(first, entity.start), max(last, entity.end - 1), same + list(entity)
        name = _name_before(doc[first], low)
        if name is not None:  # "Kayleigh McEnany, porte-parole de la Maison Blanche, a estimé"
            first, same = name.start, same + list(name)
        name = _name_after(doc[last], high)
        if name is not None:  # "son frère, Philonise Floyd, dans un message"
            last, same = name.end - 1, same + list(name)
        ranges.append((doc[first].idx, doc[last].idx + len(doc[last])))
        cores += [(t.idx, t.idx + len(t)) for t in same]
    return Phrase(min(r[0] for r in ranges), max(r[1] for r in ranges), tuple(cores))


def is_demonstrative(token: Token) -> bool:
    return token.pos_ == "PRON" and "Dem" in token.morph.get("PronType")


def is_passive(verb: Token) -> bool:
    return "Pass" in verb.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in verb.children)


def _ends_phrase(token: Token) -> bool:
    """A verb or an auxiliary: where a misparsed noun phrase must stop."""
    return token.pos_ in ("VERB", "AUX") or "Yes" in token.morph.get("Reflex")


def _name_before(first: Token, low: int):
    """A person's name apposed before a title: "Name, title, verb"."""
    doc = first.doc
    if first.i - 2 < low or doc[first.i - 1].text != ",":
        return None
    name = next((e for e in doc.ents if e.end == first.i - 1 and e.label_ == "PER"), None)
    if name is None or name.start < low or _in_timex(doc[name.start]):
        return None  # "Vendredi, Emmanuel Macron a dit": a day, not a name
    opens = name.start == first.sent.start or doc[name.start - 1].is_punct
    return name if opens else None


def _in_timex(token: Token) -> bool:
    return any(t["start"] <= token.idx < t["end"] for t in token.doc._.timexes or ())


def _name_after(last: Token, high: int) -> Span | None:
    """A person's name apposed after a noun phrase: "title, Name," — an entity, or capitalised
    words the model did not tag."""
    doc = last.doc
    start = last.i + 2
    if start > high or doc[last.i + 1].text != ",":
        return None
    entity = next((e for e in doc.ents if e.start == start and e.label_ == "PER"), None)
    end = entity.end if entity is not None else start
    while entity is None and end <= high and doc[end].is_title and doc[end].is_alpha:
        end += 1
    closed = end > high or doc[end].is_punct
    return doc[start:end] if end - start >= 2 and end - 1 <= high and closed else None


def _has(token: Token, dep: str) -> bool:
    return any(c.dep_ == dep for c in token.children)
