"""Language identification, offline, so that a document veille cannot read becomes a Problem
rather than garbage events.

Short texts say too little to be identified reliably: they keep the language their source
declares (the `lang` of a corpus record, a page's `<html lang>`, a feed's language).
"""

from __future__ import annotations

from functools import lru_cache

from lingua import LanguageDetector, LanguageDetectorBuilder

from veille.schema import Document, Problem

MIN_WORDS = 25  # below this the declared language stands: trigrams mislead on a sentence or two
MIN_CONFIDENCE = 0.8  # a detection below this is no evidence against the declared language
SAMPLE_CHARS = 3000  # the opening of a long text says enough


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # every language, so that "unsupported language: de" names the right one;
    # low accuracy mode (trigrams only) is fast and reliable on paragraphs of news
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def identify(text: str) -> str | None:
    """The ISO 639-1 code of the language of `text`, or None when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    ranked = _detector().compute_language_confidence_values(sample)
    if not ranked or ranked[0].value < MIN_CONFIDENCE:
        return None
    return ranked[0].language.iso_code_639_1.name.lower()


def check_language(document: Document, accepted: str, name: str | None = None) -> Document | Problem:
    """The document with its language set, or a Problem when it is not in `accepted`."""
    lang = identify(document.text) or document.lang
    if lang != accepted:
        return Problem(document=name or document.id, stage="language", reason=f"unsupported language: {lang}")
    return document if lang == document.lang else document.model_copy(update={"lang": lang})
