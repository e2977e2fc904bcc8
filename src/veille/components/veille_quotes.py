"""The veille_quotes component: who said what, in direct and indirect speech.

Assigned attributes

| attribute | value |
|---|---|
| `doc._.quotes` | `[{start, end, text, speaker, speaker_mention, verb, kind, date, confidence}]`, in text order |

- `start`, `end`, `text`: the quoted words (`doc.text[start:end]`): inside the marks for a
  direct quote, the reported clause for indirect speech ("a déclaré que …" → what follows
  "que"; "…, a déclaré X" → what precedes the incise; "selon X, …" → what follows).
- `speaker`: the actor dict of the `doc._.actors` mention over the speaker phrase, or None;
  `speaker_mention`: that phrase (`{start, end, text}`: "le porte-parole du Kremlin", "il").
- `verb`: the lemma of the verb of saying ("déclarer"), or the source marker ("selon").
- `kind`: `direct` (quotation marks), `indirect` (reported clause), `mixed` (a reported clause
  holding a quotation: "Moscou serait «prêt» à discuter").
- `date`: the statement's date when the clause of its verb gives one ("a déclaré mardi",
  from `doc._.timexes`), else `doc._.published`.
- `confidence`: lower for a quotation given the speaker of its paragraph's neighbours, and for
  a speaker that could not be resolved.

Needs `doc._.actors` (veille_actors), `doc._.timexes` (veille_timex) and `doc._.boilerplate`
(veille_boundaries): quotes on boilerplate lines are never produced. Cues are language data:
`lang/<lang>/speech_verbs.tsv`, `lang/<lang>/reported_speech.yaml`.
"""

from spacy.language import Language
from spacy.tokens import Doc

from veille.extensions import register_extensions
from veille.quotes import Lexicon, find_quotes


@Language.factory("veille_quotes", default_config={"lang": "fr"}, assigns=["doc._.quotes"],
                  requires=["token.dep", "token.pos", "token.lemma"])
def make_quotes(nlp: Language, name: str, lang: str) -> "QuoteExtractor":
    return QuoteExtractor(lang)


class QuoteExtractor:
    def __init__(self, lang: str = "fr") -> None:
        register_extensions()
        self.lexicon = Lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.lexicon)
        return doc
