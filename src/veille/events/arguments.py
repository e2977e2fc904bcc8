"""The arguments of an event trigger in a dependency parse: who, with whom, when, where.

The statistical parse is noisy on press French (appositions, "entre X et Y" attached to the
wrong noun), so arguments are read from whole subtrees rather than single arcs, and the
subtree of a nested clause or of another trigger is left to that clause or trigger.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

# Universal Dependencies relations, language-neutral.
SUBJECTS = {"nsubj", "nsubj:pass", "csubj"}
CLAUSAL = {"acl:relcl", "ccomp", "advcl", "parataxis", "csubj"}
CONTROL = {"xcomp", "advcl", "dep", "acl", "ccomp", "obl:arg", "nmod"}
COMPLEMENTS = {"obj", "iobj", "obl", "obl:arg", "obl:mod"}


@dataclass
class MentionIndex:
    """Actor mentions of a doc by token, and place names."""

    doc: Doc
    by_token: dict[int, list[int]] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    inside_names: set[int] = field(default_factory=set)  # tokens of organisation and place names: not triggers
    time_tokens: set[int] = field(default_factory=set)  # tokens of temporal expressions

    @classmethod
    def build(cls, doc: Doc, first_person: frozenset[str] = frozenset()) -> MentionIndex:
        """The doc's actor mentions, and, inside an attributed quotation, its speaker at
        each of the `first_person` pronouns ("Nous avons accepté …", a dit X)."""
        index = cls(doc)
        for timex in doc._.timexes or ():
            index.time_tokens.update(t.i for t in doc.char_span(timex["start"], timex["end"], alignment_mode="expand") or ())
        for mention in doc._.actors or ():
            index._add(mention)
        for place in (e for e in doc.ents if e.label_ == "LOC"):  # "son voyage à La Réunion"
            index.inside_names.update(t.i for t in place if t.is_title and t.i != t.sent.start)
        for quote in doc._.quotes or ():
            if not quote.get("speaker"):
                continue
            for token in doc.char_span(quote["start"], quote["end"], alignment_mode="expand") or ():
                if token.lower_ in first_person and token.pos_ == "PRON" and token.i not in index.by_token:
                    index._add({"start": token.idx, "end": token.idx + len(token), "text": token.text,
                                "actors": [quote["speaker"]], "how": "speaker"})
        return index

    def _add(self, mention: dict) -> None:
        n = len(self.mentions)
        self.mentions.append(mention)
        span = self.doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
        self.spans.append(span)
        if span is None:
            return
        for token in span:
            self.by_token.setdefault(token.i, []).append(n)
        if mention.get("how") == "name" and any(a.get("kind") == "organisation" for a in mention["actors"]):
            self.inside_names.update(token.i for token in span)
        else:  # a name inside a role phrase: "la présidente du Rassemblement national"
            self.inside_names.update(token.i for token in span[1:] if token.is_title)

    def mention(self, n: int) -> dict:
        return self.mentions[n]

    def mentions_in(self, tokens: set[int]) -> list[int]:
        found: list[int] = []
        for i in sorted(tokens):
            for n in self.by_token.get(i, ()):
                if n not in found:
                    found.append(n)
        return found


def subtree_without(token: Token, stop: set[int]) -> set[int]:
    """Token indices of the subtree of `token`, leaving out the subtrees rooted at `stop`."""
    result: set[int] = set()
    pending = [token]
    while pending:
        current = pending.pop()
        result.add(current.i)
        pending.extend(child for child in current.children if child.i not in stop)
    return result


def case_of(token: Token) -> str | None:
    """The preposition introducing a nominal ("avec", "à", "de"…), contractions included."""
    for child in token.children:
        if child.dep_ == "case" or (child.dep_ == "mark" and child.pos_ == "ADP"):
            return child.lower_
    return None


def governing_verb(token: Token) -> Token | None:
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in {"VERB", "AUX"} or (current.pos_ == "ADJ" and current.dep_ == "ROOT"):
            return current
    return current if current.pos_ in {"VERB", "AUX"} else None


def subject_of(verb: Token, depth: int = 0, instruments: frozenset[str] = frozenset()) -> list[Token]:
    """The subject of a verb; for an infinitive or participle, the one who controls it: the
    object of the governing verb when it has one ("X exhorte Pékin à renoncer"), else its
    subject ("X propose de rencontrer Y", "avant de s'entretenir"). What a text of law does
    (one of the `instruments` lemmas) is done by whoever adopts it: in "X a signé un décret
    interdisant …", "X a adopté une loi prévoyant de sanctionner …", X acts."""
    subjects = [antecedent(c) for c in verb.children if c.dep_ in SUBJECTS]
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in {"NOUN", "PROPN"} \
            and verb.head.dep_ in COMPLEMENTS and verb.head.head.pos_ in {"VERB", "AUX"} and depth <= 3:
        # "X a répondu aux autorités, et envoyé …": the parse hangs the second verb on the
        # first one's complement; both have the first one's subject
        return subject_of(verb.head.head, depth + 1, instruments)
    predicate = any(c.dep_ == "cop" for c in verb.head.children)
    if not subjects and verb.dep_ == "conj" and predicate:
        # "Je suis un opposant à X, mais j'ai une solidarité avec …": coordinated with a
        # predicate noun, the verb has its subject
        return [antecedent(c) for c in verb.head.children if c.dep_ in SUBJECTS]
    if verb.dep_ == "conj" and verb.head.pos_ in {"NOUN", "PROPN"} and verb.head.i < verb.i and not predicate:
        # "Mark Zuckerberg et Donald Trump se sont entretenus": the parse hangs the verb
        # on the first of two coordinated subjects
        subjects.insert(0, verb.head)
    elif subjects and (first := coordinated_before(subjects[0])) is not None:
        subjects.insert(0, first)  # "… a révélé que Mark Zuckerberg et Donald Trump se sont entretenus"
    elif subjects and (second := coordinated_after(subjects[-1], verb)) is not None:
        subjects.append(second)  # "Vladimir Poutine et Xi Jinping se sont entretenus", Xi read as an adverb
    if subjects or depth > 3 or verb.head.i == verb.i:
        return subjects
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return subject_of(verb.head, depth + 1, instruments)  # "X étaient rassemblés … et criaient leur colère"
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"} and "VerbForm=Part" in str(verb.morph) \
            and "Tense=Pres" in str(verb.morph):
        if (adopter := adopting_verb(verb, instruments)) is not None:
            return subject_of(adopter, depth + 1, instruments)
        return [verb.head]  # "les sénateurs, reprochant à la ministre …"
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and "VerbForm=Part" in str(verb.morph) and depth > 0:
        return [verb.head]  # what it controls is done by the noun: "des entreprises accusées de soutenir X"
    nonfinite = verb.pos_ == "VERB" and bool({"Part", "Inf"} & set(verb.morph.get("VerbForm")))
    if verb.dep_ in CONTROL or (verb.dep_ == "obl:mod" and nonfinite):  # "En s'attaquant à X, Y a …"
        head = verb.head
        if head.pos_ not in {"VERB", "AUX", "ADJ"}:
            head = governing_verb(head) or head
        # not the noun the infinitive hangs on ("a indiqué son intention de mettre en demeure …")
        controllers = [c for c in head.children if c.dep_ in {"obj", "iobj"} and c.i != verb.i
                       and c.pos_ in {"NOUN", "PROPN", "PRON"} and not c.is_ancestor(verb)]
        # an adverbial clause is its subject's purpose, not its object's ("X a lancé une
        # pétition pour demander …")
        if controllers and verb.i > head.i and infinitive(verb) and verb.dep_ != "advcl":
            return controllers
        return subject_of(head, depth + 1, instruments)
    return []


