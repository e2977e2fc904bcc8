"""The assembled pipeline: a spaCy model plus the veille components, and the stream
that turns `Document`s into `Extraction`s (or `Problem`s)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex

from veille.extensions import register_extensions
from veille.lang import SUPPORTED, data
from veille.record import to_extraction
from veille.schema import Document, Extraction, Problem

MODELS = {"fr": "fr_core_news_md"}
COMPONENTS = ("veille_timex", "veille_actors", "veille_quotes", "veille_events")


def load(lang: str = "fr") -> Language:
    """The spaCy model of `lang` with the veille components, ready for `nlp.pipe`."""
    if lang not in MODELS or lang not in SUPPORTED:
        raise ValueError(f"unsupported language: {lang} (supported: {', '.join(sorted(MODELS))})")
    register_extensions()
    nlp = spacy.load(MODELS[lang])
    # scraped copy glues words the model's tokenizer keeps whole
    punctuation = data(lang, "punctuation.yaml")
    prefixes = punctuation.get("split_prefixes") or []
    infixes = punctuation.get("split_infixes") or []
    if openers := punctuation.get("glued_openers"):  # "ce lundiLa SNCF": split before the opener
        infixes = [*infixes, rf"(?<=[^\W\d_]{{2}})(?=(?:{'|'.join(map(re.escape, openers))})\b)"]
    if prefixes:
        nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, *prefixes]).search
    if infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *infixes]).finditer
    nlp.add_pipe("veille_boundaries", first=True, config={"lang": lang})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=None)
def shared(lang: str = "fr") -> Language:
    """One pipeline per language and process, for commands that may run several times."""
    return load(lang)


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenised Doc carrying what the components need to know of its document."""
    doc = nlp.make_doc(document.text)
    doc._.doc_id = document.id
    doc._.published = document.date
    doc._.title = document.title
    return doc


def extract(nlp: Language, text: str, date: str | None = None, title: str | None = None,
            doc_id: str = "doc") -> Extraction:
    """Everything veille finds in one text."""
    return next(iter(extract_many(nlp, [Document(id=doc_id, text=text, date=date, title=title)])))


def extract_many(nlp: Language, documents: Iterable[Document], batch_size: int = 16,
                 n_process: int = 1) -> Iterator[Extraction]:
    """Extractions in input order; a document that fails raises."""
    for document, result in process(nlp, documents, batch_size, n_process):
        if isinstance(result, Problem):
            raise RuntimeError(f"{result.document}: {result.stage}: {result.reason}")
        yield result


def process(nlp: Language, documents: Iterable[Document], batch_size: int = 16,
            n_process: int = 1) -> Iterator[tuple[Document, Extraction | Problem]]:
    """Stream documents through the pipeline, in order, one result per document.

    A batch in which one document breaks a component is run again document by document,
    so that only the faulty one becomes a `Problem` and the others still come through.
    """
    documents = iter(documents)
    while batch := list(islice(documents, batch_size * max(n_process, 1))):
        try:
            docs = list(nlp.pipe((make_doc(nlp, d) for d in batch), batch_size=batch_size,
                                 n_process=n_process))
        except Exception:  # noqa: BLE001 - isolated below, document by document
            for document in batch:
                yield document, _process_one(nlp, document)
            continue
        for document, doc in zip(batch, docs):
            yield document, to_extraction(doc, document)


def _process_one(nlp: Language, document: Document) -> Extraction | Problem:
    try:
        return to_extraction(nlp(make_doc(nlp, document)), document)
    except Exception as error:  # noqa: BLE001 - a bad document must not stop a run
        return Problem(document=document.id, stage="extract", reason=f"{type(error).__name__}: {error}")
