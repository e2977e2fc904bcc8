"""Near-duplicates: wire copies with small edits are one story; different articles are not."""

import json
import re
from pathlib import Path

import pytest

from veille.ingest.nearduplicates import THRESHOLD, similarity, signature
from veille.schema import Document, Extraction
from veille.store import Store

ARTICLES = sorted((Path(__file__).parent / "data" / "html").glob("*.json"))
TEXTS = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in ARTICLES]


def edited(text: str, every: int) -> str:
    """A copy with one word in `every` replaced, as a desk rewrites a wire story."""
    words = text.split()
    return " ".join("modifié" if n % every == every - 1 else w for n, w in enumerate(words))


def republished(text: str) -> str:
    """The copy of another outlet: its own headline and credit, a paragraph cut, line breaks."""
    sentences = re.split(r"(?<=\.) ", text)
    return "\n\n".join(["Un autre titre pour la même dépêche", "Le Quotidien avec AFP", *sentences[:-2]])


@pytest.mark.parametrize("copy, same_story", [
    (lambda t: t, True),
    (lambda t: t.upper().replace(".", " ."), True),  # case and punctuation do not count
    (lambda t: edited(t, 40), True),
    (republished, True),
    (lambda t: edited(t, 4), False),  # a quarter of the words changed: another text
    (lambda t: t[: len(t) // 3], False),  # a third of the article is not a copy of it
])
def test_copies_with_small_edits_are_near_duplicates(copy, same_story):
    for text in TEXTS:
        assert (similarity(signature(text), signature(copy(text))) >= THRESHOLD) is same_story


def test_different_articles_are_not_near_duplicates():
    signatures = [signature(t) for t in TEXTS]
    assert max(similarity(a, b) for i, a in enumerate(signatures) for b in signatures[i + 1:]) < 0.1


def test_the_store_links_copies_to_the_story_of_the_first(tmp_path):
    original, other = TEXTS[0], TEXTS[1]
    documents = [Document(id="afp", text=original), Document(id="autre", text=other),
                 Document(id="quotidien", text=republished(original)), Document(id="hebdo", text=edited(original, 30))]
    with Store(tmp_path / "v.duckdb") as store:
        for document in documents:
            assert store.add(document, Extraction(id=document.id))
        assert store.stories() == [{"story": "afp", "documents": ["afp", "quotidien", "hebdo"]}]
        assert store.story_of() == {"afp": "afp", "autre": "autre", "quotidien": "afp", "hebdo": "afp"}
    with Store(tmp_path / "v.duckdb") as store:  # links hold across runs
        store.add(Document(id="radio", text=edited(original, 25)), Extraction(id="radio"))
        assert store.story_of()["radio"] == "afp"
