"""The assembled pipeline: components found through entry points, streaming with workers,
and a failing document isolated from its batch."""

import subprocess
import sys

import pytest

from spacy.language import Language

from veille.pipeline import COMPONENTS, extract_many, load, process
from veille.schema import Document, Extraction, Problem

from conftest import SEED_DATE, SEED_PATH


def test_components_are_found_without_importing_veille():
    code = ("import spacy; nlp = spacy.blank('fr'); "
            "[nlp.add_pipe(n) for n in ('veille_boundaries', 'veille_timex')]; print(nlp.pipe_names)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['veille_boundaries', 'veille_timex']"


@pytest.mark.model
def test_the_pipeline_holds_every_component_in_order(nlp):
    assert nlp.pipe_names[0] == "veille_boundaries"
    assert nlp.pipe_names[-len(COMPONENTS):] == list(COMPONENTS)


@pytest.mark.model
def test_two_workers_give_what_one_gives(nlp):
    text = SEED_PATH.read_text(encoding="utf-8")
    documents = [Document(id=f"d{i}", text=text, date=SEED_DATE) for i in range(3)]
    one = [x.model_dump(exclude={"document"}) for x in extract_many(nlp, documents, batch_size=1)]
    two = [x.model_dump(exclude={"document"}) for x in extract_many(nlp, documents, batch_size=1, n_process=2)]
    assert one == two and one[0]["events"]


@Language.component("fails_on_boom")
def fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("cannot read BOOM")
    return doc


@pytest.mark.model
def test_a_document_that_breaks_a_component_is_a_problem_and_the_batch_goes_on():
    nlp = load("fr")
    nlp.add_pipe("fails_on_boom")
    documents = [Document(id="fine", text="Emmanuel Macron a reçu Angela Merkel.", date="2019-01-01"),
                 Document(id="broken", text="Un texte BOOM.", date="2019-01-01"),
                 Document(id="fine too", text="Vladimir Poutine a rencontré Donald Trump.", date="2018-07-16")]
    results = {document.id: result for document, result in process(nlp, documents, batch_size=8)}
    assert isinstance(results["fine"], Extraction) and isinstance(results["fine too"], Extraction)
    assert results["broken"] == Problem(document="broken", stage="extract", reason="ValueError: cannot read BOOM")
