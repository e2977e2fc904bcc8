"""The veille_quotes component (first version: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc

from veille.extensions import register_extensions


@Language.factory("veille_quotes")
def make_quotes(nlp: Language, name: str) -> "QuoteExtractor":
    return QuoteExtractor()


class QuoteExtractor:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc
