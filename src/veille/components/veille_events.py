"""The veille_events component (first version: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc

from veille.extensions import register_extensions


@Language.factory("veille_events")
def make_events(nlp: Language, name: str) -> "EventCoder":
    return EventCoder()


class EventCoder:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc
