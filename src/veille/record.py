"""From a processed Doc to the public contract."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.schema import ActorMention, Document, Event, Extraction, Quote, Timex


def to_extraction(doc: Doc, document: Document | None = None) -> Extraction:
    return Extraction(
        id=doc._.doc_id or (document.id if document else "doc"),
        timexes=[Timex(**t) for t in doc._.timexes or ()],
        quotes=[Quote(**q) for q in doc._.quotes or ()],
        events=[Event(**e) for e in doc._.events or ()],
        actors=[ActorMention(**a) for a in doc._.actors or ()],
        document=document,
    )
