"""The veille_timex component (first version: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc

from veille.extensions import register_extensions


@Language.factory("veille_timex")
def make_timex(nlp: Language, name: str) -> "TimexRecognizer":
    return TimexRecognizer()


class TimexRecognizer:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = []
        return doc