def infinitive(verb: Token) -> bool:
    """An infinitive, also a past one: "rencontrer", "avoir frappé"."""
    return any("VerbForm=Inf" in str(t.morph) for t in [verb, *(c for c in verb.children if c.dep_.startswith("aux"))])


def adopting_verb(verb: Token, instruments: frozenset[str]) -> Token | None:
    """The verb that adopts the text of law whose content a verb states: "a adopté" in "a
    adopté une loi prévoyant de sanctionner", "a signé" in "a signé un décret interdisant"."""
    if "Inf" in verb.morph.get("VerbForm") and verb.dep_ in CONTROL:
        verb = verb.head
    text = verb.head
    # the text is the verb's object (or, set off by commas, read as a bare oblique)
    adopted = text.dep_ in {"obj", "nsubj:pass"} or (text.dep_.startswith("obl") and case_of(text) is None)
    if verb.dep_ != "acl" or "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense") \
            or text.lemma_ not in instruments or not adopted:
        return None
    return governing_verb(text)


def coordinated_before(subject: Token) -> Token | None:
    """A name coordinated before a subject that the parse hung elsewhere: the root of the
    named entity that ends right before the conjunction that opens the subject."""
    doc, left = subject.doc, subject.left_edge.i
    if left < 2 or doc[left - 1].pos_ != "CCONJ" or doc[left - 2].pos_ != "PROPN":
        return None
    name = next((e for e in doc.ents if e.end == left - 1), None)
    return name.root if name is not None and name.root.head.i != subject.head.i else None


def coordinated_after(subject: Token, verb: Token) -> Token | None:
    """A name coordinated after a subject that the parse hung on the verb as a modifier:
    the root of the named entity that opens right after the conjunction that ends it."""
    doc, right = subject.doc, subject.right_edge.i
    if right + 2 >= verb.i or doc[right + 1].pos_ != "CCONJ":
        return None
    name = next((e for e in doc.ents if e.start == right + 2 and e.end <= verb.i), None)
    if name is None or name.root.head.i != verb.i or name.root.dep_ not in {"advmod", "dep", "obl:mod", "nmod"}:
        return None
    return name.root


def antecedent(token: Token) -> Token:
    """What a relative pronoun stands for: "la Chine, qu'il accuse" → Chine; when the parse
    did not hang the clause on it, the nearest noun before ("Macron, avec lequel …")."""
    if "PronType=Rel" not in str(token.morph):
        return token
    if token.head.dep_ == "acl:relcl":
        return one_of(token.head.head)
    for before in reversed(token.doc[token.sent.start:token.i]):
        if before.pos_ in {"NOUN", "PROPN"}:
            return before
    return token


def one_of(noun: Token) -> Token:
    """The person named before a pronoun that picks one of N: in "Marie Dosé, l'un des
    avocats qui ont porté plainte", she is one of those who did."""
    one, doc = noun.head, noun.doc
    before = one.i - 1
    while before > 0 and doc[before].pos_ == "DET":  # "l'"
        before -= 1
    if noun.dep_ == "nmod" and one.pos_ == "PRON" and before >= 1 \
            and doc[before].text == "," and doc[before - 1].pos_ == "PROPN":
        return doc[before - 1]
    return noun


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    result = []
    for token in tokens:
        result.append(token)
        result.extend(c for c in token.conjuncts if c not in result)
    return result


def clause_segment(token: Token, boundaries: frozenset[str]) -> list[Token]:
    """The words around a token up to the nearest punctuation or clause boundary, for what the
    parse attaches wrongly: negation, and objects hung on a date ("a appelé mercredi les
    Nations unies à …")."""
    sent = token.sent
    start, end = token.i, token.i
    while start > sent.start and token.doc[start - 1].lower_ not in boundaries:
        start -= 1
    while end < sent.end - 1 and token.doc[end + 1].lower_ not in boundaries:
        end += 1
    return list(token.doc[start:end + 1])
