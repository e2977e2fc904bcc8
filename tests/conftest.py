"""Shared fixtures: the real pipeline, loaded once, and the seed article."""

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GOLD = Path(__file__).parent / "gold"
SEED_PATH = DATA / "seed-sputnik-2018-trump-poutine.txt"
SEED_DATE = "2018-10-24"


@pytest.fixture(scope="session")
def nlp():
    from veille.pipeline import load

    return load("fr")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_extraction(nlp, seed_text):
    from veille.pipeline import extract

    return extract(nlp, seed_text, date=SEED_DATE, doc_id="seed")
