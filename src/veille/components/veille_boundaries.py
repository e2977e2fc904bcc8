"""The veille_boundaries component: line structure of scraped text, before parsing.

Decides every sentence boundary before the parser runs (the parser respects preset
boundaries): a sentence starts at every line, so that a headline is never glued onto the
sentence that follows it, after sentence-final punctuation followed by a capital or an
opening quote, after the closing dash of an intertitle of wire copy, and before the first
word of a sentence glued onto a heading ("ce lundiLa SNCF"). The statistical parser alone
splits "«" from its quote and cuts sentences after "Lors". Boilerplate lines are recorded
in `doc._.boilerplate`.
"""

from spacy.language import Language
from spacy.tokens import Doc

from spacy.tokens import Token

from veille.cleaning import classify_lines
from veille.extensions import register_extensions
from veille.lang import data


@Language.factory("veille_boundaries", default_config={"lang": "fr"})
def make_boundaries(nlp: Language, name: str, lang: str) -> "LineBoundaries":
    return LineBoundaries(lang)


class LineBoundaries:
    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lang = lang
        self.final = set(data(lang, "punctuation.yaml")["sentence_end"])
        self.openers = set(data(lang, "punctuation.yaml")["quote_open"])
        self.closers = set(data(lang, "punctuation.yaml")["quote_close"])
        self.intertitle_end = set(data(lang, "punctuation.yaml")["intertitle_end"])
        self.glued_openers = set(data(lang, "punctuation.yaml").get("glued_openers") or [])

    def __call__(self, doc: Doc) -> Doc:
        lines = classify_lines(doc.text, self.lang)
        line_starts = {line.start for line in lines}
        for token in doc[1:]:
            token.is_sent_start = token.idx in line_starts or self._follows_sentence_end(token)
        doc._.boilerplate = [[line.start, line.end] for line in lines if line.kind == "boilerplate"]
        return doc

    def _follows_sentence_end(self, token: Token) -> bool:
        if token.is_space or not (token.text[0].isupper() or token.text in self.openers):
            return False
        previous = token.nbor(-1)
        if token.text in self.glued_openers and not previous.whitespace_ and previous.is_alpha:
            return True  # a heading glued onto the sentence after it: "ce lundiLa SNCF"
        if previous.text in self.intertitle_end and previous.i > 0 and previous.nbor(-1).text in self.closers:
            return True  # "- «Quatre ans de plus» -Le vice-président"
        if previous.is_space or (previous.is_punct and previous.text not in self.final and previous.i > 0):
            # a closing quote after the final mark: «… prêt.» Puis …
            previous = previous.nbor(-1) if previous.i > 0 and previous.nbor(-1).text in self.final else previous
        return previous.text in self.final
