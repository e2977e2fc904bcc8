"""Every `Doc._` attribute veille reads or writes, declared once.

Values are plain JSON-like data (str, int, lists, dicts) so that docs survive
`n_process > 1` and `DocBin`. Offsets are character offsets into `doc.text`.
"""

from spacy.tokens import Doc

# name: what it holds
DOC_EXTENSIONS = {
    "doc_id": "the document id",
    "published": "publication date, ISO 8601 (YYYY-MM-DD), the anchor of relative dates",
    "title": "document title, when it is not part of the text",
    "boilerplate": "[[start, end], …] character ranges that are not article text (credits, buttons, related headlines)",
    "timexes": "[{start, end, text, value, type, granularity}] temporal expressions",
    "actors": "[{start, end, text, actors: [actor dict], how}] actor mentions resolved to the knowledge base",
    "quotes": "[{start, end, text, speaker, speaker_mention, verb, kind, confidence}] reported speech",
    "events": "[{type, mode, actors, recipients, date, location, modality, evidence, …}] PLOVER events",
}


def register_extensions() -> None:
    """Declare the extensions; safe to call any number of times."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
