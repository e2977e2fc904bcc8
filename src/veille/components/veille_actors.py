"""The veille_actors component (first version: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc

from veille.extensions import register_extensions


@Language.factory("veille_actors")
def make_actors(nlp: Language, name: str) -> "ActorResolver":
    return ActorResolver()


class ActorResolver:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = []
        return doc
