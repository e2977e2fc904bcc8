"""The comparison key of a name: how two spellings of one name are recognised as equal."""

import unicodedata
from functools import lru_cache

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Case-folded, accent-free, with one kind of apostrophe and single spaces."""
    return " ".join(strip_accents(text.translate(APOSTROPHES)).casefold().split())


def spellings(text: str) -> set[str]:
    """The lower-case spellings a text may take in the news: with or without accents,
    with a straight or a typographic apostrophe."""
    lower = text.casefold()
    forms = {lower, strip_accents(lower)}
    return forms | {form.replace("'", "’") for form in forms}
